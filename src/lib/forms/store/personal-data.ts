/**
 * The rights of access and erasure of one person (GDPR art. 15 and 17), found
 * by e-mail address whatever way it was typed (`comparableEmail`, `email-address/read-email-address.ts`): submissions
 * sent with it, spam whose `email` field is it, and e-mails addressed to it
 * (outbox rows, the startups' order addresses included).
 *
 * The counters of the caps hold hashes only (a keyed hash of the network
 * address, a SHA-256 of the address key) and go after two days (`purge-expired.ts`).
 */
import type { FormName } from '../definitions/form-names.ts';
import type { Queryable } from './database.ts';
import { comparableEmail } from '../../email-address/read-email-address.ts';
import { isoInstantSql, OUTBOX_ENTRY_JSON_SQL, SUBMISSION_JSON_SQL, type SubmissionWithMessages } from './read-submissions.ts';
import type { OutboxEntry } from './stored-submission.ts';

/** A send refused as spam, as stored. */
export interface SpamEntry {
  readonly form: FormName;
  readonly reason: string;
  /** ISO 8601 instant (UTC). */
  readonly receivedAt: string;
  /** The fields as sent (cut to bounded lengths). */
  readonly fields: Readonly<Record<string, string | readonly string[]>>;
}

/** An e-mail addressed to the person, with the reference of its submission. */
export interface AddressedMessage extends OutboxEntry {
  readonly reference: string;
}

/** Everything stored about one e-mail address. */
export interface PersonalData {
  /** The address searched, as given. */
  readonly email: string;
  /** Submissions sent with this address, with their e-mails. */
  readonly submissions: readonly SubmissionWithMessages[];
  /** Spam whose `email` field is this address. */
  readonly spam: readonly SpamEntry[];
  /** E-mails addressed to this address for other people's submissions (e.g. a startup's order address). */
  readonly messages: readonly AddressedMessage[];
}

/**
 * Find everything stored about `email` (right of access), in one statement.
 * The startups' order addresses themselves live in the content
 * (`content/startups/`) and are changed there.
 * @throws the database's error
 */
export async function findPersonalData(database: Queryable, email: string): Promise<PersonalData> {
  const key = comparableEmail(email);
  const { rows } = await database.query<{ submissions: PersonalData['submissions'] | null; spam: SpamEntry[] | null; messages: AddressedMessage[] | null }>(
    `SELECT
       (SELECT jsonb_agg(${SUBMISSION_JSON_SQL} ORDER BY s.id) FROM submissions s WHERE s.submitter_key = $1) AS submissions,
       (SELECT jsonb_agg(jsonb_build_object('form', p.form, 'reason', p.reason,
          'receivedAt', ${isoInstantSql('p.received_at')}, 'fields', p.fields) ORDER BY p.id)
          FROM spam p WHERE p.submitter_key = $1) AS spam,
       (SELECT jsonb_agg(${OUTBOX_ENTRY_JSON_SQL} || jsonb_build_object('reference', s.reference) ORDER BY o.id)
          FROM outbox o JOIN submissions s ON s.id = o.submission_id WHERE o.recipient_key = $1 AND o.kind <> 'team' AND s.submitter_key <> $1) AS messages`,
    [key],
  );
  const row = rows[0];
  return { email, submissions: row?.submissions ?? [], spam: row?.spam ?? [], messages: row?.messages ?? [] };
}

/** What `erasePersonalData` erased. */
export interface ErasureReport {
  /** References of the erased submissions, oldest first. */
  readonly references: readonly string[];
  /** Counts of erased rows: submissions, spam entries, and e-mails addressed to it for other submissions. */
  readonly submissions: number;
  readonly spam: number;
  readonly messages: number;
}

/**
 * Erase everything stored about `email` (right to erasure), in one statement:
 * its submissions with their e-mails, its spam, the e-mails addressed to it
 * for other submissions (those submissions stay; the team keeps its copy) and
 * the daily counters of messages sent to it. The team's copies are the
 * programme's record of each submission, never a person's: erasing the team's
 * own address leaves them (it would have dropped every pending team copy).
 * @throws the database's error (nothing is erased then)
 */
export async function erasePersonalData(database: Queryable, email: string): Promise<ErasureReport> {
  const key = comparableEmail(email);
  const { rows } = await database.query<{ references: string[] | null; spam: string; messages: string }>(
    `WITH erased_submissions AS (DELETE FROM submissions WHERE submitter_key = $1 RETURNING id, reference),
     erased_messages AS (DELETE FROM outbox WHERE recipient_key = $1 AND kind <> 'team' AND submission_id NOT IN (SELECT id FROM erased_submissions) RETURNING 1),
     erased_spam AS (DELETE FROM spam WHERE submitter_key = $1 RETURNING 1),
     erased_counters AS (DELETE FROM rate_counters WHERE scope IN ('confirmation:' || pbc_address_hash($1), 'startup:' || pbc_address_hash($1)) RETURNING 1)
     SELECT (SELECT array_agg(reference ORDER BY id) FROM erased_submissions) AS references,
       (SELECT count(*) FROM erased_spam) AS spam, (SELECT count(*) FROM erased_messages) AS messages`,
    [key],
  );
  const row = rows[0]!;
  const references = row.references ?? [];
  return { references, submissions: references.length, spam: Number(row.spam), messages: Number(row.messages) };
}
