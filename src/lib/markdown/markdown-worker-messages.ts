/**
 * What the content sync's Markdown worker (`markdown-render-worker.ts`) and
 * the thread that asks it to render (`markdown-render-worker-pool.ts`) send
 * each other: structured clones over the worker's message port.
 */
import type { AstroMarkdownOptions, MarkdownRenderResult } from '@astrojs/internal-helpers/markdown';
import type { SiteTextOptions } from './site-text-plugin.ts';

/** The worker's `workerData`: what it builds the site's Markdown processor from, as Astro does in its own thread. */
export interface MarkdownWorkerData {
  /** The `{{name}}` placeholders (`site-markdown.ts`, `sitePlaceholders`). */
  readonly placeholders: SiteTextOptions['placeholders'];
  /**
   * The options Astro gives `markdown.processor.createRenderer` (`image`,
   * `syntaxHighlight`, `shikiConfig`, `gfm`, `smartypants` of the Astro config).
   */
  readonly rendererOptions: AstroMarkdownOptions;
}

/** A Markdown body to render: one content entry's. */
export interface RenderRequest {
  /** Numbers the request, so that its reply finds it. */
  readonly id: number;
  /** The Markdown, front matter removed. */
  readonly body: string;
  /** The entry's front matter as parsed (not validated): the processor's `frontmatter`. */
  readonly frontmatter: Readonly<Record<string, unknown>>;
  /** Absolute path of the entry's file, when it has one. */
  readonly filePath?: string;
}

/**
 * The reply to a {@link RenderRequest}: Sätteri's result (`code` is the HTML,
 * `metadata` its headings, image paths and front matter), or `failed` when the
 * processor threw (the caller then renders in its own thread, which reports the error as Astro does).
 */
export type RenderReply =
  | ({ readonly id: number } & MarkdownRenderResult)
  | { readonly id: number; readonly failed: true };
