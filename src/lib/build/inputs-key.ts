/**
 * Cache keys of build outputs made from project files: the CMS bundle
 * (`admin-bundle.ts`) and, in the tests, the function zips
 * (`tests/helpers/bundle-functions.ts`). A key is computed from the content of
 * every file of a list of inputs; a cached output made from a file that no
 * input covers would go stale unseen, hence {@link findUncoveredFiles}.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

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
 * SHA-256 (hex, first 20 characters) of the paths and contents of every file
 * of `inputs`, and of the `PUBLIC_` variables of `env` (the only ones Vite
 * writes into browser code, as in Astro).
 * @param root absolute project root
 * @param inputs files and folders relative to `root`, `/`-separated; a missing one adds nothing
 */
export async function computeInputsKey(root: string, inputs: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
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
 * Files an output was made from that no input covers: a change to one of them
 * would not change the key, and a stale output would be reused.
 * @param files paths relative to the project root, `/`-separated
 * @returns the uncovered paths, in the order given (empty when all are covered)
 */
export function findUncoveredFiles(files: readonly string[], inputs: readonly string[]): string[] {
  return files.filter((file) => !inputs.some((input) => file === input || file.startsWith(`${input}/`)));
}
