/**
 * Astro integration: indexes the site with Pagefind's Node API while
 * `astro build` renders it, so every build (deploys and tests alike) ships its
 * search index in `/pagefind/`. Each page is handed to Pagefind as soon as it
 * is rendered (the build's prerenderer is wrapped, `setPrerenderer` of
 * `astro:build:start`): Pagefind's own process indexes on the second core
 * while Node renders the next pages, instead of reading every page back from
 * `dist/` once the build is done — that pass took 12 % of a build at 1 000
 * startups and 29 % at 10 000, alone at the end (issue 13). The HTML handed
 * over is the HTML written to `dist/`, unchanged. Only pages whose main element
 * carries `data-pagefind-body` are indexed (see BaseLayout.astro); the others
 * (the thousands of directory listing pages, which repeat the profiles) are not
 * handed over at all. The language is French (`<html lang="fr">`, stemming and
 * excerpts). Each page is handed over with its French elisions separated
 * (`src/lib/search/french-elisions.ts`), so that « l’annuaire » is indexed as
 * « l’ » and « annuaire ». The index is written in `astro:build:done`.
 * (Astro's experimental incremental build, which skips unchanged pages, is not
 * enabled: a skipped page would be missing from the index.)
 * https://pagefind.app/docs/node-api/
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { close, createIndex, type PagefindIndex } from 'pagefind';
import { separateElisionsInHtml } from '../lib/search/french-elisions.ts';
import { keepIndexedPart } from '../lib/search/keep-indexed-part.ts';
import { toPagefindSourcePath } from '../lib/search/pagefind-source-path.ts';

/** Marks the main element of a page to index (BaseLayout.astro); Pagefind drops the pages without it. */
const INDEXED_PAGE_MARK = 'data-pagefind-body';

/**
 * Pages handed to Pagefind and not yet indexed, at most: rendering waits beyond
 * it, so that a slower Pagefind never holds thousands of pages in memory.
 */
const MAX_PAGES_IN_FLIGHT = 16;

/** Fail the build with Pagefind's own messages when it reports any. */
function check(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind (${step}) : ${errors.join(' ; ')}`);
}

/**
 * Pages handed to one Pagefind index one after the other, in the order they
 * were rendered (Pagefind numbers pages in the order it receives them: pages
 * sent all at once gave a different index at each build), with at most
 * {@link MAX_PAGES_IN_FLIGHT} waiting.
 */
class IndexingQueue {
  readonly #index: PagefindIndex;
  /** The pages handed over and not yet indexed, oldest first; each settles once Pagefind is done with it. */
  readonly #waiting: Promise<void>[] = [];
  #last: Promise<void> = Promise.resolve();
  #failure: { error: unknown } | undefined;
  /** HTML pages seen and pages handed to Pagefind. */
  read = 0;
  added = 0;

  constructor(index: PagefindIndex) {
    this.#index = index;
  }

  /** Hand a rendered page over if it is marked; resolves once there is room for the next one. */
  async offer(pathname: string, html: string): Promise<void> {
    this.read += 1;
    if (!html.includes(INDEXED_PAGE_MARK)) return;
    this.added += 1;
    const page = { sourcePath: toPagefindSourcePath(pathname), content: separateElisionsInHtml(keepIndexedPart(html)) };
    this.#last = this.#last
      .then(() => this.#index.addHTMLFile(page))
      .then((result) => check('indexation', result.errors))
      .catch((error: unknown) => void (this.#failure ??= { error }));
    this.#waiting.push(this.#last);
    if (this.#waiting.length > MAX_PAGES_IN_FLIGHT) await this.#waiting.shift();
    this.#throwFailure();
  }

  /** Wait for every page handed over; throws the first failure. */
  async settle(): Promise<void> {
    await this.#last;
    this.#throwFailure();
  }

  #throwFailure(): void {
    if (this.#failure) throw this.#failure.error;
  }
}

/** The integration; add it last in `integrations`. */
export function pagefindIndex(): AstroIntegration {
  let queue: IndexingQueue | undefined;
  let index: PagefindIndex | undefined;
  return {
    name: 'pagefind-index',
    hooks: {
      'astro:build:start': async ({ setPrerenderer }) => {
        const created = await createIndex({ forceLanguage: 'fr' });
        check('création', created.errors);
        if (!created.index) throw new Error('Pagefind : aucun index créé.');
        index = created.index;
        const pages = new IndexingQueue(index);
        queue = pages;
        setPrerenderer((prerenderer) => ({
          ...prerenderer,
          name: `${prerenderer.name}+pagefind-index`,
          async render(request, options) {
            const result = await prerenderer.render(request, options);
            const response = result instanceof Response ? result : result.response;
            if (!response.headers.get('content-type')?.startsWith('text/html') || (response.status >= 300 && response.status < 400)) return result;
            const html = await response.text();
            await pages.offer(new URL(request.url).pathname, html);
            const copy = new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
            return result instanceof Response ? copy : { ...result, response: copy };
          },
        }));
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!queue || !index) throw new Error('Pagefind : l’index n’a pas été créé au début du build.');
        try {
          await queue.settle();
          const written = await index.writeFiles({ outputPath: join(fileURLToPath(dir), 'pagefind') });
          check('écriture', written.errors);
          logger.info(`${queue.added} pages indexées pour la recherche sur ${queue.read} (celles marquées ${INDEXED_PAGE_MARK}).`);
        } finally {
          await close();
        }
      },
    },
  };
}
