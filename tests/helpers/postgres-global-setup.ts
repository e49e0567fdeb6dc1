/**
 * Starts the PostgreSQL server of the test run (`postgres-server.ts`) with the
 * migrated template database; its address reaches the test workers (and the
 * processes they start) in `PBC_TEST_POSTGRES_URL`. Stopped when the run ends.
 * Several vitest projects list this set-up: the first one to start it wins,
 * the others find this process's server already running and share it.
 */
import { prepareTemplate, startPostgresServer } from './postgres-server.ts';

/** Marks the server as started by this vitest process (a child vitest run starts its own). */
const OWNER = 'PBC_TEST_POSTGRES_OWNER';

export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env[OWNER] === String(process.pid)) return undefined;
  const postgres = await startPostgresServer();
  await prepareTemplate(postgres.adminUrl);
  process.env['PBC_TEST_POSTGRES_URL'] = postgres.adminUrl;
  process.env[OWNER] = String(process.pid);
  return () => postgres.stop();
}
