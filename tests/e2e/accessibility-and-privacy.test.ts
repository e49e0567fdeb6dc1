/**
 * Every page template of the site built from content/, in headless Chromium,
 * each its own test: axe-core finds no WCAG 2.1 A/AA violation, and the page
 * asks no other origin for anything and sets no cookie. Pages are checked at
 * 1 280 px with JavaScript on, after their scripts ran (the search page with
 * results, the directory filtered in the browser). The same axe check with the
 * site's scripts refused, as without JavaScript, runs at 320 px in
 * `reflow-and-layout.test.ts` (once per template: the suite's time is a budget).
 * One tab goes from template to template: a new tab starts a new renderer
 * process, which cost more CPU than the page load itself.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeWithAxe, installAxe } from '../helpers/axe.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { REAL_SITE_DIST } from '../helpers/paths.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';
import { TEMPLATES, type PageTemplate } from '../helpers/page-templates.ts';

let server: StaticServer;
let browser: Browser;
/** One browser context for the file: a cookie set by any page would stay in it. */
let context: BrowserContext;
/** Its one tab, navigated from template to template. */
let page: Page;
/** Every URL requested that is not on the site's own origin. */
const foreignRequests: string[] = [];

/** Load `template` in the tab, its scripts done. */
async function visit(template: PageTemplate): Promise<void> {
  await page.goto(`${server.origin}${template.path}`);
  if (template.ready) await page.locator(template.ready).first().waitFor();
}

beforeAll(async () => {
  server = await serveStatic(REAL_SITE_DIST);
  browser = await launchBrowser();
  context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
  // Every page of this context is checked: axe-core comes with each load instead of being sent at each check.
  await installAxe(context);
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== server.origin) foreignRequests.push(request.url());
  });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

describe.each(TEMPLATES)('$name ($path)', (template) => {
  it('has no WCAG 2.1 AA or best-practice violation (axe-core) with JavaScript, one h1 and the landmarks', async () => {
    await visit(template);
    const results = await analyzeWithAxe(page);
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
  });
});
