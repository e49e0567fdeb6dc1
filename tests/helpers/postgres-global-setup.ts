/**
 * Starts the PostgreSQL server of the test run (`postgres-server.ts`) with the
 * migrated template database; its address reaches the test workers (and the
 * processes they start) in `PBC_TEST_POSTGRES_URL`. Started with the run's
 * other services (`run-services.ts`); several vitest projects list this set-up
 * and share the one server, stopped when the run ends.
 */
import type { TestProject } from 'vitest/node';
import { setUpService } from './run-services.ts';

export default function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  return setUpService('postgres-global-setup.ts', project);
}
