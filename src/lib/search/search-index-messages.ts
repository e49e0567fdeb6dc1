/**
 * The messages by which `astro build` hands the pages to index to the process
 * of `npm run build` (scripts/build.ts), over Node's IPC channel between the
 * two (`serialization: 'advanced'`, the structured clone algorithm): the integration `src/integrations/pagefind-index.ts` sends them, the
 * indexer `scripts/lib/pagefind-indexer.ts` receives them. Pagefind then runs
 * under a process whose event loop is free, and writes the index once Astro's
 * process has ended and freed its memory (issue 13).
 */
import { z } from 'zod';

/** A rendered page to index, sent as soon as it is rendered, in rendering order. */
const pageToIndex = z.object({
  kind: z.literal('search-index:page'),
  /** The page's URL path, percent-encoded as in a request (`/startups/x/`). */
  pathname: z.string(),
  /**
   * The page's HTML as written to `dist/` (UTF-8 bytes), reduced to its indexed
   * part (`keep-indexed-part.ts`). Bytes pass the channel as they are (the
   * channel's `advanced` serialization): as a string, they were encoded to
   * JSON and to UTF-8 again for every page (issue 13).
   */
  html: z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'html : octets UTF-8 attendus'),
});

/** Sent once every page is rendered: write the index there. */
const indexToWrite = z.object({
  kind: z.literal('search-index:write'),
  /** Absolute path of the index folder (`dist/pagefind`). */
  outputPath: z.string(),
  /** HTML pages the build rendered, indexed or not (for the build's log). */
  pagesRendered: z.number().int().nonnegative(),
});

/** Any message of the search index: a page to index, or the order to write the index. */
export const searchIndexMessage = z.discriminatedUnion('kind', [pageToIndex, indexToWrite]);

export type PageToIndex = z.infer<typeof pageToIndex>;
export type IndexToWrite = z.infer<typeof indexToWrite>;
export type SearchIndexMessage = z.infer<typeof searchIndexMessage>;
