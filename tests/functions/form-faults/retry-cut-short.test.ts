/**
 * A scheduled retry pass stopped part-way (its time budget, an unreachable SMTP
 * server): it re-sends at most one submission’s e-mails, and the next pass
 * past the claim sends the rest, each once (`harness.ts`).
 */
import { describe, expect, it } from 'vitest';
import { loadFormRuntime } from '../../../netlify/lib/form-runtime.ts';
import { retryDueMessages, type RetryReport } from '../../../src/lib/forms/sending/retry-due-messages.ts';
import { CLAIM_MS } from '../../../src/lib/forms/store/outbox.ts';
import { functionContext } from '../../helpers/function-context.ts';
import { advanceOutboxClock, countMailsByReference } from '../../helpers/form-fixtures.ts';
import { startInspectingSmtp } from '../../helpers/inspecting-smtp.ts';
import { runScheduledRetry } from '../../helpers/scheduled-retry.ts';
import { EACH_ONCE, QUARTER_HOUR_MS, pendingSubmissions, rowsOf, services, useFaultServices } from './harness.ts';

useFaultServices();

/** Number of the given submissions' e-mails recorded as sent. */
async function recordedSent(references: readonly string[]): Promise<number> {
  return (await rowsOf(references)).filter(([, , status]) => status === 'sent').length;
}

describe('the scheduled retry stopped part-way (time limit, crash)', () => {
  it('records each submission’s sends before sending the next one, so a pass cut short re-sends at most one submission’s e-mails', async () => {
    const references = await pendingSubmissions(4);
    const checking = await startInspectingSmtp(() => recordedSent(references));
    process.env['SMTP_URL'] = checking.url;
    try {
      expect((await runScheduledRetry()).status).toBe(204);
    } finally {
      process.env['SMTP_URL'] = services.smtp.url;
      await checking.stop();
    }
    // When the i-th message arrived, the submissions before its own were all recorded as sent.
    expect(checking.arrivals.map(({ seen }) => seen)).toEqual([0, 0, 0, 3, 3, 3, 6, 6, 6, 9, 9, 9]);
    expect(countMailsByReference(checking.arrivals.map(({ mail }) => mail))).toEqual(Object.fromEntries(references.map((reference) => [reference, EACH_ONCE])));
  });

  it('starts no submission after its time budget; the first pass after the claim sends the rest, each e-mail once', async () => {
    const references = await pendingSubmissions(4);
    // A slow server: 150 ms per message, so one submission takes about 450 ms.
    const slow = await startInspectingSmtp(() => new Promise((resolve) => setTimeout(resolve, 150)));
    process.env['SMTP_URL'] = slow.url;
    let first: RetryReport;
    try {
      const { delivery } = await loadFormRuntime(functionContext());
      first = await retryDueMessages(delivery.database, delivery.openSession, delivery.compose, delivery.policy, 500);
    } finally {
      process.env['SMTP_URL'] = services.smtp.url;
      await slow.stop();
    }
    expect(first.claimed).toBe(12);
    expect(first.sent % 3).toBe(0);
    expect(first.sent).toBeGreaterThanOrEqual(3);
    expect(first.sent).toBeLessThan(12);
    expect(await recordedSent(references)).toBe(first.sent);
    // The rest stay claimed by the finished pass: the next run takes them once the claim has expired.
    expect((await runScheduledRetry()).status).toBe(204);
    expect(services.smtp.messages).toEqual([]);
    await advanceOutboxClock(services.database, CLAIM_MS + 1_000);
    expect((await runScheduledRetry()).status).toBe(204);
    const mails = [...slow.arrivals.map(({ mail }) => mail), ...services.smtp.messages];
    expect(countMailsByReference(mails)).toEqual(Object.fromEntries(references.map((reference) => [reference, EACH_ONCE])));
    expect(await recordedSent(references)).toBe(12);
  });

  it('with the SMTP server unreachable, tries one submission and ends the pass; past the claim and the delay, each e-mail is sent once', async () => {
    const references = await pendingSubmissions(4);
    await services.stopSmtp();
    let first: RetryReport;
    try {
      const { delivery } = await loadFormRuntime(functionContext());
      first = await retryDueMessages(delivery.database, delivery.openSession, delivery.compose, delivery.policy);
    } finally {
      await services.restartSmtp();
    }
    // One connection refused: that submission's three messages are deferred, the other nine wait under the claim.
    expect(first).toEqual({ claimed: 12, sent: 0, deferred: 3, failed: 0, held: 0 });
    expect(await recordedSent(references)).toBe(0);
    // Past the claim and the refused message's retry delay, one pass sends everything.
    await advanceOutboxClock(services.database, QUARTER_HOUR_MS);
    expect((await runScheduledRetry()).status).toBe(204);
    expect(countMailsByReference(services.smtp.messages)).toEqual(Object.fromEntries(references.map((reference) => [reference, EACH_ONCE])));
    expect(await recordedSent(references)).toBe(12);
  });
});
