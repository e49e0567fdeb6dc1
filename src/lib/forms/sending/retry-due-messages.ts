/**
 * One pass of the scheduled retry (`netlify/functions/retry-pending-emails.mts`):
 * claim the due messages in batches, send them, record the results, until none
 * is due or the pass has used its time.
 */
import type { Queryable } from '../store/database.ts';
import { claimDueMessages, recordSendResults } from '../store/outbox.ts';
import { sendMessages, type ComposeMessage, type DeliveryPolicy } from './send-messages.ts';
import type { OpenMailSession } from '../../email/open-mail-session.ts';

/** Totals of a pass. */
export interface RetryReport {
  readonly claimed: number;
  readonly sent: number;
  /** Temporary failures (still pending) and messages not tried after one. */
  readonly deferred: number;
  readonly failed: number;
  readonly held: number;
}

/**
 * Messages claimed at once: their results are recorded together, so a batch
 * must fit in the function's time even when the server answers slowly.
 */
export const RETRY_BATCH = 12;

/**
 * Send what is due.
 * @param budgetMs time after which no new batch is claimed: a scheduled function
 * has 30 s on Netlify, and one batch may still take up to one SMTP socket
 * time-out (15 s) after it
 * @throws the database's error on claiming or recording (what was claimed is taken again once the claim expires)
 */
export async function retryDueMessages(
  database: Queryable,
  openSession: OpenMailSession,
  compose: ComposeMessage,
  policy: DeliveryPolicy,
  budgetMs = 10_000,
): Promise<RetryReport> {
  const started = Date.now();
  const totals = { claimed: 0, sent: 0, deferred: 0, failed: 0, held: 0 };
  while (Date.now() - started < budgetMs) {
    const claimId = crypto.randomUUID();
    const claimed = await claimDueMessages(database, claimId, RETRY_BATCH);
    if (claimed.length === 0) break;
    const results = await sendMessages(claimed, openSession, compose, policy);
    await recordSendResults(database, claimId, results);
    totals.claimed += claimed.length;
    for (const result of results) {
      if (result.outcome === 'sent') totals.sent += 1;
      else if (result.outcome === 'retry') totals.deferred += 1;
      else if (result.outcome === 'failed') totals.failed += 1;
      else totals.held += 1;
    }
    // Temporary failures are not due again before their delay: the loop ends when the batch was the last one.
    if (claimed.length < RETRY_BATCH) break;
  }
  return totals;
}
