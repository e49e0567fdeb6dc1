/**
 * Astro integration (`astro build` only): the pages read the content store
 * (every entry, its data and rendered Markdown) from its JSON file when the
 * build renders them, instead of from a JavaScript module that holds the whole
 * file as one string literal — Astro's own `astro:data-layer-content` module
 * (`astro/dist/content/vite-plugin-content-virtual-mod.js`:
 * `export default JSON.parse("…")`). Node compiles a string literal of that
 * size very slowly: 7.0 CPU-s for the 27 MB store of 10 000 startups, against
 * 0.9 CPU-s to read and parse the same file (issue 13). The value exported is
 * the same (the parsed JSON, which Astro's data store unflattens), so pages are
 * unchanged. The file is `data-store.json` in the build's `cacheDir`, where the
 * content sync has just written it; prerendering runs in the same process
 * right after the bundle is made (the site is static: no server reads it later).
 * Without a store file (no content collection) Astro's own module is used.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Astro's resolved id of the content store module (`RESOLVED_DATA_STORE_VIRTUAL_ID`, astro/dist/content/consts.js). */
const STORE_MODULE_ID = /^\0astro:data-layer-content$/;

/** Astro's file name of the store in `cacheDir` during builds (`DATA_STORE_FILE`, same file). */
const STORE_FILE_NAME = 'data-store.json';

/**
 * The integration. Its `load` hook is ordered first (`order: 'pre'`): Astro's
 * own content plugin is also `enforce: 'pre'` and comes earlier in Vite's list,
 * so without the hook order Astro's load answered and this one never ran (it
 * did not, unnoticed, until issue 13's profile at 10 000 startups showed 8.8
 * CPU-s compiling the string module).
 */
export function dataStoreFromFile(): AstroIntegration {
  return {
    name: 'data-store-from-file',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        const storeFile = fileURLToPath(new URL(STORE_FILE_NAME, config.cacheDir));
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'data-store-from-file',
                enforce: 'pre',
                load: {
                  order: 'pre',
                  filter: { id: STORE_MODULE_ID },
                  handler() {
                    if (!existsSync(storeFile)) return null;
                    return {
                      code: `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(storeFile)}, 'utf8'));\n`,
                      map: { mappings: '' },
                    };
                  },
                },
              },
            ],
          },
        });
      },
    },
  };
}
