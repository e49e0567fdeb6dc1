/**
 * Read stored submissions with the state of their e-mails, for the team's
 * command line (`npm run submissions`) and the right of access
 * (`personal-data.ts`). Each read is one statement.
 */
import type { FormName } from '../definitions/form-names.ts';
import type { Queryable } from './database.ts';
import type { OutboxEntry, StoredSubmission } from './stored-submission.ts';

/** A stored submission and its e-mails (outbox rows, in the order they were written). */
export interface SubmissionWithMessages extends StoredSubmission {
  readonly messages: readonly OutboxEntry[];
}

/** SQL: an instant as ISO 8601 in UTC with milliseconds (`2026-03-14T23:30:00.000Z`). */
export function isoInstantSql(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** SQL: the outbox row `o` as the JSON of an `OutboxEntry`. */
export const OUTBOX_ENTRY_JSON_SQL = `jsonb_build_object('kind', o.kind, 'recipient', o.recipient, 'status', o.status, 'heldReason', o.held_reason,
  'attempts', o.attempts, 'lastError', o.last_error, 'sentAt', ${isoInstantSql('o.sent_at')})`;

/** SQL: the submission `s` with its outbox rows as the JSON of a `SubmissionWithMessages`. */
export const SUBMISSION_JSON_SQL = `jsonb_build_object('reference', s.reference, 'form', s.form, 'receivedAt', ${isoInstantSql('s.received_at')}, 'data', s.data,
  'messages', coalesce((SELECT jsonb_agg(${OUTBOX_ENTRY_JSON_SQL} ORDER BY o.id) FROM outbox o WHERE o.submission_id = s.id), '[]'::jsonb))`;

/**
 * Every stored submission (of `form` only, when given), oldest first, with
 * its e-mails: one statement.
 * @throws the database's error
 */
export async function listSubmissions(database: Queryable, form?: FormName): Promise<SubmissionWithMessages[]> {
  const { rows } = await database.query<{ submission: SubmissionWithMessages }>(
    `SELECT ${SUBMISSION_JSON_SQL} AS submission FROM submissions s WHERE $1::text IS NULL OR s.form = $1 ORDER BY s.received_at, s.id`,
    [form ?? null],
  );
  return rows.map((row) => row.submission);
}

/**
 * The submission of `reference` (`PBC-2026-00042`, as stored: upper case) with
 * its e-mails, or null when there is none: one statement.
 * @throws the database's error
 */
export async function loadSubmission(database: Queryable, reference: string): Promise<SubmissionWithMessages | null> {
  const { rows } = await database.query<{ submission: SubmissionWithMessages }>(`SELECT ${SUBMISSION_JSON_SQL} AS submission FROM submissions s WHERE s.reference = $1`, [reference]);
  return rows[0]?.submission ?? null;
}
