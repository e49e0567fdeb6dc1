/**
 * The `functions` project (`tests/functions`, `tests/scripts`): two projects
 * under one name, so that `npx vitest run --project functions` runs them both.
 * - `functions (shared)`: files two at a time, with the browser files
 *   (`sequence.groupOrder: 1`), after the unit and component files and before
 *   the one-file-at-a-time projects (vitest.config.ts). Each file
 *   has its own database, SMTP server and ports, runs in its own process (its
 *   environment variables are its own) and builds nothing; most of them wait
 *   on sockets and child processes, so two at once fill the machine's two
 *   cores (113 s of files one after another on a quiet machine).
 * - `functions (timed)`: the files that measure against the production time
 *   limits (the French 503 within 5 s behind the database's 2 s statement
 *   time-out, the SMTP greeting time-out, 30 submissions at once from 3
 *   processes), one at a time with nothing else running: beside another file,
 *   on a loaded machine, the 30 submissions ran past the production time-outs.
 * Both need the run's PostgreSQL server and site build.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { DATABASE, PARALLEL_PHASE, SITE_BUILD, TIME_LIMITS } from '../helpers/vitest-settings.ts';

const TIMED = ['tests/functions/form-faults.test.ts', 'tests/functions/concurrent-submissions.test.ts'];

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    name: 'functions',
    ...TIME_LIMITS,
    globalSetup: [DATABASE, SITE_BUILD],
    projects: [
      {
        test: {
          name: 'shared',
          include: ['tests/functions/**/*.test.ts', 'tests/scripts/**/*.test.ts'],
          exclude: ['tests/scripts/summary-reporter.test.ts', ...TIMED],
          ...PARALLEL_PHASE,
        },
      },
      { test: { name: 'timed', include: TIMED, fileParallelism: false } },
    ],
  },
});
