/**
 * `npm run bench:build` (a benchmark, not a test): builds the site from
 * generated sample content at 1 000 and 10 000 startups (200 buyers and 500
 * orders, then 2 000 and 5 000) as `npm run build` does (`scripts/build.ts`,
 * its Node flags included) and prints, for each size, the build time and the
 * CPU time (user + system) and the peak memory of the build's process tree (the
 * load average before and after is printed: on a shared machine, compare CPU
 * time), next to a baseline built in the same run — a bare Astro project
 * (generated here, using this project's astro) rendering one page per startup
 * and buyer from the same Markdown with a trivial template. Each size is built
 * an odd number of times, the site and the baseline in turn (the site first in
 * odd runs, the baseline in even ones), every build without output or content
 * cache (Node's compile cache and the CMS bundle, kept in `node_modules` as
 * Netlify keeps it, stay warm for the site); each run is printed, then the
 * median of each figure and the ratios of the medians: on a shared host one
 * pair of builds says little (see the README's figures). A failed build, its
 * log's end printed, ends the benchmark with exit code 1. Then the gzip bytes
 * of HTML, CSS and JavaScript of the home, directory and a profile page, the
 * size of the Pagefind index, and whether search still answers: the built site
 * served on 127.0.0.1, the search page in headless Chromium asked for the last
 * startup's name, with the time to its first result.
 *
 * Options: `--sizes 1000,10000` (startups; buyers and orders in proportion),
 * `--runs 3` (builds of each kind per size: an odd number).
 * Work folders are under `tmp/bench-build/` (git-ignored) and are kept for
 * inspection, except what the benchmark clears before a build: that is moved
 * into `tmp/bench-build/trash/` and deleted after the last build (see {@link setAside}).
 */
import { spawn } from 'node:child_process';
import { mkdir, readFile, readdir, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { listElements } from '../tests/helpers/html-references.ts';
import { serveStatic } from '../tests/helpers/static-server.ts';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { percentile } from './lib/percentile.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));
const WORK = join(PROJECT_ROOT, 'tmp', 'bench-build');
const ASTRO_BIN = join(PROJECT_ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
/** What `npm run build` runs (Netlify's build command): the site is measured as it is deployed. */
const BUILD_SCRIPT = join(PROJECT_ROOT, 'scripts', 'build.ts');
const GENERATE = join(PROJECT_ROOT, 'scripts', 'generate-sample.ts');
/** Where {@link setAside} moves what a build must not find; emptied after the last build. */
const TRASH = join(WORK, 'trash');
/** How often the process tree's memory is sampled, in milliseconds. */
const SAMPLE_INTERVAL_MS = 100;

interface RunFigures {
  readonly seconds: number;
  /** Highest sum of the resident memory of the build process and its descendants, in bytes. */
  readonly peakRssBytes: number;
  /** User + system CPU seconds of the build process and its descendants (each sampled until it exits). */
  readonly cpuSeconds: number;
  readonly exitCode: number;
  readonly logTail: string;
}

/** Clock ticks per second of /proc/PID/stat's CPU times (USER_HZ, 100 on Linux). */
const CLOCK_TICKS_PER_SECOND = 100;

/** The CPU seconds (user + system) used so far by a process, and its resident memory in bytes; undefined once it is gone. */
async function readProcess(pid: number): Promise<{ rssBytes: number; cpuSeconds: number } | undefined> {
  try {
    const [status, stat] = await Promise.all([readFile(`/proc/${pid}/status`, 'utf8'), readFile(`/proc/${pid}/stat`, 'utf8')]);
    const rss = /^VmRSS:\s+(\d+) kB/m.exec(status);
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { rssBytes: rss ? Number(rss[1]) * 1024 : 0, cpuSeconds: (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND };
  } catch {
    return undefined;
  }
}

/** The children of a process, from each of its threads' `/proc/PID/task/TID/children` (Linux). */
async function readChildren(pid: number): Promise<number[]> {
  const threads = await readdir(`/proc/${pid}/task`).catch(() => []);
  const lists = await Promise.all(threads.map((thread) => readFile(`/proc/${pid}/task/${thread}/children`, 'utf8').catch(() => '')));
  return [...new Set(lists.join(' ').split(/\s+/).filter(Boolean).map(Number))];
}

/**
 * The resident memory of a process tree now, and the CPU time of each of its
 * members so far. Only the tree is read (not every process of the machine), so
 * that sampling takes little of the CPU the build is measured on.
 */
async function sampleTree(root: number): Promise<{ rssBytes: number; cpuSeconds: Map<number, number> }> {
  const cpuSeconds = new Map<number, number>();
  let rssBytes = 0;
  const pending = [root];
  for (let pid = pending.pop(); pid !== undefined; pid = pending.pop()) {
    const figures = await readProcess(pid);
    if (!figures) continue;
    rssBytes += figures.rssBytes;
    cpuSeconds.set(pid, figures.cpuSeconds);
    pending.push(...(await readChildren(pid)));
  }
  return { rssBytes, cpuSeconds };
}

/** Run a Node script, timing it and sampling its process tree's memory. */
function runMeasured(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<RunFigures> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    let peak = 0;
    const cpuByProcess = new Map<number, number>();
    const keep = (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    // One sample at a time, every SAMPLE_INTERVAL_MS, until the build exits.
    let running = true;
    const sampling = (async () => {
      while (running && child.pid) {
        const { rssBytes, cpuSeconds } = await sampleTree(child.pid);
        peak = Math.max(peak, rssBytes);
        for (const [pid, seconds] of cpuSeconds) cpuByProcess.set(pid, Math.max(cpuByProcess.get(pid) ?? 0, seconds));
        await new Promise((wake) => setTimeout(wake, SAMPLE_INTERVAL_MS));
      }
    })();
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      running = false;
      void sampling.then(() => {
        const cpuSeconds = [...cpuByProcess.values()].reduce((sum, used) => sum + used, 0);
        resolve({ seconds, peakRssBytes: peak, cpuSeconds, exitCode: code ?? 1, logTail: log.slice(-1500) });
      });
    });
  });
}

let setAsideCount = 0;

/**
 * Clear a folder before a build by moving it into {@link TRASH} (a rename: no
 * file is deleted), not by deleting it. Why: on an ext4 file system without a
 * journal, as this machine's disk is, creating a file skips every free inode
 * deleted in the last 60 s (360 s while its inode table block is not yet
 * written), one buffer lookup each (`find_inode_bit` and `recently_deleted` in
 * Linux's fs/ext4/ialloc.c). Deleting a build's output right before the next
 * build made that build's writes slower, the more so the more files it writes:
 * creating 10 000 folders holding a file each took 0.9 s, then 1.2, 1.7, 2.1, 2.5
 * and 2.9 s with the same tree deleted before each time. A Netlify build writes
 * into a fresh folder, after no deletion. Nothing happens when `path` is absent;
 * {@link TRASH} exists (made at start).
 * @throws the rename's error when `path` exists and cannot be moved
 */
async function setAside(path: string): Promise<void> {
  setAsideCount += 1;
  await rename(path, join(TRASH, `${process.pid}-${setAsideCount}-${basename(path)}`)).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
}

function run(args: readonly string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, stdio: 'inherit' });
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} a échoué (code ${code})`))));
  });
}

const buildEnv = (extra: Record<string, string>): NodeJS.ProcessEnv => ({
  ...process.env,
  NODE_ENV: 'production',
  ASTRO_TELEMETRY_DISABLED: '1',
  NO_COLOR: '1',
  ...extra,
});

/** A bare Astro project: one page per startup and buyer, the Markdown body in a trivial template. */
async function writeBareProject(folder: string, contentDir: string): Promise<void> {
  await mkdir(join(folder, 'src', 'pages', '[collection]'), { recursive: true });
  await symlink(join(PROJECT_ROOT, 'node_modules'), join(folder, 'node_modules')).catch(() => undefined);
  await writeFile(join(folder, 'package.json'), '{ "type": "module", "private": true }\n');
  // Its own cache: node_modules is the project's, whose cache the site's builds use.
  await writeFile(join(folder, 'astro.config.mjs'), "export default { cacheDir: './astro-cache', trailingSlash: 'always', build: { format: 'directory' } };\n");
  await writeFile(
    join(folder, 'src', 'content.config.ts'),
    [
      "import { defineCollection } from 'astro:content';",
      "import { glob } from 'astro/loaders';",
      `const folder = (name) => defineCollection({ loader: glob({ pattern: '*.md', base: ${JSON.stringify(contentDir)} + '/' + name }) });`,
      "export const collections = { startups: folder('startups'), buyers: folder('buyers') };",
      '',
    ].join('\n'),
  );
  await writeFile(
    join(folder, 'src', 'pages', '[collection]', '[slug].astro'),
    [
      '---',
      "import { getCollection, render } from 'astro:content';",
      'export async function getStaticPaths() {',
      "  const entries = [...(await getCollection('startups')), ...(await getCollection('buyers'))];",
      '  return entries.map((entry) => ({ params: { collection: entry.collection, slug: entry.id }, props: { entry } }));',
      '}',
      'const { entry } = Astro.props;',
      'const { Content } = await render(entry);',
      '---',
      '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>{entry.data.name}</title></head>',
      '<body><h1>{entry.data.name}</h1><Content /></body></html>',
      '',
    ].join('\n'),
  );
}

/** Gzip bytes of a page's HTML, of its stylesheets and of its scripts (external and inline). */
async function pageWeight(dist: string, urlPath: string): Promise<{ html: number; css: number; js: number }> {
  const html = await readFile(join(dist, urlPath, 'index.html'), 'utf8');
  const gz = (text: string | Buffer) => gzipSync(text).length;
  let css = 0;
  let js = 0;
  for (const element of listElements(html)) {
    const { href, src, rel, type } = element.properties;
    if (element.tagName === 'link' && String(rel) === 'stylesheet') css += gz(await readFile(join(dist, String(href))));
    if (element.tagName === 'style') css += gz(element.children.map((child) => ('value' in child ? child.value : '')).join(''));
    if (element.tagName === 'script' && type !== 'application/ld+json' && type !== 'application/json') {
      js += src ? gz(await readFile(join(dist, String(src)))) : gz(element.children.map((child) => ('value' in child ? child.value : '')).join(''));
    }
  }
  return { html: gz(html), css, js };
}

async function folderBytes(folder: string): Promise<number | undefined> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => undefined);
  if (!entries) return undefined;
  const sizes = await Promise.all(entries.filter((entry) => entry.isFile()).map(async (entry) => (await stat(join(entry.parentPath, entry.name))).size));
  return sizes.reduce((sum, size) => sum + size, 0);
}

/** The 1, 5 and 15 minute load averages, as `uptime` prints them. */
const loadAverage = () => loadavg().map((load) => load.toFixed(2)).join(', ');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const kb = (bytes: number) => `${bytes} B (${(bytes / 1024).toFixed(1)} KiB)`;

/** Search the built site for `words` in Chromium: milliseconds until the first result, and its title. */
async function searchOnce(dist: string, words: string): Promise<{ milliseconds: number; firstTitle: string }> {
  const server = await serveStatic(dist);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const started = performance.now();
    await page.goto(`${server.origin}/recherche/?q=${encodeURIComponent(words)}`);
    const firstTitle = await page.locator('[data-search-results] .search-result__title').first().innerText({ timeout: 60_000 });
    return { milliseconds: performance.now() - started, firstTitle };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** A run's figures on one line: seconds, CPU seconds, peak memory. */
const figuresLine = (figures: Pick<RunFigures, 'seconds' | 'cpuSeconds' | 'peakRssBytes'>) =>
  `${figures.seconds.toFixed(1).padStart(7)} s   CPU ${figures.cpuSeconds.toFixed(1).padStart(6)} s   peak RSS ${mb(figures.peakRssBytes)}`;

const BUILD_KINDS = ['site', 'bare Astro baseline'] as const;
type BuildKind = (typeof BUILD_KINDS)[number];

/**
 * The median of each figure over an odd number of runs, each figure on its
 * own (the three medians may come from different runs).
 */
const medianFigures = (runs: readonly RunFigures[]) => ({
  seconds: percentile(runs.map((figures) => figures.seconds), 0.5),
  cpuSeconds: percentile(runs.map((figures) => figures.cpuSeconds), 0.5),
  peakRssBytes: percentile(runs.map((figures) => figures.peakRssBytes), 0.5),
});

async function benchSize(startups: number, runCount: number): Promise<void> {
  const buyers = Math.round(startups / 5);
  const orders = Math.round(startups / 2);
  const content = join(WORK, `content-${startups}`);
  const dist = join(WORK, `dist-${startups}`);
  const bare = join(WORK, `bare-${startups}`);
  process.stdout.write(`\n== ${startups} startups, ${buyers} acheteurs, ${orders} bons de commande ==\n`);
  process.stdout.write(`load average before: ${loadAverage()}\n`);
  await setAside(content);
  await run([GENERATE, '--startups', String(startups), '--buyers', String(buyers), '--orders', String(orders), '--out', content], PROJECT_ROOT);
  await setAside(bare);
  await writeBareProject(bare, content);

  // Each kind of build starts from cold: no output and no content cache from an earlier run
  // (the site's cache is where astro.config.mjs puts it).
  const builds: Record<BuildKind, () => Promise<RunFigures>> = {
    site: async () => {
      await setAside(dist);
      await setAside(join(PROJECT_ROOT, 'node_modules', '.astro', encodeURIComponent(content)));
      return runMeasured([BUILD_SCRIPT, '--outDir', dist], PROJECT_ROOT, buildEnv({ CONTENT_DIR: content }));
    },
    'bare Astro baseline': async () => {
      await setAside(join(bare, 'dist'));
      await setAside(join(bare, 'astro-cache'));
      return runMeasured([ASTRO_BIN, 'build'], bare, buildEnv({}));
    },
  };
  const runs: Record<BuildKind, RunFigures[]> = { site: [], 'bare Astro baseline': [] };
  for (let runNumber = 1; runNumber <= runCount; runNumber += 1) {
    // The site first in odd runs, the baseline first in even ones: neither always builds right after the other.
    const order = runNumber % 2 === 1 ? BUILD_KINDS : [...BUILD_KINDS].reverse();
    for (const kind of order) {
      const figures = await builds[kind]();
      const status = figures.exitCode === 0 ? '' : `  ÉCHEC (code ${figures.exitCode})\n${figures.logTail}`;
      process.stdout.write(`run ${runNumber}/${runCount} ${kind.padEnd(20)} ${figuresLine(figures)}${status}\n`);
      if (figures.exitCode !== 0) throw new Error(`${kind} : le build a échoué (code ${figures.exitCode}) à ${startups} startups.`);
      runs[kind].push(figures);
    }
  }
  process.stdout.write(`load average after the builds: ${loadAverage()}\nmedian of ${runCount} runs:\n`);
  const site = medianFigures(runs.site);
  const baseline = medianFigures(runs['bare Astro baseline']);
  for (const [kind, figures] of [['site', site], ['bare Astro baseline', baseline]] as const) {
    process.stdout.write(`${kind.padEnd(20)} ${figuresLine(figures)}\n`);
  }
  process.stdout.write(
    `ratio site / baseline: ${(site.seconds / baseline.seconds).toFixed(2)} × time, ${(site.cpuSeconds / baseline.cpuSeconds).toFixed(2)} × CPU, ${(site.peakRssBytes / baseline.peakRssBytes).toFixed(2)} × memory\n`,
  );
  const profile = (await readdir(join(dist, 'startups'))).find((name) => name.startsWith('exemple-'))!;
  for (const [label, path] of [['home', '/'], ['directory', '/startups/'], ['profile', `/startups/${profile}/`]] as const) {
    const weight = await pageWeight(dist, path);
    process.stdout.write(`${label.padEnd(10)} ${path.padEnd(48)} gzip HTML ${kb(weight.html)}, CSS ${kb(weight.css)}, JS ${kb(weight.js)}\n`);
  }
  const pagefind = await folderBytes(join(dist, 'pagefind'));
  process.stdout.write(`Pagefind index (dist/pagefind/): ${pagefind === undefined ? 'absent' : kb(pagefind)}\n`);
  const directoryIndex = JSON.parse(await readFile(join(dist, 'startups', 'index-annuaire.json'), 'utf8')) as { startups: { name: string }[] };
  const wanted = directoryIndex.startups.at(-1)!.name;
  const search = await searchOnce(dist, wanted);
  process.stdout.write(`search « ${wanted} »: first result « ${search.firstTitle} » after ${search.milliseconds.toFixed(0)} ms (page load included)\n`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { sizes: { type: 'string', default: '1000,10000' }, runs: { type: 'string', default: '3' } },
  });
  const sizes = values.sizes.split(',').map(Number);
  if (sizes.some((size) => !Number.isInteger(size) || size < 1)) throw new Error(`--sizes : nombres de startups séparés par des virgules (reçu « ${values.sizes} »).`);
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs % 2 === 0) {
    throw new Error(`--runs : un nombre impair de builds de chaque sorte (1, 3, 5…), dont la médiane est l’un d’eux (reçu « ${values.runs} »).`);
  }
  await mkdir(TRASH, { recursive: true });
  process.stdout.write(`bench:build on ${(await readFile('/proc/cpuinfo', 'utf8')).match(/^processor/gm)?.length ?? '?'} CPU, Node ${process.version}\n`);
  try {
    for (const size of sizes) await benchSize(size, runs);
  } finally {
    process.stdout.write(`\nemptying ${TRASH} (what the builds replaced)\n`);
    await rm(TRASH, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
