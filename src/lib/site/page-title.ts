/**
 * Page titles (`<title>`), which also say the state of a page (issue 14, RGAA
 * 8.6): a filtered directory and a search give their count, and the build and
 * the browser scripts compose titles the same way.
 */
import { formatCount } from '../format/money.ts';

/** Between the parts of a title: « Rechercher — Premiers bons de commande ». */
export const TITLE_SEPARATOR = ' — ';

/**
 * Compose a page title, most specific part first, the site name last.
 * @param parts what the page is, then what it belongs to (empty parts are skipped)
 * @param siteName the site's name (settings `site_name`)
 */
export function composePageTitle(parts: readonly string[], siteName: string): string {
  return [...parts, siteName].filter((part) => part.trim() !== '').join(TITLE_SEPARATOR);
}

const resultCount = (total: number) => (total === 0 ? 'aucun résultat' : `${formatCount(total)} ${total > 1 ? 'résultats' : 'résultat'}`);

/**
 * The state of a search, for the title: « « annuaire » : 12 résultats ».
 * @param words the visitor's words, as typed
 * @param total number of results, or `undefined` when the search failed
 */
export function describeSearchState(words: string, total: number | undefined): string {
  if (total === undefined) return 'Recherche indisponible';
  return `«\u00a0${words}\u00a0»\u00a0: ${resultCount(total)}`;
}

/**
 * The state of the directory filtered in the browser, for the title:
 * « Startups filtrées : 3 résultats ».
 * @param matching startups matching the criteria
 */
export function describeDirectoryState(matching: number): string {
  return `Startups filtrées\u00a0: ${resultCount(matching)}`;
}

/**
 * The state of a form sent back with errors, put before its title (RGAA 8.6,
 * DSFR practice): « Erreur : 2 champs à corriger — Candidater — … ».
 * @param errorCount number of errors (at least 1)
 */
export function describeFormErrorState(errorCount: number): string {
  return `Erreur\u00a0: ${formatCount(errorCount)} ${errorCount > 1 ? 'champs' : 'champ'} à corriger`;
}
