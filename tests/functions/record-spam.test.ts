/**
 * `recordSpam` (database function `pbc_record_spam`) on a real PostgreSQL: the
 * bounds of what a flood of refused sends may store.
 */
import { describe, expect, it } from 'vitest';
import { recordSpam, SPAM_LIMITS } from '../../src/lib/forms/store/record-spam.ts';
import { openEmptyDatabase } from '../helpers/empty-database.ts';

const database = await openEmptyDatabase(4);

async function counter(scope: string): Promise<number> {
  const { rows } = await database.query<{ count: number }>('SELECT coalesce(sum(count), 0)::integer AS count FROM rate_counters WHERE scope = $1', [scope]);
  return rows[0]!.count;
}

describe('recordSpam', () => {
  it('keeps 5 entries of one client per hour; the sends past its limit do not use up the site-wide daily count', async () => {
    const kept: boolean[] = [];
    for (let index = 0; index < 8; index += 1) kept.push(await recordSpam(database, 'candidature', 'honeypot', { email: 'Robot@Exemple.fr' }, 'client-a'));
    expect(kept).toEqual([true, true, true, true, true, false, false, false]);
    expect(SPAM_LIMITS.perClientPerHour).toBe(5);
    expect(await counter('spam-client:client-a')).toBe(8);
    expect(await counter('spam-all')).toBe(5);
    const { rows } = await database.query<{ submitter_key: string; reason: string }>('SELECT submitter_key, reason FROM spam');
    expect(rows).toHaveLength(5);
    expect(rows[0]).toEqual({ submitter_key: 'robot@exemple.fr', reason: 'honeypot' });
  });

  it('keeps at most the daily number for the whole site', async () => {
    await database.query(`INSERT INTO rate_counters (scope, window_start, count) VALUES ('spam-all', date_bin('1 day', now(), timestamptz '2000-01-01 00:00:00+00'), $1)`, [SPAM_LIMITS.perDay - 1]);
    expect(await recordSpam(database, 'candidature', 'forged-token', {}, 'client-b')).toBe(true);
    expect(await recordSpam(database, 'candidature', 'forged-token', {}, 'client-c')).toBe(false);
    expect(Number((await database.query<{ count: string }>('SELECT count(*) AS count FROM spam')).rows[0]!.count)).toBe(1);
  });

  it('cuts each entry to 40 fields of 2 000 characters', async () => {
    const fields = Object.fromEntries(Array.from({ length: 45 }, (_, index) => [`field_${index}`, 'x'.repeat(2_500)]));
    expect(await recordSpam(database, 'candidature', 'honeypot', fields, 'client-d')).toBe(true);
    const { rows } = await database.query<{ fields: Record<string, string> }>('SELECT fields FROM spam');
    expect(Object.keys(rows[0]!.fields)).toHaveLength(40);
    expect(Object.values(rows[0]!.fields).every((value) => value.length === 2_000)).toBe(true);
  });

  it('keys an entry whose e-mail field was sent twice by its first address, so that access and erasure find it', async () => {
    expect(await recordSpam(database, 'candidature', 'honeypot', { email: ['Paul@Exemple.fr', 'autre@exemple.fr'] }, 'client-e')).toBe(true);
    const { rows } = await database.query<{ submitter_key: string }>('SELECT submitter_key FROM spam');
    expect(rows).toEqual([{ submitter_key: 'paul@exemple.fr' }]);
  });
});
