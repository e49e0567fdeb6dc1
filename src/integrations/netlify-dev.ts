/**
 * Astro integration: Netlify's Vite plugin, in `astro dev` only. It serves
 * netlify/functions beside the pages; `astro build` has no use for it, and
 * loading it cost about 5 % of a build (issue 13), so a build never imports it.
 * The database is started by `npm run dev` (scripts/dev.ts, with the migrations
 * applied, which the plugin's own database does not do) and given in
 * NETLIFY_DB_URL. Offline, the other features below would try to download Deno
 * or start services this site does not use. Blobs: the site stores no files.
 * (The plugin ignores options for headers; `[context.dev]` in netlify.toml
 * keeps an earlier build's `dist/_headers` out of dev.)
 */
import type { AstroIntegration } from 'astro';

export function netlifyDev(): AstroIntegration {
  return {
    name: 'netlify-dev',
    hooks: {
      'astro:config:setup': async ({ command, updateConfig }) => {
        if (command !== 'dev') return;
        const { default: netlify } = await import('@netlify/vite-plugin');
        updateConfig({
          vite: {
            plugins: [
              netlify({
                blobs: { enabled: false },
                edgeFunctions: { enabled: false },
                database: { enabled: false },
                images: { enabled: false },
              }),
            ],
          },
        });
      },
    },
  };
}
