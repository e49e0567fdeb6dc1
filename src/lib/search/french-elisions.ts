/**
 * French elisions for the search index (issue 14): Pagefind does not treat an
 * apostrophe as a word boundary, so « l’annuaire » was indexed as one word and
 * a search for « annuaire » missed it. Before indexing, a hair space (U+200A,
 * Unicode White_Space, all but invisible in result excerpts) is put after each
 * elided article, pronoun or conjunction — l’ d’ j’ m’ n’ s’ t’ c’ qu’ jusqu’
 * lorsqu’ puisqu’ quoiqu’ (Grevisse, *Le Bon Usage*, § 44–45) — with the
 * typographic (’) or typewriter (') apostrophe. The visitor's query loses its
 * elisions (`removeElisions`), so « l'annuaire », « l’annuaire » and « annuaire »
 * all find, and rank alike, the pages that say « l’annuaire ».
 */

/** The separator put after an elision: HAIR SPACE, a Unicode white space. */
export const ELISION_SEPARATOR = '\u200a';

const ELISION = /(?<![\p{L}\p{N}])((?:jusqu|lorsqu|puisqu|quoiqu|qu|[cdjlmnst])['’])(?=\p{L})/giu;

/**
 * Separate the elisions of a plain text (a search query, or a text node).
 * @param text French text; `l’annuaire` → `l’\u200aannuaire`, `aujourd’hui` unchanged
 */
export function separateElisions(text: string): string {
  return text.replace(ELISION, `$1${ELISION_SEPARATOR}`);
}

/**
 * Remove the elisions of a search query: the elided word (« l’ », « d’ »…) is
 * in almost every page and would only blur the ranking.
 * @param query the visitor's words; `d'acheteur` → `acheteur`
 */
export function removeElisions(query: string): string {
  return query.replace(ELISION, '');
}

/** Elements whose content is not text to index. */
const RAW_TEXT = /(<script\b[\s\S]*?<\/script>|<style\b[\s\S]*?<\/style>|<!--[\s\S]*?-->|<[^>]*>)/gi;

/**
 * Separate the elisions of the text of a built HTML page, leaving markup,
 * attributes, scripts and styles untouched (the page is split at its tags, the
 * even parts are text).
 * @param html a complete page as written by `astro build`
 */
export function separateElisionsInHtml(html: string): string {
  return html
    .split(RAW_TEXT)
    .map((part, index) => (index % 2 === 0 ? separateElisions(part) : part))
    .join('');
}
