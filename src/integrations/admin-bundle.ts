/**
 * Astro integration: the script of the CMS page (`/admin/`), the same
 * production bundle in `astro dev` and in `astro build`.
 *
 * The bundle comes from `node_modules/.cache/admin-bundle/<key>/` (kept between
 * builds on Netlify too, with node_modules), the key being the content of its
 * inputs (src/lib/build/admin-bundle.ts); when absent it is built first, in a
 * child process (src/integrations/build-admin-bundle.ts).
 * - `astro build`: its files are copied into the site's `_astro/` once the site is built.
 * - `astro dev`: the dev server serves the cache folder's `_astro/` files at
 *   `/_astro/` (`Cache-Control: no-cache`), so the CMS runs React's production
 *   build as on the site, not Decap's sources through Vite. When a file the
 *   bundle was made from changes (or the lockfile, or the bundler), the bundle
 *   is made again (one line logged per bundle) and the browser reloads the page;
 *   a failed rebuild is logged and the last bundle stays.
 *
 * The page reads the script's URL from the module `virtual:admin-script`.
 * Bundles unused for a day are removed from the cache.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rename, rm, stat, utimes } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import sirv from 'sirv';
import { isRunnableDevEnvironment, type Plugin, type ViteDevServer } from 'vite';
import { ADMIN_BUNDLE_MANIFEST, affectsAdminBundle, computeAdminBundleKey, findUncoveredModules, type AdminBundleManifest } from '../lib/build/admin-bundle.ts';

const VIRTUAL_MODULE = 'virtual:admin-script';
const RESOLVED_VIRTUAL_MODULE = `\0${VIRTUAL_MODULE}`;
/** Where the bundle's files are served, as in the built site. */
const BUNDLE_PATH = '/_astro/';
const BUILDER = fileURLToPath(new URL('./build-admin-bundle.ts', import.meta.url));
/** A cached bundle not used for this long (milliseconds) is removed. */
const UNUSED_BUNDLE_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** `virtual:admin-script`: its default export is the URL of the CMS page's script, `script()` when loaded. */
function adminScriptModule(script: () => string): Plugin {
  return {
    name: 'admin-script',
    resolveId: (id) => (id === VIRTUAL_MODULE ? RESOLVED_VIRTUAL_MODULE : undefined),
    load: (id) => (id === RESOLVED_VIRTUAL_MODULE ? `export default ${JSON.stringify(script())};` : undefined),
  };
}

async function readManifest(folder: string): Promise<AdminBundleManifest | undefined> {
  const text = await readFile(join(folder, ADMIN_BUNDLE_MANIFEST), 'utf8').catch(() => undefined);
  return text === undefined ? undefined : (JSON.parse(text) as AdminBundleManifest);
}

/** Run the bundler into `outDir`; rejects with its output when it fails. */
function runBundler(root: string, outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BUILDER, root, outDir], { cwd: root, env: { ...process.env, NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`Échec de la construction du CMS (code ${code}) :\n${output}`))));
  });
}

async function removeUnusedBundles(cacheRoot: string, keep: string): Promise<void> {
  for (const name of await readdir(cacheRoot)) {
    const folder = join(cacheRoot, name);
    const info = await stat(folder).catch(() => undefined);
    if (name !== keep && info && Date.now() - info.mtimeMs > UNUSED_BUNDLE_LIFETIME_MS) await rm(folder, { recursive: true, force: true });
  }
}

/**
 * The cached bundle for the current inputs, built first when missing.
 * @returns its folder (with `_astro/` inside) and manifest
 * @throws Error when the bundler fails, or when the bundle was made from a project file outside the key's inputs
 */
async function provideAdminBundle(root: string, logger: AstroIntegrationLogger): Promise<{ folder: string; manifest: AdminBundleManifest }> {
  const cacheRoot = join(root, 'node_modules', '.cache', 'admin-bundle');
  const key = await computeAdminBundleKey(root, process.env);
  const folder = join(cacheRoot, key);
  const cached = await readManifest(folder);
  if (cached) {
    const now = new Date();
    await utimes(folder, now, now);
    logger.info(`CMS : bundle ${key} réutilisé (entrées inchangées).`);
    return { folder, manifest: cached };
  }
  await mkdir(cacheRoot, { recursive: true });
  const scratch = `${folder}.${process.pid}.tmp`;
  const started = performance.now();
  await runBundler(root, scratch);
  const manifest = (await readManifest(scratch))!;
  const uncovered = findUncoveredModules(manifest.localModules);
  if (uncovered.length > 0) {
    await rm(scratch, { recursive: true, force: true });
    throw new Error(`Le bundle du CMS importe des fichiers que sa clé de cache ne couvre pas : ${uncovered.join(', ')}. Ajoutez-les à ADMIN_BUNDLE_INPUTS (src/lib/build/admin-bundle.ts).`);
  }
  // Another build may have stored the same bundle meanwhile: keep that one.
  await rename(scratch, folder).catch(async (error: unknown) => {
    await rm(scratch, { recursive: true, force: true });
    if (!(await readManifest(folder))) throw error;
  });
  await removeUnusedBundles(cacheRoot, key);
  logger.info(`CMS : bundle ${key} construit en ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  return { folder, manifest };
}

/** The bundle served, replaced when made again under `astro dev`. */
interface CurrentBundle {
  bundle: Awaited<ReturnType<typeof provideAdminBundle>>;
}

/** Forget `virtual:admin-script` and the modules importing it in every environment, so that the next render reads the new URL. */
function invalidateAdminScript(server: ViteDevServer): void {
  for (const environment of Object.values(server.environments)) {
    const module = environment.moduleGraph.getModuleById(RESOLVED_VIRTUAL_MODULE);
    if (module) environment.moduleGraph.invalidateModule(module, new Set(), Date.now(), true);
    if (!isRunnableDevEnvironment(environment)) continue;
    const evaluated = environment.runner.evaluatedModules;
    const pending = [RESOLVED_VIRTUAL_MODULE];
    const seen = new Set<string>();
    for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
      const node = evaluated.getModuleById(id);
      if (!node || seen.has(id)) continue;
      seen.add(id);
      pending.push(...node.importers);
      evaluated.invalidateModule(node);
    }
  }
}

/**
 * Vite plugin of `astro dev`: serves the bundle's `_astro/` files (content type
 * from their extension, `Cache-Control: no-cache`, other URLs passed on), and
 * makes the bundle again when one of its sources changes, then reloads the browser.
 * @param current the bundle provided at start, replaced here after each rebuild
 */
function adminBundleServer(root: string, logger: AstroIntegrationLogger, current: CurrentBundle): Plugin {
  let files = sirv(current.bundle.folder, { dev: true, etag: true });
  let running: Promise<void> | undefined;
  let again = false;
  async function rebuild(server: ViteDevServer): Promise<void> {
    do {
      again = false;
      try {
        current.bundle = await provideAdminBundle(root, logger);
      } catch (error) {
        logger.error(`CMS : le bundle n’a pas pu être refait, l’ancien reste servi.\n${(error as Error).message}`);
        continue;
      }
      files = sirv(current.bundle.folder, { dev: true, etag: true });
      invalidateAdminScript(server);
      server.ws.send({ type: 'full-reload' });
    } while (again);
  }
  return {
    name: 'admin-bundle-server',
    apply: 'serve',
    configureServer(server) {
      // Added here, these run after Vite's host check (see src/integrations/local-cms-backend.ts).
      server.middlewares.use((request, response, next) => {
        if (!(request.url ?? '/').startsWith(BUNDLE_PATH)) return next();
        files(request, response, next);
      });
      server.watcher.on('all', (_event, path) => {
        const file = relative(root, path).split(sep).join('/');
        if (!affectsAdminBundle(file, current.bundle.manifest.localModules)) return;
        if (running) {
          again = true;
          return;
        }
        running = rebuild(server).finally(() => (running = undefined));
      });
    },
  };
}

/** The integration. */
export function adminBundle(): AstroIntegration {
  let bundleFolder: string | undefined;
  return {
    name: 'admin-bundle',
    hooks: {
      'astro:config:setup': async ({ command, config, updateConfig, logger }) => {
        if (command !== 'build' && command !== 'dev') return;
        const root = fileURLToPath(config.root);
        const current: CurrentBundle = { bundle: await provideAdminBundle(root, logger) };
        const script = adminScriptModule(() => current.bundle.manifest.script);
        if (command === 'build') {
          bundleFolder = current.bundle.folder;
          updateConfig({ vite: { plugins: [script] } });
          return;
        }
        updateConfig({ vite: { plugins: [script, adminBundleServer(root, logger, current)] } });
      },
      'astro:build:done': async ({ dir }) => {
        if (bundleFolder) await cp(join(bundleFolder, '_astro'), join(fileURLToPath(dir), '_astro'), { recursive: true });
      },
    },
  };
}
