/**
 * Decap's own slug code, imported by `cms-slug.test.ts` from the ES module
 * builds of decap-cms-core and decap-cms-lib-widgets (the packages type only
 * their public API).
 */
declare module 'decap-cms-core/dist/esm/lib/formatters.js' {
  import type { CmsSlug } from 'decap-cms-core';
  /**
   * The file slug of a new entry: the collection's `slug` template over the entry's data.
   * @param collection the collection's configuration as an Immutable Map
   * @param entryData the entry's fields as an Immutable Map
   */
  export function slugFormatter(collection: unknown, entryData: unknown, slugConfig?: CmsSlug): string;
}

declare module 'decap-cms-core/dist/esm/lib/urlHelper.js' {
  import type { CmsSlug } from 'decap-cms-core';
  /** What Decap puts between a taken slug and its counter (`acme-1`). */
  export function sanitizeChar(char: string, options?: CmsSlug): string;
}

declare module 'decap-cms-lib-widgets/dist/esm/index.js' {
  /** String templates (`{{slug | truncate(80)}}`), used by `slugFormatter`. */
  export const stringTemplate: Record<string, unknown>;
}
