/**
 * Rehype plugin for the text of rendered Markdown: replaces placeholders that
 * editors write in pages (`{{plafond}}` → `15 000 € HT`, from the settings, so
 * that the ceiling is written once), then applies French spacing
 * (see `format/french-spacing.ts`), in Unicode NFC like every text of the site
 * (`text/text-hygiene.ts`). Code and preformatted text are left alone.
 */
import { applyFrenchSpacing } from '../format/french-spacing.ts';
import { normalizeText } from '../text/text-hygiene.ts';

interface HastNode {
  type: string;
  tagName?: string;
  value?: string;
  children?: HastNode[];
}

/** Options: the placeholders, by name (`plafond` for `{{plafond}}`). */
export interface SiteTextOptions {
  readonly placeholders: Readonly<Record<string, string>>;
}

const UNTOUCHED_ELEMENTS = new Set(['code', 'pre', 'script', 'style']);

/**
 * The plugin: `unified({ rehypePlugins: [[rehypeSiteText, { placeholders }]] })`.
 * An unknown placeholder is left as written, so it shows on the page and gets fixed.
 */
export function rehypeSiteText({ placeholders }: SiteTextOptions) {
  const replacePlaceholders = (text: string) =>
    text.replace(/\{\{\s*([a-z_]+)\s*\}\}/g, (whole, name: string) => placeholders[name] ?? whole);
  const visit = (node: HastNode): void => {
    if (node.type === 'text' && node.value !== undefined) {
      node.value = applyFrenchSpacing(replacePlaceholders(normalizeText(node.value)));
      return;
    }
    if (node.type === 'element' && node.tagName !== undefined && UNTOUCHED_ELEMENTS.has(node.tagName)) return;
    node.children?.forEach(visit);
  };
  return (tree: HastNode): void => visit(tree);
}
