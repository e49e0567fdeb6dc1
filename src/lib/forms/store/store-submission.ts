/**
 * Store one accepted submission: one call of the database function
 * `pbc_submit`, so one round trip and one transaction. In it, in order: a
 * resubmission of the same filling (same token nonce) gets its first reference
 * back; the client's rate limit is counted; the reference `PBC-YYYY-NNNNN` is
 * allocated; the record and its outbox rows are written, each e-mail either
 * `pending` (and claimed by this request, which sends it after answering) or
 * `held` by a cap. Nothing is "accepted" unless this commits.
 */
import type { FormName } from '../definitions/form-names.ts';
import type { RateLimit } from '../rate-limit.ts';
import type { Queryable } from './database.ts';
import { comparableEmail } from '../../email-address/read-email-address.ts';
import type { HeldReason, MessageKind } from './stored-submission.ts';

/** Caps against using the forms to send e-mail to third parties (issue 10, "abuse"). */
export interface SendingCaps {
  /** Confirmations one address may receive per day (Europe/Paris days are not needed: fixed 24 h windows, UTC). */
  readonly confirmationsPerAddressPerDay: number;
  /** Order requests one startup address may receive per day. */
  readonly startupMessagesPerAddressPerDay: number;
  /**
   * Submissions per hour for the whole site, beyond which only the team's copy
   * is sent (the rest is held and a log line warns the team).
   */
  readonly submissionsPerHour: number;
}

/**
 * Defaults: 3 confirmations and 10 order requests per address and day, 60
 * submissions per hour (the programme expects a few per week).
 */
export const DEFAULT_SENDING_CAPS: SendingCaps = { confirmationsPerAddressPerDay: 3, startupMessagesPerAddressPerDay: 10, submissionsPerHour: 60 };

/** What a new submission is made of. */
export interface NewSubmission {
  readonly form: FormName;
  /** Nonce of the signed form token: identifies one filling of the form. */
  readonly nonce: string;
  /** Validated form output; stored as JSON. */
  readonly data: unknown;
  /** The submitter's e-mail address as typed (stored as a matching key too). */
  readonly submitterEmail: string;
  /** Keyed hash of the client's address (`client-key.ts`), for the rate limit. */
  readonly clientKey: string;
  /** One entry per e-mail to send. */
  readonly recipients: readonly { readonly kind: MessageKind; readonly to: string }[];
  readonly rateLimit: RateLimit;
  readonly caps: SendingCaps;
  /** How long this request holds its pending e-mails before the scheduled retry may take them, ms. */
  readonly claimMs: number;
  /** Identifies this request's claim (a UUID). */
  readonly claimId: string;
}

/** An outbox row written with the submission. */
export interface NewOutboxRow {
  readonly id: number;
  readonly kind: MessageKind;
  readonly recipient: string;
  readonly status: 'pending' | 'held';
  readonly heldReason: HeldReason | null;
}

/** Result of `storeSubmission`. */
export type StoreOutcome =
  | {
      readonly outcome: 'accepted';
      readonly reference: string;
      /** ISO 8601 instant (UTC) of the commit. */
      readonly receivedAt: string;
      readonly messages: readonly NewOutboxRow[];
      /** True when this submission went over the hourly cap (its non-team e-mails are held). */
      readonly hourlyCapReached: boolean;
    }
  | { readonly outcome: 'duplicate'; readonly reference: string }
  | { readonly outcome: 'rate-limited' };

interface SubmitResult {
  outcome: 'accepted' | 'duplicate' | 'rate-limited';
  reference?: string;
  received_at?: string;
  hourly_cap_reached?: boolean;
  messages?: { id: number; kind: MessageKind; recipient: string; status: 'pending' | 'held'; held_reason: HeldReason | null }[];
}

function dailyCap(kind: MessageKind, caps: SendingCaps): number | null {
  if (kind === 'confirmation') return caps.confirmationsPerAddressPerDay;
  if (kind === 'startup') return caps.startupMessagesPerAddressPerDay;
  return null;
}

/**
 * Store a submission, in one round trip.
 * @throws the database's error (connection refused, time-out, …): nothing is
 * stored then, and the caller answers 503
 */
export async function storeSubmission(database: Queryable, submission: NewSubmission): Promise<StoreOutcome> {
  const messages = submission.recipients.map(({ kind, to }) => ({ kind, recipient: to, recipient_key: comparableEmail(to), daily_cap: dailyCap(kind, submission.caps) }));
  const { rows } = await database.query<{ result: SubmitResult }>('SELECT pbc_submit($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) AS result', [
    submission.form,
    submission.nonce,
    JSON.stringify(submission.data),
    comparableEmail(submission.submitterEmail),
    submission.clientKey,
    JSON.stringify(messages),
    submission.rateLimit.max,
    Math.ceil(submission.rateLimit.windowMs / 1_000),
    submission.caps.submissionsPerHour,
    Math.ceil(submission.claimMs / 1_000),
    submission.claimId,
  ]);
  const result = rows[0]?.result;
  if (!result) throw new Error('pbc_submit returned no row.');
  if (result.outcome === 'rate-limited') return { outcome: 'rate-limited' };
  if (result.outcome === 'duplicate') return { outcome: 'duplicate', reference: result.reference! };
  return {
    outcome: 'accepted',
    reference: result.reference!,
    receivedAt: new Date(result.received_at!).toISOString(),
    hourlyCapReached: result.hourly_cap_reached === true,
    messages: (result.messages ?? []).map((row) => ({ id: row.id, kind: row.kind, recipient: row.recipient, status: row.status, heldReason: row.held_reason })),
  };
}
