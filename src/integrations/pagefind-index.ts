/**
 * Astro integration: indexes the built site with Pagefind's Node API when
 * `astro build` is done, so every build (deploys and tests alike) ships its
 * search index in `/pagefind/`. Only pages whose main element carries
 * `data-pagefind-body` are indexed (see BaseLayout.astro); the language is
 * French (`<html lang="fr">`, stemming and excerpts). Each page is handed to
 * Pagefind with its French elisions separated (`src/lib/search/french-elisions.ts`),
 * so that « l’annuaire » is indexed as « l’ » and « annuaire ».
 * https://pagefind.app/docs/node-api/
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { readdir, readFile } from 'node:fs/promises';
import { close, createIndex, type PagefindIndex } from 'pagefind';
import { separateElisionsInHtml } from '../lib/search/french-elisions.ts';

/** Add every HTML page of the built site, by its path (Pagefind derives the URL from it). */
async function addPages(index: PagefindIndex, siteDir: string): Promise<number> {
  const pages = (await readdir(siteDir, { recursive: true })).filter((file) => file.endsWith('.html'));
  for (const sourcePath of pages) {
    const added = await index.addHTMLFile({ sourcePath, content: separateElisionsInHtml(await readFile(join(siteDir, sourcePath), 'utf8')) });
    check('indexation', added.errors);
  }
  return pages.length;
}

/** Fail the build with Pagefind's own messages when it reports any. */
function check(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind (${step}) : ${errors.join(' ; ')}`);
}

/** The integration; add it last in `integrations` so it sees the final HTML. */
export function pagefindIndex(): AstroIntegration {
  return {
    name: 'pagefind-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const siteDir = fileURLToPath(dir);
        const { index, errors } = await createIndex({ forceLanguage: 'fr' });
        check('création', errors);
        if (!index) throw new Error('Pagefind : aucun index créé.');
        try {
          const pages = await addPages(index, siteDir);
          const written = await index.writeFiles({ outputPath: join(siteDir, 'pagefind') });
          check('écriture', written.errors);
          logger.info(`${pages} pages lues pour l’index de recherche (celles marquées data-pagefind-body sont indexées).`);
        } finally {
          await close();
        }
      },
    },
  };
}
