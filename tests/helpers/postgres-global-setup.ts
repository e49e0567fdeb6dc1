/**
 * Starts the PostgreSQL server of the test run (`postgres-server.ts`) with the
 * migrated template database; its address reaches the test workers (and the
 * processes they start) in `PBC_TEST_POSTGRES_URL`. Stopped when the run ends.
 */
import { prepareTemplate, startPostgresServer } from './postgres-server.ts';

export default async function setup(): Promise<() => Promise<void>> {
  const postgres = await startPostgresServer();
  await prepareTemplate(postgres.adminUrl);
  process.env['PBC_TEST_POSTGRES_URL'] = postgres.adminUrl;
  return () => postgres.stop();
}
