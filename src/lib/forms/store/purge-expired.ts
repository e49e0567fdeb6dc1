/**
 * Erase what has outlived its retention period (GDPR art. 5(1)(e); durations
 * in `retention.ts`, stated in the privacy notice): one set-based statement,
 * whatever the volume. Outbox rows go with their submission (`ON DELETE CASCADE`).
 */
import type { RetentionPolicy } from '../retention.ts';
import type { Queryable } from './database.ts';

/** Counts of erased rows, for logs (no personal data). */
export interface PurgeReport {
  readonly submissions: number;
  readonly spam: number;
  readonly counters: number;
}

/**
 * Counters are kept for this long: the longest window counted is a day
 * (per-recipient caps), so older windows are never read again.
 */
const COUNTER_KEEP = '2 days';

/**
 * Purge at `now`. A submission is erased once `now` ≥ its reception + the
 * form's months, calendar months counted in UTC as Postgres adds them (31 January + 1
 * month = end of February, same time of day); spam after `spamDays` × 24 h.
 * @throws the database's error (the scheduled function logs it and runs again the next day)
 */
export async function purgeExpired(database: Queryable, now: Date, policy: RetentionPolicy): Promise<PurgeReport> {
  const { rows } = await database.query<{ submissions: string; spam: string; counters: string }>(
    `WITH months AS (SELECT key AS form, value::integer AS months FROM jsonb_each_text($2::jsonb)),
     erased_submissions AS (
       DELETE FROM submissions s USING months m
       WHERE s.form = m.form AND (s.received_at AT TIME ZONE 'UTC') + make_interval(months => m.months) <= ($1::timestamptz AT TIME ZONE 'UTC')
       RETURNING 1),
     erased_spam AS (DELETE FROM spam WHERE received_at <= $1::timestamptz - make_interval(days => $3) RETURNING 1),
     erased_counters AS (DELETE FROM rate_counters WHERE window_start < $1::timestamptz - interval '${COUNTER_KEEP}' RETURNING 1)
     SELECT (SELECT count(*) FROM erased_submissions) AS submissions, (SELECT count(*) FROM erased_spam) AS spam, (SELECT count(*) FROM erased_counters) AS counters`,
    [now.toISOString(), JSON.stringify(policy.months), policy.spamDays],
  );
  const row = rows[0]!;
  return { submissions: Number(row.submissions), spam: Number(row.spam), counters: Number(row.counters) };
}
