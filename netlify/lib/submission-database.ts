/**
 * The submissions database of the running function: Netlify Database on a
 * deployed site (the connection string of the deploy's own branch, given by
 * the platform in `NETLIFY_DB_URL`), the embedded database that `npm run dev`
 * starts locally, or the test server. One pool per process, as Netlify
 * advises (a client per request would exhaust the connections).
 */
import { getConnectionString } from '@netlify/database';
import type pg from 'pg';
import { createDatabasePool, type Queryable } from '../../src/lib/forms/store/database.ts';

let current: { readonly url: string; readonly pool: pg.Pool } | undefined;

function poolFor(url: string): pg.Pool {
  if (current?.url !== url) {
    void current?.pool.end().catch(() => undefined);
    current = { url, pool: createDatabasePool(url) };
  }
  return current.pool;
}

/**
 * The database, connected at the first query. A missing connection string
 * (`MissingDatabaseConnectionError`: the site has no database) rejects that
 * query like any database failure, so the visitor gets the 503.
 */
export const submissionDatabase: Queryable = {
  query: (text, values) => poolFor(getConnectionString()).query(text, values),
};
