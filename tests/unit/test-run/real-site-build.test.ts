import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeRealSite, waitForRealSite } from '../../helpers/real-site-build.ts';

let folder: string;
let outDir: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'real-site-build-'));
  outDir = join(folder, 'dist-real-1');
});

afterEach(() => rm(folder, { recursive: true, force: true }));

describe('waiting for the run’s site build', () => {
  it('waits until the outcome is written, then resolves when the build passed', async () => {
    let ended = false;
    const waiting = waitForRealSite(outDir).then(() => (ended = true));
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(ended).toBe(false);
    await writeFile(`${outDir}.outcome.json`, JSON.stringify({ exitCode: 0, output: 'built' }));
    await waiting;
    expect(ended).toBe(true);
  });

  it('fails with the build’s log when the build failed', async () => {
    await writeFile(`${outDir}.outcome.json`, JSON.stringify({ exitCode: 1, output: 'content/startups/x.md: siret invalide' }));
    await expect(waitForRealSite(outDir)).rejects.toThrow('astro build of content/ failed:\ncontent/startups/x.md: siret invalide');
  });

  it('removes the built site and its outcome', async () => {
    await mkdir(join(outDir, 'startups'), { recursive: true });
    await writeFile(`${outDir}.outcome.json`, JSON.stringify({ exitCode: 0, output: '' }));
    await removeRealSite(outDir);
    expect(await readdir(folder)).toEqual([]);
  });
});
