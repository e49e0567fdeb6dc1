import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_BUNDLE_INPUTS, computeAdminBundleKey } from '../../../src/lib/build/admin-bundle.ts';
import { computeInputsKey, findUncoveredFiles } from '../../../src/lib/build/inputs-key.ts';

describe('computeInputsKey, with the inputs of the function zips', () => {
  const INPUTS = ['netlify.toml', 'netlify', 'content', 'missing-folder'];
  let root: string;
  const write = async (file: string, text: string) => {
    await mkdir(dirname(join(root, file)), { recursive: true });
    await writeFile(join(root, file), text);
  };

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'inputs-key-'));
    await write('netlify.toml', '[functions]\n');
    await write('netlify/functions/jeton.mts', 'export default () => {};');
    await write('content/startups/a.md', '---\nname: A\n---\n');
    await write('src/pages/index.astro', '---\n---\n');
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('changes with a file of a listed folder or a listed file, not with a file outside them', async () => {
    const before = await computeInputsKey(root, INPUTS);
    expect(before).toMatch(/^[0-9a-f]{20}$/);
    await write('src/pages/index.astro', '---\nconst changed = true;\n---\n');
    expect(await computeInputsKey(root, INPUTS)).toBe(before);
    await write('content/startups/a.md', '---\nname: B\n---\n');
    const afterContent = await computeInputsKey(root, INPUTS);
    expect(afterContent).not.toBe(before);
    await write('netlify.toml', '[functions]\ndirectory = "netlify/functions"\n');
    expect(await computeInputsKey(root, INPUTS)).not.toBe(afterContent);
  });

  it('is the CMS bundle key for the CMS bundle inputs (one computation for both caches)', async () => {
    await write('src/lib/format/money.ts', 'export const a = 1;');
    expect(await computeInputsKey(root, ADMIN_BUNDLE_INPUTS, { PUBLIC_CMS_URL: 'http://127.0.0.1:8082' })).toBe(
      await computeAdminBundleKey(root, { PUBLIC_CMS_URL: 'http://127.0.0.1:8082' }),
    );
  });
});

describe('findUncoveredFiles', () => {
  it.each([
    [['netlify/functions/jeton.mts', 'content/settings/site.yml'], []],
    [['netlify/lib/form-runtime.ts', 'src/lib/forms/process-submission.ts'], ['src/lib/forms/process-submission.ts']],
    [['netlify.toml.bak', 'contents/x.md'], ['netlify.toml.bak', 'contents/x.md']],
  ])('%j → %j', (files, uncovered) => {
    expect(findUncoveredFiles(files, ['netlify.toml', 'netlify', 'content'])).toEqual(uncovered);
  });
});
