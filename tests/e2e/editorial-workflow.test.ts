/**
 * The editorial workflow, end to end, on a throw-away git repository: the real
 * admin page (`/admin/` of the built site) with `decap-server` in git mode, the
 * local stand-in for the production backend (Git Gateway or GitHub, which cannot
 * run here: no network). An editor creates a news item as a draft, moves it to
 * review, then to ready, and publishes it; git shows the entry on its
 * `cms/news/<slug>` branch (and not on `main`) until it is published, then on
 * `main` with the branch gone; the site built from `main` has the new page.
 * Its title holds `_` and an apostrophe: Decap names the file `…_….md` (and the
 * branch after it), and the build must accept it and publish a kebab-case address.
 * A title with `~` (which git refuses in branch names) is first refused by the CMS.
 */
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { buildSite } from '../helpers/astro-build.ts';
import { ASTRO_TURN_TIMEOUT_MS } from '../helpers/build-lock.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { startDecapServer, type DecapServer } from '../helpers/decap-server.ts';
import { createContentRepo, git } from '../helpers/git-repo.ts';
import { PROJECT_ROOT, REAL_SITE_DIST, TEST_TMP } from '../helpers/paths.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

const REPO = join(TEST_TMP, 'workflow-repo');
const DIST = join(TEST_TMP, 'dist-workflow');
const SCREENS = join(PROJECT_ROOT, 'test-results', 'screenshots');

const NEWS = {
  title: 'Pilote de 3 mois : l’atelier Dupont_et_Fils',
  refusedTitle: 'Pilote ~ 3 mois : l’atelier Dupont_et_Fils',
  /** What Decap's slug code makes of the title (`tests/unit/content-model/cms-slug.test.ts`). */
  fileSlug: 'pilote-de-3-mois-l-atelier-dupont_et_fils',
  urlSlug: 'pilote-de-3-mois-l-atelier-dupont-et-fils',
  publishedOn: '2026-02-03',
  publishedOnFrench: '3 février 2026',
  summary: 'Un premier pilote de trois mois confié à un atelier de la région.',
  body: 'L’atelier teste pendant trois mois un capteur conçu par une startup du DAS numérique.',
} as const;
const FILE = `content/news/${NEWS.fileSlug}.md`;
const BRANCH = `cms/news/${NEWS.fileSlug}`;

describe('editorial workflow (decap-server in git mode on a throw-away repository)', () => {
  let decap: DecapServer | undefined;
  let site: StaticServer | undefined;
  /** Where the admin page finds its local backend: its own origin, forwarded to decap-server. */
  const backendUrl = (): string => `${site!.origin}/api/v1/`;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page;
  /**
   * Console and uncaught errors not yet checked: each check takes those it saw
   * (and a failed test drops its own), so that one error fails the one test
   * during which, or after whose last check, it came.
   */
  const consoleErrors: { text: string; url: string }[] = [];
  /** How much of decap-server's log the checks have already read. */
  let serverLogChecked = 0;
  const consoleLogs: string[] = [];
  const dialogs: string[] = [];

  function reportOnFailure(name: string): void {
    onTestFailed(async () => {
      await page?.screenshot({ path: join(SCREENS, `workflow-failed-${name}.png`) }).catch(() => undefined);
      console.error(`decap-server log:\n${decap?.log() ?? '(not started)'}\nbrowser console errors:`, consoleErrors);
      consoleErrors.splice(0);
      serverLogChecked = (decap?.log() ?? '').lastIndexOf('\n') + 1;
    });
  }

  /**
   * The browser errors are only the proxy's expected answers:
   * - 404 from the proxy when Decap looks for an entry's unpublished version and
   *   there is none (decap-server localGit `unpublishedEntry`);
   * - 500 « Request timed out » when a request waited more than 3 s for the lock
   *   that serialises git operations (decap-server localGit: `withTimeout(new Mutex(), 3000)`),
   *   as Decap's background refresh can on a loaded machine; its log must then say so,
   *   and it must hold no other error.
   * Checks the errors since the last check (its own test's, and any that came
   * between the tests), then forgets them.
   */
  function expectOnlyProxyNotFoundAndLockTimeouts(): void {
    const log = decap!.log();
    const serverErrors = log.split('\n').filter((line) => line.includes('error'));
    // Whole lines only: one still being written is read by the next check.
    const linesEnd = log.lastIndexOf('\n') + 1;
    const newServerErrors = log.slice(serverLogChecked, linesEnd).split('\n').filter((line) => line.includes('error'));
    serverLogChecked = Math.max(serverLogChecked, linesEnd);
    const errors = consoleErrors.splice(0);
    expect(newServerErrors.filter((line) => !line.trim().endsWith('Request timed out'))).toEqual([]);
    const unexpected = errors.filter(({ text, url }) => {
      if (url === backendUrl() && text.endsWith('status of 404 (Not Found)')) return false;
      const lockTimeout = text === 'Uncaught: Unknown error' || (url === backendUrl() && text.endsWith('status of 500 (Internal Server Error)'));
      return !(lockTimeout && serverErrors.length > 0);
    });
    expect(unexpected).toEqual([]);
  }

  /** The status Decap keeps for an unpublished entry: its branch's description in the git config. */
  function branchStatus(): Promise<string> {
    return git(REPO, 'config', '--get', `branch.${BRANCH}.description`).catch(() => '(none)');
  }

  async function branches(): Promise<string[]> {
    return (await git(REPO, 'branch', '--format=%(refname:short)')).split('\n');
  }

  /** Files of `content/news/` in a branch's last commit. */
  async function newsFilesOn(ref: string): Promise<string[]> {
    return (await git(REPO, 'ls-tree', '--name-only', `${ref}:content/news`)).split('\n');
  }

  /** Open the status menu of the editor's toolbar and pick a status. */
  async function setStatus(current: string, next: string): Promise<void> {
    await page.getByRole('button', { name: `Statut: ${current}` }).click();
    await page.getByRole('menuitem', { name: next, exact: true }).click();
    await page.getByRole('button', { name: `Statut: ${next}` }).waitFor();
  }

  beforeAll(async () => {
    await rm(DIST, { recursive: true, force: true });
    await createContentRepo(REPO, join(PROJECT_ROOT, 'content'));
    // On a free port; the site forwards the admin page's `/api/v1/` to it.
    decap = await startDecapServer({ repoDir: REPO, mode: 'git' });
    site = await serveStatic(REAL_SITE_DIST, { cmsBackendUrl: decap.apiUrl });
    browser = await launchBrowser();
    context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 1400, height: 1000 } });
    page = await context.newPage();
    page.setDefaultTimeout(30_000);
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push({ text: message.text(), url: message.location().url });
      else consoleLogs.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push({ text: `Uncaught: ${error.message}`, url: '' }));
    // Decap asks before publishing (« Êtes-vous sûr… »): the editor confirms.
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.accept();
    });
  });

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await site?.close();
    await decap?.stop();
  });

  it('logs in through the git-mode backend, which keeps the editorial workflow the admin page asks for', async () => {
    reportOnFailure('login');
    await page.goto(`${site!.origin}/admin/`);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.locator('a[href$="/collections/startups/new"]').waitFor();
    expect(consoleLogs).toContain(`Detected Decap CMS Proxy Server at '${backendUrl()}' with repo: 'workflow-repo'`);
    // Decap drops a publish mode that the proxy does not offer (and says so); git mode offers it.
    expect(consoleLogs.filter((line) => line.includes('is not supported'))).toEqual([]);
    await page.getByRole('link', { name: 'Flux' }).waitFor();
    expectOnlyProxyNotFoundAndLockTimeouts();
  });

  it('refuses a title with « ~ », then saves the news item as a draft on its own cms/ branch, not on main', async () => {
    reportOnFailure('draft');
    await page.goto(`${site!.origin}/admin/#/collections/news/new`);
    const title = page.locator('input[id^="title-field-"]');
    // A « ~ » would name the branch `cms/news/…-~-…`, which git refuses: the CMS says so, in French, and saves nothing.
    await title.fill(NEWS.refusedTitle);
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByText('Le champ Titre ne correspond pas au schéma: 160 caractères au plus, dont au moins une lettre latine ou un chiffre, sans « ~ »', { exact: false }).waitFor();
    // Decap rejects its save promise with no reason (decap-cms-core `persistEntry`), which the page reports once.
    await expect.poll(() => consoleErrors.findIndex(({ text }) => text === 'Uncaught: undefined')).toBeGreaterThanOrEqual(0);
    consoleErrors.splice(consoleErrors.findIndex(({ text }) => text === 'Uncaught: undefined'), 1);
    expect(await branches()).toEqual(['main']);
    // Decap's inputs are controlled: select all, then put the text in, as an editor does (one input event, as a
    // paste: key by key, each character re-rendered the editor and its preview).
    await title.press('Control+a');
    await page.keyboard.insertText(NEWS.title);
    await expect.poll(() => title.inputValue()).toBe(NEWS.title);
    await page.locator('input[id^="published_on-field-"]').fill(NEWS.publishedOn);
    await page.locator('textarea[id^="summary-field-"]').fill(NEWS.summary);
    await page.locator('[data-slate-editor="true"]').click();
    await page.keyboard.insertText(NEWS.body);
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.waitForURL(new RegExp(`#/collections/news/entries/${NEWS.fileSlug}$`));
    await page.getByRole('button', { name: 'Statut: Brouillon' }).waitFor();
    await page.screenshot({ path: join(SCREENS, 'workflow-1-draft.png') });

    expect(await branches()).toEqual(expect.arrayContaining(['main', BRANCH]));
    expect(await branchStatus()).toBe('decap-cms/draft');
    expect(await newsFilesOn(BRANCH)).toContain(`${NEWS.fileSlug}.md`);
    expect(await newsFilesOn('main')).not.toContain(`${NEWS.fileSlug}.md`);
    const draft = parseFrontmatter(await git(REPO, 'show', `${BRANCH}:${FILE}`));
    expect(parseYaml(draft.rawFrontmatter)).toMatchObject({ title: NEWS.title, published_on: NEWS.publishedOn, summary: NEWS.summary });
    expect(draft.content.trim()).toBe(NEWS.body);
    expect(await git(REPO, 'log', '-1', '--format=%s', BRANCH)).toBe(`Create Actualité “${NEWS.fileSlug}”`);
    expectOnlyProxyNotFoundAndLockTimeouts();
  });

  it('moves the draft to review, then to ready, and shows it in the « Prêt » column of the workflow board', async () => {
    reportOnFailure('review');
    await setStatus('Brouillon', 'En cours de révision');
    await expect.poll(branchStatus).toBe('decap-cms/pending_review');
    await setStatus('En cours de révision', 'Prêt');
    await expect.poll(branchStatus).toBe('decap-cms/pending_publish');

    await page.goto(`${site!.origin}/admin/#/workflow`);
    await page.getByText('Flux éditorial').waitFor();
    const readyColumn = page.locator('div').filter({ has: page.getByRole('heading', { name: 'Prêt', exact: true }) }).last();
    await readyColumn.getByText(NEWS.title).waitFor();
    // The card's date as French writes it (« 3 décembre »), not dayjs's default « December 3 ».
    expect(await readyColumn.innerText()).toMatch(/\b\d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\b/);
    await page.screenshot({ path: join(SCREENS, 'workflow-2-ready.png') });
    expectOnlyProxyNotFoundAndLockTimeouts();
  });

  it('publishes it: the branch is merged into main and deleted', async () => {
    reportOnFailure('publish');
    await page.goto(`${site!.origin}/admin/#/collections/news/entries/${NEWS.fileSlug}`);
    await page.getByRole('button', { name: 'Statut: Prêt' }).waitFor();
    const draftCommit = await git(REPO, 'rev-parse', BRANCH);
    const mainBefore = await git(REPO, 'rev-parse', 'main');
    await page.getByRole('button', { name: 'Publier', exact: true }).click();
    await page.getByText('Publier maintenant', { exact: true }).click();
    await expect.poll(branches, { timeout: 15_000 }).toEqual(['main']);
    await page.screenshot({ path: join(SCREENS, 'workflow-3-published.png') });

    expect(dialogs).toHaveLength(1);
    expect(await newsFilesOn('main')).toContain(`${NEWS.fileSlug}.md`);
    // A merge commit on main whose parents are main before and the draft's commit.
    expect(await git(REPO, 'log', '-1', '--format=%P|%s', 'main')).toBe(`${mainBefore} ${draftCommit}|Merge branch '${BRANCH}'`);
    expect(await git(REPO, 'show', `main:${FILE}`)).toContain(NEWS.body);
    // The working tree is back on main with the file, as a deploy would check it out.
    expect(await git(REPO, 'branch', '--show-current')).toBe('main');
    expect(await git(REPO, 'status', '--porcelain')).toBe('');
    expect(existsSync(join(REPO, FILE))).toBe(true);
    expectOnlyProxyNotFoundAndLockTimeouts();
  });

  it('builds the site from main: the news page is published at its kebab-case address', async () => {
    const result = await buildSite({ contentDir: join(REPO, 'content'), outDir: DIST });
    expect(result.exitCode, result.output).toBe(0);
    const html = await readFile(join(DIST, 'actualites', NEWS.urlSlug, 'index.html'), 'utf8');
    // The site adds French spacing before « : » (`src/lib/format`): the title is checked on both sides of it.
    for (const part of NEWS.title.split(' : ')) expect(html).toContain(part);
    expect(html).toContain(NEWS.publishedOnFrench);
    expect(html).toContain(NEWS.body);
    const list = await readFile(join(DIST, 'actualites', 'index.html'), 'utf8');
    expect(list).toContain(`href="/actualites/${NEWS.urlSlug}/"`);
  }, ASTRO_TURN_TIMEOUT_MS);
});
