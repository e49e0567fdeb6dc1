/**
 * Bundles the Netlify Functions the way a Netlify build does: with Netlify's own
 * bundler (`@netlify/zip-it-and-ship-it`, which `netlify build` calls) and the
 * `[functions]` settings of `netlify.toml`, turned into its options as the
 * build turns them (`included_files` → `includedFiles`, relative to the project;
 * a `[functions.<name>]` table applies to that function, on top of the
 * settings for all).
 * Docs: https://docs.netlify.com/build/functions/optional-configuration/
 *
 * The zips are kept in `tmp/tests/function-bundles/<key>/`, the key being the
 * content of everything they are made from (`FUNCTION_BUNDLE_INPUTS`), computed
 * as the CMS bundle's is (src/lib/build/inputs-key.ts): a test run whose inputs did
 * not change reuses the last run's zips, the same bytes, instead of bundling
 * again (about 20 CPU-s).
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { zipFunctions, type Config, type FunctionConfig, type FunctionResult } from '@netlify/zip-it-and-ship-it';
import { parse } from 'smol-toml';
import { computeInputsKey, findUncoveredFiles } from '../../src/lib/build/inputs-key.ts';

/** The `[functions]` keys this project uses, in netlify.toml's spelling. */
interface TomlFunctionSettings {
  readonly directory?: string;
  readonly included_files?: string[];
  readonly node_bundler?: FunctionConfig['nodeBundler'];
}

function toBundlerConfig(settings: TomlFunctionSettings, projectRoot: string): FunctionConfig {
  return {
    ...(settings.included_files ? { includedFiles: settings.included_files, includedFilesBasePath: projectRoot } : {}),
    ...(settings.node_bundler ? { nodeBundler: settings.node_bundler } : {}),
  };
}

/** `netlify.toml`'s functions directory and the bundler's per-function configuration. */
async function readFunctionSettings(projectRoot: string): Promise<{ directory: string; config: Config }> {
  const toml = parse(await readFile(join(projectRoot, 'netlify.toml'), 'utf8')) as { functions?: Record<string, unknown> };
  const functions = toml.functions ?? {};
  const forAll: TomlFunctionSettings = {};
  const config: Record<string, FunctionConfig> = {};
  for (const [key, value] of Object.entries(functions)) {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) config[key] = toBundlerConfig(value as TomlFunctionSettings, projectRoot);
    else Object.assign(forAll, { [key]: value });
  }
  config['*'] = toBundlerConfig(forAll, projectRoot);
  return { directory: join(projectRoot, forAll.directory ?? 'netlify/functions'), config };
}


/**
 * Bundle every function of the project into `destination` (one zip each).
 * @throws the bundler's error when a function does not bundle
 */
export async function bundleFunctions(projectRoot: string, destination: string): Promise<FunctionResult[]> {
  const { directory, config } = await readFunctionSettings(projectRoot);
  return zipFunctions([directory], destination, { basePath: projectRoot, repositoryRoot: projectRoot, config });
}

/**
 * Files and folders (relative to the project root, `/`-separated) whose content
 * decides the zips: the lockfile stands for every npm package (the bundler
 * included), `package.json` for the module type and the `imports` map,
 * `tsconfig.json` for how esbuild reads TypeScript and JSX, the settings and
 * the functions' own modules, the content files they ship, and this file (how
 * the bundler is called).
 */
export const FUNCTION_BUNDLE_INPUTS = ['package-lock.json', 'package.json', 'tsconfig.json', 'netlify.toml', 'netlify', 'src', 'content', 'tests/helpers/bundle-functions.ts'] as const;

/** Written beside the zips of a cached bundling: the bundler's results, zip paths relative to the cache folder. */
const RESULTS_FILE = 'results.json';

/** The zips of a bundling, and whether they were reused from an earlier run. */
export interface CachedBundles {
  readonly results: FunctionResult[];
  readonly reused: boolean;
  /** The key of the inputs (`tmp/tests/function-bundles/<key>/`). */
  readonly key: string;
}

/**
 * Project files a bundling was made from (`inputs` and `includedFiles` of its
 * results) that no input of the key covers; npm packages (any path under a
 * `node_modules` folder) are covered by the lockfile.
 * @returns the uncovered paths, relative to the project root (empty when all are covered)
 */
export function findUncoveredFunctionInputs(projectRoot: string, results: readonly FunctionResult[]): string[] {
  const files = results.flatMap((result) => [...(result.inputs ?? []), ...(result.includedFiles ?? [])]).filter((file) => !file.split(sep).includes('node_modules'));
  const relativeFiles = [...new Set(files.map((file) => relative(projectRoot, file).split(sep).join('/')))];
  return findUncoveredFiles(relativeFiles, FUNCTION_BUNDLE_INPUTS);
}

/**
 * Every function bundled as `bundleFunctions` does, into
 * `<cacheRoot>/<key>/`, or the zips already there when an earlier run bundled
 * the same inputs; other keys' folders are removed.
 * @throws the bundler's error when a function does not bundle; Error when the
 *   bundling read a project file that `FUNCTION_BUNDLE_INPUTS` does not cover
 *   (a change to it would not change the key)
 */
export async function bundleFunctionsCached(projectRoot: string, cacheRoot: string): Promise<CachedBundles> {
  const key = await computeInputsKey(projectRoot, FUNCTION_BUNDLE_INPUTS);
  const folder = join(cacheRoot, key);
  const cached = await readFile(join(folder, RESULTS_FILE), 'utf8').catch(() => undefined);
  if (cached !== undefined) {
    const results = (JSON.parse(cached) as FunctionResult[]).map((result) => ({ ...result, path: join(folder, result.path) }));
    return { results, reused: true, key };
  }
  const scratch = `${folder}.${process.pid}.tmp`;
  await rm(scratch, { recursive: true, force: true });
  const results = await bundleFunctions(projectRoot, scratch);
  const uncovered = findUncoveredFunctionInputs(projectRoot, results);
  if (uncovered.length > 0) {
    await rm(scratch, { recursive: true, force: true });
    throw new Error(`The functions were bundled from files that the cache key does not cover: ${uncovered.join(', ')}. Add them to FUNCTION_BUNDLE_INPUTS (tests/helpers/bundle-functions.ts).`);
  }
  await writeFile(join(scratch, RESULTS_FILE), JSON.stringify(results.map((result) => ({ ...result, path: relative(scratch, result.path) }))));
  await mkdir(cacheRoot, { recursive: true });
  for (const name of await readdir(cacheRoot)) if (join(cacheRoot, name) !== scratch) await rm(join(cacheRoot, name), { recursive: true, force: true });
  await rename(scratch, folder);
  return { results: results.map((result) => ({ ...result, path: join(folder, relative(scratch, result.path)) })), reused: false, key };
}

/**
 * The function's module in a bundle unzipped into `folder`: the one its entry
 * point (`result.entryFilename`, `___netlify-entry-point.mjs`) hands to
 * Netlify's bootstrap, e.g. `netlify/functions/jeton.mjs`.
 * @throws Error when the entry point names none
 */
export async function functionModuleIn(folder: string, result: FunctionResult): Promise<string> {
  const entryPoint = await readFile(join(folder, result.entryFilename ?? ''), 'utf8');
  const match = /getLambdaHandler\('\.\/(.+?)'\)/.exec(entryPoint);
  if (!match?.[1]) throw new Error(`no function module in the entry point of ${result.name}:\n${entryPoint}`);
  return match[1];
}
