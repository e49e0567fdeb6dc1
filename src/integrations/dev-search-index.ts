/**
 * Vite plugin for `astro dev`: search works in dev when the site has been built
 * once. Pagefind indexes the built HTML (src/integrations/pagefind-index.ts),
 * which the dev server never writes, so this serves the last build's index,
 * `dist/pagefind/`, at `/pagefind/` — as it was at that build: pages added or
 * changed since are found as they were then (or not at all) until the next
 * `npm run build`. Without a build, `/pagefind/` answers 404 and the search
 * page says, in French, how to get search in dev (src/scripts/site-search.ts).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';
import type { AstroIntegration } from 'astro';

/** The address of Pagefind's files on the site. */
const PAGEFIND_PATH = '/pagefind/';

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
                  const files = sirv(index, { dev: true, etag: false });
                  server.middlewares.use((incoming, outgoing, next) => {
                    const url = incoming.url ?? '/';
                    if (!url.startsWith(PAGEFIND_PATH) || !existsSync(index)) return next();
                    incoming.url = url.slice(PAGEFIND_PATH.length - 1);
                    files(incoming, outgoing, () => {
                      incoming.url = url;
                      outgoing.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
                      outgoing.end('Not in the last build’s search index.');
                    });
                  });
                },
              },
            ],
          },
        });
      },
    },
  };
}
