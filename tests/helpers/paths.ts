/** Paths shared by the tests. */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** Absolute path of the repository. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Scratch folder for test builds and copies of content (git-ignored). */
export const TEST_TMP = join(PROJECT_ROOT, 'tmp', 'tests');

/**
 * Where the global setup builds the site from the real `content/`: one folder
 * per test run (the run's id is set by the global setup and inherited by the
 * test workers), so that two runs at once never rebuild each other's site.
 */
export const REAL_SITE_DIST = realSiteDistOf(process.env['PBC_TEST_RUN'] ?? 'single');

/** The real-site build folder of a test run. */
export function realSiteDistOf(runId: string): string {
  return join(TEST_TMP, `dist-real-${runId}`);
}
