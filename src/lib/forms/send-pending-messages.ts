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
function describeFailure(error: unknown, attempts: number): { error: string; final: boolean; permanent: boolean } {
  const responseCode = (error as { responseCode?: unknown }).responseCode;
  const code = typeof responseCode === 'number' ? responseCode : undefined;
  const name = error instanceof Error ? error.name : 'Error';
  const detail = code ?? (error as { code?: unknown }).code ?? 'send failed';
  const permanent = code !== undefined && code >= 500;
  return { error: `${name}: ${String(detail)}`, final: permanent || attempts >= MAX_SEND_ATTEMPTS, permanent };
}

/** Outcome counts of one pass, for logs and the retry function. */
export interface SendReport {
  readonly sent: number;
  readonly failed: number;
  readonly skipped: number;
}

/** Attempts at recording a successful send before giving up (the store may hiccup). */
const RECORD_ATTEMPTS = 5;

/**
 * Record that a message was sent, trying again on a store failure: a send that
 * is not recorded would be sent again once its claim expires.
 */
async function recordSent(store: JsonStore, reference: string, kind: MessageKind): Promise<void> {
  const sentAt = new Date();
  for (let attempt = 1; ; attempt += 1) {
    try {
      await recordSendAttempt(store, reference, kind, { sentAt });
      return;
    } catch (error) {
      if (attempt >= RECORD_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

/**
 * Send every pending message of `record`.
 * Never throws: a failed send is recorded on the message (`lastError`) and left
 * pending, unless the refusal is permanent or attempts are exhausted (`failed`);
 * after a temporary failure the pass stops, leaving the next messages pending;
 * a message that cannot be claimed (store failure) is left for the scheduled retry.
 */
export async function sendPendingMessages(store: JsonStore, record: SubmissionRecord, send: MessageSender, now: Date): Promise<SendReport> {
  let sent = 0;
  let failed = 0;
  let skipped = 0;
  for (const message of record.messages) {
    if (message.status !== 'pending') continue;
    const claimed = await claimMessage(store, record.reference, message.kind, now, SEND_LEASE_MS).catch(() => false);
    if (!claimed) {
      skipped += 1;
      continue;
    }
    try {
      await send(record, message.kind, message.to);
    } catch (error) {
      failed += 1;
      const { permanent, ...outcome } = describeFailure(error, message.attempts + 1);
      await recordSendAttempt(store, record.reference, message.kind, outcome).catch(() => undefined);
      // A server that is down, hangs or defers (4xx) would make every next message wait
      // for its own time-out (up to 15 s each): leave them to the scheduled retry.
      if (!permanent) break;
      continue;
    }
    // Sent: from here on, only recording remains (and it must not turn into a second send).
    await recordSent(store, record.reference, message.kind).catch(() => undefined);
    sent += 1;
  }
  return { sent, failed, skipped };
}
