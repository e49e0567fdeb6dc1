/**
 * `/startups/index-annuaire.json`: the compact directory index that the
 * directory's script filters in the browser (see src/lib/directory/directory-index.ts).
 */
import type { APIRoute } from 'astro';
import { loadDirectoryIndex } from '../../data/directory.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await loadDirectoryIndex()), { headers: { 'content-type': 'application/json; charset=utf-8' } });
