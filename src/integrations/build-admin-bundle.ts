/**
 * Child process of src/integrations/admin-bundle.ts: bundles the CMS script
 * (src/admin/admin-entry.ts, Decap CMS and the site's React components) with
 * Vite for the browser, into `<outDir>/_astro/`, the site's folder of
 * content-hashed files. Run apart from `astro build` so that its memory is given
 * back before the pages are rendered.
 *
 * Usage: `node src/integrations/build-admin-bundle.ts <projectRoot> <outDir>`.
 * Writes `<outDir>/admin-bundle.json`: `{ script, localModules }` — the URL path
 * of the entry script, and the project files the bundle was made from
 * (relative, `/`-separated), which the cache key must cover.
 */
import { writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import react from '@vitejs/plugin-react';
import { build, type Rolldown } from 'vite';
import { ADMIN_BUNDLE_MANIFEST, ADMIN_ENTRY, type AdminBundleManifest } from '../lib/build/admin-bundle.ts';

const [root, outDir] = process.argv.slice(2);
if (!root || !outDir) throw new Error('Usage : node src/integrations/build-admin-bundle.ts <racine du projet> <dossier de sortie>');

const output = (await build({
  root,
  configFile: false,
  mode: 'production',
  logLevel: 'warn',
  // Like Astro: only PUBLIC_ variables reach browser code.
  envPrefix: 'PUBLIC_',
  // The site's public/ folder is copied by Astro.
  publicDir: false,
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    // As Astro builds the site's scripts.
    target: 'esnext',
    // Decap CMS is one large application, loaded on /admin/ only.
    chunkSizeWarningLimit: 8000,
    rolldownOptions: {
      input: join(root, ADMIN_ENTRY),
      output: {
        entryFileNames: '_astro/admin-cms.[hash].js',
        chunkFileNames: '_astro/[name].[hash].js',
        assetFileNames: '_astro/[name].[hash][extname]',
      },
    },
  },
})) as Rolldown.RolldownOutput;

const chunks = output.output.filter((item): item is Rolldown.OutputChunk => item.type === 'chunk');
const entry = chunks.find((chunk) => chunk.isEntry);
if (!entry) throw new Error('Vite n’a produit aucun script d’entrée pour le CMS.');
const localModules = [
  ...new Set(
    chunks
      .flatMap((chunk) => chunk.moduleIds)
      .filter((id) => !id.startsWith('\0') && !id.includes(`${sep}node_modules${sep}`) && id.startsWith(root))
      .map((id) => relative(root, id.split('?')[0]!).split(sep).join('/')),
  ),
].sort();
const manifest: AdminBundleManifest = { script: `/${entry.fileName}`, localModules };
await writeFile(join(outDir, ADMIN_BUNDLE_MANIFEST), JSON.stringify(manifest, null, 2));
