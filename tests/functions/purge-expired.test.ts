/**
 * The retention purge (`store/purge-expired.ts`) on a real PostgreSQL
 * database: calendar months counted in UTC as Postgres adds them (31 January
 * + 1 month = 28 February), each form's own duration, spam after its days,
 * counters after two days, and a flood of spam erased in one statement.
 */
import type pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FormName } from '../../src/lib/forms/definitions/index.ts';
import { HONEYPOT_FIELD } from '../../src/lib/forms/process-submission.ts';
import { DEFAULT_RETENTION, type RetentionPolicy } from '../../src/lib/forms/retention.ts';
import { purgeExpired } from '../../src/lib/forms/store/purge-expired.ts';
import { SPAM_LIMITS } from '../../src/lib/forms/store/record-spam.ts';
import { countRows, storedReferences } from '../helpers/form-fixtures.ts';
import { createTestDatabase, seedSpam, seedSubmission } from '../helpers/seed-submissions.ts';

let database: pg.Pool;

beforeAll(async () => {
  ({ pool: database } = await createTestDatabase());
});
afterAll(() => database?.end());
beforeEach(async () => {
  await database.query('TRUNCATE submissions, outbox, spam, rate_counters');
});

/** A policy of `months` for every form. */
function monthsForAll(months: number, spamDays = DEFAULT_RETENTION.spamDays): RetentionPolicy {
  return { months: { candidature: months, 'demande-bon-de-commande': months, 'engagement-acheteur': months }, spamDays };
}

async function seed(reference: string, form: FormName, receivedAt: string): Promise<void> {
  await seedSubmission(database, {
    reference,
    form,
    receivedAt,
    data: { email: `${reference.toLowerCase()}@exemple.fr` },
    messages: [{ kind: 'team', recipient: 'equipe@pbc.example', status: 'sent', attempts: 1, sentAt: receivedAt }],
  });
}

describe('submissions', () => {
  it.each([
    ['2026-01-31T23:00:00.000Z', 1, '2026-02-27T23:00:00.000Z', false],
    ['2026-01-31T23:00:00.000Z', 1, '2026-02-28T22:59:59.999Z', false],
    ['2026-01-31T23:00:00.000Z', 1, '2026-02-28T23:00:00.000Z', true],
    ['2027-01-31T23:00:00.000Z', 13, '2028-02-29T22:59:59.999Z', false],
    ['2027-01-31T23:00:00.000Z', 13, '2028-02-29T23:00:00.000Z', true],
    ['2024-02-29T12:00:00.000Z', 36, '2027-02-28T11:59:59.999Z', false],
    ['2024-02-29T12:00:00.000Z', 36, '2027-02-28T12:00:00.000Z', true],
    ['2026-03-31T22:30:00.000Z', 36, '2029-03-31T22:29:59.999Z', false],
    ['2026-12-31T00:00:00.001Z', 2, '2027-02-28T00:00:00.001Z', true],
    ['2026-05-31T08:00:00.000Z', 1, '2026-06-30T08:00:00.000Z', true],
  ])('received %s, kept %i months, purged at %s → erased: %s', async (receivedAt, months, now, erased) => {
    await seed('PBC-2026-00001', 'candidature', receivedAt);
    const report = await purgeExpired(database, new Date(now), monthsForAll(months));
    expect(report).toEqual({ submissions: erased ? 1 : 0, spam: 0, counters: 0 });
    expect(await storedReferences(database)).toEqual(erased ? [] : ['PBC-2026-00001']);
    expect(await countRows(database, 'outbox')).toBe(erased ? 0 : 1);
  });

  it('gives each form its own duration, and erases the e-mails of what it erases', async () => {
    const policy: RetentionPolicy = { months: { candidature: 36, 'demande-bon-de-commande': 12, 'engagement-acheteur': 24 }, spamDays: 30 };
    await seed('PBC-2026-00001', 'candidature', '2026-01-31T23:00:00.000Z');
    await seed('PBC-2026-00002', 'demande-bon-de-commande', '2026-01-31T23:00:00.000Z');
    await seed('PBC-2026-00003', 'engagement-acheteur', '2026-01-31T23:00:00.000Z');
    await seed('PBC-2026-00004', 'demande-bon-de-commande', '2026-02-01T00:00:00.001Z');
    expect(await purgeExpired(database, new Date('2027-02-01T00:00:00.000Z'), policy)).toEqual({ submissions: 1, spam: 0, counters: 0 });
    expect(await storedReferences(database)).toEqual(['PBC-2026-00001', 'PBC-2026-00003', 'PBC-2026-00004']);
    expect(await countRows(database, 'outbox')).toBe(3);
    expect(await purgeExpired(database, new Date('2028-01-31T23:00:00.000Z'), policy)).toEqual({ submissions: 2, spam: 0, counters: 0 });
    expect(await storedReferences(database)).toEqual(['PBC-2026-00001']);
  });
});

describe('spam and counters', () => {
  it.each([
    ['29 days later', '2026-03-30T12:00:00.000Z', 0],
    ['1 ms before 30 days', '2026-03-31T11:59:59.999Z', 0],
    ['30 days later', '2026-03-31T12:00:00.000Z', 1],
  ])('spam received 1 March 12:00 UTC, %s (%s) → %i erased', async (_case, now, erased) => {
    await seedSpam(database, 'candidature', '2026-03-01T12:00:00.000Z', { email: 'robot@exemple.fr', [HONEYPOT_FIELD]: 'x' });
    expect(await purgeExpired(database, new Date(now), DEFAULT_RETENTION)).toEqual({ submissions: 0, spam: erased, counters: 0 });
    expect(await countRows(database, 'spam')).toBe(1 - erased);
  });

  it('follows the spam days of the policy', async () => {
    await seedSpam(database, 'candidature', '2026-03-01T12:00:00.000Z', { email: 'robot@exemple.fr' });
    expect((await purgeExpired(database, new Date('2026-03-08T11:59:59.999Z'), monthsForAll(36, 7))).spam).toBe(0);
    expect((await purgeExpired(database, new Date('2026-03-08T12:00:00.000Z'), monthsForAll(36, 7))).spam).toBe(1);
  });

  it('erases the counters whose window started more than 2 days ago', async () => {
    const now = new Date('2026-06-10T12:00:00.000Z');
    const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
    const DAY_MS = 24 * 60 * 60 * 1_000;
    await database.query(
      `INSERT INTO rate_counters (scope, window_start, count) VALUES
         ('client:a', $1, 3), ('client:b', $2, 1), ('confirmation:x@exemple.fr', $3, 2), ('all-submissions', $4, 9)`,
      [ago(2 * DAY_MS + 1), ago(3 * DAY_MS), ago(2 * DAY_MS), ago(60 * 60 * 1_000)],
    );
    expect(await purgeExpired(database, now, DEFAULT_RETENTION)).toEqual({ submissions: 0, spam: 0, counters: 2 });
    const { rows } = await database.query<{ scope: string }>('SELECT scope FROM rate_counters ORDER BY scope');
    expect(rows.map((row) => row.scope)).toEqual(['all-submissions', 'confirmation:x@exemple.fr']);
  });

  it('erases 1 000 expired honeypot entries in one statement, and keeps the recent ones', async () => {
    const now = new Date('2026-06-10T12:00:00.000Z');
    const filler = 'https://spam.example/'.padEnd(SPAM_LIMITS.valueLength, 'x');
    await database.query(
      `INSERT INTO spam (form, reason, received_at, fields, submitter_key)
       SELECT 'demande-bon-de-commande', 'honeypot', $1::timestamptz - make_interval(days => 31, secs => i),
         jsonb_build_object('organisation', 'Robot ' || i, 'email', 'robot' || i || '@exemple.fr', 'need', $2::text, $3::text, 'https://spam.example/' || i),
         'robot' || i || '@exemple.fr'
       FROM generate_series(1, 1000) AS i`,
      [now.toISOString(), filler, HONEYPOT_FIELD],
    );
    await seedSpam(database, 'candidature', '2026-06-01T00:00:00.000Z', { email: 'recent@exemple.fr', [HONEYPOT_FIELD]: 'x' });
    expect(await countRows(database, 'spam')).toBe(1_001);
    expect(await purgeExpired(database, now, DEFAULT_RETENTION)).toEqual({ submissions: 0, spam: 1_000, counters: 0 });
    expect(await countRows(database, 'spam')).toBe(1);
  });
});
