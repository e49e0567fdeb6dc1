/**
 * The search index's two halves without a site build: the integration that
 * sends the rendered pages from Astro's process (src/integrations/pagefind-index.ts)
 * and the indexer of `npm run build`'s process (scripts/lib/pagefind-indexer.ts),
 * with a real Pagefind. The whole path, through a real build, is searched in
 * tests/e2e/french-search.test.ts.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { pagefindIndex } from '../../../src/integrations/pagefind-index.ts';
import { searchIndexMessage, type SearchIndexMessage } from '../../../src/lib/search/search-index-messages.ts';
import { PagefindIndexer } from '../../../scripts/lib/pagefind-indexer.ts';

const folder = await mkdtemp(join(tmpdir(), 'pagefind-index-'));
afterAll(() => rm(folder, { recursive: true, force: true }));

const profile = (name: string) =>
  `<!doctype html><html lang="fr"><head><title>${name}</title></head><body><header>Menu</header><main id="contenu" data-pagefind-body data-pagefind-meta="type:Startup"><h1>${name}</h1><p>L’usinage d’une pièce.</p></main></body></html>`;
const listing = '<!doctype html><html lang="fr"><body><main id="contenu"><h1>Startups</h1></main></body></html>';

/** A page's fragment of the written index: gzip, then Pagefind's signature, then JSON. */
async function readFragment(path: string): Promise<{ url: string; content: string }> {
  const text = gunzipSync(await readFile(path)).toString('utf8');
  return JSON.parse(text.slice(text.indexOf('{'))) as { url: string; content: string };
}

type Render = (request: Request, options: unknown) => Promise<Response>;
type Hook = (options: unknown) => Promise<void> | void;

/** The integration's hooks, with the wrapped prerenderer answering `pages` (path → response). */
function integrationFor(pages: Record<string, Response | Promise<Response>>): { render: Render; start: () => Promise<void>; done: () => Promise<void> } {
  const { hooks } = pagefindIndex();
  let render: Render | undefined;
  const prerenderer = { name: 'static', render: async (request: Request) => (await pages[new URL(request.url).pathname]!).clone() };
  return {
    render: (request, options) => render!(request, options),
    start: async () =>
      void (await (hooks['astro:build:start'] as Hook)({
        setPrerenderer: (wrap: (base: typeof prerenderer) => { render: Render }) => (render = wrap(prerenderer).render),
      })),
    done: async () => void (await (hooks['astro:build:done'] as Hook)({ dir: pathToFileURL(`${folder}/dist/`), logger: { info: () => undefined } })),
  };
}

type Send = (message: unknown, handle: unknown, options: unknown, callback: (error: Error | null) => void) => boolean;

/** Replace the IPC channel's `process.send` (undefined: a process started without one), until the test ends. */
function replaceSend(send: Send | undefined): void {
  Object.assign(process, { send });
}

const originalSend = process.send;
afterEach(() => void Object.assign(process, { send: originalSend }));

/** Records what the integration sends over the IPC channel, answering each send at once. */
function recordMessages(): SearchIndexMessage[] {
  const sent: SearchIndexMessage[] = [];
  replaceSend((message, _handle, _options, callback) => {
    sent.push(searchIndexMessage.parse(message));
    callback(null);
    return true;
  });
  return sent;
}

describe('pagefindIndex (Astro’s process)', () => {
  it('fails at the start of a build without npm run build’s channel, naming the command', async () => {
    replaceSend(undefined);
    await expect(integrationFor({}).start()).rejects.toThrow('lancez le build avec npm run build, pas astro build');
  });

  it('sends each marked page reduced to its main element, in rendering order, leaves the page unchanged, then asks for the index', async () => {
    const sent = recordMessages();
    const integration = integrationFor({
      '/startups/b/': new Response(profile('Bêta'), { headers: { 'content-type': 'text/html; charset=utf-8' } }),
      '/startups/': new Response(listing, { headers: { 'content-type': 'text/html' } }),
      '/startups/a/': new Response(profile('Alpha'), { headers: { 'content-type': 'text/html' } }),
      '/donnees/startups.csv': new Response('nom\nAlpha\n', { headers: { 'content-type': 'text/csv' } }),
    });
    await integration.start();
    const rendered = await integration.render(new Request('http://localhost/startups/b/'), {});
    for (const path of ['/startups/', '/startups/a/', '/donnees/startups.csv']) await integration.render(new Request(`http://localhost${path}`), {});
    await integration.done();

    expect(await rendered.text()).toBe(profile('Bêta'));
    expect(sent).toEqual([
      { kind: 'search-index:page', pathname: '/startups/b/', html: expect.stringMatching(/^<!DOCTYPE html><html lang="fr"><body><main id="contenu" data-pagefind-body/) },
      { kind: 'search-index:page', pathname: '/startups/a/', html: expect.not.stringContaining('<header>') },
      { kind: 'search-index:write', outputPath: join(folder, 'dist', 'pagefind'), pagesRendered: 3 },
    ]);
  });

  it('sends pages in the order Astro asked for them when their renders end in another order (build.concurrency)', async () => {
    const sent = recordMessages();
    let endFirstRender!: (response: Response) => void;
    const integration = integrationFor({
      '/startups/a/': new Promise<Response>((resolve) => (endFirstRender = resolve)),
      '/startups/b/': new Response(profile('Bêta'), { headers: { 'content-type': 'text/html' } }),
    });
    await integration.start();
    const first = integration.render(new Request('http://localhost/startups/a/'), {});
    const second = integration.render(new Request('http://localhost/startups/b/'), {});
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sent).toEqual([]);
    endFirstRender(new Response(profile('Alpha'), { headers: { 'content-type': 'text/html' } }));
    await Promise.all([first, second]);
    expect(sent.map((message) => message.kind === 'search-index:page' && message.pathname)).toEqual(['/startups/a/', '/startups/b/']);
  });

  it('fails the build when the channel is closed', async () => {
    replaceSend((_message, _handle, _options, callback) => {
      callback(new Error('channel closed'));
      return false;
    });
    const integration = integrationFor({ '/a/': new Response(profile('Alpha'), { headers: { 'content-type': 'text/html' } }) });
    await integration.start();
    await expect(integration.render(new Request('http://localhost/a/'), {})).rejects.toThrow('Index de recherche : channel closed');
  });
});

describe('PagefindIndexer (npm run build’s process)', () => {
  it('writes a French index of the pages received, elisions separated, once asked', async () => {
    const indexer = new PagefindIndexer();
    const outputPath = join(folder, 'index-ok');
    indexer.add({ kind: 'search-index:page', pathname: '/startups/alpha/', html: profile('Alpha') });
    indexer.add({ kind: 'search-index:page', pathname: '/startups/b%C3%AAta/', html: profile('Bêta') });
    indexer.requestWrite({ kind: 'search-index:write', outputPath, pagesRendered: 5 });

    expect(await indexer.write()).toBe('2 pages indexées pour la recherche sur 5 (celles marquées data-pagefind-body).');
    const entry = JSON.parse(await readFile(join(outputPath, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(Object.keys(entry.languages)).toEqual(['fr']);
    expect(entry.languages['fr']!.page_count).toBe(2);
    const fragments = await Promise.all((await readdir(join(outputPath, 'fragment'))).map((name) => readFragment(join(outputPath, 'fragment', name))));
    expect(fragments.map((fragment) => fragment.url).sort()).toEqual(['/startups/alpha/', '/startups/b%C3%AAta/']);
    // The elided article stands apart from the noun (a hair space, which Pagefind's excerpt shows as white space).
    expect(fragments.map((fragment) => fragment.content).sort()).toEqual([
      expect.stringMatching(/^Alpha\. L’\s+usinage d’\s+une pièce\.$/u),
      expect.stringMatching(/^Bêta\. L’\s+usinage d’\s+une pièce\.$/u),
    ]);
  });

  it('refuses to write when the build never asked for the index, and writes nothing', async () => {
    const indexer = new PagefindIndexer();
    indexer.add({ kind: 'search-index:page', pathname: '/a/', html: profile('Alpha') });
    await expect(indexer.write()).rejects.toThrow('le build n’a pas demandé l’écriture de l’index de recherche');
  });
});
