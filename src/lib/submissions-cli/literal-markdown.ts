/**
 * A visitor's text as a Markdown body that shows it as typed: the site renders
 * content bodies as Markdown with raw HTML, so a typed `<meta http-equiv=…>`,
 * a link or an emphasis would become markup on the published page once the
 * team publishes a draft.
 */
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import type { Root } from 'mdast';

/**
 * @param text plain text; blank lines separate its paragraphs
 * @returns Markdown whose rendering is that text: paragraphs kept, every
 * character that Markdown or HTML would read as markup escaped (by
 * `mdast-util-to-markdown`, from a tree of text nodes, with the GFM extension
 * the site's Markdown uses: without it, a typed address became an autolink
 * that swallowed the escape of the next `<`)
 */
export function literalMarkdown(text: string): string {
  const paragraphs = text.replace(/\r\n?/g, '\n').trim().split(/\n\s*\n/);
  const tree: Root = { type: 'root', children: paragraphs.map((paragraph) => ({ type: 'paragraph', children: [{ type: 'text', value: paragraph.trim() }] })) };
  return toMarkdown(tree, { extensions: [gfmToMarkdown()] }).trimEnd();
}
