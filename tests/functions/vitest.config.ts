/**
 * The `functions` project (`tests/functions`, `tests/scripts`): three projects
 * under one name, so that `npx vitest run --project functions` runs them all.
 * - `functions (shared)`: files two at a time, with the browser and build files
 *   (`sequence.groupOrder: 1`), after the unit and component files and before
 *   the files below (vitest.config.ts). Each file
 *   has its own database, SMTP server and ports, and builds nothing; the files
 *   of a worker share its process (`isolate: false`: one worker start and one
 *   import of the dependencies, 59 s for the project against 73 s with a process
 *   per file), each with fresh module state and its environment variables its
 *   own (`fresh-state-per-file.ts`); most of them wait on sockets and child
 *   processes, so two at once fill the machine's two cores.
 * - `functions (timed)`: the faults measured against the production time
 *   limits (`form-faults/`: the French 503 within 5 s behind the database's 2 s
 *   statement time-out, the SMTP greeting time-out, a connection gone dead),
 *   all at once in a phase of their own (`sequence.groupOrder: 2`) with nothing
 *   else running: they wait on those time-outs, one at a time they took 30 s on
 *   a quiet machine, and beside the CPU-bound second phase their timings would
 *   measure the machine's load.
 * - `functions (load)`: 30 submissions at once from 3 processes
 *   (`concurrent-submissions`), alone, last (vitest runs a project of one
 *   worker after all the others): beside another file, on a loaded machine,
 *   they ran past the production time-outs.
 * All need the run's PostgreSQL server and site build.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { DATABASE, FRESH_STATE_PER_FILE, PARALLEL_PHASE, SITE_BUILD, SITE_BUILD_READY, TIME_LIMITS } from '../helpers/vitest-settings.ts';

const FAULTS = 'tests/functions/form-faults/*.test.ts';
/** One worker per fault file: all of them at once. */
const FAULT_FILES = readdirSync(new URL('form-faults', import.meta.url)).filter((file) => file.endsWith('.test.ts')).length;
const LOAD = 'tests/functions/concurrent-submissions.test.ts';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    name: 'functions',
    ...TIME_LIMITS,
    globalSetup: [DATABASE, SITE_BUILD],
    setupFiles: [SITE_BUILD_READY],
    projects: [
      {
        test: {
          name: 'shared',
          include: ['tests/functions/**/*.test.ts', 'tests/scripts/**/*.test.ts'],
          exclude: ['tests/scripts/summary-reporter.test.ts', FAULTS, LOAD],
          isolate: false,
          setupFiles: [SITE_BUILD_READY, FRESH_STATE_PER_FILE],
          ...PARALLEL_PHASE,
        },
      },
      { test: { name: 'timed', include: [FAULTS], maxWorkers: FAULT_FILES, sequence: { groupOrder: 2 } } },
      { test: { name: 'load', include: [LOAD], fileParallelism: false } },
    ],
  },
});
