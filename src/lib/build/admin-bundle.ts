/**
 * The CMS bundle (Decap CMS and the site's React components for its previews,
 * several megabytes of JavaScript) is built apart from the site and kept in a
 * cache, keyed by the content of everything it is made from: bundling it on
 * every site build cost a fifth of the build time and 0.6 GB of memory
 * (issue 13), while most builds (a content edit in the CMS) leave it unchanged.
 * This module names its inputs; `inputs-key.ts` computes the key and checks
 * that a bundle was made from covered files only.
 */
import { computeInputsKey, findUncoveredFiles } from './inputs-key.ts';

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

/**
 * Cache key of the CMS bundle ({@link computeInputsKey} of
 * {@link ADMIN_BUNDLE_INPUTS} and the `PUBLIC_` variables of `env`).
 * @param root absolute project root
 */
export function computeAdminBundleKey(root: string, env: NodeJS.ProcessEnv): Promise<string> {
  return computeInputsKey(root, ADMIN_BUNDLE_INPUTS, env);
}

/**
 * Project files a bundle was made from that no input of
 * {@link ADMIN_BUNDLE_INPUTS} covers (see {@link findUncoveredFiles}).
 */
export function findUncoveredModules(localModules: readonly string[]): string[] {
  return findUncoveredFiles(localModules, ADMIN_BUNDLE_INPUTS);
}

/**
 * Whether a change to `file` calls for a new bundle under `astro dev`: true when
 * the last bundle was made from it (`localModules` of its manifest) or when it is
 * one of the key's file inputs (the lockfile, the bundler). A change to another
 * file of an input folder changes the key but not the bundle, so dev keeps the
 * bundle it serves (`astro build` makes the new one).
 * @param file the changed file, relative to the project root, `/`-separated
 */
export function affectsAdminBundle(file: string, localModules: readonly string[]): boolean {
  return localModules.includes(file) || (ADMIN_BUNDLE_INPUTS as readonly string[]).includes(file);
}
