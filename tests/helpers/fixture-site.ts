/**
 * The site built from `tests/fixtures/content-with-orders`, once per test run:
 * the first test file that asks builds it, later files of the same run reuse it
 * (a marker file says the build finished).
 */
import { access, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildSite } from './astro-build.ts';
import { PROJECT_ROOT, TEST_TMP } from './paths.ts';

/** The fixture with a published startup, a draft startup, a buyer and two orders. */
export const ORDERS_FIXTURE = join(PROJECT_ROOT, 'tests', 'fixtures', 'content-with-orders');

const DIST = join(TEST_TMP, `dist-orders-fixture-${process.env['PBC_TEST_RUN'] ?? 'single'}`);
const MARKER = join(DIST, '.build-complete');

/**
 * Build the fixture site unless this run already did.
 * @returns the output folder
 * @throws Error with the build log when the build fails
 */
export async function buildOrdersFixtureOnce(): Promise<string> {
  const built = await access(MARKER).then(
    () => true,
    () => false,
  );
  if (built) return DIST;
  const result = await buildSite({ contentDir: ORDERS_FIXTURE, outDir: DIST });
  if (result.exitCode !== 0) throw new Error(`astro build of the fixture failed:\n${result.output}`);
  await writeFile(MARKER, '');
  return DIST;
}
