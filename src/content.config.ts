/**
 * Astro content collections, derived from the content model (`src/lib/content-model`).
 * The ceiling and the controlled lists come from `content/settings/site.yml`, read
 * once here, so that schemas and CMS agree with the settings editors maintain.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { relative } from 'node:path';
import { entryIdFromFile } from './lib/content-model/entry-slug.ts';
import { listEntryFiles } from './lib/content-model/list-entry-files.ts';
import { buildCollectionSchemas } from './lib/content-model/schemas.ts';
import type { FolderCollection } from './lib/content-model/collections.ts';
import { contentRoot, modelContext, settings } from './data/settings.ts';
import { withFrenchYamlErrors } from './data/french-yaml-errors.ts';
import { withQuietEmptyFolder } from './data/quiet-empty-folder.ts';
import { withMarkdownInWorker } from './data/markdown-in-worker.ts';
import { sitePlaceholders } from './lib/markdown/site-markdown.ts';

const schemas = buildCollectionSchemas(modelContext);

/**
 * The glob loader of one folder collection: `*.md` files whose names give the
 * URL slugs (`entry-slug.ts`). A file name that is not a slug, or two files
 * that give the same URL slug, fail the build naming the files; a front matter that is not
 * valid YAML fails the build in French; a folder without entries is no warning;
 * while the collection loads, front matter and Markdown are read in a worker
 * thread (`markdown-in-worker.ts`).
 */
function folderLoader(name: FolderCollection['name']) {
  const base = `${contentRoot}/${name}`;
  const folder = `${relative(process.cwd(), contentRoot)}/${name}`;
  return withMarkdownInWorker(
    withFrenchYamlErrors(
      withQuietEmptyFolder(
        glob({
          base,
          pattern: '*.md',
          generateId: ({ entry }) => entryIdFromFile(entry, folder, () => listEntryFiles(base)),
        }),
      ),
    ),
    sitePlaceholders(settings),
  );
}

export const collections = {
  startups: defineCollection({ loader: folderLoader('startups'), schema: schemas.startups }),
  buyers: defineCollection({ loader: folderLoader('buyers'), schema: schemas.buyers }),
  orders: defineCollection({ loader: folderLoader('orders'), schema: schemas.orders }),
  news: defineCollection({ loader: folderLoader('news'), schema: schemas.news }),
  pages: defineCollection({ loader: folderLoader('pages'), schema: schemas.pages }),
};
