/**
 * Build-time glue: a content loader whose Markdown files, when their front
 * matter is not valid YAML, fail the build with the French message of
 * `describe-yaml-error.ts` (file, line, field, what to do) instead of the YAML
 * library's English one.
 *
 * Astro's glob loader parses front matter through the entry types it receives
 * in its context (`entryTypes`, read by `astro/dist/content/loaders/glob.js`
 * but absent from the public `LoaderContext` type): the `.md` entry type is
 * wrapped there, so a file loaded at start and a file changed while `astro dev`
 * runs get the same message. Valid files cost nothing more: the French
 * diagnosis runs only when Astro's own parse has failed.
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { extractFrontmatter } from 'astro/markdown';
import { describeFrontMatterProblem } from '../lib/content-model/describe-yaml-error.ts';

/** The part of an Astro entry type this wrapper needs (`ContentEntryType`). */
interface EntryType {
  getEntryInfo(params: { fileUrl: URL; contents: string }): unknown;
}

type ContextWithEntryTypes = LoaderContext & { entryTypes?: Map<string, EntryType> };

function withFrenchMessage(entryType: EntryType): EntryType {
  return {
    ...entryType,
    async getEntryInfo(params) {
      try {
        return await entryType.getEntryInfo(params);
      } catch (error) {
        const frontMatter = extractFrontmatter(params.contents);
        const label = relative(process.cwd(), fileURLToPath(params.fileUrl));
        const message = frontMatter === undefined ? undefined : describeFrontMatterProblem(params.contents, frontMatter, label);
        throw message === undefined ? error : new Error(message);
      }
    },
  };
}

/**
 * The same loader, with French YAML errors for its `.md` files.
 * @param loader a glob loader (`glob()` of `astro/loaders`)
 */
export function withFrenchYamlErrors(loader: Loader): Loader {
  return {
    ...loader,
    load: (context: ContextWithEntryTypes) => {
      const { entryTypes } = context;
      const markdown = entryTypes?.get('.md');
      if (entryTypes === undefined || markdown === undefined) return loader.load(context);
      return loader.load({ ...context, entryTypes: new Map([...entryTypes, ['.md', withFrenchMessage(markdown)]]) } as LoaderContext);
    },
  };
}
