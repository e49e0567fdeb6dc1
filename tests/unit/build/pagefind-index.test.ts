/**
 * The search index's two halves without a site build: the integration that
 * sends the rendered pages from Astro's process (src/integrations/pagefind-index.ts)
 * and the indexer of `npm run build`'s process (scripts/lib/pagefind-indexer.ts),
 * with a real Pagefind. The whole path, through a real build, is searched in
 * tests/e2e/french-search.test.ts.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { pagefindIndex } from '../../../src/integrations/pagefind-index.ts';
import { searchIndexMessage, type SearchIndexMessage } from '../../../src/lib/search/search-index-messages.ts';
import { PagefindIndexer } from '../../../scripts/lib/pagefind-indexer.ts';
import { StartupProfile } from '../../../src/components/StartupProfile.tsx';
import { BuyerProfile } from '../../../src/components/BuyerProfile.tsx';
import { buyerFields, orderFields, startupFields } from '../../../src/lib/content-model/collections.ts';
import { buildCollectionSchemas } from '../../../src/lib/content-model/schemas.ts';
import { readPreviewEntry } from '../../../src/lib/cms/read-preview-entry.ts';
import { OrderList } from '../../../src/components/OrderList.tsx';
import { SettingsBlock } from '../../../src/components/SettingsBlock.tsx';
import { readSiteSettings } from '../../../src/lib/content-model/read-settings.ts';
import { context, validBuyer, validOrder, validStartup } from '../content-model/fixtures.ts';

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

type Render = (request: Request, options: { routeData: { component: string } }) => Promise<Response>;
type Hook = (options: unknown) => Promise<void> | void;
interface PathWithRoute {
  pathname: string;
  route: { component: string };
}

/** A page of the listing route, rendered while the index is written. */
const LISTING_ROUTE = 'src/pages/startups/[...listing].astro';
const PROFILE_ROUTE = 'src/pages/startups/[slug].astro';

/**
 * The integration's hooks, with the wrapped prerenderer answering `pages` (path → response) and listing `paths`;
 * `render(path, route)` renders a path as Astro does, with its route.
 */
function integrationFor(
  pages: Record<string, Response | Promise<Response>>,
  paths: PathWithRoute[] = [],
): { render: (path: string, route?: string) => Promise<Response>; getStaticPaths: () => Promise<PathWithRoute[]>; start: () => Promise<void>; done: () => Promise<void> } {
  const { hooks } = pagefindIndex({ renderedWhileIndexWrites: [LISTING_ROUTE] });
  let wrapped: { render: Render; getStaticPaths: () => Promise<PathWithRoute[]> } | undefined;
  const prerenderer = {
    name: 'static',
    getStaticPaths: async () => paths,
    render: async (request: Request) => (await pages[new URL(request.url).pathname]!).clone(),
  };
  return {
    render: (path, route = PROFILE_ROUTE) => wrapped!.render(new Request(`http://localhost${path}`), { routeData: { component: route } }),
    getStaticPaths: () => wrapped!.getStaticPaths(),
    start: async () => {
      await (hooks['astro:config:done'] as Hook)({ config: { outDir: pathToFileURL(`${folder}/dist/`) } });
      await (hooks['astro:build:start'] as Hook)({
        setPrerenderer: (wrap: (base: typeof prerenderer) => typeof wrapped) => (wrapped = wrap(prerenderer)),
      });
    },
    done: async () => void (await (hooks['astro:build:done'] as Hook)({ logger: { info: () => undefined } })),
  };
}

const html = (body: string) => new Response(body, { headers: { 'content-type': 'text/html; charset=utf-8' } });

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
      '/startups/b/': html(profile('Bêta')),
      '/startups/': html(listing),
      '/startups/a/': html(profile('Alpha')),
      '/donnees/startups.csv': new Response('nom\nAlpha\n', { headers: { 'content-type': 'text/csv' } }),
    });
    await integration.start();
    const rendered = await integration.render('/startups/b/');
    for (const path of ['/startups/', '/startups/a/', '/donnees/startups.csv']) await integration.render(path);
    await integration.done();

    expect(await rendered.text()).toBe(profile('Bêta'));
    expect(sent).toEqual([
      { kind: 'search-index:page', pathname: '/startups/b/', html: expect.stringMatching(/^<!DOCTYPE html><html lang="fr"><body><main id="contenu" data-pagefind-body/) },
      { kind: 'search-index:page', pathname: '/startups/a/', html: expect.not.stringContaining('<header>') },
      { kind: 'search-index:write', outputPath: join(folder, 'dist', 'pagefind') },
    ]);
  });

  it('puts the routes rendered while the index is written last, in Astro’s order', async () => {
    recordMessages();
    const paths = [
      { pathname: '/startups/', route: { component: LISTING_ROUTE } },
      { pathname: '/startups/a/', route: { component: PROFILE_ROUTE } },
      { pathname: '/startups/page/2/', route: { component: LISTING_ROUTE } },
      { pathname: '/acheteurs/x/', route: { component: 'src/pages/acheteurs/[slug].astro' } },
    ];
    const integration = integrationFor({}, paths);
    await integration.start();
    expect((await integration.getStaticPaths()).map(({ pathname }) => pathname)).toEqual(['/startups/a/', '/acheteurs/x/', '/startups/', '/startups/page/2/']);
  });

  it('asks for the index when the first page of those routes is asked for, behind every page asked for before it', async () => {
    const sent = recordMessages();
    let endProfileRender!: (response: Response) => void;
    const integration = integrationFor({
      '/startups/a/': new Promise<Response>((resolve) => (endProfileRender = resolve)),
      '/startups/': html(listing),
      '/startups/page/2/': html(listing),
    });
    await integration.start();
    // Pages render at a time (build.concurrency): the listing pages are asked for while the profile still renders.
    const renders = [integration.render('/startups/a/'), integration.render('/startups/', LISTING_ROUTE), integration.render('/startups/page/2/', LISTING_ROUTE)];
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sent).toEqual([]);
    endProfileRender(html(profile('Alpha')));
    await Promise.all(renders);
    await integration.done();
    expect(sent.map((message) => (message.kind === 'search-index:page' ? message.pathname : message.kind))).toEqual(['/startups/a/', 'search-index:write']);
  });

  it('fails a page whose render fails while an earlier page is still being sent, without an unhandled rejection', async () => {
    const sent = recordMessages();
    let endFirstRender!: (response: Response) => void;
    const integration = integrationFor({
      '/startups/a/': new Promise<Response>((resolve) => (endFirstRender = resolve)),
      '/startups/b/': Promise.reject(new Error('rendu impossible')),
    });
    await integration.start();
    const first = integration.render('/startups/a/');
    const second = integration.render('/startups/b/');
    // Long enough for Node to report a rejection that nothing observes (vitest fails the run on one).
    await new Promise((resolve) => setTimeout(resolve, 20));
    endFirstRender(html(profile('Alpha')));
    await expect(second).rejects.toThrow('rendu impossible');
    await first;
    expect(sent.map((message) => message.kind === 'search-index:page' && message.pathname)).toEqual(['/startups/a/']);
  });

  it('fails the build on a page of those routes that is marked for search, naming it and its route', async () => {
    recordMessages();
    const integration = integrationFor({ '/startups/': html(profile('Liste')) });
    await integration.start();
    await expect(integration.render('/startups/', LISTING_ROUTE)).rejects.toThrow(
      `la page /startups/ (${LISTING_ROUTE}) porte data-pagefind-body, mais sa route est rendue pendant l’écriture de l’index`,
    );
  });

  it('sends pages in the order Astro asked for them when their renders end in another order (build.concurrency)', async () => {
    const sent = recordMessages();
    let endFirstRender!: (response: Response) => void;
    const integration = integrationFor({
      '/startups/a/': new Promise<Response>((resolve) => (endFirstRender = resolve)),
      '/startups/b/': html(profile('Bêta')),
    });
    await integration.start();
    const first = integration.render('/startups/a/');
    const second = integration.render('/startups/b/');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sent).toEqual([]);
    endFirstRender(html(profile('Alpha')));
    await Promise.all([first, second]);
    expect(sent.map((message) => message.kind === 'search-index:page' && message.pathname)).toEqual(['/startups/a/', '/startups/b/']);
  });

  it('fails the build when the channel is closed', async () => {
    replaceSend((_message, _handle, _options, callback) => {
      callback(new Error('channel closed'));
      return false;
    });
    const integration = integrationFor({ '/a/': html(profile('Alpha')) });
    await integration.start();
    await expect(integration.render('/a/')).rejects.toThrow('Index de recherche : channel closed');
  });
});

describe('PagefindIndexer (npm run build’s process)', () => {
  it('writes a French index of the pages received, elisions separated, once asked', async () => {
    const indexer = new PagefindIndexer();
    const outputPath = join(folder, 'index-ok');
    indexer.add({ kind: 'search-index:page', pathname: '/startups/alpha/', html: profile('Alpha') });
    indexer.add({ kind: 'search-index:page', pathname: '/startups/b%C3%AAta/', html: profile('Bêta') });
    indexer.requestWrite({ kind: 'search-index:write', outputPath });

    expect(await indexer.written()).toBe('2 pages indexées pour la recherche (celles marquées data-pagefind-body).');
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
    await expect(indexer.written()).rejects.toThrow('le build n’a pas demandé l’écriture de l’index de recherche');
  });

  it('fails when a page comes after the request to write, naming it', async () => {
    const indexer = new PagefindIndexer();
    indexer.add({ kind: 'search-index:page', pathname: '/a/', html: profile('Alpha') });
    indexer.requestWrite({ kind: 'search-index:write', outputPath: join(folder, 'index-late') });
    indexer.add({ kind: 'search-index:page', pathname: '/b/', html: profile('Bêta') });
    await expect(indexer.written()).rejects.toThrow('la page /b/ est arrivée après la demande d’écriture de l’index');
  });

  it('indexes what a profile says about its startup or buyer, not the interface text around it', async () => {
    const schemas = buildCollectionSchemas(context);
    const entry = <Data>(schema: Parameters<typeof readPreviewEntry<Data>>[0], fields: Parameters<typeof readPreviewEntry>[1], data: Record<string, unknown>, slug: string) => {
      const read = readPreviewEntry(schema, fields, data, slug);
      if (!read.ok) throw new Error(JSON.stringify(read.problems));
      return read.data;
    };
    const startup = entry(schemas.startups, startupFields, { ...validStartup(), website: 'https://acme.example' }, 'acme-robotique');
    const sample = entry(schemas.startups, startupFields, { ...validStartup(), name: 'Exemple Fictif', sample: true }, 'exemple-fictif');
    const order = entry(schemas.orders, orderFields, { ...validOrder(), title: 'Pince souple pour la cantine' }, 'pince');
    const buyer = entry(schemas.buyers, buyerFields, validBuyer(), 'ville-de-mulhouse');
    const names = new Map([
      ['ville-de-mulhouse', 'Ville de Mulhouse'],
      ['acme-robotique', 'Acme Robotique'],
    ]);
    const page = (component: ReturnType<typeof createElement>) =>
      `<!doctype html><html lang="fr"><body><main data-pagefind-body>${renderToStaticMarkup(component)}</main></body></html>`;
    const body = createElement('h2', null, 'Notre atelier');
    const indexer = new PagefindIndexer();
    const outputPath = join(folder, 'index-interface');
    indexer.add({
      kind: 'search-index:page',
      pathname: '/startups/acme-robotique/',
      html: page(createElement(StartupProfile, { startup, ordersReceived: [order], buyerNames: names, orderRequestHref: '#' }, body)),
    });
    indexer.add({ kind: 'search-index:page', pathname: '/startups/exemple-fictif/', html: page(createElement(StartupProfile, { startup: sample, ordersReceived: [], buyerNames: new Map(), orderRequestHref: '#' })) });
    indexer.add({ kind: 'search-index:page', pathname: '/acheteurs/ville-de-mulhouse/', html: page(createElement(BuyerProfile, { buyer, ordersPlaced: [], startupNames: new Map() })) });
    // Not profiles: the results page's order lines and the legal pages' fact labels are their content.
    indexer.add({ kind: 'search-index:page', pathname: '/resultats/', html: page(createElement(OrderList, { orders: [order], names, counterpart: 'both', empty: '' })) });
    const settings = { ...readSiteSettings('content'), legal_host: 'Netlify, Inc.' };
    indexer.add({ kind: 'search-index:page', pathname: '/mentions-legales/', html: page(createElement(SettingsBlock, { block: 'legal-notice', settings })) });
    indexer.requestWrite({ kind: 'search-index:write', outputPath });
    await indexer.written();

    const fragments = await Promise.all((await readdir(join(outputPath, 'fragment'))).map((name) => readFragment(join(outputPath, 'fragment', name))));
    // Spaces compared as one kind: French spacing's no-break spaces, the hair space after an elision.
    const content = Object.fromEntries(fragments.map((fragment) => [fragment.url, fragment.content.replace(/\s+/gu, ' ')]));
    expect(content['/startups/acme-robotique/']).toBe(
      'Acme Robotique Des robots pour les ateliers. Mulhouse (68100). 15 mars 2024. Industrie du futur. Robotique. 732829320. acme.example. Notre atelier. Prototype de pince. Prototype. Pince souple pour la cantine. Acheteur : Ville de Mulhouse.',
    );
    expect(content['/startups/exemple-fictif/']).toBe('Exemple Fictif Des robots pour les ateliers. Mulhouse (68100). 15 mars 2024. Industrie du futur. Robotique. 732829320. Prototype de pince. Prototype.');
    expect(content['/resultats/']).toBe('Pince souple pour la cantine. Acheteur : Ville de Mulhouse · Startup : Acme Robotique. 12 000 € HT · Prototype · commandé le 15 mars 2025 · Bon de commande signé.');
    expect(content['/mentions-legales/']).toContain('Hébergeur Netlify, Inc. Contact de l’ équipe du programme contact@premiers-bons-de-commande.fr.');
    expect(content['/acheteurs/ville-de-mulhouse/']).toBe(
      'Ville de Mulhouse. Acteur public. Engagement moral. Non connue : la source ne la précise pas. Article de presse du 3 octobre 2018. Pas encore désigné : l’ équipe du programme transmet les demandes. 0.',
    );
  });
});
