/**
 * The real admin page, end to end: Decap CMS bundled into `/admin/`, talking to
 * `decap-server` (file-system mode) on a copy of `content/`. An editor creates a
 * startup (after invalid values are refused in French), edits it and uploads
 * its logo (drawn in the widget and the preview, before and after the save), creates a
 * buyer and an order that picks both by typing part of their names, and sees
 * each preview drawn by the site's own component; the Markdown files Decap
 * writes must have the types the build expects, and the site must build from
 * them and show the entries (without the private order e-mail).
 * Screenshots of the admin and previews go to test-results/screenshots/.
 */
import { cp, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, FrameLocator, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { buildSite } from '../helpers/astro-build.ts';
import { ASTRO_TURN_TIMEOUT_MS } from '../helpers/build-lock.ts';
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
/** Screenshots for reviewers (git-ignored). */
const SCREENS = join(PROJECT_ROOT, 'test-results', 'screenshots');

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
  orderContactEmail: 'commandes@echo-donnees-test.fr',
  body: 'Écho Données Test conçoit des capteurs pour les ateliers et en présente les mesures simplement.',
  editedTagline: 'Capteurs, tableaux de bord et alertes pour les ateliers du Sud-Alsace.',
  logoFixture: join(PROJECT_ROOT, 'tests', 'fixtures', 'content-with-orders', 'uploads', 'logo-atelier-test.png'),
  logoValue: '/uploads/logo-atelier-test.png',
  logoAlt: 'Logo d’Écho Données Test',
} as const;

const BUYER = {
  name: 'Fonderie Rhénane Test',
  fileName: 'fonderie-rhenane-test.md',
  kindLabel: 'PME ou ETI',
  sector: 'Métallurgie',
  commitmentKindLabel: 'Charte signée',
  committedOn: '2025-06-02',
  committedOnFrench: '2 juin 2025',
  commitmentSource: 'Charte signée le 2 juin 2025 (exemplaire tenu par l’équipe)',
  contactRole: 'Directrice des achats',
  body: 'La Fonderie Rhénane Test s’engage à confier un premier prototype à une startup du DAS numérique.',
} as const;

const ORDER = {
  title: 'Capteurs de température pour la ligne de coulée',
  fileName: 'capteurs-de-temperature-pour-la-ligne-de-coulee.md',
  kindLabel: 'Prototype',
  overCeiling: '15000.01',
  amount: 12500,
  orderedOn: '2025-09-10',
  statusLabel: 'En cours de réalisation',
} as const;

/** Texts Decap shows when the configuration does not load or does not validate (English and French). */
const CONFIG_ERROR_TEXTS = [
  'Error loading the CMS configuration',
  'Config Errors',
  'Erreur au chargement de la configuration du CMS',
  'Erreurs de configuration',
];

/** The front matter of a Markdown file Decap wrote, parsed with `yaml` (YAML 1.2 core schema: dates stay text). */
async function readFrontMatter(path: string): Promise<Record<string, unknown>> {
  return parseYaml(parseFrontmatter(await readFile(path, 'utf8')).rawFrontmatter) as Record<string, unknown>;
}

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

  /** The preview pane (an iframe that Decap fills with the registered preview template). */
  function preview(): FrameLocator {
    return page.frameLocator('iframe');
  }

  async function screenshot(name: string): Promise<void> {
    await page.screenshot({ path: join(SCREENS, `admin-${name}.png`) });
  }

  /** Local file-system backend, no editorial workflow: "Publier" opens a menu. */
  async function publishNow(): Promise<void> {
    await page.getByRole('button', { name: 'Publier', exact: true }).click();
    await page.getByText('Publier maintenant', { exact: true }).click();
  }

  /**
   * Try to publish an entry with invalid values: Decap shows the messages and
   * rejects its save promise with no reason (decap-cms-core `persistEntry`:
   * `return Promise.reject()`), which the page reports as one uncaught `undefined`.
   */
  async function publishRefused(): Promise<void> {
    await publishNow();
    await expect.poll(() => consoleErrors.length).toBe(1);
    expect(consoleErrors.splice(0)).toEqual([{ text: 'Uncaught: undefined', url: '' }]);
  }

  /**
   * Publish and wait for this save's « Entrée enregistrée » notice. Decap shows each notice for
   * about 4 s and `page.goto` to another `#/…` route keeps the page, so the previous save's notice
   * can still be on screen: waiting on it would read the files while Decap is still writing them
   * (decap-server writes the entry, then its uploads). Wait for it to go first.
   */
  async function publishAndWait(): Promise<void> {
    const savedNotice = page.getByText('Entrée enregistrée');
    await expect.poll(() => savedNotice.count(), { timeout: 15_000 }).toBe(0);
    await publishNow();
    await savedNotice.first().waitFor();
  }

  /** Pick an entry in a relation widget by typing part of its name. */
  async function pickRelation(field: string, typed: string, name: string): Promise<void> {
    await page.locator(`input[id^="${field}-field-"]`).fill(typed);
    await page.getByRole('option', { name, exact: true }).click();
  }

  /** Width in pixels of a loaded image (0 while it failed or is not loaded). */
  function naturalWidth(image: Locator): Promise<number> {
    return image.evaluate((element) => (element as HTMLImageElement).naturalWidth);
  }

  /**
   * Replace the text of a field as an editor does: select all, then put the text in (Decap's inputs are controlled).
   * The text goes in as one input event, as a paste or a dictation does (`insertText`): typed key by key, each
   * character re-rendered the whole editor and its preview (2.7 CPU-s of the file's 6 replacements).
   */
  async function retype(field: string, text: string): Promise<void> {
    const input = page.locator(`input[id^="${field}-field-"]`);
    await input.press('Control+a');
    await page.keyboard.insertText(text);
    await expect.poll(() => input.inputValue()).toBe(text);
  }

  async function pickOption(field: string, label: string): Promise<void> {
    await page.locator(`input[id^="${field}-field-"]`).click();
    await page.getByRole('option', { name: label, exact: true }).click();
  }

  /** Write `text` in the Markdown body (Slate's editor), as one input event like `retype` (5 CPU-s for 2 bodies key by key). */
  async function typeBody(text: string): Promise<void> {
    await page.locator('[data-slate-editor="true"]').click();
    await page.keyboard.insertText(text);
    await page.getByText(text).first().waitFor();
  }

  beforeAll(async () => {
    await rm(CMS_REPO, { recursive: true, force: true });
    await rm(CMS_DIST, { recursive: true, force: true });
    await mkdir(SCREENS, { recursive: true });
    for (const file of await readdir(SCREENS)) if (file.startsWith('admin-')) await rm(join(SCREENS, file));
    // A copy: the CMS must never write into the real content/.
    await cp(join(PROJECT_ROOT, 'content'), CMS_CONTENT, { recursive: true });
    originalStartupFiles = await readdir(CMS_STARTUPS);

    // On a free port; the site forwards the admin page's `/api/v1/` to it.
    decap = await startDecapServer({ repoDir: CMS_REPO });
    site = await serveStatic(REAL_SITE_DIST, { cmsBackendUrl: decap.apiUrl });
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

    // On the page's own origin, which forwards to decap-server (`serveStatic`'s `cmsBackendUrl`), as `npm run dev` serves it.
    expect(consoleLogs).toContain(`Detected Decap CMS Proxy Server at '${site!.origin}/api/v1/' with repo: 'cms-repo'`);
    const bodyText = await page.locator('body').innerText();
    for (const errorText of CONFIG_ERROR_TEXTS) expect(bodyText).not.toContain(errorText);
    expect(bodyText).not.toMatch(/Erreur|Error/);
    // The collections of the content model are listed with their French labels.
    for (const label of ['Startups', 'Acheteurs engagés', 'Bons de commande', 'Actualités', 'Pages', 'Réglages du site']) {
      expect(bodyText).toContain(label);
    }
    expect(consoleErrors).toEqual([]);
  });

  it('refuses invalid values with French messages, then creates a startup and shows it in the preview with the site component', async () => {
    reportOnFailure('create');
    await page.locator('a[href$="/collections/startups/new"]').click();
    const nameInput = page.locator('input[id^="name-field-"]');
    await nameInput.waitFor();

    await nameInput.fill(STARTUP.name);
    await page.locator('input[id^="tagline-field-"]').fill(STARTUP.tagline);

    // Sectors: a multiple select (react-select) filled from the settings list.
    await pickOption('sectors', STARTUP.sector);

    // Offers: a list of objects; add one item and fill its fields.
    await page.getByRole('button', { name: /^Ajouter offre$/ }).click();
    await page.locator('input[id^="title-field-"]').fill(STARTUP.offerTitle);
    await pickOption('kind', STARTUP.offerKindLabel);
    await page.locator('input[id^="price_ht-field-"]').fill(String(STARTUP.offerPrice));

    await page.locator('input[id^="commune-field-"]').fill(STARTUP.commune);
    await page.locator('input[id^="postcode-field-"]').fill(STARTUP.postcode);
    await page.locator('input[id^="order_contact_email-field-"]').fill(STARTUP.orderContactEmail);
    await typeBody(STARTUP.body);

    // A malformed SIREN and a missing required date: Decap refuses to save, in French.
    await retype('siren', '73282932');
    await publishRefused();
    await page.getByText('Le champ SIREN ne correspond pas au schéma: Numéro SIREN à 9 chiffres, sans espace (ex. 356000000).').waitFor();
    await page.getByText('Le champ Membre du DAS depuis le est requis.').waitFor();
    await screenshot('startup-1-invalid-values');
    expect(await readdir(CMS_STARTUPS)).toEqual(originalStartupFiles);

    // Nine digits with a wrong Luhn key pass the CMS pattern: the preview shows the build's message.
    await retype('siren', '732829321');
    // Date-only widget: a native <input type="date">, whose value is always YYYY-MM-DD.
    const memberSince = page.locator('input[id^="member_since-field-"]');
    expect(await memberSince.getAttribute('type')).toBe('date');
    await memberSince.fill(STARTUP.memberSince);
    await preview().getByText('Numéro SIREN invalide : un chiffre est sans doute faux ou inversé ; recopiez les 9 chiffres depuis annuaire-entreprises.data.gouv.fr.').waitFor();
    expect(await preview().locator('.preview-problems strong').allInnerTexts()).toEqual(['SIREN']);
    await screenshot('startup-2-preview-build-rule');

    await retype('siren', STARTUP.siren);
    // The preview is the site's StartupProfile and StartupCard, with the site's stylesheet.
    const profile = preview().locator('article.profile');
    await profile.locator('h1').getByText(STARTUP.name).waitFor();
    expect(await profile.locator('.lead').innerText()).toBe(STARTUP.tagline);
    expect(await profile.locator('.offers .offer h3').allInnerTexts()).toEqual([STARTUP.offerTitle]);
    expect(await profile.locator('dd').allInnerTexts()).toContain(STARTUP.memberSinceFrench);
    expect(await profile.locator('.prose').innerText()).toContain(STARTUP.body);
    expect(await preview().locator('article.card .card__title').innerText()).toContain(STARTUP.name);
    expect(await preview().locator('body').innerHTML()).not.toContain(STARTUP.orderContactEmail);
    // The site's stylesheet is applied: cards and profiles get its layout, not the browser's defaults.
    expect(await preview().locator('article.card').evaluate((card) => getComputedStyle(card).borderStyle)).not.toBe('none');
    await screenshot('startup-3-preview');

    await publishAndWait();
    await page.getByText('Modifications enregistrées', { exact: false }).waitFor();
    // Decap then reads the new entry back and moves to its address (decap-cms-core `persistEntry`). Until that read
    // is done, the next test's edits could be replaced by the entry as first saved, and saved with the old tagline.
    await page.waitForURL(/#\/collections\/startups\/entries\/echo-donnees-test$/);
    await screenshot('startup-4-published');

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

  it('edits the startup: the new tagline and an uploaded logo are saved in the same file, the logo shows in the widget and the preview', async () => {
    reportOnFailure('edit');
    expect(writtenFileName, 'the save test wrote no file').toBeDefined();
    const slug = writtenFileName!.replace(/\.md$/, '');
    await page.goto(`${site!.origin}/admin/#/collections/startups/entries/${slug}`);
    await expect.poll(() => page.locator('input[id^="tagline-field-"]').inputValue()).toBe(STARTUP.tagline);
    await retype('tagline', STARTUP.editedTagline);
    await preview().locator('article.profile .lead').getByText(STARTUP.editedTagline).waitFor();

    // Upload a logo through the media library, then choose it.
    await page.getByRole('button', { name: 'Choisir une image', exact: true }).click();
    await page.locator('input[type="file"]').setInputFiles(STARTUP.logoFixture);
    await page.getByRole('button', { name: 'Choisir les éléments sélectionnés' }).click();
    await page.locator('input[id^="logo_alt-field-"]').fill(STARTUP.logoAlt);
    // The widget's thumbnail and the preview's logo are drawn (not a broken image).
    // Decap's image widget draws its thumbnail as <img role="presentation">.
    const thumbnail = page.locator('img[role="presentation"]');
    const previewLogo = preview().locator('article.profile img.profile__logo');
    await expect.poll(() => previewLogo.getAttribute('alt')).toBe(STARTUP.logoAlt);
    await expect.poll(() => naturalWidth(thumbnail)).toBeGreaterThan(0);
    await expect.poll(() => naturalWidth(previewLogo)).toBeGreaterThan(0);
    await screenshot('startup-5-logo');
    await publishAndWait();

    // What this save wrote, read from the file until it holds it (a failure shows the file's last front matter).
    await expect
      .poll(() => readFrontMatter(join(CMS_STARTUPS, writtenFileName!)), { timeout: 15_000 })
      .toMatchObject({ tagline: STARTUP.editedTagline, siren: STARTUP.siren, logo: STARTUP.logoValue, logo_alt: STARTUP.logoAlt });
    expect(existsSync(join(CMS_CONTENT, 'uploads', 'logo-atelier-test.png'))).toBe(true);
    // Opened again, the saved logo comes from the backend: still drawn.
    await page.reload();
    for (const image of [thumbnail, previewLogo]) {
      await image.waitFor();
      await expect.poll(() => naturalWidth(image)).toBeGreaterThan(0);
    }
    expect(consoleErrors).toEqual([]);
  });

  it('creates a buyer, previewed with the site BuyerProfile', async () => {
    reportOnFailure('buyer');
    await page.goto(`${site!.origin}/admin/#/collections/buyers/new`);
    await page.locator('input[id^="name-field-"]').fill(BUYER.name);
    await pickOption('kind', BUYER.kindLabel);
    await page.locator('input[id^="sector-field-"]').fill(BUYER.sector);
    await pickOption('commitment_kind', BUYER.commitmentKindLabel);
    await page.locator('input[id^="committed_on-field-"]').fill(BUYER.committedOn);
    await page.locator('input[id^="commitment_source-field-"]').fill(BUYER.commitmentSource);
    await page.locator('input[id^="contact_role-field-"]').fill(BUYER.contactRole);
    await typeBody(BUYER.body);

    const profile = preview().locator('article.profile');
    await profile.locator('h1').getByText(BUYER.name).waitFor();
    expect(await profile.locator('.lead').innerText()).toBe(`${BUYER.kindLabel} · ${BUYER.sector}`);
    expect(await profile.locator('dd').allInnerTexts()).toEqual(expect.arrayContaining([BUYER.commitmentKindLabel, BUYER.committedOnFrench, BUYER.contactRole]));
    await screenshot('buyer-preview');
    await publishAndWait();
    // Decap then moves to the new entry's address; a navigation made before that move would be undone by it.
    await page.waitForURL(/#\/collections\/buyers\/entries\/fonderie-rhenane-test$/);

    const data = await readFrontMatter(join(CMS_CONTENT, 'buyers', BUYER.fileName));
    expect(data).toMatchObject({ name: BUYER.name, kind: 'pme-eti', commitment_kind: 'charte-signee', committed_on: BUYER.committedOn, commitment_source: BUYER.commitmentSource, contact_role: BUYER.contactRole });
    expect(consoleErrors).toEqual([]);
  });

  it('creates an order picking buyer and startup by part of their names, refusing an amount over the ceiling', async () => {
    reportOnFailure('order');
    await page.goto(`${site!.origin}/admin/#/collections/orders/new`);
    await page.locator('input[id^="title-field-"]').fill(ORDER.title);
    await pickRelation('buyer', 'Rhénane', BUYER.name);
    await pickRelation('startup', 'Écho', STARTUP.name);
    await pickOption('kind', ORDER.kindLabel);
    await retype('amount_ht', ORDER.overCeiling);
    await page.locator('input[id^="ordered_on-field-"]').fill(ORDER.orderedOn);
    await pickOption('status', ORDER.statusLabel);

    // The preview already says why, with the build's message; Decap refuses to save.
    await preview().getByText(/Montant supérieur au plafond du programme \(15\s000\s€\sHT\)\./).waitFor();
    await publishRefused();
    await page.getByText('Le champ Montant (€ HT) doit être compris entre 0.01 et 15000.').waitFor();
    await screenshot('order-1-over-ceiling');
    expect(existsSync(join(CMS_CONTENT, 'orders', ORDER.fileName))).toBe(false);

    await retype('amount_ht', String(ORDER.amount));
    // The site's OrderList, with the names of the entries picked in the relation widgets.
    const order = preview().locator('ul.orders li.order');
    await order.locator('.order__title').getByText(ORDER.title).waitFor();
    expect(await order.locator('.order__parties a').allInnerTexts()).toEqual([BUYER.name, STARTUP.name]);
    expect(await order.locator('.order__meta').innerText()).toMatch(/^12\s500\s€\sHT · Prototype · commandé le 10 septembre 2025 · En cours de réalisation$/);
    await screenshot('order-2-preview');
    await publishAndWait();
    // As for the buyer: the next test's navigation must come after Decap's move to the new entry.
    await page.waitForURL(/#\/collections\/orders\/entries\/capteurs-de-temperature-pour-la-ligne-de-coulee$/);

    const data = await readFrontMatter(join(CMS_CONTENT, 'orders', ORDER.fileName));
    expect(data).toMatchObject({ buyer: 'fonderie-rhenane-test', startup: writtenFileName!.replace(/\.md$/, ''), amount_ht: ORDER.amount, ordered_on: ORDER.orderedOn, status: 'en-cours' });
    expect(consoleErrors).toEqual([]);
  });

  it('filters sample startups in the collection list and reminds about them in their preview', async () => {
    reportOnFailure('samples');
    await page.goto(`${site!.origin}/admin/#/collections/startups`);
    await page.getByRole('button', { name: 'Filtrer par' }).click();
    await page.getByText('Fiches d’exemple', { exact: true }).click();
    const listed = page.locator('a[href*="/collections/startups/entries/"]');
    await expect.poll(async () => (await listed.count())).toBe(originalStartupFiles.length);
    const hrefs = await listed.evaluateAll((links) => links.map((link) => link.getAttribute('href')!.split('/').pop()));
    expect(hrefs.sort()).toEqual(originalStartupFiles.map((file) => file.replace(/\.md$/, '')).sort());
    await screenshot('samples-filter');

    await listed.first().click();
    await preview().locator('.preview-sample-reminder').waitFor();
    expect(await preview().locator('.preview-sample-reminder').innerText()).toContain('Fiche d’exemple');
    await screenshot('samples-preview');
    expect(consoleErrors).toEqual([]);
  });

  it('builds the site from the CMS-written content and shows the startup, the buyer and the order, without the private e-mail', async () => {
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
    expect(profile).toContain(STARTUP.editedTagline);
    // The page draws the uploaded logo as a resized copy.
    expect(profile).toMatch(new RegExp(`<img class="profile__logo" src="/_astro/logo-atelier-test\\.[^"]+\\.webp"[^>]*alt="${STARTUP.logoAlt}"`));
    expect(profile).toContain(ORDER.title);

    const buyerPage = await readFile(join(CMS_DIST, 'acheteurs', 'fonderie-rhenane-test', 'index.html'), 'utf8');
    expect(buyerPage).toContain(BUYER.name);
    expect(buyerPage).toContain(BUYER.committedOnFrench);
    expect(buyerPage).toContain(ORDER.title);
    const results = await readFile(join(CMS_DIST, 'resultats', 'index.html'), 'utf8');
    expect(results).toContain(ORDER.title);
    expect(results).toContain(`href="/startups/${slug}/"`);

    const leaks: string[] = [];
    for (const file of await listFiles(CMS_DIST)) {
      if ((await readFile(join(CMS_DIST, file))).includes(STARTUP.orderContactEmail)) leaks.push(file);
    }
    expect(leaks).toEqual([]);
  }, ASTRO_TURN_TIMEOUT_MS);
});
