/**
 * `npm run generate:sample -- --startups N [--buyers M] [--orders K] [--out DIR] [--seed S]`:
 * writes a synthetic content folder (default `sample-content/`, git-ignored) for
 * scale tests and benchmarks — generated startups, buyers and orders (see
 * `src/lib/sample-content/generate-sample-content.ts`) plus a copy of the
 * settings, pages and news of `content/` (or `CONTENT_DIR`). Build the site from
 * it with `CONTENT_DIR=sample-content npm run build`.
 *
 * Defaults: buyers N / 5 and orders N / 2 (rounded up), seed 1. An existing
 * output folder is replaced only if this command made it (marker file), so that
 * `--out content` can never erase the real content. Exit codes: 0 done, 1 error, 2 usage.
 */
import { cp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveContentRoot } from '../src/lib/content-model/content-root.ts';
import { readSiteSettings } from '../src/lib/content-model/read-settings.ts';
import { generateSampleContent, type SampleSize } from '../src/lib/sample-content/generate-sample-content.ts';

/** File that marks a folder written by this command. */
const MARKER = '.generated-sample-content';
/** Folders copied as they are from the source content. */
const COPIED_FOLDERS = ['settings', 'pages', 'news'];

const USAGE = 'Usage : npm run generate:sample -- --startups N [--buyers M] [--orders K] [--out DIR] [--seed S]';

function readCount(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} : nombre entier positif attendu (reçu « ${value} »).`);
  return Number(value);
}

class UsageError extends Error {}

function readOptions(args: string[]): { size: SampleSize; out: string } {
  const { values } = parseArgs({
    args,
    options: {
      startups: { type: 'string' },
      buyers: { type: 'string' },
      orders: { type: 'string' },
      out: { type: 'string', default: 'sample-content' },
      seed: { type: 'string', default: '1' },
    },
  });
  if (values.startups === undefined) throw new UsageError('--startups est obligatoire.');
  const startups = readCount(values.startups, 'startups', 0);
  return {
    size: {
      startups,
      buyers: readCount(values.buyers, 'buyers', Math.ceil(startups / 5)),
      orders: readCount(values.orders, 'orders', Math.ceil(startups / 2)),
      seed: readCount(values.seed, 'seed', 1),
    },
    out: resolve(values.out),
  };
}

async function prepareOutput(out: string): Promise<void> {
  const existing = await readdir(out).catch(() => undefined);
  if (existing && existing.length > 0 && !existing.includes(MARKER)) {
    throw new Error(`${out} existe et n’a pas été créé par generate:sample : choisissez un autre dossier (--out).`);
  }
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  await writeFile(join(out, MARKER), 'Contenu fictif généré par npm run generate:sample.\n');
}

async function main(): Promise<void> {
  const { size, out } = readOptions(process.argv.slice(2));
  const source = resolveContentRoot(process.env, process.cwd());
  const settings = readSiteSettings(source);
  const files = generateSampleContent(size, settings);
  await prepareOutput(out);
  for (const folder of COPIED_FOLDERS) await cp(join(source, folder), join(out, folder), { recursive: true });
  for (const folder of new Set(files.map((file) => dirname(file.path)))) await mkdir(join(out, folder), { recursive: true });
  for (const file of files) await writeFile(join(out, file.path), file.content);
  process.stdout.write(`${size.startups} startups, ${size.buyers} acheteurs, ${size.orders} bons de commande écrits dans ${out}\n`);
}

main().catch((error: unknown) => {
  const usage = error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'));
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${usage ? `${USAGE}\n` : ''}`);
  process.exitCode = usage ? 2 : 1;
});
