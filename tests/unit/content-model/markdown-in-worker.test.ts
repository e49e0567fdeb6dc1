/**
 * The loader glue of `src/data/markdown-in-worker.ts`: while the loader's
 * `load()` runs, the `.md` entry type reads files and renders bodies in the
 * shared worker, shaped as Astro's own; after it (a file changed under
 * `astro dev`), or for a file the worker cannot take, Astro's entry type does
 * it in this thread.
 */
import type { AstroConfig, ContentEntryType } from 'astro';
import type { Loader, LoaderContext } from 'astro/loaders';
import { describe, expect, it } from 'vitest';
import { withMarkdownInWorker } from '../../../src/data/markdown-in-worker.ts';

type RenderFunction = NonNullable<Awaited<ReturnType<NonNullable<ContentEntryType['getRenderFunction']>>>>;
type Entry = Parameters<RenderFunction>[0];

const config = {
  markdown: { syntaxHighlight: false, gfm: true, smartypants: true },
  image: { domains: [], remotePatterns: [] },
} as unknown as AstroConfig;

/** Astro's entry type, reduced to functions that say they worked here (YAML errors included); counts the render functions made. */
function astroMarkdown(): ContentEntryType & { made: number } {
  const entryType = {
    extensions: ['.md'],
    made: 0,
    getEntryInfo: ({ contents }: { contents: string }) => {
      if (contents.includes('Appel à projets : ')) throw new Error('bad indentation of a mapping entry');
      return { data: { lu: 'ici' }, body: contents, slug: '', rawData: '' };
    },
    getRenderFunction: async () => {
      entryType.made += 1;
      return async (entry: Entry) => ({ html: `<p>rendu ici : ${entry.body}</p>` });
    },
  };
  return entryType;
}

const entry = (body: string, data: Record<string, unknown> = {}): Entry => ({ id: 'essai', data, body, filePath: '/site/content/news/essai.md' }) as Entry;

/** A loader that renders `bodies` through the entry type of its context, as the glob loader does, and keeps its render function. */
function loaderRendering(bodies: Entry[], outcome: { rendered?: unknown[]; render?: RenderFunction }): Loader {
  return {
    name: 'test-loader',
    load: async (context) => {
      const markdown = (context as LoaderContext & { entryTypes: Map<string, ContentEntryType> }).entryTypes.get('.md')!;
      outcome.render = await markdown.getRenderFunction!(context.config);
      outcome.rendered = await Promise.all(bodies.map((body) => outcome.render!(body)));
    },
  };
}

function contextWith(markdown: ContentEntryType | undefined): LoaderContext {
  return {
    config,
    logger: { warn: () => undefined },
    entryTypes: new Map(markdown ? [['.md', markdown]] : []),
  } as unknown as LoaderContext;
}

describe('Markdown rendered in a worker by the glob loader', () => {
  it('renders in the worker while the loader loads, as Astro shapes the result; in this thread after', async () => {
    const markdown = astroMarkdown();
    const outcome: { rendered?: unknown[]; render?: RenderFunction } = {};
    await withMarkdownInWorker(loaderRendering([entry('Plafond : {{plafond}}'), entry('![Logo](./logo.png)')], outcome), { plafond: '15\u202f000\u00a0€\u00a0HT' }).load(
      contextWith(markdown),
    );
    expect(outcome.rendered).toEqual([
      {
        html: '<p>Plafond\u00a0: 15\u202f000\u00a0€\u00a0HT</p>\n',
        metadata: { headings: [], localImagePaths: [], remoteImagePaths: [], frontmatter: {}, imagePaths: [] },
      },
      {
        html: '<p><img __ASTRO_IMAGE_="{&quot;alt&quot;:&quot;Logo&quot;,&quot;src&quot;:&quot;./logo.png&quot;,&quot;index&quot;:0}"></p>\n',
        metadata: { headings: [], localImagePaths: ['./logo.png'], remoteImagePaths: [], frontmatter: {}, imagePaths: ['./logo.png'] },
      },
    ]);
    expect(markdown.made).toBe(0);
    // A file changed under `astro dev`, once the load is over: Astro's render function, made once.
    expect(await outcome.render!(entry('Modifié'))).toEqual({ html: '<p>rendu ici : Modifié</p>' });
    expect(await outcome.render!(entry('Encore'))).toEqual({ html: '<p>rendu ici : Encore</p>' });
    expect(markdown.made).toBe(1);
  });

  it('a body the worker cannot take is rendered in this thread, the others in the worker', async () => {
    const outcome: { rendered?: unknown[] } = {};
    await withMarkdownInWorker(loaderRendering([entry('Un', { compute: () => 1 }), entry('Deux')], outcome), {}).load(contextWith(astroMarkdown()));
    expect(outcome.rendered).toEqual([
      { html: '<p>rendu ici : Un</p>' },
      { html: '<p>Deux</p>\n', metadata: { headings: [], localImagePaths: [], remoteImagePaths: [], frontmatter: {}, imagePaths: [] } },
    ]);
  });

  it('reads files in the worker while the loader loads; a front matter that is not YAML gets Astro’s error; in this thread after', async () => {
    const fileUrl = new URL('file:///site/content/news/essai.md');
    let getEntryInfo: ContentEntryType['getEntryInfo'] | undefined;
    const loader: Loader = {
      name: 'test-loader',
      load: async (context) => {
        getEntryInfo = (context as LoaderContext & { entryTypes: Map<string, ContentEntryType> }).entryTypes.get('.md')!.getEntryInfo;
        expect(await getEntryInfo({ contents: '---\ntitle: Essai\n---\n\nCorps\n', fileUrl })).toEqual({ data: { title: 'Essai' }, body: 'Corps', rawData: '\ntitle: Essai\n' });
        await expect(getEntryInfo({ contents: '---\ntitle: Appel à projets : 2025\n---\n', fileUrl })).rejects.toThrow('bad indentation of a mapping entry');
      },
    };
    await withMarkdownInWorker(loader, {}).load(contextWith(astroMarkdown()));
    expect(await getEntryInfo!({ contents: 'Modifié', fileUrl })).toEqual({ data: { lu: 'ici' }, body: 'Modifié', slug: '', rawData: '' });
  });

  it('under astro dev (a context with a file watcher) the context reaches the loader unchanged', async () => {
    const context = { ...contextWith(astroMarkdown()), watcher: { on: () => undefined } } as unknown as LoaderContext;
    let received: LoaderContext | undefined;
    await withMarkdownInWorker({ name: 'test-loader', load: async (given) => void (received = given) }, {}).load(context);
    expect(received).toBe(context);
  });

  it('a context without a Markdown entry type reaches the loader unchanged', async () => {
    const context = contextWith(undefined);
    let received: LoaderContext | undefined;
    await withMarkdownInWorker({ name: 'test-loader', load: async (given) => void (received = given) }, {}).load(context);
    expect(received).toBe(context);
  });
});
