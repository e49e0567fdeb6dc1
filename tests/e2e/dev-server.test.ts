/**
 * `npm run dev` itself (issue 13): `scripts/dev.ts`, started once for the whole
 * file (a start costs about a minute), as a developer runs it, beside any
 * `npm run dev` of theirs: on a free port (`PORT`), on a scratch copy of the
 * content (`CONTENT_DIR`, and `GIT_REPO_DIRECTORY` for the CMS backend, so the
 * repository's `content/` is never written) with its own embedded database and
 * outbox (`DEV_DATA_ROOT`). Every page visited fails the test on any console
 * error or uncaught page error, none allowed.
 * - The CMS: under the dev server the admin page once stayed blank
 *   (« @vitejs/plugin-react can't detect preamble », then `node:path` imported
 *   into browser code), and then printed React development-build warnings about
 *   Decap's components. Dev now serves the production bundle of the builds
 *   (src/integrations/admin-bundle.ts): the page's script is
 *   `/_astro/admin-cms.<hash>.js`, JavaScript, revalidated on every load
 *   (`Cache-Control: no-cache`). Decap finds the local backend on the page's
 *   origin, logs in with no password, saves an edited news item into the
 *   scratch copy, and the site's page shows the new title.
 * - The forms: a commitment sent with JavaScript on reaches the thank-you page,
 *   styled, with its reference (the functions run in-process; they took 45–60 s
 *   under Netlify's Vite plugin), and both e-mails are in the dev outbox as
 *   `.eml` files, parsed with mailparser.
 * - The open-data files answer at their addresses without a trailing slash, as
 *   on the built site (they were 404 under `astro dev`).
 * - Foreign hosts are refused (issue 11): a web page could otherwise reach the
 *   dev server by DNS rebinding (its name resolving to 127.0.0.1) and read or
 *   write the working tree through the CMS backend, or post to the functions.
 *   Every request naming another host gets 403; 127.0.0.1 and localhost work.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, readdir, readFile, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { basename, join } from 'node:path';
import { simpleParser } from 'mailparser';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageSecurityHeaders } from '../../src/lib/security/security-headers.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { acquireAstroLock, ASTRO_TURN_TIMEOUT_MS, type ReleaseLock } from '../helpers/build-lock.ts';
import { freePort } from '../helpers/free-port.ts';
import { PROJECT_ROOT } from '../helpers/paths.ts';
import { COMMITMENT, fillCommitment } from '../helpers/commitment-form.ts';

/** The scratch folder: `content/` (copied), and `.netlify/` (database, outbox) of this dev server. */
const SCRATCH = join(PROJECT_ROOT, 'tmp', 'tests', 'dev-server');
const SCRATCH_CONTENT = join(SCRATCH, 'content');
const OUTBOX = join(SCRATCH, '.netlify', 'outbox');
const NEWS_FILE = join('news', 'ouverture-du-site.md');
const EDITED_TITLE = 'Le site Premiers bons de commande est ouvert à tous';
const TEAM_ADDRESS = 'contact@premiers-bons-de-commande.fr';
const NBSP = '\u00a0';


let server: ChildProcess | undefined;
let port = 0;
let origin = '';
let output = '';
let browser: Browser | undefined;
/** `astro dev` writes the project's `.astro/` as builds do: no other file's build runs while it lives. */
let releaseAstroLock: ReleaseLock | undefined;
let repositoryNews = '';
const contexts: BrowserContext[] = [];
/** Console errors and uncaught errors of every page opened, with the page's address (each test empties it). */
const pageProblems: string[] = [];

/** Resolves once `url` answers 200, or rejects after `timeoutMs` with what the server printed. */
async function waitForPage(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server?.exitCode !== null) throw new Error(`npm run dev stopped:\n${output}`);
    const status = await fetch(url).then((response) => response.status, () => 0);
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`npm run dev did not answer ${url} within ${timeoutMs} ms:\n${output}`);
}

/** This process's variables without the ones vitest sets (`NODE_ENV=test`, `VITEST…`), under which `astro dev` answers 404. */
function developerEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && name !== 'TEST' && !name.startsWith('VITEST')));
}

/**
 * A new page whose console errors and uncaught errors are recorded in `pageProblems`.
 * @param logs receives the text of every console message, from before the page loads
 */
async function openPage(path: string, logs: string[] = []): Promise<Page> {
  const context = await browser!.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(120_000);
  page.on('console', (message) => {
    logs.push(message.text());
    if (message.type() === 'error') pageProblems.push(`${page.url()}: console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => pageProblems.push(`${page.url()}: uncaught: ${error.message}`));
  await page.goto(`${origin}${path}`);
  return page;
}

beforeAll(async () => {
  await rm(SCRATCH_CONTENT, { recursive: true, force: true });
  await rm(join(SCRATCH, '.netlify'), { recursive: true, force: true });
  await cp(join(PROJECT_ROOT, 'content'), SCRATCH_CONTENT, { recursive: true });
  repositoryNews = await readFile(join(PROJECT_ROOT, 'content', NEWS_FILE), 'utf8');
  port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  releaseAstroLock = await acquireAstroLock();
  server = spawn(process.execPath, [join(PROJECT_ROOT, 'scripts', 'dev.ts')], {
    cwd: PROJECT_ROOT,
    detached: true,
    env: {
      ...developerEnvironment(),
      PORT: String(port),
      CONTENT_DIR: SCRATCH_CONTENT,
      GIT_REPO_DIRECTORY: SCRATCH,
      DEV_DATA_ROOT: SCRATCH,
      ASTRO_TELEMETRY_DISABLED: '1',
    },
  });
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // Chromium starts while the dev server does (kept in `browser` once up, for afterAll to close).
  await Promise.all([waitForPage(`${origin}/admin/`, 240_000), launchBrowser().then((launched) => (browser = launched))]);
}, ASTRO_TURN_TIMEOUT_MS);

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  if (server?.pid !== undefined && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    process.kill(-server.pid, 'SIGTERM');
    await exited;
  }
  await releaseAstroLock?.();
});

describe('the CMS under npm run dev', () => {
  it('finds the local backend on the page’s origin, logs in, saves an edited news item into the scratch copy, and the site shows it', async () => {
    const logs: string[] = [];
    const page = await openPage('/admin/', logs);
    const login = page.getByRole('button', { name: /Se connecter/ }).first();
    await login.waitFor();
    expect(await page.title()).toMatch(/^Administration — /);
    // The production bundle, as in builds (it was Decap's sources through Vite, in React's development build).
    const script = await page.locator('script[src*="admin-cms"]').getAttribute('src');
    expect(script).toMatch(/^\/_astro\/admin-cms\.[\w-]+\.js$/);
    const served = await fetch(`${origin}${script}`);
    expect({ status: served.status, type: served.headers.get('content-type'), cache: served.headers.get('cache-control') }).toEqual({ status: 200, type: 'text/javascript', cache: 'no-cache' });
    expect(logs).toContain(`Detected Decap CMS Proxy Server at '${origin}/api/v1/' with repo: '${basename(SCRATCH)}'`);
    await login.click();

    await page.goto(`${origin}/admin/#/collections/news/entries/ouverture-du-site`);
    const title = page.locator('input[id^="title-field-"]');
    await expect.poll(() => title.inputValue(), { timeout: 120_000 }).toBe('Le site Premiers bons de commande est en ligne');
    await title.press('Control+a');
    await title.pressSequentially(EDITED_TITLE);
    await expect.poll(() => title.inputValue()).toBe(EDITED_TITLE);
    await page.getByRole('button', { name: 'Publier', exact: true }).click();
    await page.getByText('Publier maintenant', { exact: true }).click();

    // Saved in the scratch copy, never in the repository's content/.
    await expect.poll(() => readFile(join(SCRATCH_CONTENT, NEWS_FILE), 'utf8'), { timeout: 60_000 }).toContain(EDITED_TITLE);
    expect(await readFile(join(PROJECT_ROOT, 'content', NEWS_FILE), 'utf8')).toBe(repositoryNews);

    const news = await openPage('/actualites/ouverture-du-site/');
    const shownTitle = async () => {
      await news.reload();
      return news.locator('h1').innerText();
    };
    await expect
      .poll(shownTitle, { timeout: 60_000, interval: 1_000 })
      .toBe(EDITED_TITLE)
      .catch((error: Error) => {
        // The content loader logs each reload of a saved file, or why it failed; the page requests
        // polled meanwhile fill the end of the output, so its content lines are given whole.
        const contentLines = output.split('\n').filter((line) => /\[(content|glob-loader|WARN|ERROR)\]|Reloaded data|Failed to reload/.test(line));
        throw new Error(`${error.message}\nWhat the content layer of npm run dev printed:\n${contentLines.join('\n')}\nThe end of what npm run dev printed:\n${output.slice(-2000)}`, {
          cause: error,
        });
      });
    expect(pageProblems.splice(0)).toEqual([]);
  });
});

describe('the forms under npm run dev', () => {
  it('sends a commitment with JavaScript on to the styled thank-you page, and both e-mails are in the dev outbox', async () => {
    const page = await openPage('/s-engager/');
    await page.waitForFunction(() => (document.querySelector<HTMLInputElement>('input[name="jeton"]')?.value ?? '') !== '');
    const tokenAt = Date.now();
    await fillCommitment(page);
    // The forms refuse an answer sent within 3 s of the token (a robot's speed).
    const left = tokenAt + 3_500 - Date.now();
    if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
    const sentAt = Date.now();
    await page.getByRole('button', { name: 'Envoyer mon engagement' }).click();
    await page.waitForURL(/\/formulaires\/merci\/\?formulaire=engagement-acheteur&reference=PBC-\d{4}-\d{5}$/);
    const answerMs = Date.now() - sentAt;
    const reference = new URL(page.url()).searchParams.get('reference')!;
    expect(await page.locator('h1').innerText()).toBe('Merci, c’est envoyé');
    expect(await page.locator('main').innerText()).toContain(reference);
    // The function's page has the site's stylesheet (it was unstyled in dev).
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/^system-ui/);
    expect(await page.locator('.container').first().evaluate((element) => getComputedStyle(element).marginLeft)).not.toBe('0px');
    // In-process, the answer comes at once (it took tens of seconds under Netlify's Vite plugin).
    expect(answerMs).toBeLessThan(10_000);

    const files = async () => (await readdir(OUTBOX).catch(() => [])).filter((name) => name.includes(reference) && name.endsWith('.eml'));
    await expect.poll(async () => (await files()).length, { timeout: 30_000 }).toBe(2);
    const mails = await Promise.all((await files()).map(async (name) => simpleParser(await readFile(join(OUTBOX, name)))));
    const summary = mails.map((mail) => ({ to: mail.to && !Array.isArray(mail.to) ? mail.to.value.map((address) => address.address) : [], subject: mail.subject }));
    expect(summary.sort((a, b) => String(a.to).localeCompare(String(b.to)))).toEqual([
      { to: [COMMITMENT.email], subject: `Votre engagement dans le programme est bien reçu (${reference})` },
      { to: [TEAM_ADDRESS], subject: `[${reference}] Engagement d’un acheteur${NBSP}: ${COMMITMENT.organisation}` },
    ]);
    expect(pageProblems.splice(0)).toEqual([]);
  });

  it('answers a token request with the production security headers of the functions', async () => {
    const response = await fetch(`${origin}/api/jeton/?formulaire=engagement-acheteur`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(pageSecurityHeaders({ turnstile: false })['Content-Security-Policy']);
    expect(await response.json()).toEqual({ token: expect.stringMatching(/^[\w-]+\.[\w-]+$/), turnstileSiteKey: null });
  });
});

interface Answer {
  readonly status: number;
  readonly body: string;
}

/** Send `method path` to the dev server with the given `Host` header (what a DNS-rebinding page would send). */
function send(method: string, path: string, host: string, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, method, path, headers: { host, 'content-type': 'application/json' } }, (incoming) => {
      let text = '';
      incoming.on('data', (chunk: Buffer) => (text += chunk.toString()));
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, body: text }));
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

const CMS_INFO = JSON.stringify({ action: 'info' });
/** What DNS rebinding would have read: a file of the working tree, through the CMS backend. */
const CMS_READ_PACKAGE = JSON.stringify({ action: 'getEntry', params: { path: 'package.json', branch: 'main' } });

describe('the dev server and its CMS backend refuse foreign hosts', () => {
  it.each([
    ['the CMS backend’s info', 'POST', '/api/v1/', CMS_INFO],
    ['a file of the working tree through the CMS backend', 'POST', '/api/v1/', CMS_READ_PACKAGE],
    ['the home page', 'GET', '/', undefined],
    ['the admin page', 'GET', '/admin/', undefined],
    ['a form token', 'GET', '/api/jeton/?formulaire=candidature', undefined],
    ['a form post', 'POST', '/api/candidature/', '{}'],
    ['a project file through Vite', 'GET', '/package.json', undefined],
  ])('%s (%s %s) with Host: attacker.example gets 403', async (_what, method, path, body) => {
    for (const host of ['attacker.example', `attacker.example:${port}`, `127.0.0.1.nip.io:${port}`]) {
      const answer = await send(method, path, host, body);
      expect({ host, status: answer.status, body: answer.body }).toEqual({
        host,
        status: 403,
        body: expect.stringMatching(/^Blocked request\. This host \(".+"\) is not allowed\./),
      });
    }
  });

  it.each(['127.0.0.1', 'localhost'])('the CMS backend answers Host: %s on the dev server’s port', async (hostname) => {
    const answer = await send('POST', '/api/v1/', `${hostname}:${port}`, CMS_INFO);
    expect({ status: answer.status, body: JSON.parse(answer.body) }).toEqual({
      status: 200,
      body: { repo: basename(SCRATCH), publish_modes: ['simple'], type: 'local_fs' },
    });
  });

  it.each(['127.0.0.1', 'localhost'])('the site and its functions answer Host: %s', async (hostname) => {
    expect((await send('GET', '/', `${hostname}:${port}`)).status).toBe(200);
    const token = await send('GET', '/api/jeton/?formulaire=candidature', `${hostname}:${port}`);
    expect(token.status).toBe(200);
    expect(JSON.parse(token.body)).toEqual({ token: expect.any(String), turnstileSiteKey: null });
  });
});

describe('the open-data files under npm run dev', () => {
  it.each([
    ['/donnees/startups.csv', 'text/csv; charset=utf-8'],
    ['/donnees/bons-de-commande.json', 'application/json; charset=utf-8'],
  ])('%s answers 200 as %s', async (path, contentType) => {
    const response = await fetch(`${origin}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(contentType);
    expect((await response.text()).length).toBeGreaterThan(0);
  });
});
