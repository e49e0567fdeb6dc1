/**
 * Sätteri hast plugin for the text of rendered Markdown: replaces placeholders
 * that editors write in pages (`{{plafond}}` → `15 000 € HT`, from the settings,
 * so that the ceiling is written once), then applies French spacing
 * (see `format/french-spacing.ts`), in Unicode NFC like every text of the site
 * (`text/text-hygiene.ts`). Code and preformatted text are left alone.
 */
import type { HastNode, HastPluginDefinition, HastVisitorContext } from 'satteri';
import { applyFrenchSpacing } from '../format/french-spacing.ts';
import { normalizeText } from '../text/text-hygiene.ts';

/** Options: the placeholders, by name (`plafond` for `{{plafond}}`). */
export interface SiteTextOptions {
  readonly placeholders: Readonly<Record<string, string>>;
}

const UNTOUCHED_ELEMENTS = new Set(['code', 'pre', 'script', 'style']);

/** Whether a node lies inside code, preformatted text, a script or a style. */
function isUntouched(node: Readonly<HastNode>, context: HastVisitorContext): boolean {
  const parent = context.parent(node);
  if (parent === undefined) return false;
  return (parent.type === 'element' && UNTOUCHED_ELEMENTS.has(parent.tagName)) || isUntouched(parent, context);
}

/**
 * The plugin, one of the site's Markdown processor (`site-markdown.ts`).
 * Each text node (a string) is replaced by its site text when that differs;
 * an unknown placeholder is left as written, so it shows on the page and gets fixed.
 */
export function siteTextPlugin({ placeholders }: SiteTextOptions): HastPluginDefinition {
  const replacePlaceholders = (text: string) =>
    text.replace(/\{\{\s*([a-z_]+)\s*\}\}/g, (whole, name: string) => placeholders[name] ?? whole);
  return {
    name: 'site-text',
    text(node, context) {
      const value = applyFrenchSpacing(replacePlaceholders(normalizeText(node.value)));
      // The ancestors are looked at only for a text that would change: each one is read from
      // Sätteri's tree into JavaScript (issue 13, profiled at 10 000 startups: the plugin took
      // 0.78 CPU-s walking them for every text, 0.61 now).
      if (value === node.value || isUntouched(node, context)) return undefined;
      return { type: 'text', value };
    },
  };
}
