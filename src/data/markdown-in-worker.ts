/**
 * Build-time glue: a content loader whose Markdown files have their front
 * matter parsed and their bodies rendered in a worker thread
 * (`src/lib/markdown/shared-markdown-worker.ts`) while Astro's thread goes on
 * reading and validating the next files (issue 13: the content sync was
 * single-threaded, 15–18 s at 10 000 startups).
 *
 * As in `french-yaml-errors.ts`, the `.md` entry type that Astro's glob loader
 * receives in its context (`entryTypes`) is wrapped: its `getEntryInfo` and
 * its render function ask the worker during the loader's `load()`, and work in
 * Astro's thread after it or when the worker could not do the job. Only
 * builds and `astro sync` use the worker: under `astro dev` (a loader context
 * with a file watcher) the loader runs as Astro made it. The worker parses
 * front matter with Astro's own function and options, and builds the
 * processor that astro.config.mjs gives Astro (`siteMarkdownProcessor` of the
 * same placeholders) with the options Astro gives it, so data and HTML are
 * the same; a file whose front matter or body fails there is read again in
 * Astro's thread, which reports the error as Astro does (in French for YAML,
 * `french-yaml-errors.ts`).
 */
import type { AstroConfig, ContentEntryType } from 'astro';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { MarkdownWorkerData } from '../lib/markdown/markdown-worker-messages.ts';
import { leaseMarkdownWorker, type MarkdownWorkerLease } from '../lib/markdown/shared-markdown-worker.ts';
import type { SiteTextOptions } from '../lib/markdown/site-text-plugin.ts';

type ContextWithEntryTypes = LoaderContext & { entryTypes?: Map<string, ContentEntryType> };
type GetRenderFunction = NonNullable<ContentEntryType['getRenderFunction']>;
type RenderFunction = Awaited<ReturnType<GetRenderFunction>>;

/** The options Astro gives `markdown.processor.createRenderer` (astro/dist/vite-plugin-markdown/content-entry-type.js). */
function rendererOptions({ markdown, image }: AstroConfig): MarkdownWorkerData['rendererOptions'] {
  const options = { image, syntaxHighlight: markdown.syntaxHighlight, shikiConfig: markdown.shikiConfig, gfm: markdown.gfm, smartypants: markdown.smartypants };
  // The config's values as Astro passes them; their types differ from the renderer's only by optional properties that may be undefined.
  return options as MarkdownWorkerData['rendererOptions'];
}

/**
 * The entry type, asking the worker first.
 * @param makeRenderFunction the entry type's own `getRenderFunction` (Astro's, which renders in this thread)
 */
function inWorker(entryType: ContentEntryType, makeRenderFunction: GetRenderFunction, lease: MarkdownWorkerLease): ContentEntryType {
  return {
    ...entryType,
    async getEntryInfo(params) {
      return (await lease.run({ kind: 'entry-info', contents: params.contents })) ?? entryType.getEntryInfo(params);
    },
    async getRenderFunction(config) {
      // Astro's own render function, made only when a body is rendered in this thread.
      let inThisThread: Promise<RenderFunction> | undefined;
      const renderHere: RenderFunction = async (entry) => (await (inThisThread ??= makeRenderFunction(config)))(entry);
      return async (entry) => {
        const result = await lease.run({ kind: 'render', body: entry.body ?? '', frontmatter: entry.data, ...(entry.filePath ? { filePath: entry.filePath } : {}) });
        if (result === undefined) return renderHere(entry);
        // As Astro's render function shapes Sätteri's result.
        const { localImagePaths, remoteImagePaths } = result.metadata;
        return { html: result.code, metadata: { ...result.metadata, imagePaths: [...localImagePaths, ...remoteImagePaths] } };
      };
    },
  };
}

/**
 * The same loader, its Markdown files read and rendered in the shared worker while it loads
 * (builds; under `astro dev`, the loader unchanged).
 * @param loader a glob loader (`glob()` of `astro/loaders`) of `.md` files
 * @param placeholders the placeholders astro.config.mjs gives `siteMarkdownProcessor` (`sitePlaceholders`)
 */
export function withMarkdownInWorker(loader: Loader, placeholders: SiteTextOptions['placeholders']): Loader {
  return {
    ...loader,
    load: async (context: ContextWithEntryTypes) => {
      const { entryTypes } = context;
      const markdown = entryTypes?.get('.md');
      const makeRenderFunction = markdown?.getRenderFunction?.bind(markdown);
      // A watcher means `astro dev`: its store is small, and the worker's timing made the dev-server
      // test's stale-page race (src/data/site.ts) likelier. Dev keeps Astro's own thread.
      if (context.watcher !== undefined || entryTypes === undefined || markdown === undefined || makeRenderFunction === undefined) return loader.load(context);
      const lease = leaseMarkdownWorker({ placeholders, rendererOptions: rendererOptions(context.config) }, (reason) =>
        context.logger.warn(`Markdown rendu dans le fil d’Astro, le fil de travail ayant échoué : ${reason}`),
      );
      try {
        return await loader.load({ ...context, entryTypes: new Map([...entryTypes, ['.md', inWorker(markdown, makeRenderFunction, lease)]]) } as LoaderContext);
      } finally {
        lease.release();
      }
    },
  };
}
