/**
 * `npm run build`, Netlify's build command (netlify.toml) and what
 * `npm run bench:build` measures: `astro build` with its arguments
 * (`npm run build -- --outDir elsewhere`), in a Node process started with
 * {@link BUILD_NODE_FLAGS}. Exits with the build's exit code (1 when it was
 * killed by a signal).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

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

const build = spawn(process.execPath, [...BUILD_NODE_FLAGS, ASTRO_BIN, 'build', ...process.argv.slice(2)], { stdio: 'inherit' });
build.on('close', (code) => {
  process.exitCode = code ?? 1;
});
