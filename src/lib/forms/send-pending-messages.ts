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

/** Outcome counts of one pass, for logs and the retry function. */
export interface SendReport {
  readonly sent: number;
  readonly failed: number;
  readonly skipped: number;
}

/**
 * Send every pending message of `record`.
 * Never throws: a failed send is recorded on the message (`lastError`) and left pending.
 */
export async function sendPendingMessages(store: JsonStore, record: SubmissionRecord, send: MessageSender, now: Date): Promise<SendReport> {
  let sent = 0;
  let failed = 0;
  let skipped = 0;
  for (const message of record.messages) {
    if (message.status === 'sent') continue;
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
      const reason = error instanceof Error ? `${error.name}: ${(error as { code?: string }).code ?? 'send failed'}` : 'send failed';
      await recordSendAttempt(store, record.reference, message.kind, { error: reason }).catch(() => undefined);
    }
  }
  return { sent, failed, skipped };
}
