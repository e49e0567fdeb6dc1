/**
 * The site as `npm run dev` serves it: `astro dev`, not a build (issue 13).
 * - The CMS: under the dev server the admin page once stayed blank
 *   (« @vitejs/plugin-react can't detect preamble », then `node:path` imported
 *   into browser code), while the CMS tests on a built site passed. Decap must
 *   draw its login screen with no uncaught error. (No local backend runs here,
 *   so Decap offers its production login; `admin-cms.test.ts` logs in through
 *   `decap-server`.)
 * - The open-data files answer at their addresses without a trailing slash, as
 *   on the built site (they were 404 under `astro dev`).
 * - Foreign hosts are refused (issue 11): a web page could otherwise reach the
 *   dev server by DNS rebinding (its name resolving to 127.0.0.1) and read or
 *   write the working tree through the CMS backend, or post to the functions.
 *   Every request naming another host gets 403; 127.0.0.1 and localhost work.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { basename, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { freePort } from '../helpers/free-port.ts';
import { PROJECT_ROOT } from '../helpers/paths.ts';

let server: ChildProcess | undefined;
let port = 0;
let origin = '';
let output = '';
let browser: Browser | undefined;

/** Resolves once `url` answers 200, or rejects after `timeoutMs` with what the server printed. */
async function waitForPage(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server?.exitCode !== null) throw new Error(`astro dev stopped:\n${output}`);
    const status = await fetch(url).then((response) => response.status, () => 0);
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`astro dev did not answer ${url} within ${timeoutMs} ms:\n${output}`);
}

/** This process's variables without the ones vitest sets (`NODE_ENV=test`, `VITEST…`), under which `astro dev` answers 404. */
function developerEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && name !== 'TEST' && !name.startsWith('VITEST')));
}

beforeAll(async () => {
  port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  server = spawn(join(PROJECT_ROOT, 'node_modules', '.bin', 'astro'), ['dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: PROJECT_ROOT,
    detached: true,
    env: { ...developerEnvironment(), ASTRO_TELEMETRY_DISABLED: '1' },
  });
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitForPage(`${origin}/admin/`, 150_000);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  if (server?.pid !== undefined && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    process.kill(-server.pid, 'SIGTERM');
    await exited;
  }
});

describe('the CMS under astro dev', () => {
  it('draws Decap’s login screen, with no uncaught error, having found the local backend on the page’s origin', async () => {
    const page = await browser!.newPage();
    const pageErrors: string[] = [];
    const logs: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => logs.push(message.text()));
    // The first visit compiles the CMS on demand: minutes on a busy machine.
    await page.goto(`${origin}/admin/`, { timeout: 120_000 });
    await page.getByRole('button', { name: /Se connecter/ }).first().waitFor({ timeout: 120_000 });
    expect(pageErrors).toEqual([]);
    expect(await page.title()).toMatch(/^Administration — /);
    expect(logs).toContain(`Detected Decap CMS Proxy Server at '${origin}/api/v1/' with repo: '${basename(PROJECT_ROOT)}'`);
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
      body: { repo: basename(PROJECT_ROOT), publish_modes: ['simple'], type: 'local_fs' },
    });
  });

  it.each(['127.0.0.1', 'localhost'])('the site and its functions answer Host: %s', async (hostname) => {
    expect((await send('GET', '/', `${hostname}:${port}`)).status).toBe(200);
    const token = await send('GET', '/api/jeton/?formulaire=candidature', `${hostname}:${port}`);
    expect(token.status).not.toBe(403);
    expect(token.body).not.toMatch(/Blocked request/);
  });
});

describe('the open-data files under astro dev', () => {
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
