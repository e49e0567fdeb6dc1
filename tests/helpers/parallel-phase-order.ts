/**
 * The order in which the second phase's browser and build files start
 * (`ParallelPhaseSequencer`), so that two files seldom want the Astro lock
 * (`build-lock.ts`) at the same time: a file waiting on it leaves its worker,
 * one core of two, idle. With vitest's own order (longest first, from the last
 * run's times, so different every run) one run lost 46 s of a worker that way
 * (logged: `directory-and-search` waited 26.3 s behind `dev-server`, the build
 * files 16 s behind one another), and runs of the same code varied by ±20 s.
 *
 * Who takes the lock, and when (logged in whole runs):
 * - `dev-server` all its life (30–48 s): `astro dev` rewrites `.astro/`;
 * - `build-site` about 24 s of its 33–40 s, from its start; `sample-content`
 *   and `html-output` about 4.5 s each, at their start; `seo`, `open-data` and
 *   `forms` a moment at their start (the fixture site's marker);
 * - `directory-and-search` 11 s at its start (the fixture site's build);
 * - `admin-cms` 10 s and `editorial-workflow` 7 s, at their end (their builds).
 *
 * So `dev-server` starts the phase, beside the longest file that takes no lock
 * (`reflow-and-layout`: 70–97 s with the full browser, 49–55 s with Chromium's
 * headless shell), and the build files follow it on the same worker; after them
 * no file holds the lock for more than 11 s. (An order that put `dev-server`
 * later lost 26.8 s: `forms` started with it and waited for it to end.) A
 * simulation of two workers with the logged times (the full browser's), each
 * varied by −30 % to +40 % (3 000 draws), put a worker's idle time at 3.5 s
 * (median; 8.6 s at the 90th percentile, 17 s at most), against 36 s for random
 * orders.
 * With the shell, `reflow-and-layout` ends first, and the next file on its
 * worker may wait for `build-site`'s lock (12 s in one run); putting
 * `editor-invitation`, which takes none, next made no difference in the run
 * after (276.5 s against 270.6 s) and was not kept.
 * Paths are from `tests/`; files not listed start after these, in vitest's order.
 */
export const PARALLEL_PHASE_ORDER: readonly string[] = [
  'e2e/dev-server.test.ts',
  'e2e/reflow-and-layout.test.ts',
  'build/build-site.test.ts',
  'build/sample-content.test.ts',
  'build/html-output.test.ts',
  'build/seo.test.ts',
  'build/open-data.test.ts',
  'build/function-bundles.test.ts',
  'e2e/forms.test.ts',
  'e2e/editor-invitation.test.ts',
  'e2e/directory-and-search.test.ts',
  'e2e/accessibility-and-privacy.test.ts',
  'e2e/admin-cms.test.ts',
  'e2e/security-headers.test.ts',
  'e2e/editorial-workflow.test.ts',
  'e2e/french-search.test.ts',
];

/**
 * Where a test file starts in its phase: its index in `PARALLEL_PHASE_ORDER`,
 * or the list's length for a file not in it (after every listed file).
 * @param pathFromTests the file's path from the `tests/` folder, with `/`
 */
export function phaseRank(pathFromTests: string): number {
  const index = PARALLEL_PHASE_ORDER.indexOf(pathFromTests);
  return index === -1 ? PARALLEL_PHASE_ORDER.length : index;
}
