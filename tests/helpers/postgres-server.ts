/**
 * A throwaway PostgreSQL server (Debian's `postgresql` package, installed by
 * `.ci/run`) for the tests and benchmarks: production runs on Netlify Database,
 * which is Postgres, so timing, locking (`FOR UPDATE SKIP LOCKED`), time-outs and
 * concurrency are measured against the real engine, not an emulator.
 *
 * The server listens on 127.0.0.1 at a free port, keeps its files in a temporary
 * folder and trusts local connections. Postgres refuses to run as root: as root,
 * it runs as the `postgres` system user that the package creates.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { applyProjectMigrations } from '../../scripts/lib/local-database.ts';
import { freePort } from './free-port.ts';

/** A running server. */
export interface PostgresServer {
  /** Connection string of its `postgres` database (superuser `postgres`). */
  readonly adminUrl: string;
  readonly port: number;
  stop(): Promise<void>;
}

/** Folder of the newest installed PostgreSQL binaries (`/usr/lib/postgresql/<major>/bin`). */
function binariesDirectory(): string {
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root) ? readdirSync(root).filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a)) : [];
  const found = majors.map((major) => join(root, major, 'bin')).find((bin) => existsSync(join(bin, 'postgres')));
  if (!found) throw new Error('PostgreSQL is not installed: apt-get install -y postgresql (.ci/run does it).');
  return found;
}

/** Run as the `postgres` user when we are root. */
function asServerUser(command: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

async function waitUntilReady(adminUrl: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`postgres exited with code ${server.exitCode}`);
    const client = new pg.Client({ connectionString: adminUrl });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/**
 * Start a server. Durability settings are off (`fsync`, synchronous commit):
 * the data is thrown away, and the figures then measure the work of the
 * queries, not this machine's disk.
 */
export async function startPostgresServer(): Promise<PostgresServer> {
  const bin = binariesDirectory();
  const directory = await mkdtemp(join(tmpdir(), 'pbc-postgres-'));
  if (process.getuid?.() === 0) {
    const { uid, gid } = postgresUser();
    await chown(directory, uid, gid);
  }
  const dataDirectory = join(directory, 'data');
  const [initCommand, initArgs] = asServerUser(join(bin, 'initdb'), ['-D', dataDirectory, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const init = spawnSync(initCommand, initArgs, { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  const port = await freePort();
  const [command, args] = asServerUser(join(bin, 'postgres'), [
    '-D', dataDirectory, '-p', String(port), '-k', directory, '-c', 'listen_addresses=127.0.0.1',
    '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200',
  ]);
  const server = spawn(command, args, { stdio: 'ignore' });
  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  await waitUntilReady(adminUrl, server);
  return {
    adminUrl,
    port,
    async stop() {
      if (server.exitCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve));
        // Fast shutdown (SIGINT) goes to the postmaster itself: as root, `server` is the
        // `runuser` wrapper, which does not pass SIGINT on (the stop would wait for ever).
        process.kill(await postmasterPid(dataDirectory), 'SIGINT');
        await exited;
      }
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** PID of the running postmaster: the first line of `postmaster.pid` in its data folder. */
async function postmasterPid(dataDirectory: string): Promise<number> {
  return Number((await readFile(join(dataDirectory, 'postmaster.pid'), 'utf8')).split('\n')[0]);
}

function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** Name of the template database that holds the migrated schema. */
const TEMPLATE = 'pbc_migrated';

/**
 * Create the template database and apply the project's migrations to it, once
 * per server; `createDatabase` copies it.
 */
export async function prepareTemplate(adminUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${TEMPLATE}`);
  } finally {
    await admin.end();
  }
  await applyProjectMigrations(withDatabase(adminUrl, TEMPLATE));
}

/** The same server's connection string for another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * A new, migrated and empty database on the server (a copy of the template).
 * @returns its connection string
 */
export async function createDatabase(adminUrl: string): Promise<string> {
  const name = `pbc_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE}`);
  } finally {
    await admin.end();
  }
  return withDatabase(adminUrl, name);
}
