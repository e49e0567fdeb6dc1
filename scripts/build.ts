/**
 * `npm run build`, Netlify's build command (netlify.toml) and what
 * `npm run bench:build` measures: `astro build` with its arguments
 * (`npm run build -- --outDir elsewhere`), in a Node process started with
 * {@link BUILD_NODE_FLAGS}, then the site's search index: Astro's process
 * sends the pages to index over an IPC channel as it renders them
 * (`src/integrations/pagefind-index.ts`), this process indexes them with
 * Pagefind meanwhile (`scripts/lib/pagefind-indexer.ts`) and writes the index
 * once Astro's process has ended. Exits with the build's exit code, 1 when
 * the index could not be written (Pagefind's messages on stderr), or 1 when
 * Astro was killed by a signal. SIGINT and SIGTERM (Ctrl-C, a cancelled
 * deploy) are passed on to Astro's process.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { searchIndexMessage } from '../src/lib/search/search-index-messages.ts';
import { PagefindIndexer } from './lib/pagefind-indexer.ts';

/**
 * V8 flags of the build's process. A young generation of 64 MB per semi-space
 * (several times V8's default): a build allocates short-lived objects by the
 * gigabyte (rendered pages, Markdown trees), and with the default size more of
 * them were copied to the old generation and collected there (issue 13:
 * garbage collection took 8 of 75 CPU-s of a profiled build at 10 000
 * startups; at 1 000, profiled, it went from 2.4 to 1.5 s with this flag).
 * Each semi-space may then hold 64 MB: peak memory grows by at most 128 MB.
 */
const BUILD_NODE_FLAGS = ['--max-semi-space-size=64'] as const;

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
  indexer.write().then(
    (line) => process.stdout.write(`[pagefind-index] ${line}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
});
