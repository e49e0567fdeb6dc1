/**
 * The process killed (SIGKILL) between the commit and the e-mails, and two
 * retry passes at once: each e-mail is sent exactly once (`harness.ts`).
 */
import { describe, expect, it, vi } from 'vitest';
import { CLAIM_MS } from '../../../src/lib/forms/store/outbox.ts';
import { spawnSubmitter } from '../../helpers/child-submitter.ts';
import { settleBackgroundWork } from '../../helpers/function-context.ts';
import { advanceOutboxClock, countMailsByReference, validOrderFields, withToken } from '../../helpers/form-fixtures.ts';
import { runScheduledRetry } from '../../helpers/scheduled-retry.ts';
import { EACH_ONCE, FORM, pendingSubmissions, rowsOf, services, startSilentSmtp, submit, useFaultServices } from './harness.ts';

useFaultServices();

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('the process killed between the commit and the e-mails', () => {
  it('after SIGKILL, the first retry past the claim sends each e-mail once; a resubmission gets the reference and sends nothing', async () => {
    const silent = await startSilentSmtp();
    const fields = await withToken(FORM, validOrderFields());
    const child = spawnSubmitter(FORM, [new URLSearchParams(fields).toString()], { SMTP_URL: silent.url });
    try {
      await child.ready;
      child.go();
      // Answered, then waiting for the silent server's greeting with the e-mails claimed: kill it there.
      await waitFor(() => child.answers.length === 1 && silent.sockets.length === 1);
      child.process.kill('SIGKILL');
      expect(await child.exited).toBe('SIGKILL');
    } finally {
      child.process.kill('SIGKILL');
      await silent.stop();
    }
    const [answer] = child.answers;
    expect(answer).toMatchObject({ status: 200, body: { status: 'accepted' } });
    const reference = answer!.body.reference!;
    const pending = ['team', 'startup', 'confirmation'].map((kind) => [reference, kind, 'pending', 0, null]);
    expect(await rowsOf([reference])).toEqual(pending);

    // The dead request's claim still holds its messages: a retry now sends nothing.
    expect((await runScheduledRetry()).status).toBe(204);
    expect(services.smtp.messages).toEqual([]);
    // The first scheduled run after the claim expired sends them, once.
    await advanceOutboxClock(services.database, CLAIM_MS + 1_000);
    expect((await runScheduledRetry()).status).toBe(204);
    expect((await runScheduledRetry()).status).toBe(204);
    // The visitor sends the form again: same reference, no new e-mail.
    const again = await submit('json', fields);
    expect(await again.json()).toMatchObject({ status: 'accepted', reference });
    await settleBackgroundWork();
    expect(countMailsByReference(services.smtp.messages)).toEqual({ [reference]: EACH_ONCE });
    expect(await rowsOf([reference])).toEqual(['team', 'startup', 'confirmation'].map((kind) => [reference, kind, 'sent', 1, null]));
  });
});

describe('two retry passes at once', () => {
  it('20 submissions left pending: both passes together send each of the 60 e-mails once', async ({ annotate }) => {
    // All 60 messages due: more than one batch (`RETRY_BATCH`).
    const references = await pendingSubmissions(20);
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    let passes: Response[];
    let lines: unknown[];
    try {
      passes = await Promise.all([runScheduledRetry(), runScheduledRetry()]);
    } finally {
      lines = log.mock.calls.map(([line]) => line);
      log.mockRestore();
    }
    expect(passes.map((response) => response.status)).toEqual([204, 204]);
    // Each message was claimed by one pass only (the passes' log lines).
    const reports = lines.map((line) => JSON.parse(String(line)) as { event: string; claimed: number });
    expect(reports.map(({ event }) => event)).toEqual(['retry-pending-emails', 'retry-pending-emails']);
    expect(reports.reduce((total, report) => total + report.claimed, 0)).toBe(60);
    await annotate(`messages claimed by each pass: ${reports.map((report) => report.claimed).join(' and ')}`);
    expect(services.smtp.messages).toHaveLength(60);
    expect(new Set(services.smtp.messages.map((mail) => mail.messageId)).size).toBe(60);
    expect(countMailsByReference(services.smtp.messages)).toEqual(Object.fromEntries(references.map((reference) => [reference, EACH_ONCE])));
    expect((await rowsOf(references)).filter(([, , status]) => status !== 'sent')).toEqual([]);
  });
});
