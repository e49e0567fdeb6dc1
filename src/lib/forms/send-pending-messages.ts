/**
 * Sends the e-mails of a stored submission that are still pending, each at
 * most once at a time: a message is first claimed in the store for a short
 * lease, so the request that stored it and the scheduled retry never send it
 * together; a successful send is recorded at once, so it is never sent again.
 */
import type { MessageKind, SubmissionRecord, JsonStore } from './submission-repository.ts';
import { claimMessage, recordSendAttempt } from './submission-repository.ts';

/** Composes and sends one message of a record; rejects when SMTP refused it. */
export type MessageSender = (record: SubmissionRecord, kind: MessageKind, to: string) => Promise<void>;

/** How long a claimed message is reserved for its sender, milliseconds. */
export const SEND_LEASE_MS = 2 * 60 * 1_000;

/**
 * Attempts before a message is given up: the retry runs every 15 minutes, so
 * 96 attempts cover a day of SMTP outage.
 */
export const MAX_SEND_ATTEMPTS = 96;

/**
 * Why a send failed, without personal data, and whether trying again is useless:
 * an SMTP 5xx reply is a permanent refusal (RFC 5321, section 4.2.1).
 */
function describeFailure(error: unknown, attempts: number): { error: string; final: boolean } {
  const responseCode = (error as { responseCode?: unknown }).responseCode;
  const code = typeof responseCode === 'number' ? responseCode : undefined;
  const name = error instanceof Error ? error.name : 'Error';
  const detail = code ?? (error as { code?: unknown }).code ?? 'send failed';
  return { error: `${name}: ${String(detail)}`, final: (code !== undefined && code >= 500) || attempts >= MAX_SEND_ATTEMPTS };
}

/** Outcome counts of one pass, for logs and the retry function. */
export interface SendReport {
  readonly sent: number;
  readonly failed: number;
  readonly skipped: number;
}

/**
 * Send every pending message of `record`.
 * Never throws: a failed send is recorded on the message (`lastError`) and left
 * pending, unless the refusal is permanent or attempts are exhausted (`failed`).
 */
export async function sendPendingMessages(store: JsonStore, record: SubmissionRecord, send: MessageSender, now: Date): Promise<SendReport> {
  let sent = 0;
  let failed = 0;
  let skipped = 0;
  for (const message of record.messages) {
    if (message.status !== 'pending') continue;
    try {
      if (!(await claimMessage(store, record.reference, message.kind, now, SEND_LEASE_MS))) {
        skipped += 1;
        continue;
      }
      await send(record, message.kind, message.to);
      await recordSendAttempt(store, record.reference, message.kind, { sentAt: new Date() });
      sent += 1;
    } catch (error) {
      failed += 1;
      await recordSendAttempt(store, record.reference, message.kind, describeFailure(error, message.attempts + 1)).catch(() => undefined);
    }
  }
  return { sent, failed, skipped };
}
