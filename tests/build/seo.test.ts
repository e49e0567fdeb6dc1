/**
 * What search engines and link previews read in the built site: titles and
 * descriptions, canonical URLs, OpenGraph/Twitter tags and their image, JSON-LD,
 * sitemap, robots.txt and the news feed; and every internal link or asset
 * reference lands on a built file, never on a 404 or a redirect.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOrdersFixtureOnce } from '../helpers/fixture-site.ts';
import { readPage } from '../helpers/dist-files.ts';
import { findBrokenReferences, htmlFiles, listElements, pathOf } from '../helpers/html-references.ts';
import { REAL_SITE_DIST, TEST_TMP } from '../helpers/paths.ts';

const SITE_URL = 'https://premiers-bons-de-commande.netlify.app';

/** Pages meant for search engines: all but the CMS, the editors' account page, form answers and the 404 page. */
async function publicPages(dist: string): Promise<string[]> {
  return (await htmlFiles(dist)).filter((file) => !/^(admin|compte-editeur|formulaires)\//.test(file) && file !== '404.html');
}

function metaOf(html: string): Map<string, string> {
  const meta = new Map<string, string>();
  for (const element of listElements(html).filter((candidate) => candidate.tagName === 'meta')) {
    const key = element.properties['property'] ?? element.properties['name'];
    if (typeof key === 'string') meta.set(key, String(element.properties['content']));
  }
  return meta;
}

function canonicalOf(html: string): string | undefined {
  const link = listElements(html).find((element) => element.tagName === 'link' && String(element.properties['rel']) === 'canonical');
  return link ? String(link.properties['href']) : undefined;
}

function jsonLdOf(html: string): unknown[] {
  return listElements(html)
    .filter((element) => element.tagName === 'script' && element.properties['type'] === 'application/ld+json')
    .map((element) => JSON.parse(element.children.map((child) => ('value' in child ? child.value : '')).join('')));
}

describe('search engines and link previews, on the site built from content/', () => {
  it('gives every public page its own title, a description and an absolute canonical URL', async () => {
    const pages = await publicPages(REAL_SITE_DIST);
    expect(pages.length).toBeGreaterThan(20);
    const titles = new Set<string>();
    for (const file of pages) {
      const html = await readFile(join(REAL_SITE_DIST, file), 'utf8');
      const meta = metaOf(html);
      const title = listElements(html).find((element) => element.tagName === 'title');
      const titleText = title?.children.map((child) => ('value' in child ? child.value : '')).join('') ?? '';
      expect(titleText, file).toMatch(/Premiers bons de commande$/);
      titles.add(titleText);
      expect(meta.get('description')?.length, file).toBeGreaterThan(20);
      expect(canonicalOf(html), file).toBe(`${SITE_URL}${pathOf(file)}`);
      expect(meta.get('og:url'), file).toBe(`${SITE_URL}${pathOf(file)}`);
      expect(meta.get('og:title'), file).toBe(titleText);
      expect(meta.get('og:description'), file).toBe(meta.get('description'));
      expect(meta.get('og:image'), file).toBe(`${SITE_URL}/og-default.png`);
      expect(meta.get('twitter:card'), file).toBe('summary_large_image');
      expect(meta.get('robots'), file).toBeUndefined();
    }
    expect(titles.size).toBe(pages.length);
  });

  it('keeps utility pages out of search engines, without a canonical URL', async () => {
    for (const file of ['404.html', 'formulaires/reponse/index.html', 'compte-editeur/index.html']) {
      const html = await readFile(join(REAL_SITE_DIST, file), 'utf8');
      expect(metaOf(html).get('robots'), file).toBe('noindex');
      expect(canonicalOf(html), file).toBeUndefined();
    }
  });

  it('serves its own 1200 × 630 preview image', async () => {
    const metadata = await sharp(join(REAL_SITE_DIST, 'og-default.png')).metadata();
    expect([metadata.format, metadata.width, metadata.height]).toEqual(['png', 1200, 630]);
  });

  it('lists exactly the public pages in the sitemap', async () => {
    const parser = new XMLParser({ isArray: (name) => name === 'url' || name === 'sitemap' });
    const index = parser.parse(await readFile(join(REAL_SITE_DIST, 'sitemap-index.xml'), 'utf8'));
    const sitemaps: string[] = index.sitemapindex.sitemap.map((entry: { loc: string }) => entry.loc);
    expect(sitemaps).toEqual([`${SITE_URL}/sitemap-0.xml`]);
    const urls = parser.parse(await readFile(join(REAL_SITE_DIST, 'sitemap-0.xml'), 'utf8')).urlset.url.map((entry: { loc: string }) => entry.loc);
    const expected = (await publicPages(REAL_SITE_DIST)).map((file) => `${SITE_URL}${pathOf(file)}`);
    expect([...urls].sort()).toEqual(expected.sort());
  });

  it('has a robots.txt that disallows the CMS and points to the sitemap', async () => {
    expect(await readFile(join(REAL_SITE_DIST, 'robots.txt'), 'utf8')).toBe(
      `User-agent: *\nDisallow: /admin/\n\nSitemap: ${SITE_URL}/sitemap-index.xml\n`,
    );
  });

  it('publishes the news as an RSS feed linked from every page', async () => {
    const feed = new XMLParser({ isArray: (name) => name === 'item' }).parse(await readFile(join(REAL_SITE_DIST, 'actualites/rss.xml'), 'utf8'));
    const items = feed.rss.channel.item as { title: string; link: string; pubDate: string }[];
    const newsPages = (await htmlFiles(REAL_SITE_DIST)).filter((file) => /^actualites\/[^/]+\/index\.html$/.test(file));
    expect(items.map((item) => item.link).sort()).toEqual(newsPages.map((file) => `${SITE_URL}${pathOf(file)}`).sort());
    expect(items[0]).toMatchObject({ title: 'Aux origines de la démarche : 2018', pubDate: 'Mon, 09 Nov 2026 12:00:00 GMT' });
    expect(await readPage(REAL_SITE_DIST, '/startups/')).toContain(
      '<link rel="alternate" type="application/rss+xml" title="Actualités — Premiers bons de commande" href="/actualites/rss.xml">',
    );
  });

  it('describes the programme and the buyers in JSON-LD, not fictional startups', async () => {
    expect(jsonLdOf(await readPage(REAL_SITE_DIST, '/'))).toEqual([
      expect.objectContaining({
        '@context': 'https://schema.org',
        '@type': 'Organization',
        name: 'Premiers bons de commande',
        url: `${SITE_URL}/`,
        email: 'contact@premiers-bons-de-commande.fr',
      }),
    ]);
    expect(jsonLdOf(await readPage(REAL_SITE_DIST, '/acheteurs/ville-de-mulhouse/'))).toEqual([
      expect.objectContaining({ '@type': 'GovernmentOrganization', mainEntityOfPage: `${SITE_URL}/acheteurs/ville-de-mulhouse/` }),
    ]);
    expect(jsonLdOf(await readPage(REAL_SITE_DIST, '/acheteurs/thurmelec/'))).toEqual([
      expect.objectContaining({ '@type': 'Organization', name: 'Thurmelec' }),
    ]);
    expect(jsonLdOf(await readPage(REAL_SITE_DIST, '/startups/demo-capteurs-rhin/'))).toEqual([]);
  });

  it('has no internal link or asset reference that misses a built file', async () => {
    expect(await findBrokenReferences(REAL_SITE_DIST, SITE_URL)).toEqual([]);
  });

  it('link check: finds a missing page, a missing slash and a missing asset', async () => {
    const dist = join(TEST_TMP, 'dist-broken-links');
    await rm(dist, { recursive: true, force: true });
    await mkdir(join(dist, 'a'), { recursive: true });
    await writeFile(join(dist, 'a', 'index.html'), '');
    await writeFile(
      join(dist, 'index.html'),
      `<link rel="canonical" href="${SITE_URL}/a/"><a href="a/">ok</a><a href="/a">no slash</a><a href="/b/">missing</a>` +
        '<img src="/logo.png" alt=""><a href="https://ailleurs.example/x">other site</a><a href="mailto:x@y.example">mail</a>',
    );
    expect(await findBrokenReferences(dist, SITE_URL)).toEqual([
      'index.html: <a href="/a">',
      'index.html: <a href="/b/">',
      'index.html: <img src="/logo.png">',
    ]);
  });
});

describe('search engines, on the fixture with orders', () => {
  let dist = '';
  beforeAll(async () => {
    dist = await buildOrdersFixtureOnce();
  });

  it('describes a real startup in JSON-LD with its public facts only', async () => {
    expect(jsonLdOf(await readPage(dist, '/startups/atelier-test/'))).toEqual([
      {
        '@context': 'https://schema.org',
        '@type': 'Organization',
        name: 'Atelier Test',
        description: 'Une startup de test pour la construction du site.',
        url: `${SITE_URL}/startups/atelier-test/`,
        mainEntityOfPage: `${SITE_URL}/startups/atelier-test/`,
        address: { '@type': 'PostalAddress', addressLocality: 'Mulhouse', postalCode: '68100', addressCountry: 'FR' },
        identifier: { '@type': 'PropertyValue', propertyID: 'SIREN', value: '732829320' },
        memberOf: { '@type': 'Organization', name: 'Premiers bons de commande', url: `${SITE_URL}/` },
      },
    ]);
  });
});
