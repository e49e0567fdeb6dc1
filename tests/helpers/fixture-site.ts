/**
 * The site built from `tests/fixtures/content-with-orders`, once per test run:
 * the first test file that asks builds it, later files of the same run reuse it
 * (a marker file says the build finished, and keeps its log). Files running
 * side by side (build and e2e files share a phase) check the marker while
 * holding the Astro lock (`build-lock.ts`): the one that waited finds the
 * other's build finished instead of starting a second one over it. It is built as a
 * deploy in Netlify's production context would be (`CONTEXT=production`: every
 * legal fact is set in this fixture), on a machine in Auckland
 * (`TZ=Pacific/Auckland`), so that every test reading it also reads dates
 * computed in Paris time whatever the machine's zone.
 */
import { access, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runAstroBuild } from './astro-build.ts';
import { withAstroLock } from './build-lock.ts';
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
export function buildOrdersFixtureOnce(): Promise<string> {
  return withAstroLock(async () => {
    const built = await access(MARKER).then(
      () => true,
      () => false,
    );
    if (built) return DIST;
    const result = await runAstroBuild({ contentDir: ORDERS_FIXTURE, outDir: DIST, timeZone: 'Pacific/Auckland', context: 'production' });
    if (result.exitCode !== 0) throw new Error(`astro build of the fixture failed:\n${result.output}`);
    await writeFile(MARKER, result.output);
    return DIST;
  });
}

/** The log of this run's fixture build (call `buildOrdersFixtureOnce` first). */
export function readOrdersFixtureBuildLog(): Promise<string> {
  return readFile(MARKER, 'utf8');
}
