/**
 * One pass of the scheduled retry: every submission with pending e-mails gets
 * its pending messages sent (see `send-pending-messages.ts`).
 */
import { listPendingReferences, loadSubmission, type JsonStore } from './submission-repository.ts';
import { sendPendingMessages, type MessageSender } from './send-pending-messages.ts';

/** Totals of a retry pass. */
export interface RetryReport {
  readonly submissions: number;
  readonly sent: number;
  readonly failed: number;
  readonly skipped: number;
}

/** Send what is pending; never throws for a failed send (it stays pending). */
export async function retryPendingSubmissions(store: JsonStore, send: MessageSender, now: Date): Promise<RetryReport> {
  const references = await listPendingReferences(store);
  const totals = { submissions: references.length, sent: 0, failed: 0, skipped: 0 };
  for (const reference of references) {
    const record = await loadSubmission<Record<string, unknown>>(store, reference);
    if (!record) continue;
    const report = await sendPendingMessages(store, record, send, now);
    totals.sent += report.sent;
    totals.failed += report.failed;
    totals.skipped += report.skipped;
  }
  return totals;
}
