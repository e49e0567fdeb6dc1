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
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { freePort } from '../helpers/free-port.ts';
import { PROJECT_ROOT } from '../helpers/paths.ts';

let server: ChildProcess | undefined;
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
  const port = await freePort();
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
  it('draws Decap’s login screen, with no uncaught error', async () => {
    const page = await browser!.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${origin}/admin/`);
    await page.getByRole('button', { name: /Se connecter/ }).first().waitFor({ timeout: 120_000 });
    expect(pageErrors).toEqual([]);
    expect(await page.title()).toMatch(/^Administration — /);
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
