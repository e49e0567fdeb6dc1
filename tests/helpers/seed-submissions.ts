/**
 * Rows written straight into a test database, for states the forms cannot
 * make on demand: a submission received on a given date with its e-mails in a
 * given state, spam and counters of any age. (The forms themselves store
 * through `pbc_submit`; these rows have the same shape.)
 */
import pg from 'pg';
import type { FormName } from '../../src/lib/forms/definitions/index.ts';
import { comparableEmail } from '../../src/lib/email-address/read-email-address.ts';
import type { HeldReason, MessageKind, MessageStatus } from '../../src/lib/forms/store/stored-submission.ts';
import { createDatabase } from './postgres-server.ts';

/** A fresh migrated database on the run's PostgreSQL server, and a pool on it. */
export async function createTestDatabase(): Promise<{ url: string; pool: pg.Pool }> {
  const adminUrl = process.env['PBC_TEST_POSTGRES_URL'];
  if (!adminUrl) throw new Error('PBC_TEST_POSTGRES_URL is not set: run the tests through vitest (tests/helpers/postgres-global-setup.ts).');
  const url = await createDatabase(adminUrl);
  return { url, pool: new pg.Pool({ connectionString: url, max: 4 }) };
}

/** An e-mail of a seeded submission. */
export interface SeededMessage {
  readonly kind: MessageKind;
  readonly recipient: string;
  readonly status: MessageStatus;
  readonly attempts?: number;
  readonly lastError?: string;
  readonly heldReason?: HeldReason;
  /** ISO 8601 instant. */
  readonly sentAt?: string;
}

/** A submission to seed. */
export interface SeededSubmission {
  readonly reference: string;
  readonly form: FormName;
  /** ISO 8601 instant. */
  readonly receivedAt: string;
  readonly data: object;
  /** The submitter's address (default: `data.email`). */
  readonly email?: string;
  readonly messages?: readonly SeededMessage[];
}

/** Insert a submission and its outbox rows (two statements). */
export async function seedSubmission(database: pg.Pool, submission: SeededSubmission): Promise<void> {
  const email = submission.email ?? String((submission.data as { email?: unknown }).email ?? '');
  const { rows } = await database.query<{ id: string }>(
    `INSERT INTO submissions (reference, form, nonce, received_at, data, submitter_key) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [submission.reference, submission.form, `seed-${submission.reference}`, submission.receivedAt, JSON.stringify(submission.data), comparableEmail(email)],
  );
  const messages = submission.messages ?? [];
  if (messages.length === 0) return;
  await database.query(
    `INSERT INTO outbox (submission_id, kind, recipient, recipient_key, status, held_reason, attempts, last_error, sent_at)
     SELECT $1, m.kind, m.recipient, m.recipient_key, m.status, m.held_reason, m.attempts, m.last_error, m.sent_at
     FROM jsonb_to_recordset($2::jsonb) AS m(kind text, recipient text, recipient_key text, status text, held_reason text, attempts integer, last_error text, sent_at timestamptz)`,
    [
      rows[0]!.id,
      JSON.stringify(
        messages.map((message) => ({
          kind: message.kind,
          recipient: message.recipient,
          recipient_key: comparableEmail(message.recipient),
          status: message.status,
          held_reason: message.heldReason ?? null,
          attempts: message.attempts ?? 0,
          last_error: message.lastError ?? null,
          sent_at: message.sentAt ?? null,
        })),
      ),
    ],
  );
}

/** Insert a spam entry received at `receivedAt` (ISO 8601), with the submitter key of its `email` field. */
export async function seedSpam(database: pg.Pool, form: FormName, receivedAt: string, fields: Record<string, string>): Promise<void> {
  const email = fields['email'];
  await database.query(`INSERT INTO spam (form, reason, received_at, fields, submitter_key) VALUES ($1, 'honeypot', $2, $3, $4)`, [
    form,
    receivedAt,
    JSON.stringify(fields),
    email === undefined ? null : comparableEmail(email),
  ]);
}
