/**
 * The database of the benchmarks: a throwaway PostgreSQL server (the tests'
 * `tests/helpers/postgres-server.ts`: Debian's package, durability off, on
 * 127.0.0.1) with one migrated, empty database, and a count of the statements
 * the process sends to it. Production runs on Netlify Database, which is
 * Postgres; the emulator of `npm run dev` stalls on writes and would measure
 * itself (issue 10).
 */
import pg from 'pg';
import { createDatabase, prepareTemplate, startPostgresServer } from '../../tests/helpers/postgres-server.ts';

/** A running benchmark database. */
export interface BenchDatabase {
  /** Connection string of the migrated database, for `NETLIFY_DB_URL`. */
  readonly url: string;
  /** A client on it, for the benchmark's own counts (one statement at a time). */
  readonly client: pg.Client;
  /** Which engine the figures come from, e.g. `PostgreSQL 15.14, fsync off, synchronous_commit off, TCP on 127.0.0.1`. */
  readonly engine: string;
  stop(): Promise<void>;
}

/** Start the server, create the database, read the engine's version and settings. */
export async function startBenchDatabase(): Promise<BenchDatabase> {
  const server = await startPostgresServer();
  try {
    await prepareTemplate(server.adminUrl);
    const url = await createDatabase(server.adminUrl);
    // A client, not a pool: `end()` waits for its connection to close, so stopping the server next cannot reach it.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ version: string; fsync: string; commit: string }>(
      `SELECT current_setting('server_version') AS version, current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS commit`,
    );
    const settings = rows[0]!;
    return {
      url,
      client,
      engine: `PostgreSQL ${settings.version.split(' ')[0]}, fsync ${settings.fsync}, synchronous_commit ${settings.commit}, TCP on 127.0.0.1`,
      async stop() {
        await client.end();
        await server.stop();
      },
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/**
 * Count the statements every `pg` client of this process sends from now on
 * (each `query` call is one round trip to the server; the functions load the
 * same `pg` module, through Vite's loader too, since dependencies stay
 * external). Connecting is not counted: pooled connections are opened once.
 * @returns `count()` so far, and `stop()` to restore `pg`
 */
export function countDatabaseStatements(): { count(): number; stop(): void } {
  const prototype = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = prototype.query;
  let statements = 0;
  prototype.query = function countedQuery(this: unknown, ...args: unknown[]) {
    statements += 1;
    return original.apply(this, args);
  };
  return {
    count: () => statements,
    stop: () => {
      prototype.query = original;
    },
  };
}
