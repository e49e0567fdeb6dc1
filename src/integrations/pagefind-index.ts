/**
 * Astro integration: indexes the built site with Pagefind's Node API when
 * `astro build` is done, so every build (deploys and tests alike) ships its
 * search index in `/pagefind/`. Only pages whose main element carries
 * `data-pagefind-body` are indexed (see BaseLayout.astro); the language is
 * French (`<html lang="fr">`, stemming and excerpts). Pages without the
 * attribute (the thousands of directory listing pages, which repeat the
 * profiles) are not handed to Pagefind at all: it would parse them only to drop
 * them, which cost 12 % of a build at 1 000 startups and more at 10 000
 * (issue 13). Each page is handed to
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

/** Marks the main element of a page to index (BaseLayout.astro); Pagefind drops the pages without it. */
const INDEXED_PAGE_MARK = 'data-pagefind-body';

/**
 * Add every HTML page of the built site that carries {@link INDEXED_PAGE_MARK},
 * by its path (Pagefind derives the URL from it).
 * @returns the number of pages read and of pages added
 */
async function addPages(index: PagefindIndex, siteDir: string): Promise<{ read: number; added: number }> {
  const pages = (await readdir(siteDir, { recursive: true })).filter((file) => file.endsWith('.html'));
  let added = 0;
  for (const sourcePath of pages) {
    const html = await readFile(join(siteDir, sourcePath), 'utf8');
    if (!html.includes(INDEXED_PAGE_MARK)) continue;
    const result = await index.addHTMLFile({ sourcePath, content: separateElisionsInHtml(html) });
    check('indexation', result.errors);
    added += 1;
  }
  return { read: pages.length, added };
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
          logger.info(`${pages.added} pages indexées pour la recherche sur ${pages.read} (celles marquées ${INDEXED_PAGE_MARK}).`);
        } finally {
          await close();
        }
      },
    },
  };
}
