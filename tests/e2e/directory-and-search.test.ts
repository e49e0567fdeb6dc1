/**
 * The startup directory and the site search in headless Chromium, on a site
 * built from a copy of content/ whose startups are replaced by 30 generated
 * ones (enough for two pages): every facet with JavaScript off (pre-built
 * pages) and on (instant, combined, in the address), a shared address, sorting,
 * « Afficher plus », Pagefind finding a startup by a word of its description,
 * and keyboard-only use of the header, the filters and a profile.
 */
import { cp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasValidLuhnChecksum } from '../../src/lib/identifiers/siren.ts';
import { buildSite } from '../helpers/astro-build.ts';
import { ASTRO_TURN_TIMEOUT_MS } from '../helpers/build-lock.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { PROJECT_ROOT, TEST_TMP } from '../helpers/paths.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

const RUN = join(TEST_TMP, `directory-${process.pid}`);
const CONTENT = join(RUN, 'content');
const DIST = join(RUN, 'dist');
const STARTUP_COUNT = 30;
const NBSP = '\u00a0';

/** One generated startup; its facets cycle so that every value has a known set of startups. */
function generated(position: number) {
  const number = String(position + 1).padStart(2, '0');
  return {
    slug: `essai-${number}`,
    name: `Essai ${number}`,
    sector: position % 2 === 0 ? 'Formation' : 'Culture et tourisme',
    technology: position % 3 === 0 ? 'Robotique' : 'Impression 3D',
    commune: position % 4 === 0 ? { name: 'Altkirch', postcode: '68130' } : { name: 'Colmar', postcode: '68000' },
    kind: position % 5 === 0 ? 'pilote' : 'etude',
    // One day apart: the higher the number, the more recent.
    memberSince: new Date(Date.UTC(2024, 0, 1 + position)).toISOString().slice(0, 10),
    // A word found in one description only, for the search.
    word: position === 6 ? 'hydroponie' : 'atelier',
  };
}
const STARTUPS = Array.from({ length: STARTUP_COUNT }, (_, position) => generated(position));

function siren(position: number): string {
  const stem = `99998${String(position).padStart(3, '0')}`;
  const digit = [...'0123456789'].find((candidate) => hasValidLuhnChecksum(stem + candidate))!;
  return stem + digit;
}

function startupFile(startup: (typeof STARTUPS)[number], position: number): string {
  return `---
name: '${startup.name}'
tagline: 'Startup générée pour les tests de l’annuaire.'
sectors: ['${startup.sector}']
technologies: ['${startup.technology}']
offers:
  - title: 'Offre ${startup.name}'
    kind: '${startup.kind}'
    price_ht: 5000
commune: '${startup.commune.name}'
postcode: '${startup.commune.postcode}'
siren: '${siren(position)}'
member_since: '${startup.memberSince}'
order_contact_email: 'commandes@${startup.slug}.fr'
sample: ${position !== 0}
---

Fiche générée pour les tests. Cette startup conçoit un ${startup.word} numérique pour les entreprises.
`;
}

/** Names expected for a filter, by name (the directory's default order). */
function namesWhere(predicate: (startup: (typeof STARTUPS)[number]) => boolean): string[] {
  return STARTUPS.filter(predicate).map((startup) => startup.name);
}

/** Waits for the page's scripts (fetching the index, Pagefind) on a busy machine: vitest's default poll gives up after 1 s. */
function eventually<Value>(read: () => Promise<Value> | Value) {
  return expect.poll(read, { timeout: 15_000 });
}

let server: StaticServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
/**
 * One tab with JavaScript on and one with it off, each in its own context, that
 * every test navigates to its first page: a new tab starts a new renderer
 * process, which costs more CPU than the page load (the site's scripts keep no
 * state in the browser, so a test starts from the page alone).
 */
const tabs = new Map<boolean, Page>();

/** Load `path` in the tab with JavaScript on or off. */
async function openPage(path: string, javaScript = true): Promise<Page> {
  let page = tabs.get(javaScript);
  if (page === undefined) {
    const context = await browser.newContext({ javaScriptEnabled: javaScript, locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    tabs.set(javaScript, page);
  }
  await page.goto(`${server.origin}${path}`);
  return page;
}

function cardNames(page: Page): Promise<string[]> {
  return page.locator('[data-directory-results] .card__title a').allTextContents();
}

async function countText(page: Page): Promise<string> {
  return (await page.locator('[data-directory-count]').textContent())!.replaceAll(NBSP, ' ').replaceAll('\u202f', ' ');
}

beforeAll(async () => {
  await rm(RUN, { recursive: true, force: true });
  await mkdir(RUN, { recursive: true });
  await cp(join(PROJECT_ROOT, 'content'), CONTENT, { recursive: true });
  for (const file of await readdir(join(CONTENT, 'startups'))) await rm(join(CONTENT, 'startups', file));
  await Promise.all(STARTUPS.map((startup, position) => writeFile(join(CONTENT, 'startups', `${startup.slug}.md`), startupFile(startup, position))));
  const build = await buildSite({ contentDir: CONTENT, outDir: DIST });
  if (build.exitCode !== 0) throw new Error(`build failed:\n${build.output}`);
  server = await serveStatic(DIST);
  browser = await launchBrowser();
}, ASTRO_TURN_TIMEOUT_MS);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.close();
  await rm(RUN, { recursive: true, force: true });
});

const FACETS = [
  { key: 'secteur', label: 'Secteur', value: 'Formation', slug: 'formation', names: namesWhere((startup) => startup.sector === 'Formation') },
  { key: 'technologie', label: 'Technologie', value: 'Robotique', slug: 'robotique', names: namesWhere((startup) => startup.technology === 'Robotique') },
  { key: 'commune', label: 'Commune', value: 'Altkirch', slug: 'altkirch', names: namesWhere((startup) => startup.commune.name === 'Altkirch') },
  { key: 'offre', label: 'Type d’offre', value: 'Pilote', slug: 'pilote', names: namesWhere((startup) => startup.kind === 'pilote') },
] as const;

describe('directory without JavaScript', () => {
  it('lists every startup on pre-built pages of 24, with the count and no filter form', async () => {
    const page = await openPage('/startups/', false);
    expect(await cardNames(page)).toEqual(STARTUPS.slice(0, 24).map((startup) => startup.name));
    expect(await countText(page)).toBe('Startups 1 à 24 sur 30 (page 1 sur 2).');
    expect(await page.locator('[data-directory-form]').isVisible()).toBe(false);
    await page.getByRole('navigation', { name: 'Pages de la liste' }).getByRole('link', { name: 'Page suivante' }).click();
    expect(new URL(page.url()).pathname).toBe('/startups/page/2/');
    expect(await cardNames(page)).toEqual(STARTUPS.slice(24).map((startup) => startup.name));
    expect(await page.locator('[aria-current="page"][aria-label="Page 2"]').count()).toBe(1);
  });

  it.each(FACETS)('filters by $key through a link to a pre-built page', async (facet) => {
    const page = await openPage('/startups/', false);
    await page.locator('summary', { hasText: facet.label }).click();
    await page.getByRole('link', { name: facet.value, exact: true }).click();
    expect(new URL(page.url()).pathname).toBe(`/startups/${facet.key}/${facet.slug}/`);
    expect(await cardNames(page)).toEqual(facet.names.slice(0, 24));
    expect(await page.locator('h1').textContent()).toBe(`Startups${NBSP}: ${facet.label.toLowerCase()} ${facet.value}`);
    expect(facet.names.length).toBeGreaterThan(0);
  });
});

describe('directory with JavaScript', () => {
  it.each(FACETS)('filters by $key instantly and writes it in the address', async (facet) => {
    const page = await openPage('/startups/');
    await page.getByLabel(facet.label, { exact: true }).selectOption(facet.slug);
    await eventually(() => page.url()).toBe(`${server.origin}/startups/?${facet.key}=${facet.slug}`);
    expect(await cardNames(page)).toEqual(facet.names.slice(0, 24));
    expect(await countText(page)).toMatch(new RegExp(`^${facet.names.length} startups correspondent à ces critères`));
  });

  it('combines filters, sorts by date joined and shows a clear « no result » state', async () => {
    const page = await openPage('/startups/');
    await page.getByLabel('Secteur', { exact: true }).selectOption('formation');
    await page.getByLabel('Type d’offre').selectOption('pilote');
    const expected = namesWhere((startup) => startup.sector === 'Formation' && startup.kind === 'pilote');
    await eventually(() => cardNames(page)).toEqual(expected);
    expect(expected).toEqual(['Essai 01', 'Essai 11', 'Essai 21']);
    await page.getByLabel('Trier par').selectOption('date');
    await eventually(() => cardNames(page)).toEqual(['Essai 21', 'Essai 11', 'Essai 01']);
    expect(page.url()).toBe(`${server.origin}/startups/?secteur=formation&offre=pilote&tri=date`);
    await page.getByLabel('Technologie').selectOption('robotique');
    await eventually(() => cardNames(page)).toEqual(['Essai 01']);
    await page.getByLabel('Commune').selectOption('colmar');
    await eventually(() => countText(page)).toBe('Aucune startup ne correspond à ces critères.');
    expect(await cardNames(page)).toEqual([]);
    expect(await page.locator('[data-directory-empty]').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Effacer les filtres' }).click();
    await eventually(() => cardNames(page)).toEqual(STARTUPS.slice(0, 24).map((startup) => startup.name));
    expect(page.url()).toBe(`${server.origin}/startups/`);
    expect(await page.locator('[data-directory-empty]').isVisible()).toBe(false);
  });

  it('combines a pre-built facet page with another filter, then shows the whole directory\'s query', async () => {
    const page = await openPage('/startups/secteur/formation/');
    expect(await page.getByLabel('Secteur', { exact: true }).inputValue()).toBe('formation');
    await page.getByLabel('Type d’offre').selectOption('pilote');
    await eventually(() => cardNames(page)).toEqual(['Essai 01', 'Essai 11', 'Essai 21']);
    expect(page.url()).toBe(`${server.origin}/startups/?secteur=formation&offre=pilote`);
    expect(await page.locator('h1').textContent()).toBe('Startups du DAS numérique');
  });

  it('draws the same card markup as the pre-built page, with and without the sample badge', async () => {
    const cardsOf = (page: Page) => page.locator('[data-directory-results] .card').evaluateAll((cards) => cards.map((card) => card.outerHTML));
    const prebuilt = await openPage('/startups/secteur/formation/', false);
    const filtered = await openPage('/startups/?secteur=formation');
    await eventually(() => cardNames(filtered)).toEqual(FACETS[0].names);
    const [drawn, expected] = [await cardsOf(filtered), await cardsOf(prebuilt)];
    expect(drawn).toEqual(expected);
    expect(drawn).toHaveLength(15);
    expect(drawn[0]).not.toContain('badge--sample');
    expect(drawn[1]).toContain('<span class="badge badge--sample"');
  });

  it('restores a shared filtered address', async () => {
    const page = await openPage('/startups/?technologie=robotique&commune=altkirch&tri=date');
    const expected = namesWhere((startup) => startup.technology === 'Robotique' && startup.commune.name === 'Altkirch').reverse();
    await eventually(() => cardNames(page)).toEqual(expected);
    expect(expected).toEqual(['Essai 25', 'Essai 13', 'Essai 01']);
    expect(await page.getByLabel('Technologie').inputValue()).toBe('robotique');
    expect(await page.getByLabel('Commune').inputValue()).toBe('altkirch');
    expect(await page.getByLabel('Secteur', { exact: true }).inputValue()).toBe('');
    expect(await page.getByLabel('Trier par').inputValue()).toBe('date');
    expect(await countText(page)).toBe('3 startups correspondent à ces critères.');
  });

  it('shows 24 cards then the rest on « Afficher plus », focusing the first new card', async () => {
    const page = await openPage('/startups/?tri=date');
    await eventually(() => countText(page)).toBe('30 startups correspondent à ces critères, 24 affichées.');
    expect(await page.locator('[data-directory-pagination]').isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Afficher plus de startups' }).click();
    await eventually(() => cardNames(page)).toEqual(STARTUPS.map((startup) => startup.name).reverse());
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Essai 06');
    expect(await page.getByRole('button', { name: 'Afficher plus de startups' }).isVisible()).toBe(false);
  });
});

describe('site search', () => {
  it('finds a startup by a word of its description, with its kind and an excerpt', async () => {
    const page = await openPage('/');
    await page.getByRole('searchbox', { name: 'Rechercher sur le site' }).fill('hydroponie');
    await page.getByRole('searchbox', { name: 'Rechercher sur le site' }).press('Enter');
    await page.waitForURL(`${server.origin}/recherche/?q=hydroponie`);
    const results = page.locator('[data-search-results] li');
    await eventually(() => results.count()).toBe(1);
    expect(await results.locator('.search-result__kind').textContent()).toBe('Startup');
    expect(await results.getByRole('link').textContent()).toBe('Essai 07');
    expect(await results.getByRole('link').getAttribute('href')).toBe('/startups/essai-07/');
    expect(await results.locator('mark').textContent()).toBe('hydroponie');
    expect(await page.locator('[data-search-status]').textContent()).toBe(`1 résultat pour «${NBSP}hydroponie${NBSP}».`);
    expect(await page.getByText('La recherche a besoin de JavaScript').isVisible()).toBe(false);
  });

  it('says that search needs JavaScript when it is off', async () => {
    const page = await openPage('/recherche/?q=hydroponie', false);
    expect(await page.getByText('La recherche a besoin de JavaScript').count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Parcourir l’annuaire des startups' }).getAttribute('href')).toBe('/startups/');
  });
});

describe('keyboard only', () => {
  it('goes through the header, skips to the content, filters and opens a profile', async () => {
    const page = await openPage('/startups/');
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('href') ?? document.activeElement?.id ?? '');
    const order: string[] = [];
    for (let step = 0; step < 11; step += 1) {
      await page.keyboard.press('Tab');
      order.push(await focused());
      if (step === 3) expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Rechercher');
    }
    // Brand block (home), search, then the navigation and its two actions (the menu is open on wide screens).
    expect(order).toEqual([
      '#contenu',
      '/',
      'recherche-entete',
      '',
      '/startups/',
      '/acheteurs/',
      '/resultats/',
      '/actualites/',
      '/programme/',
      '/demander-un-bon-de-commande/',
      '/candidater/',
    ]);
    // The skip link leads into the main content, whose first control is the first filter.
    for (let step = 0; step < 10; step += 1) await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('#contenu');
    await page.keyboard.press('Enter');
    expect(await focused()).toBe('contenu');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('filtre-secteur');
    // Arrows change the select's value, which filters at once.
    await page.keyboard.press('ArrowDown');
    expect(await page.getByLabel('Secteur', { exact: true }).inputValue()).toBe('culture-et-tourisme');
    await eventually(() => page.url()).toBe(`${server.origin}/startups/?secteur=culture-et-tourisme`);
    // On through the other filters and the reset button to the first card, then its profile.
    for (let step = 0; step < 6; step += 1) await page.keyboard.press('Tab');
    expect(await focused()).toBe('/startups/essai-02/');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.origin}/startups/essai-02/`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('contenu');
    const profileLinks: string[] = [];
    for (let step = 0; step < 3; step += 1) {
      await page.keyboard.press('Tab');
      profileLinks.push(await page.evaluate(() => document.activeElement?.getAttribute('href') ?? ''));
    }
    expect(profileLinks[0]).toBe('/startups/');
    // The generated startups are samples: their profiles offer no order request (issue 14).
    expect(profileLinks.filter((href) => href.startsWith('/demander-un-bon-de-commande/'))).toEqual([]);
  });
});
