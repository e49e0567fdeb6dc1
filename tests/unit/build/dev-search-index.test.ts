/**
 * `/pagefind/…` under `npm run dev` (src/integrations/dev-search-index.ts):
 * before any build, the search page's import of `pagefind.js` gets a module
 * that fails when imported (200, so the browser logs no 404 in its console; the
 * page catches the failure and says search needs a build), and once a build
 * has made the index its files are served as they are.
 */
import { createServer, type Server } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MISSING_INDEX_MODULE, serveDevSearchIndex } from '../../../src/integrations/dev-search-index.ts';
import { listenOnLoopback } from '../../helpers/listen-on-loopback.ts';

let root: string;
let server: Server;
let origin: string;
const index = () => join(root, 'dist', 'pagefind');

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'dev-search-index-'));
  const handle = serveDevSearchIndex(index());
  server = createServer((incoming, outgoing) =>
    handle(incoming, outgoing, () => {
      outgoing.writeHead(418, { 'content-type': 'text/plain' });
      outgoing.end('next');
    }),
  );
  origin = `http://127.0.0.1:${await listenOnLoopback(server)}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(root, { recursive: true, force: true });
});

describe('serveDevSearchIndex', () => {
  it('before any build: pagefind.js is a 200 JavaScript module, never cached, whose import fails; other addresses go on', async () => {
    const response = await fetch(`${origin}/pagefind/pagefind.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await response.text();
    expect(body).toBe(MISSING_INDEX_MODULE);
    await expect(import(`data:text/javascript,${encodeURIComponent(body)}`)).rejects.toThrow('No search index yet: npm run dev serves the one of the last npm run build');
    expect((await fetch(`${origin}/pagefind/pagefind-entry.json`)).status).toBe(418);
    expect((await fetch(`${origin}/recherche/`)).status).toBe(418);
  });

  it('after a build: the index files as built; a file the index lacks is a plain 404', async () => {
    await mkdir(index(), { recursive: true });
    await writeFile(join(index(), 'pagefind.js'), 'export const built = true;\n');
    await writeFile(join(index(), 'pagefind-entry.json'), '{"version":"1.6.0"}');
    const module = await fetch(`${origin}/pagefind/pagefind.js`);
    expect(module.status).toBe(200);
    expect(await module.text()).toBe('export const built = true;\n');
    expect(await (await fetch(`${origin}/pagefind/pagefind-entry.json`)).json()).toEqual({ version: '1.6.0' });
    const missing = await fetch(`${origin}/pagefind/fragment/absent.pf_fragment`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('Not in the last build’s search index.');
  });
});
