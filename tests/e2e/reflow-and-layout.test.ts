/**
 * Layout of every page template in headless Chromium (issue 14):
 * - reflow (RGAA 10.11, WCAG 1.4.10): at 320 CSS px, and at 1 280 px zoomed to
 *   200 % (640 CSS px), the document is never wider than the viewport, with
 *   JavaScript on and off; headings never skip a level;
 * - axe-core finds no WCAG 2.1 A/AA or best-practice violation at 320 px with
 *   the site's scripts blocked, as without JavaScript (axe itself needs the page's
 *   JavaScript engine; the 1 280 px, JavaScript-on run is accessibility-and-privacy.test.ts);
 * - the two audiences' choices sit above the fold at 1 280 × 800 and 375 × 667;
 * - on a phone the navigation folds into a native menu that keyboard users open
 *   and leave without a trap;
 * - screenshots at 1 280, 375 and 320 px of every template go to test-results/layout/ (taken from the
 *   page loaded at 320 px, resized), as JPEG (quality 80), a fifth quicker to encode than
 *   PNG for these full-page shots; the caret left as it is (no field has the focus after a
 *   load), which spares Playwright's style sheet hiding it, restyling every element twice a shot.
 * Each viewport and JavaScript setting has one browser context and one tab, which goes from
 * template to template (its size set back first): a new tab starts a new renderer process,
 * which cost more CPU than the page load itself (the 63 loads of the reflow checks: 58 CPU-s in new tabs, 25 in one tab each).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeWithAxe, installAxe } from '../helpers/axe.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { PROJECT_ROOT, REAL_SITE_DIST } from '../helpers/paths.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';
import { TEMPLATES, type PageTemplate } from '../helpers/page-templates.ts';

const SCREENS = join(PROJECT_ROOT, 'test-results', 'layout');

let server: StaticServer;
let browser: Browser;
/** One browser context per viewport and JavaScript setting, shared by the templates. */
const contexts = new Map<string, BrowserContext>();
/** The one tab of each context, navigated from template to template. */
const tabs = new Map<string, Page>();

const VIEWPORTS = {
  phone320: { width: 320, height: 640, javaScriptEnabled: true, deviceScaleFactor: 1 },
  phone320NoScript: { width: 320, height: 640, javaScriptEnabled: false, deviceScaleFactor: 1 },
  // For axe: the engine stays on, every script of the site is refused (see beforeAll).
  phone320ScriptsBlocked: { width: 320, height: 640, javaScriptEnabled: true, deviceScaleFactor: 1 },
  // 1 280 px at 200 % zoom: 640 CSS px on a screen of twice the density.
  zoom200: { width: 640, height: 400, javaScriptEnabled: true, deviceScaleFactor: 2 },
  phone375: { width: 375, height: 667, javaScriptEnabled: true, deviceScaleFactor: 1 },
  phone375NoScript: { width: 375, height: 667, javaScriptEnabled: false, deviceScaleFactor: 1 },
  desktop: { width: 1280, height: 800, javaScriptEnabled: true, deviceScaleFactor: 1 },
} as const;
type ViewportName = keyof typeof VIEWPORTS;

/** Load `template` in the viewport's tab, at the viewport's size (a screenshot may have resized it), its scripts done. */
async function visit(viewport: ViewportName, template: PageTemplate): Promise<Page> {
  const page = tabs.get(viewport)!;
  const { width, height } = VIEWPORTS[viewport];
  await page.setViewportSize({ width, height });
  await page.goto(`${server.origin}${template.path}`);
  if (VIEWPORTS[viewport].javaScriptEnabled && viewport !== 'phone320ScriptsBlocked' && template.ready) await page.locator(template.ready).first().waitFor();
  return page;
}

/** How far the document is wider than the viewport, in CSS px (0 when it reflows). */
function overflowOf(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - document.documentElement.clientWidth);
}

/** Heading levels in document order, visible or not (screen readers list them all). */
function headingLevels(page: Page): Promise<number[]> {
  return page.evaluate(() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((heading) => Number(heading.tagName[1])));
}

const fileName = (template: PageTemplate) => template.name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase();

beforeAll(async () => {
  server = await serveStatic(REAL_SITE_DIST);
  browser = await launchBrowser();
  for (const [name, { width, height, javaScriptEnabled, deviceScaleFactor }] of Object.entries(VIEWPORTS)) {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width, height }, javaScriptEnabled, deviceScaleFactor });
    contexts.set(name, context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    tabs.set(name, page);
  }
  // Every page of this context is checked: axe-core comes with each load instead of being sent at each check.
  await installAxe(contexts.get('phone320ScriptsBlocked')!);
  await contexts.get('phone320ScriptsBlocked')!.route('**/*', (route) => (route.request().resourceType() === 'script' ? route.abort() : route.continue()));
  await mkdir(SCREENS, { recursive: true });
});

afterAll(async () => {
  for (const context of contexts.values()) await context.close();
  await browser?.close();
  await server?.close();
});

/** The widths photographed, each from the page loaded at 320 px with JavaScript, resized: one load instead of three. */
const PHOTOGRAPHED = ['phone320', 'phone375', 'desktop'] as const;

describe.each(TEMPLATES)('$name ($path)', (template) => {
  it('reflows without horizontal scrolling at 320 px (JavaScript on and off) and at 200 % zoom, headings in order; photographed at 320, 375 and 1 280 px', async () => {
    for (const viewport of ['phone320', 'phone320NoScript', 'zoom200'] as const) {
      const page = await visit(viewport, template);
      expect(await overflowOf(page), viewport).toBeLessThanOrEqual(0);
      const levels = await headingLevels(page);
      expect(levels[0], viewport).toBe(1);
      const skips = levels.flatMap((level, index) => (index > 0 && level > levels[index - 1]! + 1 ? [`h${levels[index - 1]} → h${level}`] : []));
      expect(skips, viewport).toEqual([]);
      if (viewport === 'phone320') {
        for (const shot of PHOTOGRAPHED) {
          const { width, height } = VIEWPORTS[shot];
          await page.setViewportSize({ width, height });
          await page.screenshot({ path: join(SCREENS, `${fileName(template)}-${width}.jpg`), fullPage: true, quality: 80, caret: 'initial' });
        }
      }
    }
  });

  it('has no axe-core violation at 320 px without the site’s scripts', async () => {
    const page = await visit('phone320ScriptsBlocked', template);
    const results = await analyzeWithAxe(page);
    expect(results.violations.map((violation) => ({ rule: violation.id, targets: violation.nodes.map((node) => node.target.join(' ')) }))).toEqual([]);
  });
});

const HOME: PageTemplate = { name: 'home', path: '/' };

describe('home page and navigation', () => {
  it.each(['desktop', 'phone375'] as const)('shows both audiences’ choices above the fold (%s)', async (viewport) => {
    const page = await visit(viewport, HOME);
    for (const name of ['Demander un bon de commande', 'Rejoindre le DAS numérique']) {
      const box = await page.getByRole('main').getByRole('link', { name, exact: true }).boundingBox();
      expect(box, name).not.toBeNull();
      expect(box!.y + box!.height, name).toBeLessThanOrEqual(VIEWPORTS[viewport].height);
    }
  });

  it('sets the two actions apart from the navigation links', async () => {
    const page = await visit('desktop', HOME);
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    await expect.poll(() => nav.isVisible()).toBe(true);
    expect(await nav.locator('.site-nav a').allInnerTexts()).toEqual(['Startups', 'Acheteurs engagés', 'Résultats', 'Actualités', 'Le programme']);
    expect(await nav.locator('.site-actions a').allInnerTexts()).toEqual(['Demander un bon de commande', 'Candidater']);
  });

  it.each(['phone375', 'phone375NoScript'] as const)('folds into a menu on a phone that the keyboard opens and leaves (%s)', async (viewport) => {
    const page = await visit(viewport, HOME);
    const firstLink = page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Startups', exact: true });
    expect(await firstLink.isVisible()).toBe(false);
    const toggle = page.locator('summary.site-menu__toggle');
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await firstLink.isVisible()).toBe(true);
    // Seven links in the menu, then focus goes on into the page: no trap.
    for (let step = 0; step < 8; step += 1) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
  });
});
