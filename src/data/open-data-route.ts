/**
 * The open-data files of one format, `/donnees/<name>.<extension>`, built once
 * per build from the assembled site (see `lib/open-data`). One page file per
 * format (`src/pages/donnees/[name].json.ts`, `[name].csv.ts`): a route whose
 * pattern ends with its extension answers without a trailing slash under
 * `astro dev` too (`trailingSlash: 'always'` otherwise asked for one there).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSite } from './site.ts';
import { settings } from './settings.ts';
import { buildDatasets, type Dataset } from '../lib/open-data/datasets.ts';

/**
 * `getStaticPaths` and `GET` of one format.
 * @param serialize the dataset as the file's text
 * @param contentType the file's `Content-Type`
 */
export function openDataRoute(serialize: (dataset: Dataset) => string, contentType: string): { getStaticPaths: GetStaticPaths; GET: APIRoute } {
  return {
    getStaticPaths: async () => {
      const { site } = await loadSite();
      return buildDatasets(site, settings.site_url).map((dataset) => ({ params: { name: dataset.name }, props: { body: serialize(dataset) } }));
    },
    GET: ({ props }) => new Response((props as { body: string }).body, { headers: { 'Content-Type': contentType } }),
  };
}
