/**
 * One Astro process at a time in the project folder, across the test files
 * that run side by side (the e2e project runs two at once): `astro build` and
 * `astro dev` write `.astro/content-assets.mjs` and `.astro/content-modules.mjs`
 * under the project root whatever the content folder or `cacheDir` (Astro's
 * `dotAstroDir` is not a setting), and read them back while building or
 * serving, so two at once could swap each other's image lists.
 *
 * The lock is a PostgreSQL session-level advisory lock on the run's server
 * (`PBC_TEST_POSTGRES_URL`, see `postgres-global-setup.ts`): waiting is the
 * server's queue, and the lock goes with its connection, so a worker that dies
 * holding it frees it. Projects without that server run their files one at a
 * time: there is no one to wait for, and the lock is then a no-op.
 */
import pg from 'pg';

/** The advisory lock's key (any number; only these tests use advisory locks on the test server). */
const ASTRO_LOCK_KEY = 4_321;

/**
 * Time allowed to a test or hook that runs Astro (milliseconds): its own build
 * or dev server, after waiting its turn behind the other file's (each takes
 * minutes on a busy machine).
 */
export const ASTRO_TURN_TIMEOUT_MS = 600_000;

/** Frees the lock; call once. */
export type ReleaseLock = () => Promise<void>;

/**
 * Wait until no other test process of the run holds the Astro lock, then hold it.
 * @returns the function that frees it (close it in `finally` or `afterAll`)
 */
export async function acquireAstroLock(): Promise<ReleaseLock> {
  const url = process.env['PBC_TEST_POSTGRES_URL'];
  if (url === undefined) return async () => undefined;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [ASTRO_LOCK_KEY]);
  } catch (error) {
    await client.end();
    throw error;
  }
  return () => client.end();
}

/** Run `task` holding the Astro lock (see `acquireAstroLock`). */
export async function withAstroLock<T>(task: () => Promise<T>): Promise<T> {
  const release = await acquireAstroLock();
  try {
    return await task();
  } finally {
    await release();
  }
}
