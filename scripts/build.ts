/**
 * `npm run build`, Netlify's build command (netlify.toml) and what
 * `npm run bench:build` measures: `astro build` with its arguments
 * (`npm run build -- --outDir elsewhere`), in a Node process started with
 * {@link BUILD_NODE_FLAGS}, then the site's search index: Astro's process
 * sends the pages to index over an IPC channel as it renders them
 * (`src/integrations/pagefind-index.ts`), this process indexes them with
 * Pagefind meanwhile (`scripts/lib/pagefind-indexer.ts`) and writes the index
 * when Astro's process asks for it (once the pages to index are rendered,
 * while the others render); the build ends when both are done. Exits with the
 * build's exit code, 1 when the index could not be written (Pagefind's
 * messages on stderr), or 1 when Astro was killed by a signal. SIGINT and
 * SIGTERM (Ctrl-C, a cancelled deploy) are passed on to Astro's process.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { searchIndexMessage } from '../src/lib/search/search-index-messages.ts';
import { PagefindIndexer } from './lib/pagefind-indexer.ts';

/**
 * V8 flags of the build's process: a young generation of 16 MB per semi-space.
 * Issue 13: the index is now written while Astro renders the listing pages,
 * so Astro's memory and Pagefind's add up (at 10 000 startups, ~0.9 GB each).
 * With 64 MB semi-spaces, Astro's process peaked at 907–987 MB and the build at
 * 2 034–2 111 MB; with 16 MB, 780–888 MB and 1 900–2 000 MB, the build's time
 * within the noise (1 000 startups, four pairs of builds: 11.8–13.9 s against
 * 12.4–14.4 s).
 */
const BUILD_NODE_FLAGS = ['--max-semi-space-size=16'] as const;

const ASTRO_BIN = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));

/**
 * Where Node keeps the compiled code of the modules Astro's process loads
 * (https://nodejs.org/api/module.html#module-compile-cache), unless the caller
 * chose a folder (the tests do): in `node_modules/`, which Netlify keeps between
 * builds. A module whose source changed is compiled again; nothing else changes.
 */
const COMPILE_CACHE = fileURLToPath(new URL('../node_modules/.cache/node-compile-cache', import.meta.url));

const indexer = new PagefindIndexer();
const build = spawn(process.execPath, [...BUILD_NODE_FLAGS, ASTRO_BIN, 'build', ...process.argv.slice(2)], {
  env: { ...process.env, NODE_COMPILE_CACHE: process.env['NODE_COMPILE_CACHE'] ?? COMPILE_CACHE },
  stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
});
build.on('message', (value) => {
  const message = searchIndexMessage.parse(value);
  if (message.kind === 'search-index:page') indexer.add(message);
  else indexer.requestWrite(message);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => build.kill(signal));
build.on('close', (code) => {
  if (code !== 0) {
    process.exitCode = code ?? 1;
    void indexer.close();
    return;
  }
  indexer.written().then(
    (line) => process.stdout.write(`[pagefind-index] ${line}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
});
