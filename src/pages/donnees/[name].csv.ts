/** `/donnees/<name>.csv`: the open-data files in CSV (`src/data/open-data-route.ts`). */
import { openDataRoute } from '../../data/open-data-route.ts';
import { toCsv } from '../../lib/open-data/serialize-dataset.ts';

export const { getStaticPaths, GET } = openDataRoute(toCsv, 'text/csv; charset=utf-8');
