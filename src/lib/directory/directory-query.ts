/**
 * What a visitor asked the directory for, as a value: facet filters (by value
 * slug) and the sort order. Read from and written to the URL query
 * (`?secteur=sante&offre=etude&tri=date`), so that a filtered view can be shared
 * and bookmarked, and applied to the compact index. Pure: used by the
 * directory's browser script and by its tests.
 */
import type { DirectoryIndex, IndexedStartup } from './directory-index.ts';
import { FACET_KEYS, type FacetKey } from './facets.ts';

/** Sort orders: by name (French collation, the default) or most recently joined first. */
export const SORT_ORDERS = ['nom', 'date'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

/** URL parameter of the sort order; absent means `nom`. */
export const SORT_PARAMETER = 'tri';

/** The visitor's query: at most one value slug per facet, and a sort order. */
export interface DirectoryQuery {
  readonly filters: Readonly<Partial<Record<FacetKey, string>>>;
  readonly sort: SortOrder;
}

/** No filter, sorted by name: the directory's home. */
export const EMPTY_QUERY: DirectoryQuery = { filters: {}, sort: 'nom' };

/**
 * Read a query from URL parameters. Unknown parameters and empty values are
 * ignored; an unknown sort falls back to `nom`. A value slug that no startup
 * has is kept (the view then shows no result, as the link asked).
 */
export function parseDirectoryQuery(parameters: URLSearchParams): DirectoryQuery {
  const filters: Partial<Record<FacetKey, string>> = {};
  for (const key of FACET_KEYS) {
    const value = parameters.get(key)?.trim();
    if (value) filters[key] = value;
  }
  const sort = parameters.get(SORT_PARAMETER);
  return { filters, sort: sort === 'date' ? 'date' : 'nom' };
}

/** URL parameters of a query, facets in their display order; the default sort is left out. */
export function toSearchParams(query: DirectoryQuery): URLSearchParams {
  const parameters = new URLSearchParams();
  for (const key of FACET_KEYS) {
    const value = query.filters[key];
    if (value) parameters.set(key, value);
  }
  if (query.sort !== 'nom') parameters.set(SORT_PARAMETER, query.sort);
  return parameters;
}

/** True when the query filters on at least one facet. */
export function hasFilters(query: DirectoryQuery): boolean {
  return FACET_KEYS.some((key) => query.filters[key] !== undefined);
}

/**
 * The startups of the index that match every filter of the query, in the
 * query's order: by name as the index lists them, or by date joined (most
 * recent first, then by name).
 */
export function selectStartups(index: DirectoryIndex, query: DirectoryQuery): IndexedStartup[] {
  const wanted = FACET_KEYS.flatMap((key) => {
    const slug = query.filters[key];
    if (slug === undefined) return [];
    return [{ key, position: index.facets[key].findIndex((value) => value.slug === slug) }];
  });
  const matching = index.startups.filter((startup) => wanted.every(({ key, position }) => startup.values[key].includes(position)));
  if (query.sort === 'nom') return matching;
  // The index is sorted by name, and Array.prototype.sort is stable: equal dates keep that order.
  return matching.sort((left, right) => right.memberSince.localeCompare(left.memberSince));
}
