/**
 * An editor without a GitHub account joins the CMS on the deployed site: the
 * invitation link Netlify Identity e-mails (to the site's root,
 * `/#invite_token=…`) leads to `/compte-editeur/`, where a password is set,
 * then `/admin/` opens logged in and shows the collections; the password-reset
 * link does the same; a spent link and a forgotten password get their French
 * messages. Served with the built site's own `_headers`: no CSP violation and
 * no console error along the way.
 *
 * Netlify Identity and Git Gateway are hosted services that cannot run here
 * (nor under `netlify dev`): `tests/helpers/identity-stand-in.ts` stands in for
 * their endpoints, answering as GoTrue's API and GitHub's API (through Git
 * Gateway) answer, the repository's content read from this repository's git
 * objects. What runs for real: the built pages, gotrue-js, Decap CMS and its
 * Git Gateway backend, and the CSP. What the stand-in cannot prove: that
 * Netlify's e-mails and services behave as documented (README, « Mettre le
 * site en ligne »).
 */
import type { Header } from '@netlify/headers-parser';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeWithAxe } from '../helpers/axe.ts';
import { launchBrowserTrustingOrigin } from '../helpers/browser.ts';
import { readHeaderRules } from '../helpers/header-rules.ts';
import { startIdentityStandIn, type IdentityStandIn } from '../helpers/identity-stand-in.ts';
import { REAL_SITE_DIST } from '../helpers/paths.ts';

/** A host name that is not local, so that the CMS starts with its production backend (Git Gateway), as on Netlify. */
const CMS_HOST = 'cms.test';
const EDITOR = 'redaction@example.fr';
const PASSWORD = 'une phrase de passe pour le site';
const NEW_PASSWORD = 'une autre phrase de passe, plus récente';
const PAGE_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
/** The labels of the CMS collections, as the sidebar shows them. */
const COLLECTIONS = ['Startups', 'Acheteurs engagés', 'Bons de commande', 'Actualités', 'Pages', 'Réglages du site'];

let rules: Header[];
let standIn: IdentityStandIn;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  rules = await readHeaderRules(REAL_SITE_DIST);
  standIn = await startIdentityStandIn({ dist: REAL_SITE_DIST, headerRules: rules, gatewayRoles: ['editeur'], branch: 'main' });
  origin = standIn.origin.replace('127.0.0.1', CMS_HOST);
  // The CMS needs a secure context (crypto.randomUUID): on Netlify it has HTTPS.
  browser = await launchBrowserTrustingOrigin(origin, [`--host-resolver-rules=MAP ${CMS_HOST} 127.0.0.1`]);
});
afterAll(async () => {
  await browser?.close();
  await standIn?.close();
});

/** What a page reported: CSP violations and console errors. */
interface PageReport {
  readonly violations: string[];
  readonly consoleErrors: string[];
}

/** A fresh browser profile (no session) and a page that records CSP violations and console errors. */
async function openRecordingPage(): Promise<{ context: BrowserContext; page: Page; report: PageReport }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const report: PageReport = { violations: [], consoleErrors: [] };
  await page.exposeFunction('reportViolation', (text: string) => report.violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportViolation(text: string): void }).reportViolation(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}`);
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error') report.consoleErrors.push(message.text());
  });
  return { context, page, report };
}

/** Wait until Decap shows its sidebar with every collection. */
async function expectCollections(page: Page): Promise<void> {
  const sidebar = page.locator('a[href="#/collections/startups"]');
  await sidebar.waitFor({ timeout: 60_000 });
  for (const label of COLLECTIONS) await page.getByRole('link', { name: label, exact: true }).first().waitFor();
}

async function choosePassword(page: Page, password: string): Promise<void> {
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByLabel('Confirmation du mot de passe').fill(password);
  await page.getByRole('button', { name: 'Enregistrer et ouvrir l’administration' }).click();
}

describe('an invited editor', () => {
  it('opens the e-mailed link to the site root, sets a password on the French account page, and /admin/ shows the collections', async () => {
    const token = standIn.invite(EDITOR, ['editeur']);
    const { context, page, report } = await openRecordingPage();
    try {
      await page.goto(`${origin}/#invite_token=${token}`);
      await page.waitForURL(`${origin}/compte-editeur/`);
      const response = await page.reload();
      expect(await response?.headerValue('content-security-policy')).toBe(PAGE_CSP);
      // The reload lost the token (it was taken out of the address): open the link again.
      await page.goto(`${origin}/#invite_token=${token}`);
      await page.waitForURL(`${origin}/compte-editeur/`);
      const heading = page.getByRole('heading', { name: 'Choisir votre mot de passe' });
      await heading.waitFor();
      expect(await heading.evaluate((element) => element === document.activeElement)).toBe(true);
      await page.getByText('Vous avez été invité·e à modifier le site.').waitFor();
      const axe = await analyzeWithAxe(page);
      expect(axe.violations.map((violation) => violation.id)).toEqual([]);

      await choosePassword(page, 'trop court');
      const error = page.getByText('Mot de passe : 12 caractères au moins (vous en avez saisi 10).');
      await error.waitFor();
      const field = page.getByLabel('Mot de passe', { exact: true });
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      expect(await field.getAttribute('aria-describedby')).toBe('mot-de-passe-erreur mot-de-passe-aide');
      await field.fill(PASSWORD);
      await page.getByLabel('Confirmation du mot de passe').fill(`${PASSWORD}.`);
      await page.getByRole('button', { name: 'Enregistrer et ouvrir l’administration' }).click();
      await page.getByText('Confirmation du mot de passe : elle ne correspond pas au mot de passe.').waitFor();
      expect(await field.getAttribute('aria-invalid')).toBeNull();
      expect(await page.getByLabel('Confirmation du mot de passe').getAttribute('aria-invalid')).toBe('true');
      expect(standIn.passwordOf(EDITOR)).toBeNull();

      await choosePassword(page, PASSWORD);
      await page.waitForURL(`${origin}/admin/`);
      await expectCollections(page);
      expect(standIn.passwordOf(EDITOR)).toBe(PASSWORD);
      expect(standIn.requests).toEqual(
        expect.arrayContaining(['POST /.netlify/identity/verify 200', 'GET /.netlify/identity/user 200', 'GET /.netlify/git/settings 200', 'GET /.netlify/git/github/branches/main 200', 'GET /.netlify/git/github/git/trees/main:content/startups 200']),
      );
      expect(standIn.requests.filter((request) => request.endsWith(' 404'))).toEqual([]);
      expect(report).toEqual({ violations: [], consoleErrors: [] });
    } finally {
      await context.close();
    }
  });

  it('the same link a second time: « Ce lien n’est plus valable », and the reset form is offered', async () => {
    const token = standIn.invite('second@example.fr', ['editeur']);
    const first = await openRecordingPage();
    await first.page.goto(`${origin}/admin/#invite_token=${token}`);
    await first.page.waitForURL(`${origin}/compte-editeur/`);
    await choosePassword(first.page, PASSWORD);
    await first.page.waitForURL(`${origin}/admin/`);
    await first.context.close();

    const { context, page, report } = await openRecordingPage();
    try {
      await page.goto(`${origin}/#invite_token=${token}`);
      await page.waitForURL(`${origin}/compte-editeur/`);
      await choosePassword(page, 'encore une phrase de passe');
      await page.getByRole('status').getByText('Ce lien n’est plus valable : il a expiré ou a déjà servi.', { exact: false }).waitFor();
      expect(await page.getByRole('heading', { name: 'Mot de passe oublié' }).isVisible()).toBe(true);
      expect(standIn.passwordOf('second@example.fr')).toBe(PASSWORD);
      expect(report).toEqual({ violations: [], consoleErrors: ['Failed to load resource: the server responded with a status of 404 (Not Found)'] });
    } finally {
      await context.close();
    }
  });
});

describe('a forgotten password', () => {
  it('the account page sends a reset link: an unknown address is said so, a known one gets its e-mail', async () => {
    const { context, page, report } = await openRecordingPage();
    try {
      await page.goto(`${origin}/compte-editeur/`);
      const address = page.getByLabel('Adresse e-mail');
      await page.getByRole('button', { name: 'Recevoir un lien' }).click();
      await page.getByText('Adresse e-mail : saisissez l’adresse de votre compte.').waitFor();
      await address.fill('inconnu@example.fr');
      await page.getByRole('button', { name: 'Recevoir un lien' }).click();
      await page.getByRole('status').getByText('Aucun compte d’éditeur n’a cette adresse e-mail.', { exact: false }).waitFor();
      await address.fill(EDITOR);
      await page.getByRole('button', { name: 'Recevoir un lien' }).click();
      await page.getByRole('status').getByText(`Un e-mail vient d’être envoyé à ${EDITOR}`, { exact: false }).waitFor();
      expect(standIn.requests.filter((request) => request.startsWith('POST /.netlify/identity/recover'))).toEqual(['POST /.netlify/identity/recover 404', 'POST /.netlify/identity/recover 200']);
      expect(report).toEqual({ violations: [], consoleErrors: ['Failed to load resource: the server responded with a status of 404 (Not Found)'] });
    } finally {
      await context.close();
    }
  });

  it('the reset link sets a new password, /admin/ shows the collections, and the new password logs in through Decap’s own form', async () => {
    const token = standIn.sendRecovery(EDITOR);
    const { context, page, report } = await openRecordingPage();
    try {
      await page.goto(`${origin}/#recovery_token=${token}`);
      await page.waitForURL(`${origin}/compte-editeur/`);
      await page.getByText('Choisissez un nouveau mot de passe pour votre compte d’éditeur.').waitFor();
      await choosePassword(page, NEW_PASSWORD);
      await page.waitForURL(`${origin}/admin/`);
      await expectCollections(page);
      expect(standIn.passwordOf(EDITOR)).toBe(NEW_PASSWORD);
      expect(report).toEqual({ violations: [], consoleErrors: [] });
    } finally {
      await context.close();
    }

    const fresh = await openRecordingPage();
    try {
      await fresh.page.goto(`${origin}/admin/`);
      await fresh.page.locator('input[name="email"]').fill(EDITOR);
      await fresh.page.locator('input[type="password"]').fill(NEW_PASSWORD);
      await fresh.page.getByRole('button', { name: 'Se connecter' }).click();
      await expectCollections(fresh.page);
      expect(fresh.report).toEqual({ violations: [], consoleErrors: [] });
    } finally {
      await fresh.context.close();
    }
  });
});
