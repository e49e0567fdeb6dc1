/**
 * Vite plugin for `astro dev`: search works in dev when the site has been built
 * once. Pagefind indexes the built HTML (src/integrations/pagefind-index.ts),
 * which the dev server never writes, so this serves the last build's index,
 * `dist/pagefind/`, at `/pagefind/` — as it was at that build: pages added or
 * changed since are found as they were then (or not at all) until the next
 * `npm run build`. Without a build, `/pagefind/pagefind.js` is a stand-in module
 * that fails when imported: the search page catches that and says, in French,
 * how to get search in dev (src/scripts/site-search.ts), and the browser's
 * console stays clean (a 404 there would be logged as an error on every search).
 */
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';
import type { AstroIntegration } from 'astro';

/** The address of Pagefind's files on the site. */
const PAGEFIND_PATH = '/pagefind/';
/** The module the search page imports (`PAGEFIND_URL` in src/scripts/site-search.ts). */
const PAGEFIND_MODULE = `${PAGEFIND_PATH}pagefind.js`;

/** The stand-in for `pagefind.js` when no build has made one: importing it fails with this message. */
export const MISSING_INDEX_MODULE = "throw new Error('No search index yet: npm run dev serves the one of the last npm run build (src/integrations/dev-search-index.ts).');\n";

/**
 * The dev server's handler of `/pagefind/…`: the files of `indexDirectory`
 * (the last build's `dist/pagefind/`), the stand-in module for `pagefind.js`
 * when there is none (200, JavaScript, never cached), a plain 404 for another
 * file the index lacks; other addresses go to `next`.
 * @param indexDirectory absolute path of the built index folder, which may not exist yet
 */
export function serveDevSearchIndex(indexDirectory: string) {
  const files = sirv(indexDirectory, { dev: true, etag: false });
  return (incoming: IncomingMessage, outgoing: ServerResponse, next: () => void): void => {
    const url = incoming.url ?? '/';
    if (!url.startsWith(PAGEFIND_PATH)) return next();
    if (url.split('?')[0] === PAGEFIND_MODULE && !existsSync(join(indexDirectory, 'pagefind.js'))) {
      outgoing.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
      outgoing.end(MISSING_INDEX_MODULE);
      return;
    }
    if (!existsSync(indexDirectory)) return next();
    incoming.url = url.slice(PAGEFIND_PATH.length - 1);
    files(incoming, outgoing, () => {
      incoming.url = url;
      outgoing.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      outgoing.end('Not in the last build’s search index.');
    });
  };
}

/** The integration (`astro dev` only): its Vite plugin serves `<outDir>/pagefind/` when it exists. */
export function devSearchIndex(): AstroIntegration {
  return {
    name: 'dev-search-index',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'dev') return;
        const index = join(fileURLToPath(config.outDir), 'pagefind');
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'dev-search-index',
                configureServer(server) {
                  server.middlewares.use(serveDevSearchIndex(index));
                },
              },
            ],
          },
        });
      },
    },
  };
}
