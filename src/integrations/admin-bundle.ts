/**
 * Astro integration: the script of the CMS page (`/admin/`).
 *
 * - `astro dev`: the page loads `src/admin/admin-entry.ts` from Vite's dev
 *   server, as any source module; its dependencies are optimised at start.
 * - `astro build`: the bundle comes from `node_modules/.cache/admin-bundle/<key>/`
 *   (kept between builds on Netlify too, with node_modules), the key being the
 *   content of its inputs (src/lib/build/admin-bundle.ts); when absent it is built
 *   first, in a child process (src/integrations/build-admin-bundle.ts), then its
 *   files are copied into the site's `_astro/` once the site is built.
 *
 * The page reads the script's URL from the module `virtual:admin-script`.
 * Bundles unused for a day are removed from the cache.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rename, rm, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { Plugin } from 'vite';
import { ADMIN_BUNDLE_MANIFEST, ADMIN_ENTRY, computeAdminBundleKey, findUncoveredModules, type AdminBundleManifest } from '../lib/build/admin-bundle.ts';

const VIRTUAL_MODULE = 'virtual:admin-script';
const BUILDER = fileURLToPath(new URL('./build-admin-bundle.ts', import.meta.url));
/** A cached bundle not used for this long (milliseconds) is removed. */
const UNUSED_BUNDLE_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** `virtual:admin-script`: its default export is the URL of the CMS page's script. */
function adminScriptModule(script: string): Plugin {
  const resolved = `\0${VIRTUAL_MODULE}`;
  return {
    name: 'admin-script',
    resolveId: (id) => (id === VIRTUAL_MODULE ? resolved : undefined),
    load: (id) => (id === resolved ? `export default ${JSON.stringify(script)};` : undefined),
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

/** The integration. */
export function adminBundle(): AstroIntegration {
  let bundleFolder: string | undefined;
  return {
    name: 'admin-bundle',
    hooks: {
      'astro:config:setup': async ({ command, config, updateConfig, logger }) => {
        if (command === 'build') {
          const bundle = await provideAdminBundle(fileURLToPath(config.root), logger);
          bundleFolder = bundle.folder;
          updateConfig({ vite: { plugins: [adminScriptModule(bundle.manifest.script)] } });
          return;
        }
        // Vite's scanner would not find the entry (a .ts file no page script imports) and would
        // discover Decap only when the page asks for it, re-optimising and reloading mid-load.
        updateConfig({ vite: { plugins: [adminScriptModule(`/${ADMIN_ENTRY}`)], optimizeDeps: { entries: [ADMIN_ENTRY] } } });
      },
      'astro:build:done': async ({ dir }) => {
        if (bundleFolder) await cp(join(bundleFolder, '_astro'), join(fileURLToPath(dir), '_astro'), { recursive: true });
      },
    },
  };
}
