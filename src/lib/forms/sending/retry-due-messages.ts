/**
 * One pass of the scheduled retry (`netlify/functions/retry-pending-emails.mts`):
 * claim the due messages in batches and send them submission by submission,
 * recording each submission's results before sending the next one, until
 * none is due or the pass has used its time.
 */
import type { Queryable } from '../store/database.ts';
import { claimDueMessages, recordSendResults } from '../store/outbox.ts';
import { groupBySubmission, sendSubmissionMessages, type ComposeMessage, type DeliveryPolicy } from './send-messages.ts';
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

/** Messages claimed at once (one statement); those not started within the pass wait for their claim to expire. */
export const RETRY_BATCH = 50;

/**
 * Send what is due. Results are recorded after each submission (one session,
 * at most three messages), not after a whole batch: a pass stopped by the
 * platform's time limit, or a crash, leaves unrecorded at most the messages
 * of the submission being sent (they are sent again once their claim
 * expires). No submission is started after `budgetMs`, nor after the server
 * was found unreachable (each would wait for its own time-out); the claimed
 * messages not started stay claimed, and the first pass after the claim
 * (`CLAIM_MS`) takes them.
 * @param budgetMs time after which no new submission is sent: a scheduled function
 * has 30 s on Netlify, and the submission being sent may still take up to one
 * SMTP socket time-out (15 s) after it
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
  const inBudget = () => Date.now() - started < budgetMs;
  const totals = { claimed: 0, sent: 0, deferred: 0, failed: 0, held: 0 };
  while (inBudget()) {
    const claimId = crypto.randomUUID();
    const claimed = await claimDueMessages(database, claimId, RETRY_BATCH);
    if (claimed.length === 0) break;
    totals.claimed += claimed.length;
    let serverUnreachable = false;
    for (const group of groupBySubmission(claimed)) {
      if (!inBudget()) break;
      const outcome = await sendSubmissionMessages(group, openSession, compose, policy);
      await recordSendResults(database, claimId, outcome.results);
      for (const result of outcome.results) {
        if (result.outcome === 'sent') totals.sent += 1;
        else if (result.outcome === 'retry') totals.deferred += 1;
        else if (result.outcome === 'failed') totals.failed += 1;
        else totals.held += 1;
      }
      serverUnreachable = outcome.serverUnreachable;
      if (serverUnreachable) break;
    }
    // Temporary failures are not due again before their delay: the loop ends when the batch was the last one.
    if (serverUnreachable || claimed.length < RETRY_BATCH) break;
  }
  return totals;
}
