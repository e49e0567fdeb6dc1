/**
 * The site's search index, built by `npm run build` (scripts/build.ts) from
 * the pages that `astro build`, its child process, renders and sends as it
 * goes (`src/integrations/pagefind-index.ts`, messages of
 * `src/lib/search/search-index-messages.ts`). Pagefind's Node API
 * (https://pagefind.app/docs/node-api/) indexes in French (`<html lang="fr">`,
 * stemming and excerpts), each page with its elisions separated
 * (`src/lib/search/french-elisions.ts`, so that « l’annuaire » is indexed as
 * « l’ » and « annuaire »).
 *
 * Why here and not in Astro's process (issue 13, `npm run bench:build` at
 * 10 000 startups): Pagefind answers each page over a pipe; in Astro's
 * process the answers waited for the event loop between two renders, so
 * rendering stalled on Pagefind a third of the time (render 42 s against 22 s
 * without search). And Pagefind's writing of the index peaks at ~1.2 GB: here
 * it runs once Astro's process (~1 GB) has ended.
 */
import { close, createIndex, type PagefindIndex } from 'pagefind';
import { separateElisionsInHtml } from '../../src/lib/search/french-elisions.ts';
import { toPagefindSourcePath } from '../../src/lib/search/pagefind-source-path.ts';
import type { IndexToWrite, PageToIndex } from '../../src/lib/search/search-index-messages.ts';

/** Fail with Pagefind's own messages when it reports any. */
function check(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind (${step}) : ${errors.join(' ; ')}`);
}

async function createFrenchIndex(): Promise<PagefindIndex> {
  const created = await createIndex({ forceLanguage: 'fr' });
  check('création', created.errors);
  if (!created.index) throw new Error('Pagefind : aucun index créé.');
  return created.index;
}

/**
 * Pages added to one Pagefind index one after the other, in the order they
 * were received (Pagefind numbers pages in the order it receives them: pages
 * sent all at once gave a different index at each build). Pages wait in this
 * process while Pagefind works (a few KB each); the first failure is kept and
 * thrown by {@link PagefindIndexer.write}.
 */
export class PagefindIndexer {
  #index: Promise<PagefindIndex> | undefined;
  #last: Promise<void> = Promise.resolve();
  #failure: { error: unknown } | undefined;
  #request: IndexToWrite | undefined;
  /** Pages added so far. */
  added = 0;

  /** Add a page once the pages received before it are added. */
  add(page: PageToIndex): void {
    this.added += 1;
    const file = { sourcePath: toPagefindSourcePath(page.pathname), content: separateElisionsInHtml(page.html) };
    this.#last = this.#last
      .then(() => this.#openIndex())
      .then((index) => index.addHTMLFile(file))
      .then((result) => check('indexation', result.errors))
      .catch((error: unknown) => void (this.#failure ??= { error }));
  }

  /** Remember where to write the index, once the build has ended (`astro:build:done`). */
  requestWrite(request: IndexToWrite): void {
    this.#request = request;
  }

  /**
   * Write the index where the build asked, once every page is added; then end
   * Pagefind's process.
   * @returns the line for the build's log (pages indexed out of pages rendered)
   * @throws Error with Pagefind's messages when a page or the writing failed, or when the build never asked for the index
   */
  async write(): Promise<string> {
    try {
      await this.#last;
      if (this.#failure) throw this.#failure.error;
      if (!this.#request) throw new Error('Pagefind : le build n’a pas demandé l’écriture de l’index de recherche (intégration pagefind-index absente ?).');
      const written = await (await this.#openIndex()).writeFiles({ outputPath: this.#request.outputPath });
      check('écriture', written.errors);
      return `${this.added} pages indexées pour la recherche sur ${this.#request.pagesRendered} (celles marquées data-pagefind-body).`;
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
