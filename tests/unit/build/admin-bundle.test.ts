import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { affectsAdminBundle, computeAdminBundleKey, findUncoveredModules } from '../../../src/lib/build/admin-bundle.ts';

describe('computeAdminBundleKey', () => {
  let root: string;
  const write = async (file: string, text: string) => {
    await mkdir(dirname(join(root, file)), { recursive: true });
    await writeFile(join(root, file), text);
  };

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'admin-bundle-key-'));
    await write('package-lock.json', '{"lockfileVersion":3}');
    await write('src/admin/init-cms.ts', 'export {};');
    await write('src/lib/format/money.ts', 'export const a = 1;');
    await write('src/styles/global.css', 'body{}');
    await write('content/startups/a.md', '---\nname: A\n---\n');
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('is 20 hexadecimal characters, the same for the same inputs', async () => {
    const key = await computeAdminBundleKey(root, {});
    expect(key).toMatch(/^[0-9a-f]{20}$/);
    expect(await computeAdminBundleKey(root, {})).toBe(key);
  });

  it.each([
    ['the lockfile', 'package-lock.json', '{"lockfileVersion":3,"packages":{}}'],
    ['a CMS module', 'src/admin/init-cms.ts', 'export const changed = true;'],
    ['a new module under src/components', 'src/components/NewCard.tsx', 'export {};'],
    ['a library module', 'src/lib/format/money.ts', 'export const a = 2;'],
    ['the stylesheet', 'src/styles/global.css', 'body{color:red}'],
    ['the bundler script', 'src/integrations/build-admin-bundle.ts', '// settings'],
  ])('changes with %s', async (_label, file, text) => {
    const before = await computeAdminBundleKey(root, {});
    await write(file, text);
    expect(await computeAdminBundleKey(root, {})).not.toBe(before);
  });

  it.each([
    ['a content file (a CMS edit)', 'content/startups/a.md', '---\nname: B\n---\n'],
    ['a page', 'src/pages/index.astro', '---\n---\n'],
  ])('does not change with %s', async (_label, file, text) => {
    const before = await computeAdminBundleKey(root, {});
    await write(file, text);
    expect(await computeAdminBundleKey(root, {})).toBe(before);
  });

  it('changes with a PUBLIC_ variable (written into browser code), not with another one', async () => {
    const before = await computeAdminBundleKey(root, { SMTP_URL: 'smtp://a' });
    expect(await computeAdminBundleKey(root, { SMTP_URL: 'smtp://b' })).toBe(before);
    expect(await computeAdminBundleKey(root, { PUBLIC_CMS_URL: 'http://127.0.0.1:8082' })).not.toBe(before);
  });

  it('tells a moved file from its content (paths are part of the key)', async () => {
    const before = await computeAdminBundleKey(root, {});
    await rm(join(root, 'src/lib/format/money.ts'));
    await write('src/lib/format/amount.ts', 'export const a = 1;');
    expect(await computeAdminBundleKey(root, {})).not.toBe(before);
  });
});

describe('findUncoveredModules', () => {
  it.each([
    [['src/admin/init-cms.ts', 'src/lib/format/money.ts', 'src/styles/global.css'], []],
    [['src/admin/init-cms.ts', 'src/data/settings.ts'], ['src/data/settings.ts']],
    [['content/settings/site.yml', 'src/library/x.ts'], ['content/settings/site.yml', 'src/library/x.ts']],
    [['src/integrations/build-admin-bundle.ts', 'src/integrations/admin-bundle.ts'], ['src/integrations/admin-bundle.ts']],
  ])('%j → %j', (modules, uncovered) => {
    expect(findUncoveredModules(modules)).toEqual(uncovered);
  });
});

describe('affectsAdminBundle', () => {
  const localModules = ['src/admin/init-cms.ts', 'src/lib/format/money.ts'];
  it.each([
    ['src/admin/init-cms.ts', true],
    ['src/lib/format/money.ts', true],
    ['package-lock.json', true],
    ['src/integrations/build-admin-bundle.ts', true],
    // In an input folder but not in the bundle: the bundle would be the same.
    ['src/lib/format/dates.ts', false],
    ['src/pages/admin/index.astro', false],
    ['content/news/ouverture-du-site.md', false],
  ])('%s → %s', (file, expected) => {
    expect(affectsAdminBundle(file, localModules)).toBe(expected);
  });
});
