/**
 * Security headers: the rules the build writes to `_headers`, read with
 * Netlify's parser, give every page the page policy and `/admin/` the CMS
 * policy; then the built site, served with those headers and the real form
 * functions, loads every page template in Chromium without a single
 * Content-Security-Policy violation (nothing the site needs is blocked),
 * including a form sent with JavaScript and the CMS start page.
 */
import { readdir } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import type { Header } from '@netlify/headers-parser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSecurityHeaders, pageSecurityHeaders } from '../../src/lib/security/security-headers.ts';
import { launchBrowser, launchBrowserTrustingOrigin } from '../helpers/browser.ts';
import { expectedReference, startFormServices, storedReferences, validOrderFields, type FormServices } from '../helpers/form-fixtures.ts';
import { settleBackgroundWork } from '../helpers/function-context.ts';
import { headersForPath, readHeaderRules } from '../helpers/header-rules.ts';
import { REAL_SITE_DIST } from '../helpers/paths.ts';
import { serveSiteWithFunctions, type SiteWithFunctions } from '../helpers/site-with-functions.ts';

const PAGE_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
const ADMIN_CSP =
  "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
const COMMON = {
  'Strict-Transport-Security': 'max-age=63072000',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
};

let rules: Header[];
let services: FormServices;
let site: SiteWithFunctions;
/** Chromium's headless shell, for the site's pages on 127.0.0.1. */
let browser: Browser;
/** The full browser, for the CMS under {@link CMS_HOST} (the last describe). */
let cmsBrowser: Browser;
/** A host name that is not local, so that the CMS starts with its production backend (Git Gateway), as on Netlify. */
const CMS_HOST = 'cms.test';

beforeAll(async () => {
  rules = await readHeaderRules(REAL_SITE_DIST);
  services = await startFormServices();
  process.env['FORM_MIN_FILL_SECONDS'] = '0';
  site = await serveSiteWithFunctions(REAL_SITE_DIST, { headerRules: rules });
  browser = await launchBrowser();
  // The CMS needs a secure context (crypto.randomUUID): on Netlify it has HTTPS.
  cmsBrowser = await launchBrowserTrustingOrigin(site.origin.replace('127.0.0.1', CMS_HOST), [`--host-resolver-rules=MAP ${CMS_HOST} 127.0.0.1`]);
});
afterAll(async () => {
  await browser?.close();
  await cmsBrowser?.close();
  await site?.close();
  // The order request's e-mails are sent after its answer: they finish before the database and SMTP server stop.
  await settleBackgroundWork();
  await services?.stop();
});

/** URL path of every HTML file of the build (`startups/x/index.html` → `/startups/x/`). */
async function builtPagePaths(): Promise<string[]> {
  const files = await readdir(REAL_SITE_DIST, { recursive: true });
  return files
    .filter((file) => file.endsWith('.html'))
    .map((file) => `/${relative('.', file).split(sep).join('/')}`.replace(/index\.html$/, ''))
    .sort();
}

describe('_headers, as Netlify parses it', () => {
  it('the policies are those of the security module', () => {
    expect(pageSecurityHeaders({ turnstile: false })).toEqual({ 'Content-Security-Policy': PAGE_CSP, ...COMMON });
    expect(adminSecurityHeaders({ backend: { name: 'git-gateway', branch: 'main' } })).toEqual({ 'Content-Security-Policy': ADMIN_CSP, ...COMMON, 'X-Robots-Tag': 'noindex' });
  });

  it('every built page matches exactly one rule: the page policy, or the CMS policy under /admin/', async () => {
    const paths = await builtPagePaths();
    expect(paths).toContain('/');
    const sitePaths = paths.filter((path) => !path.startsWith('/admin/'));
    expect(paths.filter((path) => !sitePaths.includes(path))).toEqual(['/admin/']);
    expect(headersForPath(rules, '/admin/')).toEqual({ 'Content-Security-Policy': ADMIN_CSP, ...COMMON, 'X-Robots-Tag': 'noindex' });
    for (const path of sitePaths) expect(headersForPath(rules, path), path).toEqual({ 'Content-Security-Policy': PAGE_CSP, ...COMMON });
  });

  it.each([
    ['/', PAGE_CSP],
    ['/startups/demo-capteurs-rhin/', PAGE_CSP],
    ['/startups/une-page-qui-n-existe-pas/', PAGE_CSP],
    ['/_astro/main.css', PAGE_CSP],
    ['/pagefind/pagefind.js', PAGE_CSP],
    ['/favicon.svg', PAGE_CSP],
    ['/admin/', ADMIN_CSP],
  ])('%s → %s', (path, csp) => {
    expect(headersForPath(rules, path)['Content-Security-Policy']).toBe(csp);
  });

  it('an unknown top-level path matches no rule: its 404 page comes without these headers (see securityHeaderRules)', () => {
    expect(headersForPath(rules, '/page-inexistante/')).toEqual({});
  });

  it('with the GitHub backend and Turnstile, the policies add exactly their origins', () => {
    expect(adminSecurityHeaders({ backend: { name: 'github', repo: 'm2a/pbc', branch: 'main' } })['Content-Security-Policy']).toBe(
      "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https://avatars.githubusercontent.com; connect-src 'self' https://api.github.com; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
    );
    expect(pageSecurityHeaders({ turnstile: true })['Content-Security-Policy']).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' https://challenges.cloudflare.com; style-src 'self'; img-src 'self'; frame-src https://challenges.cloudflare.com; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
    );
  });
});

/** What a page reported: CSP violations and console errors. */
interface PageReport {
  readonly violations: string[];
  readonly consoleErrors: string[];
}

/** Open a page (in a context of its own) of `on` that records every CSP violation and console error. */
async function openRecordingPage(on: Browser = browser): Promise<{ page: Page; report: PageReport }> {
  const page = await on.newPage();
  const report: PageReport = { violations: [], consoleErrors: [] };
  await page.exposeFunction('reportViolation', (text: string) => report.violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportViolation(text: string): void }).reportViolation(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error') report.consoleErrors.push(message.text());
  });
  return { page, report };
}

describe('in Chromium, with the headers applied', () => {
  /**
   * One recording tab for the pages below, navigated from page to page (a new
   * tab starts a renderer process, which costs more CPU than the page load),
   * its report emptied before each page.
   */
  let pagesTab: { page: Page; report: PageReport } | undefined;

  // The form pages fetch their token after `load`: they wait for the network to settle.
  // Chromium reports a 404 answer itself as a console error.
  it.each([
    ['home', '/', 200, 'load', []],
    ['startup directory', '/startups/', 200, 'load', []],
    ['startup profile', '/startups/demo-capteurs-rhin/', 200, 'load', []],
    ['buyers', '/acheteurs/', 200, 'load', []],
    ['buyer profile', '/acheteurs/ville-de-mulhouse/', 200, 'load', []],
    ['results', '/resultats/', 200, 'load', []],
    ['news', '/actualites/', 200, 'load', []],
    ['news item', '/actualites/ouverture-du-site/', 200, 'load', []],
    ['programme', '/programme/', 200, 'load', []],
    ['application form', '/candidater/', 200, 'networkidle', []],
    ['order request form', '/demander-un-bon-de-commande/', 200, 'networkidle', []],
    ['legal notice', '/mentions-legales/', 200, 'load', []],
    ['privacy notice', '/confidentialite/', 200, 'load', []],
    ['accessibility statement', '/accessibilite/', 200, 'load', []],
    ['404', '/startups/page-inexistante/', 404, 'load', ['Failed to load resource: the server responded with a status of 404 (Not Found)']],
  ] as const)('%s (%s): the page policy is sent and nothing is blocked', async (_name, path, status, waitUntil, consoleErrors) => {
    pagesTab ??= await openRecordingPage();
    const { page, report } = pagesTab;
    report.violations.splice(0);
    report.consoleErrors.splice(0);
    const response = await page.goto(`${site.origin}${path}`, { waitUntil });
    expect(response?.status()).toBe(status);
    expect(await response?.headerValue('content-security-policy')).toBe(PAGE_CSP);
    expect(report).toEqual({ violations: [], consoleErrors });
  });

  it('the order request sent with JavaScript: token fetched, JSON post accepted, thank-you page from the function, no violation', async () => {
    const { page, report } = await openRecordingPage();
    try {
      await page.goto(`${site.origin}/demander-un-bon-de-commande/`, { waitUntil: 'networkidle' });
      const fields = validOrderFields();
      for (const name of ['organisation', 'siret', 'contact_name', 'role', 'email', 'phone', 'need', 'budget_ht'] as const) await page.fill(`[name="${name}"]`, fields[name]!);
      await page.selectOption('[name="buyer_kind"]', fields['buyer_kind']!);
      // No startup chosen: the only startups of content/ are samples, which cannot receive requests (issue 14).
      await page.selectOption('[name="startup"]', { index: 0 });
      await page.selectOption('[name="kind"]', fields['kind']!);
      await page.check('[name="consent"]');
      await Promise.all([page.waitForURL(/\/formulaires\/merci\/\?/), page.click('form[data-enhanced-form] button[type="submit"]')]);
      await page.waitForLoadState('networkidle');
      expect(site.calls.map((call) => `${call.method} ${call.path} ${call.status}`)).toEqual(
        expect.arrayContaining(['GET /api/jeton/ 200', 'POST /api/demande-bon-de-commande/ 200', 'GET /formulaires/merci/ 200']),
      );
      expect(await storedReferences(services.database)).toEqual([expectedReference(1)]);
      expect(await page.locator('h1').textContent()).toBe('Merci, c’est envoyé');
      expect(report).toEqual({ violations: [], consoleErrors: [] });
    } finally {
      await page.close();
    }
  });

  it('the function’s own pages carry the page policy', async () => {
    const response = await fetch(`${site.origin}/formulaires/merci/?formulaire=candidature&reference=PBC-2026-00001`);
    expect(response.status).toBe(200);
    expect(Object.fromEntries([...response.headers].filter(([name]) => name === 'content-security-policy' || name === 'strict-transport-security' || name === 'x-content-type-options'))).toEqual({
      'content-security-policy': PAGE_CSP,
      'strict-transport-security': 'max-age=63072000',
      'x-content-type-options': 'nosniff',
    });
  });
});

describe('the CMS in Chromium, with the headers applied', () => {
  it('/admin/ gets the CMS policy, starts, and its Netlify Identity login sends a sign-in, with no violation', async () => {
    const { page, report } = await openRecordingPage(cmsBrowser);
    try {
      const response = await page.goto(`${site.origin.replace('127.0.0.1', CMS_HOST)}/admin/`, { waitUntil: 'networkidle' });
      expect(await response?.headerValue('content-security-policy')).toBe(ADMIN_CSP);
      const signIn = page.getByRole('button', { name: 'Se connecter' });
      await signIn.click();
      await page.locator('input[name="email"]').fill('redaction@example.fr');
      await page.locator('input[type="password"]').fill('mot-de-passe-de-test');
      const tokenRequest = page.waitForRequest((request) => request.url().endsWith('/.netlify/identity/token'));
      await signIn.click();
      // Sent to the site's own origin (no Identity server here: it answers 404).
      expect((await tokenRequest).method()).toBe('POST');
      await page.waitForLoadState('networkidle');
      expect(report.violations).toEqual([]);
      expect(report.consoleErrors.filter((text) => !text.startsWith('Failed to load resource: the server responded with a status of 404'))).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
