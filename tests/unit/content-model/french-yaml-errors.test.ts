/**
 * The loader glue of `src/data/french-yaml-errors.ts`: the `.md` entry type the
 * glob loader receives (at start and for each file changed under `astro dev`)
 * turns Astro's English YAML error into the French message; valid files and
 * other errors pass through untouched.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { describe, expect, it } from 'vitest';
import { withFrenchYamlErrors } from '../../../src/data/french-yaml-errors.ts';

interface EntryType {
  getEntryInfo(params: { fileUrl: URL; contents: string }): unknown;
}

/** A loader that reads one file through the entry type of its context, as the glob loader does. */
function loaderReading(contents: string, outcome: { value?: unknown }): Loader {
  return {
    name: 'test-loader',
    load: async (context) => {
      const markdown = (context as LoaderContext & { entryTypes: Map<string, EntryType> }).entryTypes.get('.md')!;
      outcome.value = await markdown.getEntryInfo({ contents, fileUrl: pathToFileURL(join(process.cwd(), 'content/news/appel.md')) });
    },
  };
}

/** Astro's entry type, reduced to its behaviour: English error on bad YAML, data otherwise. */
const astroMarkdown: EntryType = {
  getEntryInfo: ({ contents }) => {
    if (contents.includes('Appel à projets : ') || contents.includes('boom')) throw new Error('bad indentation of a mapping entry');
    return { data: { title: 'ok' } };
  },
};

async function load(contents: string): Promise<unknown> {
  const outcome: { value?: unknown } = {};
  const context = { entryTypes: new Map([['.md', astroMarkdown]]) } as unknown as LoaderContext;
  await withFrenchYamlErrors(loaderReading(contents, outcome)).load(context);
  return outcome.value;
}

describe('French YAML errors in the glob loader', () => {
  it('a valid file is read by Astro as before', async () => {
    expect(await load("---\ntitle: 'Appel'\n---\n")).toEqual({ data: { title: 'ok' } });
  });

  it('a front matter that is not YAML fails with the file, the line, the field and what to do', async () => {
    await expect(load('---\ntitle: Appel à projets : édition 2025\n---\nTexte\n')).rejects.toThrow(
      /^YAML illisible dans content\/news\/appel\.md, ligne 2, champ title : la valeur contient « : »/,
    );
  });

  it('an error the yaml package does not see is Astro’s own', async () => {
    await expect(load("---\ntitle: 'boom'\n---\n")).rejects.toThrow('bad indentation of a mapping entry');
  });
});
