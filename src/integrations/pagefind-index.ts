/**
 * Astro integration: indexes the built site with Pagefind's Node API when
 * `astro build` is done, so every build (deploys and tests alike) ships its
 * search index in `/pagefind/`. Only pages whose main element carries
 * `data-pagefind-body` are indexed (see BaseLayout.astro); the language is
 * French (`<html lang="fr">`, stemming and excerpts).
 * https://pagefind.app/docs/node-api/
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { close, createIndex } from 'pagefind';

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
          const added = await index.addDirectory({ path: siteDir });
          check('indexation', added.errors);
          const written = await index.writeFiles({ outputPath: join(siteDir, 'pagefind') });
          check('écriture', written.errors);
          logger.info(`${added.page_count} pages indexées pour la recherche.`);
        } finally {
          await close();
        }
      },
    },
  };
}
