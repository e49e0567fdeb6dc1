/**
 * A test file's own database on the run's PostgreSQL server (see
 * `postgres-global-setup.ts`): migrated, and emptied before each test.
 */
import pg from 'pg';
import { afterAll, beforeEach } from 'vitest';
import { createDatabase } from './postgres-server.ts';

/**
 * Create the database and a pool on it, closed after the file's tests; call at
 * the top level of a test file (`const database = await openEmptyDatabase();`).
 * @param max connections of the pool
 */
export async function openEmptyDatabase(max = 8): Promise<pg.Pool> {
  const database = new pg.Pool({ connectionString: await createDatabase(process.env['PBC_TEST_POSTGRES_URL']!), max });
  afterAll(() => database.end());
  beforeEach(async () => {
    await database.query('TRUNCATE submissions, outbox, spam, rate_counters, reference_counters RESTART IDENTITY CASCADE');
  });
  return database;
}
