/**
 * The part of a built page that Pagefind reads, so that the build hands it only
 * that (src/integrations/pagefind-index.ts). With an element marked
 * `data-pagefind-body`, Pagefind indexes that element alone and takes the
 * page's title from its first `<h1>` (https://pagefind.app/docs/indexing/,
 * https://pagefind.app/docs/metadata/); the head, header and footer of every
 * page only cost parsing, in Node (elisions, the message to Pagefind's
 * process) and in Pagefind (issue 13: at 10 000 startups Pagefind's process
 * took a third of the build's CPU). The search index built from this part is
 * byte for byte the one built from the whole page (checked on the benchmark's
 * sites; `tests/e2e/french-search.test.ts` searches the built index).
 */

/** Opens the main element of BaseLayout.astro, which carries `data-pagefind-body` on indexed pages. */
const MAIN_START = '<main';
const MAIN_END = '</main>';

/**
 * The page reduced to its main element, in a document of the page's language.
 * @param html a complete page as written by `astro build` (BaseLayout.astro: one `<main>`, `<html lang="…">`)
 * @returns `<html lang="fr"><body><main …>…</main></body></html>`; the page unchanged when it has no main element
 */
export function keepIndexedPart(html: string): string {
  const start = html.indexOf(MAIN_START);
  const end = html.lastIndexOf(MAIN_END);
  if (start === -1 || end < start) return html;
  const language = /<html\b[^>]*\blang="([^"]*)"/.exec(html)?.[1];
  const opening = language === undefined ? '<html>' : `<html lang="${language}">`;
  return `<!DOCTYPE html>${opening}<body>${html.slice(start, end + MAIN_END.length)}</body></html>`;
}
