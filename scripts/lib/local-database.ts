/**
 * The databases of local runs, tests and benchmarks (never production: Netlify
 * applies `netlify/database/migrations/` itself on each deploy, to the deploy's
 * own database branch).
 *
 * - `applyProjectMigrations` applies the project's migrations to any Postgres
 *   server with the migration runner of Netlify's own dev tooling
 *   (`@netlify/database-dev`), so local and test databases track migrations
 *   exactly as Netlify's `netlify database migrations apply` does.
 * - `startEmbeddedDatabase` starts that tooling's embedded Postgres (PGlite behind
 *   a Postgres wire server on 127.0.0.1), kept in `.netlify/db` like `netlify dev`
 *   keeps it: the default of `npm run dev` and `npm run submissions`, with nothing to install.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyMigrations, NetlifyDB, type SQLExecutor } from '@netlify/database-dev';
import pg from 'pg';

/** Absolute path of `netlify/database/migrations/`. */
export const MIGRATIONS_DIRECTORY = fileURLToPath(new URL('../../netlify/database/migrations/', import.meta.url));

/** Where the embedded database of local runs keeps its files, under the project root. */
export const LOCAL_DATABASE_DIRECTORY = join('.netlify', 'db');

/** `SQLExecutor` (the interface of Netlify's migration runner) over one `pg` client. */
function executorOf(client: pg.Client): SQLExecutor {
  const executor: SQLExecutor = {
    exec: (sql) => client.query(sql),
    query: async <T,>(sql: string, params?: unknown[]) => ({ rows: (await client.query(sql, params)).rows as T[] }),
    transaction: async (fn) => {
      await client.query('BEGIN');
      try {
        const result = await fn(executor);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    },
  };
  return executor;
}

/**
 * Apply the migrations not yet applied to the database at `connectionString`.
 * @returns the names of the migrations applied now
 * @throws the database's error when a migration fails (that migration is rolled back)
 */
export async function applyProjectMigrations(connectionString: string): Promise<string[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await applyMigrations(executorOf(client), MIGRATIONS_DIRECTORY);
  } finally {
    await client.end();
  }
}

/** A running embedded database. */
export interface EmbeddedDatabase {
  /** `postgres://…@127.0.0.1:<port>/…`, for `NETLIFY_DB_URL`. */
  readonly connectionString: string;
  stop(): Promise<void>;
}

/**
 * Start the embedded database kept in `directory` (created when missing) and
 * bring it to the latest migration.
 * @param directory absolute path, e.g. `<project>/.netlify/db`
 */
export async function startEmbeddedDatabase(directory: string): Promise<EmbeddedDatabase> {
  const database = new NetlifyDB({ directory, logger: () => undefined });
  const connectionString = await database.start();
  await database.applyMigrations(MIGRATIONS_DIRECTORY);
  return { connectionString, stop: () => database.stop() };
}
