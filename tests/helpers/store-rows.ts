/**
 * Reading the submissions database in the abuse, spam and input tests:
 * spam entries, stored submissions and rate counters, as rows (see
 * `netlify/database/migrations/`), and client addresses for the per-client
 * limits.
 */
import type pg from 'pg';
import type { FormName } from '../../src/lib/forms/definitions/form-names.ts';

/** One row of `spam`. */
export interface SpamRow {
  readonly form: FormName;
  readonly reason: string;
  readonly fields: Record<string, string | string[]>;
  readonly submitter_key: string | null;
  readonly received_at: Date;
}

/** Every spam entry, oldest first. */
export async function spamRows(database: pg.Pool): Promise<SpamRow[]> {
  return (await database.query<SpamRow>('SELECT form, reason, fields, submitter_key, received_at FROM spam ORDER BY id')).rows;
}

/** One stored submission: its form and its validated data (read back from JSON). */
export async function storedSubmission(database: pg.Pool, reference: string): Promise<{ form: FormName; data: Record<string, unknown> } | undefined> {
  return (await database.query<{ form: FormName; data: Record<string, unknown> }>('SELECT form, data FROM submissions WHERE reference = $1', [reference])).rows[0];
}

/** Rows of every table a form post may write to (`reference_counters` left out: a refused submission never reaches it). */
export async function tableCounts(database: pg.Pool): Promise<Record<'submissions' | 'outbox' | 'spam' | 'rate_counters', number>> {
  const { rows } = await database.query<{ submissions: number; outbox: number; spam: number; rate_counters: number }>(
    `SELECT (SELECT count(*) FROM submissions)::int AS submissions, (SELECT count(*) FROM outbox)::int AS outbox,
            (SELECT count(*) FROM spam)::int AS spam, (SELECT count(*) FROM rate_counters)::int AS rate_counters`,
  );
  return rows[0]!;
}

/** Scopes of the rate counters (`client:<key>`, `spam-client:<key>`, `confirmation:<address key>`…), sorted. */
export async function counterScopes(database: pg.Pool): Promise<string[]> {
  return (await database.query<{ scope: string }>('SELECT DISTINCT scope FROM rate_counters ORDER BY scope')).rows.map((row) => row.scope);
}

/**
 * Start a new hour for the site-wide hourly cap (its counter is shared by every
 * test of a file's database), so that a test can count from zero.
 */
export async function resetHourlyCount(database: pg.Pool): Promise<void> {
  await database.query(`DELETE FROM rate_counters WHERE scope = 'all-submissions'`);
}

/**
 * The `index`-th IPv6 address of one /64 (`2001:db8:<network>::/64`, RFC 3849
 * documentation prefix), the interface identifier spelled differently each
 * time: what a client rotating its temporary addresses (RFC 8981) sends.
 */
export function addressInNetwork(network: number, index: number): string {
  const group = network.toString(16);
  return index % 2 === 0 ? `2001:db8:${group}:0:${(index + 1).toString(16)}::7` : `2001:0DB8:${group.padStart(4, '0')}:0000:0:0:${(index + 1).toString(16).toUpperCase()}:1`;
}

/** The first address of the `index`-th /64 of `2001:db8::/32` (one client per /64). */
export function addressOfNetwork(index: number): string {
  return `2001:db8:${Math.floor(index / 0x10000).toString(16)}:${(index % 0x10000).toString(16)}::1`;
}
