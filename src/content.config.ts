/**
 * Astro content collections, derived from the content model (`src/lib/content-model`).
 * The ceiling and the controlled lists come from `content/settings/site.yml`, read
 * once here, so that schemas and CMS agree with the settings editors maintain.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { slugFromFileName } from './lib/content-model/entry-slug.ts';
import { buildCollectionSchemas } from './lib/content-model/schemas.ts';
import type { FolderCollection } from './lib/content-model/collections.ts';
import { modelContext } from './data/settings.ts';

const schemas = buildCollectionSchemas(modelContext);

function folderCollection<Name extends FolderCollection['name']>(name: Name) {
  const folder = `content/${name}`;
  return defineCollection({
    loader: glob({
      base: `./${folder}`,
      pattern: '*.md',
      // File names are the slugs; a bad one fails the build naming the file.
      generateId: ({ entry }) => slugFromFileName(entry, folder),
    }),
    schema: schemas[name],
  });
}

export const collections = {
  startups: folderCollection('startups'),
  buyers: folderCollection('buyers'),
  orders: folderCollection('orders'),
  news: folderCollection('news'),
  pages: folderCollection('pages'),
};
