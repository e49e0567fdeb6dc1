/**
 * The benchmarks' database (`scripts/lib/bench-database.ts`): a throwaway
 * PostgreSQL server with a migrated database, the engine named for the output,
 * the statements of the process counted, and a server that stops (as root it
 * runs under `runuser`, which does not pass SIGINT on: `stop()` used to wait for ever).
 */
import { createConnection } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countDatabaseStatements, startBenchDatabase, type BenchDatabase } from '../../scripts/lib/bench-database.ts';

/** True when a TCP connection to 127.0.0.1:`port` is accepted. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('startBenchDatabase', () => {
  let database: BenchDatabase;
  let port: number;
  let stopping: Promise<void> | undefined;

  beforeAll(async () => {
    database = await startBenchDatabase();
    port = Number(new URL(database.url).port);
  });
  afterAll(async () => {
    await (stopping ?? database.stop());
  });

  it('gives an empty, migrated database and names the engine with its durability settings', async () => {
    const { rows } = await database.client.query<{ count: string }>('SELECT count(*) FROM submissions');
    expect(rows[0]!.count).toBe('0');
    expect(database.engine).toMatch(/^PostgreSQL \d+\.\d+, fsync off, synchronous_commit off, TCP on 127\.0\.0\.1$/);
  });

  it('counts every statement of every pg client of the process until stopped', async () => {
    // One connection, so that its closing can be awaited: `pool.end()` resolves before it.
    const pool = new pg.Pool({ connectionString: database.url, max: 1 });
    const closed = new Promise((resolve) => pool.once('remove', resolve));
    try {
      const statements = countDatabaseStatements();
      await pool.query('SELECT 1');
      await Promise.all([pool.query('SELECT 2'), database.client.query('SELECT 3')]);
      expect(statements.count()).toBe(3);
      statements.stop();
      await pool.query('SELECT 4');
      expect(statements.count()).toBe(3);
    } finally {
      await pool.end();
      await closed;
    }
  });

  it('stops the server: the port then refuses connections', async () => {
    stopping = database.stop();
    await expect(stopping).resolves.toBeUndefined();
    expect(await accepts(port)).toBe(false);
  }, 20_000);
});
