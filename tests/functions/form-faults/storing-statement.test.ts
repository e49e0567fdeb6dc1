/**
 * The storing statement failing (missing migration, an error raised
 * mid-transaction, a lock, read-only mode): never « accepted », the French 503
 * within 5 s, nothing written, nothing sent (`harness.ts`).
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { settleBackgroundWork } from '../../helpers/function-context.ts';
import { createDatabase, withDatabase } from '../../helpers/postgres-server.ts';
import { expectUnavailable, services, useFaultServices } from './harness.ts';

useFaultServices();

/** A database of the run's server that fails the storing statement in some way, and its tables' contents. */
interface FailingDatabase {
  readonly url: string;
  /** Undo what makes it fail where it blocks readers (a lock). */
  release(): Promise<void>;
  /** Rows of each table that a submission writes (0 when the table does not exist). */
  written(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

async function openFailingDatabase(prepare: (admin: pg.Client, url: string) => Promise<(() => Promise<void>) | void>, migrated = true): Promise<FailingDatabase> {
  const adminUrl = process.env['PBC_TEST_POSTGRES_URL']!;
  let url: string;
  if (migrated) url = await createDatabase(adminUrl);
  else {
    const name = `pbc_unmigrated_${process.pid}_${Date.now()}`;
    const server = new pg.Client({ connectionString: adminUrl });
    await server.connect();
    await server.query(`CREATE DATABASE ${name}`);
    await server.end();
    url = withDatabase(adminUrl, name);
  }
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const release = await prepare(admin, url);
  return {
    url,
    release: async () => release?.(),
    async written() {
      const counts: Record<string, number> = {};
      for (const table of ['submissions', 'outbox', 'reference_counters', 'rate_counters']) {
        const exists = (await admin.query<{ found: string | null }>('SELECT to_regclass($1)::text AS found', [table])).rows[0]!.found !== null;
        counts[table] = exists ? Number((await admin.query<{ count: string }>(`SELECT count(*) FROM ${table}`)).rows[0]!.count) : 0;
      }
      return counts;
    },
    close: () => admin.end(),
  };
}

describe('the storing statement failing (as a store answering 429 would): never « accepted »', () => {
  it.for([
    ['the database has no migration (pbc_submit does not exist)', false, async () => undefined],
    [
      'an error raised after the record is inserted (SQLSTATE 53300 too_many_connections, from a trigger on the outbox)',
      true,
      async (admin: pg.Client) => {
        await admin.query(`CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'too many connections' USING ERRCODE = '53300'; END $$`);
        await admin.query('CREATE TRIGGER refuse BEFORE INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION refuse()');
      },
    ],
    [
      'the reference counters locked by another session (the statement time-out cancels the wait)',
      true,
      async (_admin: pg.Client, url: string) => {
        const locker = new pg.Client({ connectionString: url });
        await locker.connect();
        await locker.query('BEGIN');
        await locker.query('LOCK TABLE reference_counters IN ACCESS EXCLUSIVE MODE');
        return async () => {
          await locker.query('ROLLBACK');
          await locker.end();
        };
      },
    ],
    [
      'the database read-only (fail-over, maintenance)',
      true,
      async (admin: pg.Client, url: string) => {
        await admin.query(`ALTER DATABASE ${new URL(url).pathname.slice(1)} SET default_transaction_read_only = on`);
      },
    ],
  ] as const)('%s: French 503 within 5 s, nothing written, nothing sent', async ([, migrated, prepare], { annotate }) => {
    const database = await openFailingDatabase(prepare, migrated);
    process.env['NETLIFY_DB_URL'] = database.url;
    let elapsed: number[];
    try {
      elapsed = await expectUnavailable();
    } finally {
      await services.restoreDatabase();
      await database.release();
    }
    await settleBackgroundWork();
    try {
      expect(await database.written()).toEqual({ submissions: 0, outbox: 0, reference_counters: 0, rate_counters: 0 });
    } finally {
      await database.close();
    }
    await annotate(`503 after ${elapsed.map((ms) => `${Math.round(ms)} ms`).join(' (JSON), ')} (HTML)`);
    expect(services.smtp.messages).toEqual([]);
  });
});
