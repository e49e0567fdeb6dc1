/**
 * The connection to the submissions database: Netlify Database (managed
 * Postgres) on a deployed site, the embedded local database of `npm run dev`,
 * or a throwaway PostgreSQL server in the tests and benchmarks. Everything in
 * `store/` talks to it through `Queryable`, the part of a `pg.Pool` it uses.
 */
import pg from 'pg';

/** What the store modules need of a database: one parameterised statement per call. */
export interface Queryable {
  query<Row extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<{ rows: Row[] }>;
}

/**
 * Time limits, milliseconds. A visitor gets the French 503 within 5 s whatever
 * the database does (issue 10): at most `connectMs` to get a connection, then
 * at most `queryMs` for the one statement that stores a submission. The limits
 * leave room for Netlify Database's wake-up after an idle period (its compute
 * scales to zero; the first query of the day is slower, well under a second).
 */
export const DATABASE_TIMEOUTS = { connectMs: 2_500, queryMs: 2_000 } as const;

/**
 * A connection pool with time limits (those above by default). Create one per process (at
 * module scope in a function): each connection is reused across invocations.
 * @param connectionString `postgres://…` (Netlify gives it in `NETLIFY_DB_URL`)
 * @param maxConnections connections kept at most (a function instance handles
 * one request at a time; the scheduled functions and the CLI need one or two)
 * @param timeouts time limits, ms (default `DATABASE_TIMEOUTS`, a visitor's;
 * the team's command line waits longer)
 */
export function createDatabasePool(
  connectionString: string,
  maxConnections = 3,
  timeouts: { readonly connectMs: number; readonly queryMs: number } = DATABASE_TIMEOUTS,
): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max: maxConnections,
    connectionTimeoutMillis: timeouts.connectMs,
    // Client side: a server that stops answering mid-query (network cut, frozen host).
    query_timeout: timeouts.queryMs,
    // Server side: the statement is cancelled, so a slow query holds no lock after the visitor's 503.
    statement_timeout: timeouts.queryMs,
    idleTimeoutMillis: 30_000,
    allowExitOnIdle: true,
  });
  // An idle connection dropped by the server (scale to zero, restart) must not crash the process;
  // the next query opens a new one.
  pool.on('error', () => undefined);
  return pool;
}
