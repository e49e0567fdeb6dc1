/**
 * The site's search index, built by `npm run build` (scripts/build.ts) from
 * the pages that `astro build`, its child process, renders and sends as it
 * goes (`src/integrations/pagefind-index.ts`, messages of
 * `src/lib/search/search-index-messages.ts`). Pagefind's Node API
 * (https://pagefind.app/docs/node-api/) indexes in French (`<html lang="fr">`,
 * stemming and excerpts), without the pages' interface text
 * (`src/lib/search/interface-text-selectors.ts`), each page with its elisions
 * separated (`src/lib/search/french-elisions.ts`, so that « l’annuaire » is
 * indexed as « l’ » and « annuaire ») and a space after each definition term
 * (`src/lib/search/separate-definition-terms.ts`).
 *
 * Why here and not in Astro's process (issue 13, `npm run bench:build` at
 * 10 000 startups): Pagefind answers each page over a pipe; in Astro's
 * process the answers waited for the event loop between two renders, so
 * rendering stalled on Pagefind a third of the time (render 42 s against 22 s
 * without search). The index is written as soon as the build asks for it,
 * while Astro renders the pages that are not indexed (the directory's listing
 * pages), on the second core.
 */
import { close, createIndex, type PagefindIndex } from 'pagefind';
import { separateElisionsInHtml } from '../../src/lib/search/french-elisions.ts';
import { toPagefindSourcePath } from '../../src/lib/search/pagefind-source-path.ts';
import { INTERFACE_TEXT_SELECTORS } from '../../src/lib/search/interface-text-selectors.ts';
import { separateDefinitionTerms } from '../../src/lib/search/separate-definition-terms.ts';
import type { IndexToWrite, PageToIndex } from '../../src/lib/search/search-index-messages.ts';

/** Fail with Pagefind's own messages when it reports any. */
function check(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind (${step}) : ${errors.join(' ; ')}`);
}

async function createFrenchIndex(): Promise<PagefindIndex> {
  const created = await createIndex({ forceLanguage: 'fr', excludeSelectors: [...INTERFACE_TEXT_SELECTORS] });
  check('création', created.errors);
  if (!created.index) throw new Error('Pagefind : aucun index créé.');
  return created.index;
}

/**
 * Pages added to one Pagefind index one after the other, in the order they
 * were received (Pagefind numbers pages in the order it receives them: pages
 * sent all at once gave a different index at each build). Pages wait in this
 * process while Pagefind works (a few KB each); the first failure is kept and
 * thrown by {@link PagefindIndexer.written}.
 */
export class PagefindIndexer {
  #index: Promise<PagefindIndex> | undefined;
  #last: Promise<void> = Promise.resolve();
  #failure: { error: unknown } | undefined;
  /** Settles once the index is written; undefined until the build asks for it. */
  #writing: Promise<void> | undefined;
  /** Pages added so far. */
  added = 0;

  /** Add a page once the pages received before it are added; a page received once the index is asked for is a failure. */
  add(page: PageToIndex): void {
    if (this.#writing) {
      this.#failure ??= { error: new Error(`Pagefind : la page ${page.pathname} est arrivée après la demande d’écriture de l’index ; elle y manquerait.`) };
      return;
    }
    this.added += 1;
    const file = { sourcePath: toPagefindSourcePath(page.pathname), content: separateDefinitionTerms(separateElisionsInHtml(page.html)) };
    this.#last = this.#last
      .then(() => this.#openIndex())
      .then((index) => index.addHTMLFile(file))
      .then((result) => check('indexation', result.errors))
      .catch((error: unknown) => void (this.#failure ??= { error }));
  }

  /**
   * Start writing the index where the build asks (once every page to index is
   * sent; Astro may still be rendering other pages), as soon as the pages
   * received are added. A second request is ignored.
   */
  requestWrite(request: IndexToWrite): void {
    this.#writing ??= this.#last.then(async () => {
      if (this.#failure) throw this.#failure.error;
      const written = await (await this.#openIndex()).writeFiles({ outputPath: request.outputPath });
      check('écriture', written.errors);
    });
    // Observed by {@link PagefindIndexer.written}; until then a failure is not an unhandled rejection.
    this.#writing.catch(() => undefined);
  }

  /**
   * Wait until the index is written, then end Pagefind's process.
   * @returns the line for the build's log (pages indexed)
   * @throws Error with Pagefind's messages when a page or the writing failed, when a page came after the request to
   *   write, or when the build never asked for the index
   */
  async written(): Promise<string> {
    try {
      if (!this.#writing) throw new Error('Pagefind : le build n’a pas demandé l’écriture de l’index de recherche (intégration pagefind-index absente ?).');
      await this.#writing;
      if (this.#failure) throw this.#failure.error;
      return `${this.added} pages indexées pour la recherche (celles marquées data-pagefind-body).`;
    } finally {
      await this.close();
    }
  }

  /** End Pagefind's process, if it was started (a failed build ends it this way). */
  async close(): Promise<void> {
    if (this.#index) await close();
  }

  #openIndex(): Promise<PagefindIndex> {
    this.#index ??= createFrenchIndex();
    return this.#index;
  }
}
