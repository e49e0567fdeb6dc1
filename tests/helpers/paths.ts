/** Paths shared by the tests. */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** Absolute path of the repository. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Scratch folder for test builds and copies of content (git-ignored). */
export const TEST_TMP = join(PROJECT_ROOT, 'tmp', 'tests');

/** Where the global setup builds the site from the real `content/`. */
export const REAL_SITE_DIST = join(TEST_TMP, 'dist-real');
