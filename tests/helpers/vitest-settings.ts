/**
 * Settings shared by the root vitest configuration (`vitest.config.ts`) and the
 * functions project's own (`tests/functions/vitest.config.ts`), which does not
 * inherit the root's.
 */

/**
 * Set-ups started before the tests of a project run, once per `npm test` whatever the number of projects using them;
 * the run's first set-up starts all that the run's projects list, at once (`run-services.ts`). Paths from the project root.
 */
export const DATABASE = 'tests/helpers/postgres-global-setup.ts';
export const SITE_BUILD = 'tests/helpers/global-setup.ts';

/** Setup file of every project listing `SITE_BUILD`: its test files start once the build has ended (`real-site-build.ts`). */
export const SITE_BUILD_READY = 'tests/helpers/wait-for-real-site.ts';

/** Setup file of every project whose files share their worker (`isolate: false`): each file starts with fresh module state and environment. */
export const FRESH_STATE_PER_FILE = 'tests/helpers/fresh-state-per-file.ts';

/** Time limits of a test and of a hook, ms: builds, browsers and servers take minutes on a busy machine. */
export const TIME_LIMITS = { testTimeout: 180_000, hookTimeout: 180_000 } as const;

/**
 * The phase in which e2e, build and `functions (shared)` files run two at a time:
 * vitest runs projects of one `groupOrder` together and refuses them unless they
 * have the same worker count, so the three projects take both settings from here. Two, not three:
 * the two cores are then 97–99 % busy, and three at a time took longer.
 */
export const PARALLEL_PHASE = { maxWorkers: 2, sequence: { groupOrder: 1 } } as const;
