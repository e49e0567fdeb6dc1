/**
 * What the content sync's Markdown worker (`markdown-worker.ts`) and
 * the thread that hands it work (`shared-markdown-worker.ts`) send each other:
 * structured clones over the worker's message port. Each request has a number;
 * its reply carries it back.
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

/** A Markdown file's text, to split into front matter and body. */
export interface EntryInfoJob {
  readonly kind: 'entry-info';
  /** The whole file, front matter included. */
  readonly contents: string;
}

/** A Markdown body to render: one content entry's. */
export interface RenderJob {
  readonly kind: 'render';
  /** The Markdown, front matter removed. */
  readonly body: string;
  /** The entry's front matter as parsed (not validated): the processor's `frontmatter`. */
  readonly frontmatter: Readonly<Record<string, unknown>>;
  /** Absolute path of the entry's file, when it has one. */
  readonly filePath?: string;
}

/** What Astro's Markdown entry type gives for a file (`getEntryInfo`): its parsed front matter and its body. */
export interface EntryInfo {
  /** The front matter, parsed from YAML (not validated); `{}` without one. */
  readonly data: Record<string, unknown>;
  /** The body, front matter and surrounding white space removed. */
  readonly body: string;
  /** The front matter's `slug`: typed as Astro types it, though it is whatever the front matter holds (unused by the glob loader). */
  readonly slug: string;
  /** The front matter's YAML text. */
  readonly rawData: string;
}

/** What each job gives: the entry's info, or Sätteri's result (`code` is the HTML). */
export interface JobResults {
  readonly 'entry-info': EntryInfo;
  readonly render: MarkdownRenderResult;
}

export type MarkdownJob = EntryInfoJob | RenderJob;

/** A job and its number. */
export type JobRequest = MarkdownJob & { readonly id: number };

/**
 * The reply to a {@link JobRequest}: the job's result, or `failed` when it threw
 * (the caller then does it in its own thread, which reports the error as Astro does).
 */
export type JobReply = { readonly id: number; readonly result: JobResults[MarkdownJob['kind']] } | { readonly id: number; readonly failed: true };
