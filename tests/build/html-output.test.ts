/**
 * The HTML of a sample of pages, byte for byte, against the copies kept in
 * `tests/build/__snapshots__/html-output/`: a change to how the site is built
 * (issue 13, build speed) must not change what visitors get, typography
 * included (French spacing, typographic quotes, dashes and ellipses in
 * Markdown, `{{plafond}}`, accessible tables). The site is built from
 * `tests/fixtures/content-html-sample` (8 generated startups, 3 buyers,
 * 4 orders, the pages and news of the real content at the time, and a
 * typography page), a fixed set so that editing the real content never breaks
 * this test. Only the content hashes in asset names (`/_astro/name.HASH.ext`)
 * are normalised. When a page is meant to change, review the diff and update
 * the copies: `npx vitest run tests/build/html-output.test.ts -u`.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/astro-build.ts';
import { PROJECT_ROOT, TEST_TMP } from '../helpers/paths.ts';

const FIXTURE = join(PROJECT_ROOT, 'tests', 'fixtures', 'content-html-sample');
const DIST = join(TEST_TMP, `dist-html-sample-${process.env['PBC_TEST_RUN'] ?? 'single'}`);

/** Page paths, and the file each one's expected HTML is kept in. */
const SAMPLE_PAGES = [
  ['/', 'home.html'],
  ['/startups/', 'directory.html'],
  ['/startups/secteur/logistique/', 'facet-listing.html'],
  ['/startups/exemple-00001-signal-rhin-logiciels/', 'startup-profile.html'],
  ['/acheteurs/acheteur-exemple-00001-thur/', 'buyer-profile.html'],
  ['/actualites/ouverture-du-site/', 'news-item.html'],
  ['/mentions-legales/', 'legal-page.html'],
  ['/typographie/', 'typography-page.html'],
  ['/resultats/', 'results.html'],
] as const;

/**
 * Replace the content hash of every built asset name (`/_astro/global.Dk3_x9aB.css`
 * → `/_astro/global.[hash].css`), the one part of a page that may change without
 * the page changing.
 */
function normaliseAssetHashes(html: string): string {
  return html.replace(/(\/_astro\/[^"'\s)]+)\.[\w-]+\.(\w+)(?=["'\s)?#,])/g, '$1.[hash].$2');
}

describe('HTML output of a fixed content set', () => {
  let buildLog = '';
  beforeAll(async () => {
    const result = await buildSite({ contentDir: FIXTURE, outDir: DIST });
    if (result.exitCode !== 0) throw new Error(`astro build of the HTML sample failed:\n${result.output}`);
    buildLog = result.output;
  });

  it('normalises only the hash of asset names', () => {
    expect(normaliseAssetHashes('<link href="/_astro/global.Dk3_x9aB.css"><img src="/_astro/logo.BxY-12_z.webp" srcset="/_astro/a.b.Cd_1.webp 2x">')).toBe(
      '<link href="/_astro/global.[hash].css"><img src="/_astro/logo.[hash].webp" srcset="/_astro/a.b.[hash].webp 2x">',
    );
    expect(normaliseAssetHashes('<a href="/startups/page/2/">2.5 €</a>')).toBe('<a href="/startups/page/2/">2.5 €</a>');
  });

  it('the CMS page loads the CMS bundle, built apart or taken from its cache, copied into _astro/', async () => {
    expect(buildLog).toMatch(/CMS : bundle [0-9a-f]{20} (réutilisé|construit)/);
    const scripts = [...(await readFile(join(DIST, 'admin', 'index.html'), 'utf8')).matchAll(/<script type="module" src="([^"]+)">/g)].map((match) => match[1]);
    // First the small module that sends editors' invitation links on to /compte-editeur/, then the CMS.
    expect(scripts).toEqual([expect.stringMatching(/^\/_astro\/[\w.-]+\.js$/), expect.stringMatching(/^\/_astro\/admin-cms\.[\w-]+\.js$/)]);
    expect((await stat(join(DIST, scripts[0]!))).size).toBeLessThan(2_000);
    expect((await stat(join(DIST, scripts[1]!))).size).toBeGreaterThan(1_000_000);
  });

  it.each(SAMPLE_PAGES)('%s is unchanged (%s)', async (path, file) => {
    const html = await readFile(join(DIST, path, 'index.html'), 'utf8');
    await expect(normaliseAssetHashes(html)).toMatchFileSnapshot(join('__snapshots__', 'html-output', file));
  });
});
