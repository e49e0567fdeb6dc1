import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { applyFrenchSpacing } from '../../../src/lib/format/french-spacing.ts';
import { siteMarkdownProcessor } from '../../../src/lib/markdown/site-markdown.ts';
import { literalMarkdown } from '../../../src/lib/submissions-cli/literal-markdown.ts';

// The site's Markdown processor (raw HTML parsed, GFM, French spacing), without its typographic
// quotes, to compare texts as typed (and spaced as the site spaces any text).
const processor = await siteMarkdownProcessor({}).createRenderer({ smartypants: false, syntaxHighlight: false });

/**
 * The elements and paragraph texts of the page the site would render from
 * `markdown`. GFM links a typed address (`https://…`, `www.…`, `…@…`) to
 * itself: a visible link showing what was typed, not hidden markup, so such
 * links are left out of the elements.
 */
async function rendered(markdown: string): Promise<{ elements: string[]; paragraphs: string[] }> {
  const tree = fromHtml((await processor.render(markdown)).code, { fragment: true });
  const elements: string[] = [];
  const paragraphs: string[] = [];
  const textOf = (node: { type: string; value?: string; children?: unknown[] }): string =>
    node.type === 'text' ? node.value! : (node.children ?? []).map((child) => textOf(child as never)).join('');
  const visit = (node: { type: string; tagName?: string; properties?: { href?: unknown }; children?: unknown[] }) => {
    const linksToItsText = node.tagName === 'a' && decodeURI(String(node.properties?.href)).endsWith(textOf(node as never));
    if (node.type === 'element' && !linksToItsText) {
      elements.push(node.tagName!);
      if (node.tagName === 'p') paragraphs.push(textOf(node as never));
    }
    for (const child of node.children ?? []) visit(child as never);
  };
  visit(tree as never);
  return { elements, paragraphs };
}

describe('literalMarkdown', () => {
  it.each([
    ['a meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example/"> s’engage à considérer…'],
    ['a form', '<form action="https://evil.example/"><button>Valider</button></form>'],
    ['a comment and a script', '<!-- caché --><script>alert(1)</script>'],
    ['emphasis, a link and an image', '*très* _bien_ [cliquez](https://evil.example) ![x](https://evil.example/x.png)'],
    ['a heading, a list and a quote', '# Titre'],
    ['an ordered list', '1. premier'],
    ['a dash list', '- tiret'],
    ['a quote', '> citation'],
    ['entities and backslashes', '&amp; &lt;b&gt; \\* AT&T'],
    ['code', '`code` ```bloc```'],
    ['an autolink', '<https://evil.example>'],
    ['addresses GFM would link', 'https://evil.example/"><b>gras</b> www.evil.example jeanne@evil.example'],
  ])('%s renders as the text typed, in one paragraph', async (_case, text) => {
    expect(await rendered(literalMarkdown(text))).toEqual({ elements: ['p'], paragraphs: [applyFrenchSpacing(text)] });
  });

  it('keeps paragraphs separated by blank lines, whatever the line endings', async () => {
    const text = 'Nous concevons des capteurs.\r\n\r\nNous testons <b>vite</b>.\n\n\nMulhouse';
    expect(await rendered(literalMarkdown(text))).toEqual({ elements: ['p', 'p', 'p'], paragraphs: ['Nous concevons des capteurs.', 'Nous testons <b>vite</b>.', 'Mulhouse'] });
  });
});
