/**
 * The CMS bundle (Decap CMS and the site's React components for its previews,
 * several megabytes of JavaScript) is built apart from the site and kept in a
 * cache, keyed by the content of everything it is made from: bundling it on
 * every site build cost a fifth of the build time and 0.6 GB of memory
 * (issue 13), while most builds (a content edit in the CMS) leave it unchanged.
 * This module names its inputs, computes the key and checks that a bundle was
 * made from covered files only.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** The CMS page's script, relative to the project root. */
export const ADMIN_ENTRY = 'src/admin/admin-entry.ts';

/** File the bundler writes next to the bundle (shape {@link AdminBundleManifest}). */
export const ADMIN_BUNDLE_MANIFEST = 'admin-bundle.json';

/** What the bundler reports about a bundle. */
export interface AdminBundleManifest {
  /** URL path of the entry script in the built site, `/_astro/admin-cms.<hash>.js`. */
  readonly script: string;
  /** Project files the bundle was made from, relative to the root, `/`-separated, sorted. */
  readonly localModules: readonly string[];
}

/**
 * Files and folders (relative to the project root, `/`-separated) whose
 * content decides the bundle: the lockfile stands for every npm package, the
 * folders for the project's own modules, the bundler script for its settings.
 */
export const ADMIN_BUNDLE_INPUTS = ['package-lock.json', 'src/integrations/build-admin-bundle.ts', 'src/admin', 'src/components', 'src/lib', 'src/styles'] as const;

/** Files of one input (itself if a file, every file below it if a folder), relative and sorted; none if missing. */
async function listInputFiles(root: string, input: string): Promise<string[]> {
  const info = await stat(join(root, input)).catch(() => undefined);
  if (!info) return [];
  if (!info.isDirectory()) return [input];
  const entries = await readdir(join(root, input), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length).replace(/^[\\/]/, '').replaceAll('\\', '/'))
    .sort();
}

/**
 * Cache key of the CMS bundle: SHA-256 (hex, first 20 characters) of the
 * paths and contents of every file of `inputs`, and of the `PUBLIC_` variables
 * of `env` (the only ones Vite writes into browser code, as in Astro).
 * @param root absolute project root
 */
export async function computeAdminBundleKey(root: string, env: NodeJS.ProcessEnv, inputs: readonly string[] = ADMIN_BUNDLE_INPUTS): Promise<string> {
  const hash = createHash('sha256');
  for (const input of inputs) {
    for (const file of await listInputFiles(root, input)) {
      hash.update(`${file}\0`);
      hash.update(await readFile(join(root, file)));
      hash.update('\0');
    }
  }
  for (const [name, value] of Object.entries(env).filter(([name]) => name.startsWith('PUBLIC_')).sort(([a], [b]) => a.localeCompare(b))) {
    hash.update(`${name}=${value ?? ''}\0`);
  }
  return hash.digest('hex').slice(0, 20);
}

/**
 * Project files a bundle was made from that no input covers: a change to one
 * of them would not change the key, and a stale bundle would be served.
 * @returns the uncovered paths, in the order given (empty when all are covered)
 */
export function findUncoveredModules(localModules: readonly string[], inputs: readonly string[] = ADMIN_BUNDLE_INPUTS): string[] {
  return localModules.filter((file) => !inputs.some((input) => file === input || file.startsWith(`${input}/`)));
}

/**
 * Whether a change to `file` calls for a new bundle under `astro dev`: true when
 * the last bundle was made from it (`localModules` of its manifest) or when it is
 * one of the key's file inputs (the lockfile, the bundler). A change to another
 * file of an input folder changes the key but not the bundle, so dev keeps the
 * bundle it serves (`astro build` makes the new one).
 * @param file the changed file, relative to the project root, `/`-separated
 */
export function affectsAdminBundle(file: string, localModules: readonly string[], inputs: readonly string[] = ADMIN_BUNDLE_INPUTS): boolean {
  return localModules.includes(file) || inputs.includes(file);
}
