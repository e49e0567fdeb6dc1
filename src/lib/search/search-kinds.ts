/**
 * Kinds of page in the site search, shown on each result (Pagefind meta and
 * filter `type`, set on a page's main element by BaseLayout.astro).
 */
export const SEARCH_KINDS = ['Startup', 'Acheteur', 'Bon de commande', 'Actualité', 'Page'] as const;

export type SearchKind = (typeof SEARCH_KINDS)[number];
