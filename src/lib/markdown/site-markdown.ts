/**
 * The site's Markdown processor (`markdown.processor` in astro.config.mjs):
 * Astro's own, Sätteri (parsing, typographic quotes, dashes and ellipses, and
 * HTML in Rust), with the site's two hast plugins in JavaScript.
 *
 * Raw HTML in a body is parsed into elements (`rawHtml`), as the unified
 * processor did: a tag left open (`<strong>`, `<a>`, `<!--`) is closed at the
 * end of the body instead of running on into the rest of the page, a stray
 * `</div>` is dropped instead of closing the page's `<main>`, and the site's
 * text and table rules apply inside it too.
 */
import { satteri } from '@astrojs/markdown-satteri';
import { accessibleTablesPlugin } from './accessible-tables-plugin.ts';
import { siteTextPlugin, type SiteTextOptions } from './site-text-plugin.ts';
import { formatEurosHt } from '../format/money.ts';
import type { SiteSettings } from '../content-model/collections.ts';

/**
 * The placeholders editors may write in Markdown, from the settings: `{{plafond}}`,
 * the order ceiling (`order_ceiling_ht`, euros HT) as the site writes it (`15 000 € HT`).
 * astro.config.mjs gives them to the processor, the content config to its worker.
 */
export function sitePlaceholders(settings: Pick<SiteSettings, 'order_ceiling_ht'>): SiteTextOptions['placeholders'] {
  return { plafond: formatEurosHt(settings.order_ceiling_ht) };
}

/**
 * The processor, for `defineConfig({ markdown: { processor } })`; tests make a
 * renderer of it with `createRenderer(astroMarkdownOptions)`.
 * @param placeholders the `{{name}}` placeholders editors may write, by name (see `site-text-plugin.ts`)
 */
export function siteMarkdownProcessor(placeholders: SiteTextOptions['placeholders']) {
  return satteri({ features: { rawHtml: true }, hastPlugins: [siteTextPlugin({ placeholders }), accessibleTablesPlugin] });
}
