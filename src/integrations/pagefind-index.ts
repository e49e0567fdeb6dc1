/**
 * Astro integration: hands every page to index, as soon as it is rendered, to
 * the site's search indexer in the process of `npm run build`
 * (scripts/build.ts, `scripts/lib/pagefind-indexer.ts`), which builds the
 * Pagefind index while Astro renders the next pages (issue 13: in Astro's own
 * process, rendering waited on Pagefind a third of the time). Every build goes
 * through `npm run build` (deploys, tests, `npm run bench:build`); `astro build`
 * run alone fails at the start, naming the command to run, rather than ship a
 * site without search.
 *
 * The build's prerenderer is wrapped (`setPrerenderer` of `astro:build:start`)
 * and the HTML handed over is the HTML written to `dist/`, reduced to its
 * indexed part (`src/lib/search/keep-indexed-part.ts`). Only pages whose main
 * element carries `data-pagefind-body` are indexed (see BaseLayout.astro); the
 * others are not handed over at all. Messages go over Node's IPC channel
 * (`src/lib/search/search-index-messages.ts`) in rendering order.
 *
 * The routes named in `renderedWhileIndexWrites` (the thousands of directory
 * listing pages, which repeat the profiles and are not indexed) are rendered
 * after all the others; when Astro asks for the first of their pages, the
 * order to write the index is queued behind the pages asked for before it:
 * Pagefind writes the index on the second core while Astro renders them,
 * instead of after Astro's process has ended (issue 13: Pagefind's
 * single-threaded writing, 6–12 s at 10 000 startups, was the build's last
 * step). A page of those routes that carries the mark fails the build, as it
 * would be missing from the index. (Astro renders i18n fallback routes in a
 * phase of their own, after these; the site has none.)
 * (Astro's experimental incremental build, which skips unchanged pages, is not
 * enabled: a skipped page would be missing from the index.)
 */
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { keepIndexedPart } from '../lib/search/keep-indexed-part.ts';
import type { SearchIndexMessage } from '../lib/search/search-index-messages.ts';

/** Marks the main element of a page to index (BaseLayout.astro); Pagefind drops the pages without it. */
const INDEXED_PAGE_MARK = 'data-pagefind-body';

/**
 * Send a message to the indexer; resolves once it is written to the channel
 * (so that no message is lost when Astro's process exits, and rendering waits
 * while the indexer's process lags behind).
 * @throws Error when the channel is closed (the indexer's process ended)
 */
function sendToIndexer(message: SearchIndexMessage): Promise<void> {
  return new Promise((resolve, reject) => {
    process.send!(message, undefined, {}, (error) => (error ? reject(new Error(`Index de recherche : ${error.message}`)) : resolve()));
  });
}

type RenderResult = Awaited<ReturnType<AstroPrerenderer['render']>>;

/**
 * Render a page, reading its HTML when it is an HTML page (not a redirect);
 * the result then carries a copy of the response, as its body is read. The
 * HTML stays bytes (UTF-8), as Astro writes it: it is decoded only for a page
 * to index (issue 13: decoding every page to a string and encoding it back for
 * the copy made a 10 000-startup build's rendering take 31.9 s against 23.6 s).
 */
async function renderReadingHtml(prerenderer: AstroPrerenderer, ...args: Parameters<AstroPrerenderer['render']>): Promise<{ result: RenderResult; html?: Buffer }> {
  const result = await prerenderer.render(...args);
  const response = result instanceof Response ? result : result.response;
  if (!response.headers.get('content-type')?.startsWith('text/html') || (response.status >= 300 && response.status < 400)) return { result };
  const html = Buffer.from(await response.arrayBuffer());
  const copy = new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
  return { result: result instanceof Response ? copy : { ...result, response: copy }, html };
}

/** Options of {@link pagefindIndex}. */
export interface PagefindIndexOptions {
  /**
   * Route components (`src/pages/startups/[...listing].astro`, as Astro's
   * `RouteData.component`) whose pages are not indexed: rendered last, while
   * Pagefind writes the index.
   */
  readonly renderedWhileIndexWrites?: readonly string[];
}

/**
 * The integration; add it last in `integrations`.
 * @throws Error (at `astro:build:start`) when the build is not run by `npm run build`; (while rendering) when a page of
 *   `renderedWhileIndexWrites` carries `data-pagefind-body`, naming the page and its route
 */
export function pagefindIndex({ renderedWhileIndexWrites = [] }: PagefindIndexOptions = {}): AstroIntegration {
  const renderedLast = new Set(renderedWhileIndexWrites);
  let outputPath = '';
  let pagesRendered = 0;
  let pagesIndexed = 0;
  /** Settles once the pages asked for so far are sent (with `build.concurrency` above 1, Astro renders several at a time). */
  let sentSoFar: Promise<void> = Promise.resolve();
  /** Settles once the order to write the index is sent, after every page to index; undefined until then. */
  let writeRequested: Promise<void> | undefined;
  const requestWrite = () => (writeRequested ??= sentSoFar.then(() => sendToIndexer({ kind: 'search-index:write', outputPath })));
  return {
    name: 'pagefind-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        outputPath = join(fileURLToPath(config.outDir), 'pagefind');
      },
      'astro:build:start': ({ setPrerenderer }) => {
        if (!process.send) {
          throw new Error('L’index de recherche est construit par npm run build (scripts/build.ts) : lancez le build avec npm run build, pas astro build.');
        }
        setPrerenderer((prerenderer) => ({
          ...prerenderer,
          name: `${prerenderer.name}+pagefind-index`,
          // The routes rendered while the index is written come last, in the order Astro gave them.
          async getStaticPaths() {
            const paths = await prerenderer.getStaticPaths();
            return [...paths.filter(({ route }) => !renderedLast.has(route.component)), ...paths.filter(({ route }) => renderedLast.has(route.component))];
          },
          // Pages are sent in the order Astro asks for them, whatever order their renders end in, so
          // that Pagefind numbers them alike at every build.
          async render(...args) {
            const [request, { routeData }] = args;
            const afterIndex = renderedLast.has(routeData.component);
            // Observed here so that a closed channel is not an unhandled rejection; `astro:build:done` awaits it.
            if (afterIndex) requestWrite().catch(() => undefined);
            const rendering = renderReadingHtml(prerenderer, ...args);
            // With pages rendering at a time (build.concurrency), this render may fail while an earlier
            // page is still being sent: observed here, its error still fails the build through `sent`.
            rendering.catch(() => undefined);
            const sent = sentSoFar.then(async () => {
              const { html } = await rendering;
              if (html === undefined) return;
              pagesRendered += 1;
              if (!html.includes(INDEXED_PAGE_MARK)) return;
              const pathname = new URL(request.url).pathname;
              if (afterIndex) {
                throw new Error(
                  `Index de recherche : la page ${pathname} (${routeData.component}) porte ${INDEXED_PAGE_MARK}, mais sa route est rendue pendant l’écriture de l’index (renderedWhileIndexWrites dans astro.config.mjs) ; elle manquerait à la recherche.`,
                );
              }
              pagesIndexed += 1;
              await sendToIndexer({ kind: 'search-index:page', pathname, html: keepIndexedPart(html.toString('utf8')) });
            });
            // A failed page fails the build through its own render; the pages after it are still sent in turn.
            sentSoFar = sent.catch(() => undefined);
            await sent;
            return (await rendering).result;
          },
        }));
      },
      'astro:build:done': async ({ logger }) => {
        await sentSoFar;
        await requestWrite();
        logger.info(`${pagesRendered} pages rendues, dont ${pagesIndexed} pour la recherche ; npm run build écrit l’index de recherche.`);
      },
    },
  };
}
