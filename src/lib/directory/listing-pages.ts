/**
 * The directory's pre-built listing pages, for visitors without JavaScript:
 * every startup by pages of `pageSize` (`/startups/`, `/startups/page/2/`…)
 * and, for each value of each facet, the startups that have it
 * (`/startups/secteur/sante/`, `/startups/secteur/sante/page/2/`…), by name.
 */
import type { DirectoryIndex, IndexedStartup } from './directory-index.ts';
import { FACET_KEYS, type FacetKey, type FacetValue } from './facets.ts';

/** Startups shown on one pre-built listing page. */
export const LISTING_PAGE_SIZE = 24;

/** A facet value a listing is restricted to. */
export interface ListingFacet {
  readonly key: FacetKey;
  readonly value: FacetValue;
}

/** One pre-built listing page. */
export interface ListingPage {
  /** Path after `/startups/`, without slashes around it; `undefined` for `/startups/` itself. */
  readonly route: string | undefined;
  readonly facet: ListingFacet | undefined;
  /** 1-based. */
  readonly page: number;
  readonly pageCount: number;
  /** Startups of the whole listing (all pages). */
  readonly total: number;
  /** Position of the first startup of this page in the listing, 0-based. */
  readonly offset: number;
  readonly startups: readonly IndexedStartup[];
}

/**
 * URL of a listing page: `/startups/`, `/startups/page/3/`,
 * `/startups/secteur/sante/`, `/startups/secteur/sante/page/2/`.
 */
export function listingHref(facet: { readonly key: FacetKey; readonly slug: string } | undefined, page = 1): string {
  const base = facet ? `/startups/${facet.key}/${facet.slug}/` : '/startups/';
  return page > 1 ? `${base}page/${page}/` : base;
}

function route(facet: ListingFacet | undefined, page: number): string | undefined {
  const href = listingHref(facet && { key: facet.key, slug: facet.value.slug }, page);
  const inner = href.slice('/startups/'.length, -1);
  return inner === '' ? undefined : inner;
}

function paginate(facet: ListingFacet | undefined, startups: readonly IndexedStartup[], pageSize: number): ListingPage[] {
  const pageCount = Math.max(1, Math.ceil(startups.length / pageSize));
  return Array.from({ length: pageCount }, (_, index) => ({
    route: route(facet, index + 1),
    facet,
    page: index + 1,
    pageCount,
    total: startups.length,
    offset: index * pageSize,
    startups: startups.slice(index * pageSize, (index + 1) * pageSize),
  }));
}

/**
 * Every listing page of the directory: the whole directory first (at least one
 * page, even when empty), then each facet value in display order.
 * @param pageSize startups per page, at least 1
 */
export function planListingPages(index: DirectoryIndex, pageSize = LISTING_PAGE_SIZE): ListingPage[] {
  const pages = paginate(undefined, index.startups, pageSize);
  for (const key of FACET_KEYS) {
    index.facets[key].forEach((value, position) => {
      const startups = index.startups.filter((startup) => startup.values[key].includes(position));
      pages.push(...paginate({ key, value }, startups, pageSize));
    });
  }
  return pages;
}

/**
 * Page numbers to link to from page `page` of `pageCount`: the first, the
 * last, and the two on each side of the current one; `null` marks a gap.
 * `(6, 20)` → `[1, null, 4, 5, 6, 7, 8, null, 20]`.
 */
export function paginationWindow(page: number, pageCount: number): (number | null)[] {
  const numbers: (number | null)[] = [];
  for (let number = 1; number <= pageCount; number += 1) {
    if (number === 1 || number === pageCount || Math.abs(number - page) <= 2) numbers.push(number);
    else if (numbers.at(-1) !== null) numbers.push(null);
  }
  return numbers;
}
