/**
 * Site search reads French (issue 14), on the site built from content/ in
 * headless Chromium: elisions with either apostrophe, accents typed or not,
 * plural or singular find the page a visitor expects first. The index side is
 * `src/integrations/pagefind-index.ts`, the query side `src/scripts/site-search.ts`.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { REAL_SITE_DIST } from '../helpers/paths.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

let server: StaticServer;
let browser: Browser;
let page: Page;
/** The search page's own field (the header has another). */
const SEARCH_FIELD = 'Mots recherchés';

beforeAll(async () => {
  server = await serveStatic(REAL_SITE_DIST);
  browser = await launchBrowser();
  page = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
  page.setDefaultTimeout(15_000);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * The search page's answer: its status line, and the paths of the first results.
 * The first query opens `/recherche/?q=…`; each later one is typed in the
 * page's own search field and sent, as a visitor searching again does (the page
 * then runs the same search and puts the words in the address): one load of
 * Pagefind (its WebAssembly and index) instead of one per query, the
 * costliest part of each search.
 */
async function searchFor(query: string): Promise<{ status: string; paths: string[] }> {
  const address = `${server.origin}/recherche/?${new URLSearchParams({ q: query }).toString()}`;
  if (page.url().startsWith(`${server.origin}/recherche/`) && page.url() !== address) {
    const field = page.getByRole('searchbox', { name: SEARCH_FIELD, exact: true });
    await field.fill(query);
    await field.press('Enter');
    await expect.poll(() => page.url()).toBe(address);
  } else {
    await page.goto(address);
  }
  const status = page.locator('[data-search-status]');
  // The status names the query once its results are listed (until then it is the previous query's, or « Recherche en cours… »).
  await expect.poll(() => status.innerText()).toContain(`«\u00a0${query}\u00a0»`);
  expect(await status.innerText()).toMatch(/résultat|Aucun/);
  const paths = await page.locator('[data-search-results] .search-result__title a').evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
  return { status: await status.innerText(), paths };
}

describe('French search', () => {
  it.each([
    // query, expected first result, least number of results
    ['annuaire', '/accessibilite/', 10],
    ['l’annuaire', '/accessibilite/', 10],
    ["l'annuaire", '/accessibilite/', 10],
    ['d’acheteur', '/guide-acheteurs/', 10],
    ["d'acheteur", '/guide-acheteurs/', 10],
    ['acheteurs', '/guide-acheteurs/', 10],
    ['accessibilité', '/accessibilite/', 1],
    ['accessibilite', '/accessibilite/', 1],
    ['déclaration d’accessibilité', '/accessibilite/', 1],
    ['données personnelles', '/confidentialite/', 2],
    ['donnees personnelles', '/confidentialite/', 2],
    ['mentions légales', '/mentions-legales/', 1],
    ['Thurmelec', '/acheteurs/thurmelec/', 1],
    ['jumeau numerique', '/startups/fictilab-jumeaux/', 1],
    ['capteurs', '/startups/demo-capteurs-rhin/', 1],
  ])('« %s » finds %s first', async (query, firstPath, leastCount) => {
    const { status, paths } = await searchFor(query);
    expect(paths[0]).toBe(firstPath);
    expect(paths.length).toBeGreaterThanOrEqual(leastCount);
    expect(status).toContain(`«\u00a0${query}\u00a0»`);
  });

  it('finds as many pages for « l’annuaire » as for « annuaire » (the apostrophe is a word boundary)', async () => {
    const [elided, bare] = [await searchFor('l’annuaire'), await searchFor('annuaire')];
    expect(elided.paths).toEqual(bare.paths);
  });
});
