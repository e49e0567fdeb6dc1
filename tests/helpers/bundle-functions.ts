/**
 * Bundles the Netlify Functions the way a Netlify build does: with Netlify's own
 * bundler (`@netlify/zip-it-and-ship-it`, which `netlify build` calls) and the
 * `[functions]` settings of `netlify.toml`, turned into its options as the
 * build turns them (`included_files` → `includedFiles`, relative to the project;
 * a `[functions.<name>]` table applies to that function, on top of the
 * settings for all).
 * Docs: https://docs.netlify.com/build/functions/optional-configuration/
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { zipFunctions, type Config, type FunctionConfig, type FunctionResult } from '@netlify/zip-it-and-ship-it';
import { parse } from 'smol-toml';

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
