/**
 * The services a test run shares (the PostgreSQL server, the site built from
 * `content/`), each started at most once per vitest process, and all at once:
 * vitest runs the global set-ups one after another, project after project, so
 * the first set-up of the run starts every service that a project of the run
 * lists, and each set-up then waits for its own. Started together, the database
 * comes up while `astro build` runs, instead of before it; the build's set-up
 * does not wait for the build, which the unit and component phase overlaps
 * (`real-site-build.ts`). (The projects of
 * the run are those `--project` selects, all of them without it: files named
 * without `--project` may start a service none of them needs.)
 *
 * The state lives on `globalThis`: vitest imports the set-up files once per
 * project, so module variables would not be shared; a child vitest run is
 * another process and starts its own.
 */
import { mkdir } from 'node:fs/promises';
import { basename } from 'node:path';
import type { TestProject } from 'vitest/node';
import { TEST_TMP, realSiteDistOf } from './paths.ts';
import { prepareTemplate, startPostgresServer } from './postgres-server.ts';
import { removeRealSite, startRealSiteBuild } from './real-site-build.ts';

/** A service of the run, named by its set-up file (the one a project lists in `globalSetup`). */
export type RunService = 'postgres-global-setup.ts' | 'global-setup.ts';

/** Start a service; resolves with what stops it, once it is ready (env variables for the test workers set). */
type Starter = () => Promise<() => Promise<void>>;

const STARTERS: Record<RunService, Starter> = {
  /** PostgreSQL with the migrated template database (`postgres-server.ts`); its address in `PBC_TEST_POSTGRES_URL`. */
  'postgres-global-setup.ts': async () => {
    const postgres = await startPostgresServer();
    await prepareTemplate(postgres.adminUrl);
    process.env['PBC_TEST_POSTGRES_URL'] = postgres.adminUrl;
    return () => postgres.stop();
  },
  /**
   * `astro build` of the real `content/` into a folder of this run's own
   * (`REAL_SITE_DIST` in the workers, which inherit the run id set here):
   * ready once started, the test files that read the site waiting for its end
   * (`real-site-build.ts`).
   */
  'global-setup.ts': async () => {
    const runId = String(process.pid);
    process.env['PBC_TEST_RUN'] = runId;
    const outDir = realSiteDistOf(runId);
    await mkdir(TEST_TMP, { recursive: true });
    const building = startRealSiteBuild(outDir);
    return async () => {
      await building;
      await removeRealSite(outDir);
    };
  },
};

interface RunState {
  /** Each started service: resolves with its stop function (rejections are also kept here, for `setUpService`). */
  readonly started: Map<RunService, Promise<() => Promise<void>>>;
}

const STATE_KEY = Symbol.for('pbc.test-run-services');

function runState(): RunState {
  const holder = globalThis as { [STATE_KEY]?: RunState };
  holder[STATE_KEY] ??= { started: new Map() };
  return holder[STATE_KEY];
}

function isRunService(name: string): name is RunService {
  return Object.hasOwn(STARTERS, name);
}

function start(service: RunService): void {
  const { started } = runState();
  if (started.has(service)) return;
  const starting = STARTERS[service]();
  // Awaited by the service's own set-up; a failure before then must not be an unhandled rejection.
  starting.catch(() => undefined);
  started.set(service, starting);
}

/** Stop every service started (those that failed to start have nothing to stop). */
async function stopAll(): Promise<void> {
  const { started } = runState();
  const stops = await Promise.allSettled(started.values());
  started.clear();
  await Promise.all(stops.map((stop) => (stop.status === 'fulfilled' ? stop.value() : undefined)));
}

/**
 * The body of a service's global set-up: on the run's first set-up, start
 * every service listed by a project of the run (`--project` selects them),
 * then wait until `service` is ready.
 * @returns for the run's first set-up, the teardown stopping every service
 *   started; otherwise nothing
 * @throws the service's start-up error, after stopping every service started
 */
export async function setUpService(service: RunService, project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const first = runState().started.size === 0;
  for (const each of project.vitest.projects) {
    for (const file of each.config.globalSetup) {
      const name = basename(file);
      if (isRunService(name)) start(name);
    }
  }
  start(service);
  try {
    await runState().started.get(service);
  } catch (error) {
    await stopAll();
    throw error;
  }
  return first ? stopAll : undefined;
}
