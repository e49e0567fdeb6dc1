/**
 * Setup file of the projects whose test files share their worker process
 * (`isolate: false`: no new process and no new import of the dependencies in
 * `node_modules` for each file, 25 CPU-s less for the functions project). Each
 * file still starts as in a process of its own:
 * - the project's own modules (`src/`, `netlify/`, `tests/`) are evaluated
 *   again for it (`vi.resetModules`; dependencies stay loaded): module state
 *   such as the production form runtime, cached per warm function instance
 *   (`netlify/lib/form-runtime.ts`), is not the previous file's;
 * - the variables of `process.env` it sets or removes for the code under test
 *   are put back as they were when it started, after its last hook.
 * (Setup files run again before each file; their `afterAll` runs after the
 * file's own.)
 */
import { afterAll, vi } from 'vitest';

vi.resetModules();

const atFileStart = { ...process.env };

afterAll(() => {
  for (const name of Object.keys(process.env)) if (!Object.hasOwn(atFileStart, name)) delete process.env[name];
  Object.assign(process.env, atFileStart);
});
