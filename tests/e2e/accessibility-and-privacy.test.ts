/**
 * Every page template of the site built from content/, in headless Chromium,
 * each its own test: axe-core finds no WCAG 2.1 A/AA violation, and the page
 * asks no other origin for anything and sets no cookie. Pages are checked
 * with JavaScript on, after their scripts ran (the search page with results,
 * the directory filtered in the browser).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { REAL_SITE_DIST } from '../helpers/paths.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

/** WCAG 2.1 levels A and AA, the level RGAA 4.1 follows. */
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** One page per template, and what shows that its scripts are done. */
const TEMPLATES = [
  { name: 'home', path: '/' },
  { name: 'directory', path: '/startups/' },
  { name: 'directory, pre-built filtered page', path: '/startups/secteur/industrie-du-futur/' },
  { name: 'directory, filtered in the browser', path: '/startups/?secteur=industrie-du-futur&offre=etude&tri=date', ready: '[data-directory-count]:has-text("correspond")' },
  { name: 'directory, no result', path: '/startups/?secteur=sante&commune=mulhouse', ready: '[data-directory-count]:has-text("Aucune")' },
  { name: 'startup profile', path: '/startups/demo-capteurs-rhin/' },
  { name: 'buyers list', path: '/acheteurs/' },
  { name: 'buyer profile', path: '/acheteurs/ville-de-mulhouse/' },
  { name: 'results', path: '/resultats/' },
  { name: 'news list', path: '/actualites/' },
  { name: 'news item', path: '/actualites/ouverture-du-site/' },
  { name: 'application form', path: '/candidater/' },
  { name: 'order request form', path: '/demander-un-bon-de-commande/' },
  { name: 'buyer commitment form', path: '/s-engager/' },
  { name: 'legal notice', path: '/mentions-legales/' },
  { name: 'privacy notice', path: '/confidentialite/' },
  { name: 'accessibility statement', path: '/accessibilite/' },
  { name: 'search with results', path: '/recherche/?q=capteurs', ready: '[data-search-results] li' },
  { name: '404', path: '/cette-page-n-existe-pas/' },
] as const;

let server: StaticServer;
let browser: Browser;
/** One browser context for the file: a cookie set by any page would stay in it. */
let context: BrowserContext;
/** Every URL requested that is not on the site's own origin. */
const foreignRequests: string[] = [];

async function visit(template: (typeof TEMPLATES)[number]): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${server.origin}${template.path}`);
  if ('ready' in template) await page.locator(template.ready).first().waitFor();
  return page;
}

beforeAll(async () => {
  server = await serveStatic(REAL_SITE_DIST);
  browser = await launchBrowser();
  context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== server.origin) foreignRequests.push(request.url());
  });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

describe.each(TEMPLATES)('$name ($path)', (template) => {
  it('has no WCAG 2.1 AA violation (axe-core), one h1 and the landmarks', async () => {
    const page = await visit(template);
    const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
    const violations = results.violations.map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
    expect(violations).toEqual([]);
    expect(results.passes.length).toBeGreaterThan(10);
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.getByRole('main').count()).toBe(1);
    expect(await page.getByRole('banner').count()).toBe(1);
    expect(await page.getByRole('contentinfo').count()).toBe(1);
    expect(await page.getByRole('search').count()).toBeGreaterThan(0);
    // Private and self-contained: nothing from another origin (the page loaded
    // and its scripts are done, see `ready`), no cookie.
    expect(foreignRequests).toEqual([]);
    expect(await context.cookies()).toEqual([]);
    expect(await page.evaluate(() => document.cookie)).toBe('');
    await page.close();
  });
});
