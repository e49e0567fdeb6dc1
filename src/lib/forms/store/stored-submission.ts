/**
 * Shapes of what the store keeps (tables in
 * `netlify/database/migrations/20261202180000_create_submissions.sql`).
 */
import type { MessageKind } from '../definitions/form-definition.ts';
import type { FormName } from '../definitions/form-names.ts';

export type { MessageKind };

/**
 * Delivery state of one e-mail (an outbox row).
 * - `pending`: to send, by the request that stored it or by the scheduled retry;
 * - `sent`;
 * - `failed`: refused for good (SMTP 5xx) or out of attempts: the team sees it in `npm run submissions`;
 * - `held`: not sent on purpose, `heldReason` says why (see `HeldReason`).
 */
export type MessageStatus = 'pending' | 'sent' | 'failed' | 'held';

/**
 * Why a message is held:
 * - `recipient-cap`: the address already received its daily number of such messages;
 * - `hourly-cap`: the site took more submissions this hour than the global cap;
 * - `deploy-preview`: a deploy preview or branch deploy without `MAIL_TEST_ADDRESS`.
 */
export type HeldReason = 'recipient-cap' | 'hourly-cap' | 'deploy-preview';

/** Why a message was held, in French, for the team (its copy of the submission, `npm run submissions`). */
export const HELD_REASON_LABELS: Readonly<Record<HeldReason, string>> = {
  'recipient-cap': 'cette adresse a déjà reçu aujourd’hui le nombre maximal de messages de ce type',
  'hourly-cap': 'le site a reçu plus d’envois que le plafond horaire',
  'deploy-preview': 'ce site est une prévisualisation sans adresse de test',
};

/** A stored submission. `Data` is the validated form output, read back from JSON. */
export interface StoredSubmission<Data = Record<string, unknown>> {
  /** `PBC-YYYY-NNNNN` (Europe/Paris year). */
  readonly reference: string;
  readonly form: FormName;
  /** ISO 8601 instant (UTC) of acceptance. */
  readonly receivedAt: string;
  readonly data: Data;
}

/** One e-mail of a submission as the team sees it. */
export interface OutboxEntry {
  readonly kind: MessageKind;
  readonly recipient: string;
  readonly status: MessageStatus;
  readonly heldReason: HeldReason | null;
  readonly attempts: number;
  /** Last SMTP error, without personal data. */
  readonly lastError: string | null;
  /** ISO 8601 instant (UTC) of the successful send. */
  readonly sentAt: string | null;
}
