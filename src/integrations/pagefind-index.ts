/**
 * Astro integration: hands every page to index, as soon as it is rendered, to
 * the site's search indexer in the process of `npm run build`
 * (scripts/build.ts, `scripts/lib/pagefind-indexer.ts`), which builds the
 * Pagefind index while Astro renders the next pages and writes it to
 * `/pagefind/` once Astro's process has ended (issue 13: in Astro's own process,
 * rendering waited on Pagefind a third of the time and the index's writing
 * added ~1.2 GB to Astro's memory). Every build goes through `npm run build`
 * (deploys, tests, `npm run bench:build`); `astro build` run alone fails at the
 * start, naming the command to run, rather than ship a site without search.
 *
 * The build's prerenderer is wrapped (`setPrerenderer` of `astro:build:start`)
 * and the HTML handed over is the HTML written to `dist/`, reduced to its
 * indexed part (`src/lib/search/keep-indexed-part.ts`). Only pages whose main
 * element carries `data-pagefind-body` are indexed (see BaseLayout.astro); the
 * others (the thousands of directory listing pages, which repeat the profiles)
 * are not handed over at all. Messages go over Node's IPC channel
 * (`src/lib/search/search-index-messages.ts`) in rendering order.
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

/** The integration; add it last in `integrations`. */
export function pagefindIndex(): AstroIntegration {
  let pagesRendered = 0;
  /** Settles once the pages asked for so far are sent (with `build.concurrency` above 1, Astro renders several at a time). */
  let sentSoFar: Promise<void> = Promise.resolve();
  return {
    name: 'pagefind-index',
    hooks: {
      'astro:build:start': ({ setPrerenderer }) => {
        if (!process.send) {
          throw new Error('L’index de recherche est construit par npm run build (scripts/build.ts) : lancez le build avec npm run build, pas astro build.');
        }
        setPrerenderer((prerenderer) => ({
          ...prerenderer,
          name: `${prerenderer.name}+pagefind-index`,
          // Pages are sent in the order Astro asks for them, whatever order their renders end in, so
          // that Pagefind numbers them alike at every build.
          async render(...args) {
            const rendering = renderReadingHtml(prerenderer, ...args);
            const sent = sentSoFar.then(async () => {
              const { html } = await rendering;
              if (html === undefined) return;
              pagesRendered += 1;
              if (html.includes(INDEXED_PAGE_MARK)) {
                await sendToIndexer({ kind: 'search-index:page', pathname: new URL(args[0].url).pathname, html: keepIndexedPart(html.toString('utf8')) });
              }
            });
            // A failed page fails the build through its own render; the pages after it are still sent in turn.
            sentSoFar = sent.catch(() => undefined);
            await sent;
            return (await rendering).result;
          },
        }));
      },
      'astro:build:done': async ({ dir, logger }) => {
        await sentSoFar;
        await sendToIndexer({ kind: 'search-index:write', outputPath: join(fileURLToPath(dir), 'pagefind'), pagesRendered });
        logger.info(`${pagesRendered} pages rendues ; l’index de recherche sera écrit par npm run build une fois le rendu terminé.`);
      },
    },
  };
}
