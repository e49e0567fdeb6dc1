/**
 * Decap's own slug code, imported by `cms-slug.test.ts` from decap-cms-core's
 * ES module build (the package types only its public API).
 */
declare module 'decap-cms-core/dist/esm/lib/formatters.js' {
  import type { Map } from 'immutable';
  import type { CmsSlug } from 'decap-cms-core';
  /** The file slug of a new entry: the collection's `slug` template over the entry's data. */
  export function slugFormatter(collection: Map<string, unknown>, entryData: Map<string, unknown>, slugConfig?: CmsSlug): string;
}

declare module 'decap-cms-core/dist/esm/lib/urlHelper.js' {
  import type { CmsSlug } from 'decap-cms-core';
  /** What Decap puts between a taken slug and its counter (`acme-1`). */
  export function sanitizeChar(char: string, options?: CmsSlug): string;
}
