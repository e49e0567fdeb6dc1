/** `/donnees/<name>.json`: the open-data files in JSON (`src/data/open-data-route.ts`). */
import { openDataRoute } from '../../data/open-data-route.ts';
import { toJson } from '../../lib/open-data/serialize-dataset.ts';

export const { getStaticPaths, GET } = openDataRoute(toJson, 'application/json; charset=utf-8');
