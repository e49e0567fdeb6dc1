/**
 * The messages by which `astro build` hands the pages to index to the process
 * of `npm run build` (scripts/build.ts), over Node's IPC channel between the
 * two: the integration `src/integrations/pagefind-index.ts` sends them, the
 * indexer `scripts/lib/pagefind-indexer.ts` receives them. Pagefind then runs
 * under a process whose event loop is free (issue 13).
 */
import { z } from 'zod';

/** A rendered page to index, sent as soon as it is rendered, in rendering order. */
const pageToIndex = z.object({
  kind: z.literal('search-index:page'),
  /** The page's URL path, percent-encoded as in a request (`/startups/x/`). */
  pathname: z.string(),
  /** The page's HTML as written to `dist/`, reduced to its indexed part (`keep-indexed-part.ts`). */
  html: z.string(),
});

/** Sent once every page to index is sent (Astro may still render pages that are not indexed): write the index there. */
const indexToWrite = z.object({
  kind: z.literal('search-index:write'),
  /** Absolute path of the index folder (`dist/pagefind`). */
  outputPath: z.string(),
});

/** Any message of the search index: a page to index, or the order to write the index. */
export const searchIndexMessage = z.discriminatedUnion('kind', [pageToIndex, indexToWrite]);

export type PageToIndex = z.infer<typeof pageToIndex>;
export type IndexToWrite = z.infer<typeof indexToWrite>;
export type SearchIndexMessage = z.infer<typeof searchIndexMessage>;
