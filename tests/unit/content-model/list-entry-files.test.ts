/**
 * A collection with no entry yet (content/orders/ holds only `.gitkeep` until
 * the first order) is a normal state: Astro is not asked for it, so it prints
 * no « The collection "orders" does not exist or is empty » warning on every
 * page; a collection with entries is loaded as before.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { listEntryFiles, loadFolderEntries } from '../../../src/lib/content-model/list-entry-files.ts';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'entry-files-'));
  await mkdir(join(root, 'orders'));
  await writeFile(join(root, 'orders', '.gitkeep'), '');
  await mkdir(join(root, 'startups', 'nested'), { recursive: true });
  await mkdir(join(root, 'startups', 'folder.md'));
  for (const file of ['zeta.md', 'alpha.md', 'notes.txt', 'nested/inner.md']) await writeFile(join(root, 'startups', file), '---\n---\n');
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('listEntryFiles', () => {
  it.each([
    ['a folder with .gitkeep only', 'orders', []],
    ['a missing folder', 'news', []],
    ['the Markdown files at the top of the folder, sorted (no sub-folder, no other file)', 'startups', ['alpha.md', 'zeta.md']],
  ])('%s → %j', (_case, folder, files) => {
    expect(listEntryFiles(join(root, folder))).toEqual(files);
  });
});

describe('loadFolderEntries', () => {
  it('does not ask Astro for a collection without entries, and gives none', async () => {
    const load = vi.fn(() => Promise.resolve(['unexpected']));
    expect(await loadFolderEntries(join(root, 'orders'), load)).toEqual([]);
    expect(await loadFolderEntries(join(root, 'news'), load)).toEqual([]);
    expect(load).not.toHaveBeenCalled();
  });

  it('loads a collection with entries', async () => {
    const load = vi.fn(() => Promise.resolve(['alpha', 'zeta']));
    expect(await loadFolderEntries(join(root, 'startups'), load)).toEqual(['alpha', 'zeta']);
    expect(load).toHaveBeenCalledTimes(1);
  });
});
