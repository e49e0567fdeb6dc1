/**
 * Setup file of the projects that list the site build (`SITE_BUILD`): before
 * each test file is imported, wait for the run's build of the real `content/`
 * (`real-site-build.ts`), which the unit and component phase overlaps.
 */
import { REAL_SITE_DIST } from './paths.ts';
import { waitForRealSite } from './real-site-build.ts';

await waitForRealSite(REAL_SITE_DIST);
