/**
 * The real admin page, end to end: Decap CMS bundled into `/admin/`, talking to
 * `decap-server` (file-system mode) on a copy of `content/`. An editor creates a
 * startup through the French interface; the Markdown file Decap writes must have
 * the types the build expects, and the site must build from it and show it
 * (without the private order e-mail).
 */
import { cp, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { buildSite } from '../helpers/astro-build.ts';
import { listFiles } from '../helpers/dist-files.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { startDecapServer, type DecapServer } from '../helpers/decap-server.ts';
import { PROJECT_ROOT, REAL_SITE_DIST, TEST_TMP } from '../helpers/paths.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

/** Stands for the repository that decap-server edits: entries land in `content/…` under it. */
const CMS_REPO = join(TEST_TMP, 'cms-repo');
const CMS_CONTENT = join(CMS_REPO, 'content');
const CMS_STARTUPS = join(CMS_CONTENT, 'startups');
const CMS_DIST = join(TEST_TMP, 'dist-cms');
const SCREENS = join(TEST_TMP, 'screens');
/** The admin page's local backend is fixed to this port (`src/lib/cms/select-cms-backend.ts`). */
const LOCAL_BACKEND_PORT = 8081;

const STARTUP = {
  name: 'Écho Données Test',
  expectedFileName: 'echo-donnees-test.md',
  tagline: 'Capteurs et tableaux de bord pour les ateliers de la région mulhousienne.',
  sector: 'Industrie du futur',
  offerTitle: 'Prototype de capteur connecté',
  offerKindLabel: 'Prototype',
  offerKindValue: 'prototype',
  offerPrice: 9500,
  commune: 'Mulhouse',
  postcode: '68100',
  siren: '732829320',
  memberSince: '2025-03-15',
  memberSinceFrench: '15 mars 2025',
  orderContactEmail: 'commandes@echo-test.example',
  body: 'Écho Données Test conçoit des capteurs pour les ateliers et en présente les mesures simplement.',
} as const;

/** Texts Decap shows when the configuration does not load or does not validate (English and French). */
const CONFIG_ERROR_TEXTS = [
  'Error loading the CMS configuration',
  'Config Errors',
  'Erreur au chargement de la configuration du CMS',
  'Erreurs de configuration',
];

interface ConsoleError {
  readonly text: string;
  readonly url: string;
}

describe('Decap CMS admin with the local backend (decap-server, file-system mode)', () => {
  let decap: DecapServer | undefined;
  let site: StaticServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page;
  const consoleErrors: ConsoleError[] = [];
  const consoleLogs: string[] = [];
  let originalStartupFiles: string[] = [];
  /** Set by the save test, read by the file and build tests. */
  let writtenFileName: string | undefined;

  /** On failure, keep a screenshot of the admin in tmp/tests/screens/ and print the decap-server log. */
  function reportOnFailure(name: string): void {
    onTestFailed(async () => {
      await page?.screenshot({ path: join(SCREENS, `admin-failed-${name}.png`) }).catch(() => undefined);
      console.error(`decap-server log:\n${decap?.log() ?? '(not started)'}\nbrowser console errors:`, consoleErrors);
    });
  }

  beforeAll(async () => {
    await rm(CMS_REPO, { recursive: true, force: true });
    await rm(CMS_DIST, { recursive: true, force: true });
    await mkdir(SCREENS, { recursive: true });
    for (const file of await readdir(SCREENS)) if (file.startsWith('admin-')) await rm(join(SCREENS, file));
    // A copy: the CMS must never write into the real content/.
    await cp(join(PROJECT_ROOT, 'content'), CMS_CONTENT, { recursive: true });
    originalStartupFiles = await readdir(CMS_STARTUPS);

    decap = await startDecapServer({ repoDir: CMS_REPO, port: LOCAL_BACKEND_PORT });
    site = await serveStatic(REAL_SITE_DIST);
    browser = await launchBrowser();
    // An editor in France: a date picked in the form must not shift by the UTC offset.
    context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 1400, height: 1000 } });
    page = await context.newPage();
    page.setDefaultTimeout(30_000);
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push({ text: message.text(), url: message.location().url });
      else consoleLogs.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push({ text: `Uncaught: ${error.message}`, url: '' }));
  });

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await site?.close();
    await decap?.stop();
  });

  it('loads the French admin, detects the local backend and logs in without configuration errors', async () => {
    reportOnFailure('login');
    await page.goto(`${site!.origin}/admin/`);
    const loginButton = page.getByRole('button', { name: 'Se connecter' });
    await loginButton.waitFor();
    await loginButton.click();

    const newStartupLink = page.locator('a[href$="/collections/startups/new"]');
    await newStartupLink.waitFor();
    await page.screenshot({ path: join(SCREENS, 'admin-1-logged-in.png') });

    expect(consoleLogs).toContain(`Detected Decap CMS Proxy Server at '${decap!.apiUrl}' with repo: 'cms-repo'`);
    const bodyText = await page.locator('body').innerText();
    for (const errorText of CONFIG_ERROR_TEXTS) expect(bodyText).not.toContain(errorText);
    expect(bodyText).not.toMatch(/Erreur|Error/);
    // The collections of the content model are listed with their French labels.
    for (const label of ['Startups', 'Acheteurs engagés', 'Bons de commande', 'Actualités', 'Pages', 'Réglages du site']) {
      expect(bodyText).toContain(label);
    }
    expect(consoleErrors).toEqual([]);
  });

  it('creates a startup with every required field and publishes it', async () => {
    reportOnFailure('create');
    await page.locator('a[href$="/collections/startups/new"]').click();
    const nameInput = page.locator('input[id^="name-field-"]');
    await nameInput.waitFor();

    await nameInput.fill(STARTUP.name);
    await page.locator('input[id^="tagline-field-"]').fill(STARTUP.tagline);

    // Sectors: a multiple select (react-select) filled from the settings list.
    await page.locator('input[id^="sectors-field-"]').click();
    await page.getByRole('option', { name: STARTUP.sector, exact: true }).click();

    // Offers: a list of objects; add one item and fill its fields.
    await page.getByRole('button', { name: /^Ajouter offre$/ }).click();
    await page.locator('input[id^="title-field-"]').fill(STARTUP.offerTitle);
    await page.locator('input[id^="kind-field-"]').click();
    await page.getByRole('option', { name: STARTUP.offerKindLabel, exact: true }).click();
    await page.locator('input[id^="price_ht-field-"]').fill(String(STARTUP.offerPrice));

    await page.locator('input[id^="commune-field-"]').fill(STARTUP.commune);
    await page.locator('input[id^="postcode-field-"]').fill(STARTUP.postcode);
    await page.locator('input[id^="siren-field-"]').fill(STARTUP.siren);
    // Date-only widget: a native <input type="date">, whose value is always YYYY-MM-DD.
    const memberSince = page.locator('input[id^="member_since-field-"]');
    expect(await memberSince.getAttribute('type')).toBe('date');
    await memberSince.fill(STARTUP.memberSince);
    await page.locator('input[id^="order_contact_email-field-"]').fill(STARTUP.orderContactEmail);

    // Body: the Markdown editor (Slate, rich-text mode).
    await page.locator('[data-slate-editor="true"]').click();
    await page.keyboard.type(STARTUP.body);
    await page.getByText(STARTUP.body).first().waitFor();
    await page.screenshot({ path: join(SCREENS, 'admin-2-form-filled.png') });

    // Local file-system backend, no editorial workflow: "Publier" opens a menu.
    await page.getByRole('button', { name: 'Publier', exact: true }).click();
    await page.getByText('Publier maintenant', { exact: true }).click();
    await page.getByText('Entrée enregistrée').waitFor();
    await page.getByText('Modifications enregistrées', { exact: false }).waitFor();
    await page.screenshot({ path: join(SCREENS, 'admin-3-published.png') });

    const newFiles = (await readdir(CMS_STARTUPS)).filter((file) => !originalStartupFiles.includes(file));
    expect(newFiles).toHaveLength(1);
    writtenFileName = newFiles[0];
    expect(consoleErrors).toEqual([]);
  });

  it('writes an ASCII kebab-case Markdown file whose front matter has the types the build expects', async () => {
    expect(writtenFileName, 'the save test wrote no file').toBeDefined();
    expect(writtenFileName).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*\.md$/);
    expect(writtenFileName).toBe(STARTUP.expectedFileName);
    // The CMS wrote into the copy only.
    expect(existsSync(join(PROJECT_ROOT, 'content', 'startups', writtenFileName!))).toBe(false);

    const markdown = await readFile(join(CMS_STARTUPS, writtenFileName!), 'utf8');
    const { rawFrontmatter: frontMatter, content: body } = parseFrontmatter(markdown);
    // Parsed with `yaml` (YAML 1.2 core schema: dates stay text) to see what Decap wrote.
    const data = parseYaml(frontMatter) as Record<string, unknown>;

    expect(data['name']).toBe(STARTUP.name);
    expect(data['tagline']).toBe(STARTUP.tagline);
    expect(data['sectors']).toEqual([STARTUP.sector]);
    expect(data['offers']).toEqual([{ title: STARTUP.offerTitle, kind: STARTUP.offerKindValue, price_ht: STARTUP.offerPrice }]);
    expect(data['commune']).toBe(STARTUP.commune);
    // Digits that must stay text (leading zeros, no number conversion).
    expect(data['postcode']).toBe(STARTUP.postcode);
    expect(data['siren']).toBe(STARTUP.siren);
    expect(data['order_contact_email']).toBe(STARTUP.orderContactEmail);

    // A date-only value, no time and no UTC shift: the line itself, then its parsed value.
    expect(frontMatter).toMatch(/^member_since: ["']?2025-03-15["']?$/m);
    expect(data['member_since']).toBe(STARTUP.memberSince);

    // Untouched optional fields are left out, never saved as empty strings.
    for (const [key, value] of Object.entries(data)) expect(value, `front-matter key "${key}"`).not.toBe('');
    expect(body.trim()).toBe(STARTUP.body);
  });

  it('builds the site from the CMS-written content and shows the startup without its private e-mail', async () => {
    expect(writtenFileName, 'the save test wrote no file').toBeDefined();
    const result = await buildSite({ contentDir: CMS_CONTENT, outDir: CMS_DIST });
    expect(result.exitCode, result.output).toBe(0);

    const slug = writtenFileName!.replace(/\.md$/, '');
    const profilePath = join(CMS_DIST, 'startups', slug, 'index.html');
    expect(existsSync(profilePath), `${profilePath} was not built`).toBe(true);
    const profile = await readFile(profilePath, 'utf8');
    expect(profile).toContain(STARTUP.name);
    expect(profile).toContain(STARTUP.memberSinceFrench);
    expect(profile).toContain(STARTUP.offerTitle);

    const leaks: string[] = [];
    for (const file of await listFiles(CMS_DIST)) {
      if ((await readFile(join(CMS_DIST, file))).includes(STARTUP.orderContactEmail)) leaks.push(file);
    }
    expect(leaks).toEqual([]);
  });
});
