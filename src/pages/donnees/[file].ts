/**
 * Open-data files, built once per build from the assembled site:
 * `/donnees/<name>.json` and `/donnees/<name>.csv` (see `lib/open-data`).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSite } from '../../data/site.ts';
import { settings } from '../../data/settings.ts';
import { buildDatasets } from '../../lib/open-data/datasets.ts';
import { toCsv, toJson } from '../../lib/open-data/serialize-dataset.ts';

const FORMATS = {
  json: { serialize: toJson, type: 'application/json; charset=utf-8' },
  csv: { serialize: toCsv, type: 'text/csv; charset=utf-8' },
} as const;

export const getStaticPaths = (async () => {
  const { site } = await loadSite();
  return buildDatasets(site, settings.site_url).flatMap((dataset) =>
    Object.entries(FORMATS).map(([extension, format]) => ({
      params: { file: `${dataset.name}.${extension}` },
      props: { body: format.serialize(dataset), type: format.type },
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ body: string; type: string }> = ({ props }) =>
  new Response(props.body, { headers: { 'Content-Type': props.type } });
