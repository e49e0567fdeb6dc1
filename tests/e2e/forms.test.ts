/**
 * The three public forms end to end: the built pages in headless Chromium, the
 * real form functions behind them (called in-process), a database of the run's PostgreSQL server
 * and a real SMTP server. With JavaScript on (JSON, inline errors, the
 * confirmation step when the token is missing) and off (303 to the thank-you
 * page, the confirmation page, the HTML error page with links to the fields).
 */
import { readFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ParsedMail, AddressObject } from 'mailparser';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { formatEurosHt } from '../../src/lib/format/money.ts';
import { applyFrenchSpacing } from '../../src/lib/format/french-spacing.ts';
import { toParisCalendarDate, yearOf } from '../../src/lib/format/calendar-date.ts';
import { createDatabase } from '../helpers/postgres-server.ts';
import { analyzeWithAxe, installAxe } from '../helpers/axe.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { REAL_SITE_DIST, TEST_TMP } from '../helpers/paths.ts';
import { buildOrdersFixtureOnce } from '../helpers/fixture-site.ts';
import { ASTRO_TURN_TIMEOUT_MS } from '../helpers/build-lock.ts';
import { FORMS_CONTENT_DIR, ORDERABLE_STARTUP, SAMPLE_STARTUP_SLUG } from '../helpers/form-fixtures.ts';
import { DIRECTORY_OPENING } from '../../src/lib/site/describe-key-figures.ts';
import { NO_STARTUP_YET_HINT } from '../../src/lib/forms/definitions/demande-bon-de-commande.ts';
import { serveSiteWithFunctions, type SiteWithFunctions } from '../helpers/site-with-functions.ts';
import { startSmtpCapture, type SmtpCapture } from '../helpers/smtp-capture.ts';
import { COMMITMENT, fillCommitment } from '../helpers/commitment-form.ts';

/** Screenshots for reviewers: JPEG (quality 80), quicker to encode than PNG for full pages, as the layout shots. */
const SCREENS = join(TEST_TMP, 'screens');
const TEAM_ADDRESS = 'contact@premiers-bons-de-commande.fr';
/** `FORM_MIN_FILL_SECONDS` for this file, and a wait safely above it. */
const MIN_FILL_SECONDS = 1;
const FILL_WAIT_MS = MIN_FILL_SECONDS * 1_000 + 300;
const NBSP = '\u00a0';

/** The fixture's real startup: the real content publishes fictional samples only, which an order request may not name. */
const STARTUP = ORDERABLE_STARTUP;

/** A startup application as a person types it. */
const APPLICATION = {
  company_name: 'Société Verte Test',
  siret: '732 829 320 00074',
  siretCompact: '73282932000074',
  postcode: '68100',
  commune: 'Mulhouse',
  website: 'www.societe-verte.fr',
  team_size: '4',
  sectors: ['Industrie du futur', 'Énergie et environnement'],
  technologies: ['Internet des objets'],
  presentation: 'Nous concevons des capteurs sobres pour les ateliers de la région mulhousienne, depuis 2024.',
  offer_title: 'Prototype de capteur connecté',
  offer_kind: 'Prototype',
  offer_price_ht: '12 000,50',
  contact_name: 'Jeanne Dupont',
  email: 'jeanne.dupont@societe-verte.fr',
  phone: '03 89 12 34 56',
} as const;

/** A first-order request as a person types it. */
const ORDER_REQUEST = {
  organisation: 'Ville de Testheim',
  buyer_kind: 'Acteur public',
  siret: '216 800 003 00016',
  contact_name: 'Paul Martin',
  role: 'Responsable des achats',
  email: 'achats+pbc@ville-testheim.fr',
  phone: '06 12 34 56 78',
  kind: 'Étude',
  need: 'Nous voulons mesurer les vibrations de deux pompes de la station d’épuration pendant un mois.',
  budget_ht: '15 000',
  wished_date: `${new Date().getFullYear() + 1}-09-30`,
} as const;


let smtp: SmtpCapture;
/** The real site (fictional sample startups only) and the functions. */
let site: SiteWithFunctions;
/** The fixture site (`FORMS_CONTENT_DIR`, with a real startup an order may name) and the functions. */
let orderSite: SiteWithFunctions;
let dist: string;
let browser: Browser;
const contexts: BrowserContext[] = [];
const savedEnv: Record<string, string | undefined> = {};

function setEnv(name: string, value: string): void {
  if (!(name in savedEnv)) savedEnv[name] = process.env[name];
  process.env[name] = value;
}

/**
 * One tab with JavaScript on and one with it off, each in its own context, that
 * `openPage` navigates: a new tab starts a new renderer process, which costs
 * more CPU than the page load (the forms' scripts keep no state in the browser:
 * each page load fetches its own token).
 */
const tabs = new Map<boolean, Page>();

/** Load `path` of `on` in the tab with JavaScript on or off, `width` × 900 px. */
async function openPage(path: string, { javaScript = true, width = 1280, on = site } = {}): Promise<Page> {
  let page = tabs.get(javaScript);
  if (page === undefined) {
    const context = await browser.newContext({ javaScriptEnabled: javaScript, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    contexts.push(context);
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    tabs.set(javaScript, page);
  }
  await page.setViewportSize({ width, height: 900 });
  await page.goto(`${on.origin}${path}`);
  return page;
}

/** Waits until the form script has put a token in the hidden field; returns when it did. */
async function waitForToken(page: Page): Promise<number> {
  await page.waitForFunction(() => (document.querySelector<HTMLInputElement>('input[name="jeton"]')?.value ?? '') !== '');
  return Date.now();
}

/** Waits until the minimum fill time has passed since `since`. */
async function waitFillTime(since: number): Promise<void> {
  const left = since + FILL_WAIT_MS - Date.now();
  if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
}

async function fillApplication(page: Page, overrides: Partial<Record<'siret' | 'phone' | 'email', string>> & { sectors?: readonly string[]; consent?: boolean } = {}): Promise<void> {
  await page.getByLabel('Nom de l’entreprise').fill(APPLICATION.company_name);
  await page.getByLabel('Numéro SIRET').fill(overrides.siret ?? APPLICATION.siret);
  await page.getByLabel('Code postal').fill(APPLICATION.postcode);
  await page.getByLabel('Commune').fill(APPLICATION.commune);
  await page.getByLabel('Site web').fill(APPLICATION.website);
  await page.getByLabel('Effectif').fill(APPLICATION.team_size);
  const sectors = page.getByRole('group', { name: /^Secteurs/ });
  for (const sector of overrides.sectors ?? APPLICATION.sectors) await sectors.getByLabel(sector, { exact: true }).check();
  const technologies = page.getByRole('group', { name: /^Technologies/ });
  for (const technology of APPLICATION.technologies) await technologies.getByLabel(technology, { exact: true }).check();
  await page.getByLabel('Présentation').fill(APPLICATION.presentation);
  await page.getByLabel('Offre de premier bon de commande').fill(APPLICATION.offer_title);
  await page.getByLabel('Type d’offre').selectOption({ label: APPLICATION.offer_kind });
  await page.getByLabel('Prix indicatif (€ HT)').fill(APPLICATION.offer_price_ht);
  await page.getByLabel('Nom du contact').fill(APPLICATION.contact_name);
  await page.getByLabel('Adresse e-mail').fill(overrides.email ?? APPLICATION.email);
  await page.getByLabel('Téléphone').fill(overrides.phone ?? APPLICATION.phone);
  if (overrides.consent ?? true) await page.getByLabel(/^J’accepte que ces informations/).check();
}

async function fillOrderRequest(page: Page): Promise<void> {
  await page.getByLabel('Organisation').fill(ORDER_REQUEST.organisation);
  await page.getByLabel('Type d’acheteur').selectOption({ label: ORDER_REQUEST.buyer_kind });
  await page.getByLabel('Numéro SIRET').fill(ORDER_REQUEST.siret);
  await page.getByLabel('Nom du contact').fill(ORDER_REQUEST.contact_name);
  await page.getByLabel('Fonction').fill(ORDER_REQUEST.role);
  await page.getByLabel('Adresse e-mail').fill(ORDER_REQUEST.email);
  await page.getByLabel('Téléphone').fill(ORDER_REQUEST.phone);
  await page.getByLabel('Type de commande').selectOption({ label: ORDER_REQUEST.kind });
  await page.getByLabel('Description du besoin').fill(ORDER_REQUEST.need);
  await page.getByLabel('Budget (€ HT)').fill(ORDER_REQUEST.budget_ht);
  await page.getByLabel('Date souhaitée').fill(ORDER_REQUEST.wished_date);
  await page.getByLabel(/^J’accepte que ces informations/).check();
}

/** What the visitor typed, chose or ticked in the page's form, field by field in order (hidden fields apart: the token changes). */
function typedValues(page: Page): Promise<string[][]> {
  return page.locator('form[method="post"] :is(input, select, textarea)').evaluateAll((controls) =>
    controls.flatMap((control) => {
      const field = control as HTMLInputElement;
      if (!field.name || field.type === 'hidden' || field.type === 'submit') return [];
      if (field.type === 'checkbox' || field.type === 'radio') return [[field.name, field.value, String(field.checked)]];
      return [[field.name, field.value]];
    }),
  );
}

/** The reference shown by the thank-you page the browser landed on, checked against its address. */
/** What the thank-you page says was recorded, by form. */
const RECORDED = {
  candidature: 'Votre candidature au DAS numérique',
  'demande-bon-de-commande': 'Votre demande de premier bon de commande',
  'engagement-acheteur': 'Votre demande d’engagement',
} as const;

async function readThankYou(page: Page, form: keyof typeof RECORDED): Promise<string> {
  await page.waitForURL(new RegExp(`/formulaires/merci/\\?formulaire=${form}&reference=PBC-\\d{4}-\\d{5}$`));
  const reference = new URL(page.url()).searchParams.get('reference')!;
  expect(reference).toMatch(new RegExp(`^PBC-${yearOf(toParisCalendarDate(new Date()))}-\\d{5}$`));
  // The thank-you function fetches the answers' layout from the site: seconds on a busy machine (poll's default is 1 s).
  await expect.poll(() => page.locator('h1').innerText(), { timeout: 15_000 }).toBe('Merci, c’est envoyé');
  expect(await page.locator('main strong').innerText()).toBe(reference);
  expect(await page.locator('main').innerText()).toContain(`${RECORDED[form]} est enregistrée sous la référence${NBSP}: ${reference}`);
  return reference;
}

/** The messages whose subject names `reference`, once there are `count` of them (and no more). */
async function messagesFor(reference: string, count: number): Promise<ParsedMail[]> {
  const deadline = Date.now() + 10_000;
  const matching = () => smtp.messages.filter((message) => message.subject?.includes(reference));
  while (matching().length < count) {
    if (Date.now() > deadline) throw new Error(`expected ${count} messages for ${reference}, got ${matching().length}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  // A moment more: a duplicate would show up now.
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(matching()).toHaveLength(count);
  return matching();
}

function recipient(message: ParsedMail): string {
  const to = message.to as AddressObject | AddressObject[] | undefined;
  const list = Array.isArray(to) ? to.flatMap((item) => item.value) : (to?.value ?? []);
  return list.map((address) => address.address).join(', ');
}

/** Plain text of a message with no-break spaces as ordinary ones, to compare values. */
function plainText(message: ParsedMail): string {
  return (message.text ?? '').replace(/[\u00a0\u202f]/g, ' ');
}

function bySubjectStart(messages: readonly ParsedMail[], start: string): ParsedMail {
  const found = messages.filter((message) => message.subject?.startsWith(start));
  expect(found, `one message whose subject starts with ${start}`).toHaveLength(1);
  return found[0]!;
}

function formPosts(path: string): number {
  return site.calls.filter((call) => call.method === 'POST' && call.path === path).length;
}

/** On failure, keep a screenshot of the page for the report. */
function screenshotOnFailure(page: () => Page | undefined, name: string): void {
  onTestFailed(async () => {
    await page()?.screenshot({ path: join(SCREENS, `forms-failed-${name}.png`), fullPage: true }).catch(() => undefined);
  });
}

beforeAll(async () => {
  await mkdir(SCREENS, { recursive: true });
  setEnv('NETLIFY_DB_URL', await createDatabase(process.env['PBC_TEST_POSTGRES_URL']!));
  smtp = await startSmtpCapture();
  setEnv('SMTP_URL', smtp.url);
  setEnv('FORM_MIN_FILL_SECONDS', String(MIN_FILL_SECONDS));
  // Every submission of this file comes from 127.0.0.1: the default limit (5 per 10 minutes) is too low.
  setEnv('RATE_LIMIT_MAX', '100');
  setEnv('CONTENT_DIR', FORMS_CONTENT_DIR);
  dist = await buildOrdersFixtureOnce();
  site = await serveSiteWithFunctions(REAL_SITE_DIST);
  orderSite = await serveSiteWithFunctions(dist);
  browser = await launchBrowser();
  // The fixture's build (unless another file of the run made it) takes minutes on a busy machine, after its turn.
}, ASTRO_TURN_TIMEOUT_MS);

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await site?.close();
  await orderSite?.close();
  await smtp?.stop();
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe('form pages', () => {
  it('embed the public configuration only: startup names and slugs, never their private e-mails', async () => {
    const html = await readFile(join(dist, 'demander-un-bon-de-commande', 'index.html'), 'utf8');
    const config = JSON.parse(/<script type="application\/json" id="configuration-demande-bon-de-commande">([^<]*)<\/script>/.exec(html)![1]!) as {
      context: { startups: { slug: string; name: string }[]; orderCeilingHt: number };
    };
    expect(config.context.orderCeilingHt).toBe(15_000);
    expect(config.context.startups).toContainEqual({ slug: STARTUP.slug, name: STARTUP.name });
    for (const startup of config.context.startups) expect(Object.keys(startup).sort()).toEqual(['name', 'slug']);
    expect(html).not.toContain(STARTUP.orderContactEmail);
    expect(html).not.toMatch(/prive-/);
  });

  it.each([true, false])('with fictional samples only (JavaScript %s), the order page says the directory is opening and offers no sample, even one named in the address', async (javaScript) => {
    const page = await openPage(`/demander-un-bon-de-commande/?startup=${SAMPLE_STARTUP_SLUG}`, { javaScript });
    if (javaScript) await waitForToken(page);
    expect(await page.locator('main .notice').innerText()).toBe(applyFrenchSpacing(`${DIRECTORY_OPENING} Vous pouvez déjà décrire votre besoin : l’équipe du programme l’orientera.`));
    const startup = page.locator('#champ-startup');
    expect(await startup.locator('option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value))).toEqual(['sans-preference']);
    expect(await startup.inputValue()).toBe('sans-preference');
    expect(await page.locator('#champ-startup-aide').innerText()).toBe(applyFrenchSpacing(NO_STARTUP_YET_HINT));
    const profile = await openPage(`/startups/${SAMPLE_STARTUP_SLUG}/`, { javaScript });
    expect(await profile.getByRole('link', { name: 'Demander un premier bon de commande' }).count()).toBe(0);
    expect(await profile.locator('main').innerText()).toContain('ne peut pas recevoir de demande de bon de commande');
  });

  it.each([true, false])('with a real startup, its profile and the order form offering it have no axe-core violation (site scripts %s)', async (scripts) => {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    // Without the site's scripts, as without JavaScript (axe itself runs in the page's engine).
    if (!scripts) await context.route('**/*', (route) => (route.request().resourceType() === 'script' ? route.abort() : route.continue()));
    // Both pages are checked: axe-core comes with each load. One tab for both (a new tab is a new renderer process).
    await installAxe(context);
    const page = await context.newPage();
    for (const path of [`/startups/${STARTUP.slug}/`, `/demander-un-bon-de-commande/?startup=${STARTUP.slug}`]) {
      await page.goto(`${orderSite.origin}${path}`);
      if (scripts && path.startsWith('/demander')) await waitForToken(page);
      const results = await analyzeWithAxe(page);
      expect(results.violations.map((violation) => ({ path, rule: violation.id, targets: violation.nodes.map((node) => node.target.join(' ')) }))).toEqual([]);
    }
  });

  it('with a real startup, the order page offers it and says nothing of an opening', async () => {
    const page = await openPage('/demander-un-bon-de-commande/', { javaScript: false, on: orderSite });
    expect(await page.locator('#champ-startup option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value))).toEqual(['sans-preference', STARTUP.slug]);
    expect(await page.locator('main .notice').count()).toBe(0);
    expect(await page.locator('#champ-startup-aide').count()).toBe(0);
  });

  it.each([
    ['/candidater/', 'candidater'],
    ['/demander-un-bon-de-commande/', 'demander-un-bon-de-commande'],
    ['/s-engager/', 's-engager'],
  ])('%s: screenshots at desktop and phone widths', async (path, name) => {
    // One load, then the phone's width: the layout is computed again for each width.
    const page = await openPage(path);
    await waitForToken(page);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: join(SCREENS, `forms-${name}-${width}.jpg`), fullPage: true, quality: 80 });
      // No horizontal scrolling on a phone.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    }
  });
});

describe('with JavaScript', () => {
  let page: Page | undefined;

  it('sends an application without reloading and lands on the thank-you page; the team and the applicant get their e-mails', async () => {
    screenshotOnFailure(() => page, 'js-application');
    page = await openPage('/candidater/');
    const tokenAt = await waitForToken(page);
    const documentsLoaded: string[] = [];
    page.on('framenavigated', (frame) => {
      if (frame === page!.mainFrame()) documentsLoaded.push(frame.url());
    });
    await fillApplication(page);
    await waitFillTime(tokenAt);
    await page.getByRole('button', { name: 'Envoyer ma candidature' }).click();
    const reference = await readThankYou(page, 'candidature');
    // One navigation only, to the thank-you page: the form itself was sent by fetch.
    expect(documentsLoaded).toEqual([page.url()]);
    expect(site.calls.filter((call) => call.path === '/api/candidature/')).toContainEqual({ method: 'POST', path: '/api/candidature/', status: 200 });

    const messages = await messagesFor(reference, 2);
    const team = bySubjectStart(messages, `[${reference}]`);
    expect(team.subject).toBe(`[${reference}] Nouvelle candidature au DAS numérique${NBSP}: ${APPLICATION.company_name}`);
    expect(recipient(team)).toBe(TEAM_ADDRESS);
    expect(team.replyTo?.value[0]).toMatchObject({ name: APPLICATION.contact_name, address: APPLICATION.email });
    const text = plainText(team);
    expect(text).toContain(`SIRET : ${APPLICATION.siretCompact}`);
    expect(text).toContain(`Commune : ${APPLICATION.postcode} ${APPLICATION.commune}`);
    expect(text).toContain('Site web : https://www.societe-verte.fr');
    expect(text).toContain(`Secteurs : ${APPLICATION.sectors.join(', ')}`);
    expect(text).toContain(`Technologies : ${APPLICATION.technologies.join(', ')}`);
    expect(text).toContain(`Prix indicatif : ${formatEurosHt(12_000.5).replace(/[\u00a0\u202f]/g, ' ')}`);
    expect(text).toContain('Téléphone : 03 89 12 34 56');
    expect(text).toContain(`Référence : ${reference}`);

    const confirmation = bySubjectStart(messages, 'Votre candidature');
    expect(confirmation.subject).toBe(`Votre candidature au DAS numérique est bien reçue (${reference})`);
    expect(recipient(confirmation)).toBe(APPLICATION.email);
    expect(plainText(confirmation)).toContain(reference);
  });

  it('opens the order request from a startup profile with that startup chosen, sends it, and mails the team, the startup and the buyer', async () => {
    screenshotOnFailure(() => page, 'js-order');
    page = await openPage(`/startups/${STARTUP.slug}/`, { on: orderSite });
    await page.getByRole('link', { name: 'Demander un premier bon de commande' }).click();
    await page.waitForURL(`${orderSite.origin}/demander-un-bon-de-commande/?startup=${STARTUP.slug}`);
    const tokenAt = await waitForToken(page);
    const startup = page.getByLabel('Startup', { exact: false }).and(page.locator('select'));
    await expect.poll(() => startup.inputValue()).toBe(STARTUP.slug);
    expect(await startup.locator('option:checked').innerText()).toBe(STARTUP.name);
    await fillOrderRequest(page);
    await waitFillTime(tokenAt);
    await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
    const reference = await readThankYou(page, 'demande-bon-de-commande');

    const messages = await messagesFor(reference, 3);
    const team = bySubjectStart(messages, `[${reference}] Demande de premier bon de commande${NBSP}:`);
    expect(team.subject).toBe(`[${reference}] Demande de premier bon de commande${NBSP}: ${ORDER_REQUEST.organisation}`);
    expect(recipient(team)).toBe(TEAM_ADDRESS);
    const text = plainText(team);
    expect(text).toContain(`Startup : ${STARTUP.name}`);
    expect(text).toContain('Organisation : Ville de Testheim (Acteur public)');
    expect(text).toContain('SIRET : 21680000300016');
    expect(text).toContain('Type de commande : Étude');
    expect(text).toContain('Budget : 15 000 € HT');
    expect(text).toContain(`Date souhaitée : 30 septembre ${new Date().getFullYear() + 1}`);
    expect(text).toContain(`E-mail : ${ORDER_REQUEST.email}`);

    const toStartup = bySubjectStart(messages, `[${reference}] Demande de premier bon de commande de`);
    expect(toStartup.subject).toBe(`[${reference}] Demande de premier bon de commande de ${ORDER_REQUEST.organisation}`);
    expect(recipient(toStartup)).toBe(STARTUP.orderContactEmail);
    expect(toStartup.replyTo?.value[0]).toMatchObject({ name: ORDER_REQUEST.contact_name, address: ORDER_REQUEST.email });

    const confirmation = bySubjectStart(messages, 'Votre demande');
    expect(confirmation.subject).toBe(`Votre demande de premier bon de commande est bien reçue (${reference})`);
    expect(recipient(confirmation)).toBe(ORDER_REQUEST.email);
    expect(plainText(confirmation)).toContain(`transmise à l’équipe du programme et à ${STARTUP.name}`);
  });

  it('opens the commitment form from the buyers list and the charter, sends it, and mails the team and the buyer', async () => {
    screenshotOnFailure(() => page, 'js-commitment');
    page = await openPage('/charte/');
    expect(await page.getByRole('link', { name: 'formulaire d’engagement' }).getAttribute('href')).toBe('/s-engager/');
    await page.goto(`${site.origin}/acheteurs/`);
    await page.getByRole('link', { name: 'Engager votre organisation' }).click();
    await page.waitForURL(`${site.origin}/s-engager/`);
    const tokenAt = await waitForToken(page);
    await fillCommitment(page);
    await waitFillTime(tokenAt);
    await page.getByRole('button', { name: 'Envoyer mon engagement' }).click();
    const reference = await readThankYou(page, 'engagement-acheteur');
    expect(site.calls).toContainEqual({ method: 'POST', path: '/api/engagement-acheteur/', status: 200 });

    const messages = await messagesFor(reference, 2);
    const team = messages.find((message) => recipient(message) === TEAM_ADDRESS);
    expect(team?.replyTo?.value[0]).toMatchObject({ name: COMMITMENT.contact_name, address: COMMITMENT.email });
    const text = plainText(team!);
    expect(text).toContain(`Organisation : ${COMMITMENT.organisation} (${COMMITMENT.buyer_kind})`);
    expect(text).toContain('SIRET : 73282932000074');
    expect(text).toContain(`Contact : ${COMMITMENT.contact_name}, ${COMMITMENT.role}`);
    expect(text).toContain(`Date de signature souhaitée : 20 janvier ${new Date().getFullYear() + 1}`);
    expect(messages.map(recipient).sort()).toEqual([COMMITMENT.email, TEAM_ADDRESS].sort());
  });

  it('shows French errors next to the invalid fields, focuses the first and sends nothing; fixed fields are cleared and the form then goes', async () => {
    screenshotOnFailure(() => page, 'js-errors');
    page = await openPage('/candidater/', { width: 390 });
    const tokenAt = await waitForToken(page);
    const postsBefore = formPosts('/api/candidature/');
    const messagesBefore = smtp.messages.length;
    await fillApplication(page, { siret: '732 829 320 00075', consent: false });
    const pageTitleBefore = await page.title();
    await page.getByRole('button', { name: 'Envoyer ma candidature' }).click();

    const siretError = page.locator('#champ-siret-erreur');
    await expect.poll(() => siretError.innerText()).toBe(applyFrenchSpacing('Numéro SIRET : les 5 derniers chiffres (le numéro d’établissement, ou NIC) ne correspondent pas aux 9 premiers (le SIREN) ; un chiffre est sans doute faux ou inversé.'));
    expect(await page.locator('#champ-consent-erreur').innerText()).toBe(`Consentement${NBSP}: votre accord est nécessaire pour envoyer le formulaire.`);
    // Only those two fields are marked.
    expect(await page.locator('.field__error:not([hidden])').count()).toBe(2);
    expect(await page.locator('[aria-invalid="true"]').evaluateAll((elements) => elements.map((element) => element.id))).toEqual(['champ-siret', 'champ-consent']);
    // The error is part of the field's description, the hint stays.
    expect(await page.locator('#champ-siret').getAttribute('aria-describedby')).toBe('champ-siret-erreur champ-siret-aide');
    expect(await page.locator('#champ-consent').getAttribute('aria-describedby')).toBe('champ-consent-erreur champ-consent-aide');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('champ-siret');
    await expect.poll(() => page!.getByRole('status').innerText()).toBe(`Le formulaire n’a pas été envoyé${NBSP}: 2 champs sont à corriger.`);
    // The title says the error state, as the page without JavaScript does.
    expect(await page.title()).toBe(`Erreur${NBSP}: 2 champs à corriger — ${pageTitleBefore}`);
    await page.screenshot({ path: join(SCREENS, 'forms-candidater-erreurs-390.jpg'), fullPage: true, quality: 80 });
    expect(formPosts('/api/candidature/')).toBe(postsBefore);
    expect(smtp.messages.length).toBe(messagesBefore);

    // Fixing a field clears its error as soon as it changes.
    await page.getByLabel('Numéro SIRET').fill(APPLICATION.siret);
    await page.getByLabel('Numéro SIRET').blur();
    await expect.poll(() => page!.locator('#champ-siret').getAttribute('aria-invalid')).toBeNull();
    expect(await siretError.isHidden()).toBe(true);
    expect(await page.title()).toBe(`Erreur${NBSP}: 1 champ à corriger — ${pageTitleBefore}`);
    expect(await page.locator('#champ-siret').getAttribute('aria-describedby')).toBe('champ-siret-aide');
    await page.getByLabel(/^J’accepte que ces informations/).check();
    await expect.poll(() => page!.locator('#champ-consent').getAttribute('aria-invalid')).toBeNull();
    expect(await page.title()).toBe(pageTitleBefore);

    await waitFillTime(tokenAt);
    await page.getByRole('button', { name: 'Envoyer ma candidature' }).click();
    const reference = await readThankYou(page, 'candidature');
    await messagesFor(reference, 2);
    expect(formPosts('/api/candidature/')).toBe(postsBefore + 1);
  });

  it('e-mail and phone (issue 12): the browser gives the e-mail rule\'s own hint; a phone number that does not exist is refused by the function and shown at its field', async () => {
    screenshotOnFailure(() => page, 'js-email-phone');
    page = await openPage('/candidater/');
    const tokenAt = await waitForToken(page);
    const postsBefore = formPosts('/api/candidature/');
    const messagesBefore = smtp.messages.length;
    await fillApplication(page, { email: 'frédéric@orange.fr', phone: '07 00 00 00 00' });
    await page.getByRole('button', { name: 'Envoyer ma candidature' }).click();
    // The browser's verdict comes from email-address/read-email-address.ts, as the function's does.
    await expect.poll(() => page!.locator('#champ-email-erreur').innerText()).toBe(
      applyFrenchSpacing('Adresse e-mail : la partie avant « @ » ne peut contenir ni accent ni lettre hors de l’alphabet latin simple : beaucoup de serveurs de messagerie refuseraient l’adresse. Vouliez-vous écrire « frederic@orange.fr » ?'),
    );
    // The browser checks the phone's shape only: no error there, and nothing was posted.
    expect(await page.locator('#champ-phone').getAttribute('aria-invalid')).toBeNull();
    expect(formPosts('/api/candidature/')).toBe(postsBefore);

    await page.getByLabel('Adresse e-mail').fill('frederic@orange.fr');
    await waitFillTime(tokenAt);
    await page.getByRole('button', { name: 'Envoyer ma candidature' }).click();
    // The function answers: as long as the thank-you page takes under load.
    await expect.poll(() => page!.locator('#champ-phone-erreur').innerText(), { timeout: 15_000 }).toBe(
      applyFrenchSpacing('Téléphone : ce numéro n’existe pas dans le plan de numérotation, vérifiez les chiffres (ex. 03 89 12 34 56 ; +41 61 123 45 67 pour l’étranger).'),
    );
    expect(formPosts('/api/candidature/')).toBe(postsBefore + 1);
    expect(smtp.messages.length).toBe(messagesBefore);
  });

  it('asks for a confirmation when the token could not be fetched, then sends with the token the function gave', async () => {
    screenshotOnFailure(() => page, 'js-confirm');
    const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    await context.route('**/api/jeton/**', (route) => route.abort());
    page = await context.newPage();
    await page.goto(`${site.origin}/demander-un-bon-de-commande/`);
    await fillOrderRequest(page);
    const startup = page.locator('#champ-startup');
    expect(await startup.inputValue()).toBe('sans-preference');
    await page.getByRole('button', { name: 'Envoyer ma demande' }).click();

    const confirm = page.getByRole('button', { name: 'Confirmer l’envoi' });
    await confirm.waitFor({ state: 'visible' });
    expect(site.calls.at(-1)).toEqual({ method: 'POST', path: '/api/demande-bon-de-commande/', status: 202 });
    const confirmedAt = Date.now();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Confirmer l’envoi');
    await expect.poll(() => page!.getByRole('status').innerText()).toContain('confirmez-le avec le bouton');
    expect(await page.locator('input[name="jeton"]').inputValue()).not.toBe('');
    await waitFillTime(confirmedAt);
    await confirm.click();
    const reference = await readThankYou(page, 'demande-bon-de-commande');

    const messages = await messagesFor(reference, 2);
    expect(messages.map(recipient).sort()).toEqual([ORDER_REQUEST.email, TEAM_ADDRESS].sort());
    expect(plainText(bySubjectStart(messages, `[${reference}]`))).toContain('Startup : Pas de préférence : besoin à orienter');
  });
});

describe('without JavaScript', () => {
  let page: Page | undefined;

  it('sends an application through the confirmation page to the thank-you page, and the e-mails go', async () => {
    screenshotOnFailure(() => page, 'nojs-application');
    page = await openPage('/candidater/', { javaScript: false });
    await fillApplication(page);
    await page.getByRole('button', { name: 'Envoyer ma candidature' }).click();

    // No token without JavaScript: the function asks for a confirmation and carries the answers.
    await page.waitForURL(`${site.origin}/api/candidature/`);
    const confirmedAt = Date.now();
    expect(await page.locator('h1').innerText()).toBe(`Candidature au DAS numérique${NBSP}: confirmez l’envoi`);
    expect(site.calls.at(-1)).toEqual({ method: 'POST', path: '/api/candidature/', status: 200 });
    expect(await page.locator('input[type="hidden"][name="sectors"]').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))).toEqual([
      ...APPLICATION.sectors,
    ]);
    await waitFillTime(confirmedAt);
    await page.getByRole('button', { name: 'Confirmer l’envoi' }).click();

    const reference = await readThankYou(page, 'candidature');
    expect(site.calls.at(-2)).toEqual({ method: 'POST', path: '/api/candidature/', status: 303 });
    const messages = await messagesFor(reference, 2);
    const team = bySubjectStart(messages, `[${reference}]`);
    expect(team.subject).toBe(`[${reference}] Nouvelle candidature au DAS numérique${NBSP}: ${APPLICATION.company_name}`);
    expect(plainText(team)).toContain(`Secteurs : ${APPLICATION.sectors.join(', ')}`);
    expect(recipient(bySubjectStart(messages, 'Votre candidature'))).toBe(APPLICATION.email);
  });

  it('lists the errors on an HTML page whose links lead to the fields of the form', async () => {
    screenshotOnFailure(() => page, 'nojs-errors');
    page = await openPage('/candidater/', { javaScript: false });
    const messagesBefore = smtp.messages.length;
    await fillApplication(page, { siret: '732 829 320 00075', phone: '12', sectors: [] });
    const typed = await typedValues(page);
    await page.getByRole('button', { name: 'Envoyer ma candidature' }).click();

    await page.waitForURL(`${site.origin}/api/candidature/`);
    expect(site.calls.at(-1)).toEqual({ method: 'POST', path: '/api/candidature/', status: 422 });
    // Every value typed comes back, in every field.
    expect(typed.length).toBeGreaterThan(12);
    expect(await typedValues(page)).toEqual(typed);
    // The answer is the form page again, filled, with the errors summed up first and at their fields.
    expect(await page.title()).toMatch(new RegExp(`^Erreur${NBSP}: 3 champs à corriger — `));
    expect(await page.locator('#erreurs h2').innerText()).toBe('Le formulaire contient 3 erreurs');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('erreurs');
    const links = await page.locator('#erreurs li a').evaluateAll((anchors) =>
      anchors.map((anchor) => ({ href: anchor.getAttribute('href'), text: anchor.textContent })),
    );
    expect(links).toEqual([
      { href: '#champ-siret', text: applyFrenchSpacing('Numéro SIRET : les 5 derniers chiffres (le numéro d’établissement, ou NIC) ne correspondent pas aux 9 premiers (le SIREN) ; un chiffre est sans doute faux ou inversé.') },
      { href: '#champ-sectors', text: `Secteurs${NBSP}: cochez au moins une case.` },
      { href: '#champ-phone', text: applyFrenchSpacing('Téléphone : numéro invalide, chiffres seulement, avec l’indicatif (+41…) pour un numéro étranger (ex. 03 89 12 34 56).') },
    ]);
    expect(await page.locator('#champ-siret').inputValue()).toBe('732 829 320 00075');
    expect(await page.locator('#champ-phone').inputValue()).toBe('12');
    expect(await page.locator('#champ-siret').getAttribute('aria-invalid')).toBe('true');
    await page.screenshot({ path: join(SCREENS, 'forms-candidater-erreurs-sans-js.jpg'), fullPage: true, quality: 80 });

    // Each link leads to an element of the form on this page: the field, or the group of checkboxes.
    const targets: Record<string, string> = { 'champ-siret': 'INPUT', 'champ-sectors': 'FIELDSET', 'champ-phone': 'INPUT' };
    for (const { href } of links) {
      const id = href!.slice(1);
      await page.locator(`#erreurs a[href="${href}"]`).click();
      expect(await page.evaluate(() => location.hash)).toBe(href);
      expect(await page.locator(`#${id}`).evaluate((element) => element.tagName)).toBe(targets[id]);
      expect(await page.locator(`#${id}`).evaluate((element) => element.closest('form')?.getAttribute('action'))).toBe('/api/candidature/');
    }
    expect(smtp.messages.length).toBe(messagesBefore);
  });
});
