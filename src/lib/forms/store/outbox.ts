/**
 * The outbox: one row per e-mail of a submission. A sender first holds rows
 * under a claim (`claim_id`, `claimed_until`); another sender takes them only
 * once the claim has expired, and concurrent claimers skip each other's rows
 * (`FOR UPDATE SKIP LOCKED`), so two senders never send the same message. A
 * send is recorded only under the claim that made it.
 */
import type { FormName } from '../definitions/form-names.ts';
import type { Queryable } from './database.ts';
import type { HeldReason, MessageKind, StoredSubmission } from './stored-submission.ts';

/**
 * Attempts before a message is given up (`failed`): the retry runs every 15
 * minutes, so 96 attempts cover a day of SMTP outage.
 */
export const MAX_SEND_ATTEMPTS = 96;

/**
 * How long a claim holds its rows, ms: longer than a sender can take (three
 * messages over one SMTP connection with 15 s socket time-outs, inside a
 * function limited to 60 s), so a live sender never loses its rows; a crashed
 * sender's rows are taken again by the first retry after it.
 */
export const CLAIM_MS = 5 * 60 * 1_000;

/** A message to send, with its submission (to compose it). */
export interface ClaimedMessage {
  readonly id: number;
  readonly kind: MessageKind;
  readonly recipient: string;
  readonly submission: StoredSubmission;
  /** The submission's other messages that are held, for the team's copy to say so. */
  readonly heldSiblings: readonly HeldMessage[];
}

/** A message not sent on purpose. */
export interface HeldMessage {
  readonly kind: MessageKind;
  readonly reason: HeldReason;
}

/**
 * How one send went:
 * - `sent`;
 * - `retry`: a temporary failure (or not tried after one): stays pending for the scheduled retry;
 * - `failed`: refused for good;
 * - `held`: not to be sent here (deploy preview without a test address).
 */
export type SendResult =
  | { readonly id: number; readonly outcome: 'sent' }
  | { readonly id: number; readonly outcome: 'retry' | 'failed'; readonly error: string; readonly attempted: boolean }
  | { readonly id: number; readonly outcome: 'held'; readonly reason: HeldReason };

interface ClaimedRow {
  id: string;
  kind: MessageKind;
  recipient: string;
  reference: string;
  form: FormName;
  received_at: Date;
  data: Record<string, unknown>;
  held: HeldMessage[] | null;
}

/**
 * Claim up to `limit` pending messages that are due and not held by a live
 * claim, oldest first, with their submissions (one round trip).
 * @param claimId a new UUID identifying this sender
 * @throws the database's error
 */
export async function claimDueMessages(database: Queryable, claimId: string, limit: number, claimMs: number = CLAIM_MS): Promise<ClaimedMessage[]> {
  const { rows } = await database.query<ClaimedRow>(
    `WITH claimed AS (
       UPDATE outbox SET claim_id = $1, claimed_until = now() + make_interval(secs => $3)
       WHERE id IN (
         SELECT id FROM outbox
         WHERE status = 'pending' AND next_attempt_at <= now() AND (claimed_until IS NULL OR claimed_until < now())
         ORDER BY id LIMIT $2
         FOR UPDATE SKIP LOCKED)
       RETURNING id, submission_id, kind, recipient)
     SELECT c.id, c.kind, c.recipient, s.reference, s.form, s.received_at, s.data,
       (SELECT jsonb_agg(jsonb_build_object('kind', h.kind, 'reason', h.held_reason) ORDER BY h.id)
          FROM outbox h WHERE h.submission_id = s.id AND h.status = 'held') AS held
     FROM claimed c JOIN submissions s ON s.id = c.submission_id
     ORDER BY c.id`,
    [claimId, limit, claimMs / 1_000],
  );
  return rows.map((row) => ({
    id: Number(row.id),
    kind: row.kind,
    recipient: row.recipient,
    submission: { reference: row.reference, form: row.form, receivedAt: row.received_at.toISOString(), data: row.data },
    heldSiblings: row.held ?? [],
  }));
}

/** Delay before the next attempt after `attempts` failed ones: 5 min, 10 min, … capped at 1 h. */
const RETRY_DELAY_SQL = `make_interval(mins => least(60, 5 * (o.attempts + 1)))`;

/**
 * Record the outcome of the sends made under `claimId`, in one statement; the
 * claim ends. A temporary failure that reaches `MAX_SEND_ATTEMPTS` becomes
 * `failed`. Rows no longer under this claim (taken over after it expired) are
 * left alone.
 * @throws the database's error (the sends stay claimed until the claim expires,
 * then the retry sends them again: an e-mail may then arrive twice, never zero times)
 */
export async function recordSendResults(database: Queryable, claimId: string, results: readonly SendResult[]): Promise<void> {
  if (results.length === 0) return;
  const rows = results.map((result) => ({
    id: result.id,
    outcome: result.outcome,
    error: 'error' in result ? result.error : null,
    attempted: result.outcome === 'sent' || ('attempted' in result && result.attempted),
    reason: result.outcome === 'held' ? result.reason : null,
  }));
  await database.query(
    `UPDATE outbox o SET
       attempts = o.attempts + CASE WHEN r.attempted THEN 1 ELSE 0 END,
       status = CASE
         WHEN r.outcome = 'sent' THEN 'sent'
         WHEN r.outcome = 'held' THEN 'held'
         WHEN r.outcome = 'failed' OR (r.attempted AND o.attempts + 1 >= $3) THEN 'failed'
         ELSE 'pending' END,
       held_reason = r.reason,
       last_error = coalesce(r.error, o.last_error),
       sent_at = CASE WHEN r.outcome = 'sent' THEN now() END,
       next_attempt_at = CASE WHEN r.outcome = 'retry' AND r.attempted THEN now() + ${RETRY_DELAY_SQL} ELSE o.next_attempt_at END,
       claim_id = NULL,
       claimed_until = NULL
     FROM jsonb_to_recordset($1::jsonb) AS r(id bigint, outcome text, error text, attempted boolean, reason text)
     WHERE o.id = r.id AND o.claim_id = $2`,
    [JSON.stringify(rows), claimId, MAX_SEND_ATTEMPTS],
  );
}
