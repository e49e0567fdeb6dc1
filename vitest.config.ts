import { fileURLToPath } from 'node:url';
import { getViteConfig } from 'astro/config';
import { defineConfig } from 'vitest/config';
import { ParallelPhaseSequencer } from './tests/helpers/parallel-phase-sequencer.ts';
import { DATABASE, PARALLEL_PHASE, SITE_BUILD, SITE_BUILD_READY, TIME_LIMITS } from './tests/helpers/vitest-settings.ts';

/**
 * Node keeps the compiled code of the modules it loads in this folder
 * (https://nodejs.org/api/module.html#module-compile-cache), for the many Node
 * processes the tests start and that inherit it (`astro build`, `npm run
 * submissions`, submitters, bundled functions): a third of a short command's
 * CPU time, a tenth of a build's. It changes no result: a module whose source
 * changed is compiled again.
 */
process.env['NODE_COMPILE_CACHE'] ??= fileURLToPath(new URL('./tmp/node-compile-cache', import.meta.url));

/** Tests of `.astro` components, rendered with Astro's container API. */
const COMPONENT_TESTS = 'tests/components/**/*.test.ts';

/**
 * One run for every test, in projects that can each run alone
 * (`npx vitest run --project unit`): a project starts only the set-ups its
 * tests need, so the unit tests run without a site build or a database.
 * Phases run one after the other (checked in the run's output): unit and
 * components; then e2e, build and `functions (shared)`, two files at a time
 * (`sequence.groupOrder: 1`; a group's projects share one worker count),
 * which keeps both cores busy (three at a time took longer), the Astro
 * processes of browser and build files (`astro build`, `astro dev`, which share
 * the `.astro/` folder of the project) taking turns under a lock
 * (tests/helpers/build-lock.ts, hence the build project's database), and
 * function files have their own database, SMTP server and ports; then, with
 * nothing else running, the fault files that measure against the production
 * time limits, side by side; last, alone, the 30 concurrent submissions
 * (tests/functions/vitest.config.ts). The functions project has a
 * configuration of its own (three projects under one name).
 * Unit and component test files share their worker's module cache
 * (`isolate: false`; a quarter of the unit project's CPU time, three fifths of
 * the components': most of it went to importing the same modules once per
 * file): they keep no state between files (the one test that sets `TZ`
 * restores it, the one that mocks modules mocks Decap's, imported by no other;
 * each component test makes its own container).
 * Component tests are a project of their own: Astro's Vite plugins compile
 * `.astro` files there (Astro's `container-with-vitest` example), from an
 * inline configuration without `astro.config.mjs`, whose integrations would make
 * the CMS bundle and mount the dev server's functions and CMS backend inside
 * the test process; without the dev toolbar, which
 * would annotate every element with its source file.
 */
export default defineConfig({
  test: {
    fileParallelism: false,
    // The browser and build files in an order that keeps two of them from waiting on each other's Astro lock (tests/helpers/parallel-phase-order.ts).
    sequence: { sequencer: ParallelPhaseSequencer },
    ...TIME_LIMITS,
    reporters: ['default', './tests/helpers/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', fileParallelism: true, isolate: false, include: ['tests/unit/**/*.test.ts', 'tests/scripts/summary-reporter.test.ts'] },
      },
      getViteConfig({ test: { name: 'components', isolate: false, include: [COMPONENT_TESTS] } }, { configFile: false, logLevel: 'error', devToolbar: { enabled: false } }),
      // In the second phase; the database holds the Astro lock.
      { extends: true, test: { name: 'build', include: ['tests/build/**/*.test.ts'], globalSetup: [DATABASE, SITE_BUILD], setupFiles: [SITE_BUILD_READY], fileParallelism: true, ...PARALLEL_PHASE } },
      // `functions (shared)`, `functions (timed)` and `functions (load)`, all run by `--project functions`.
      'tests/functions/vitest.config.ts',
      // A browser test polls what a page shows: scripts, fetches and renders take seconds on a busy machine (vitest's default gives up after 1 s).
      // Two browser files at a time, their Astro processes taking turns (tests/helpers/build-lock.ts).
      // In the second phase, with `functions (shared)`.
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: [DATABASE, SITE_BUILD],
          setupFiles: [SITE_BUILD_READY],
          expect: { poll: { timeout: 15_000 } },
          fileParallelism: true,
          ...PARALLEL_PHASE,
        },
      },
    ],
  },
});
