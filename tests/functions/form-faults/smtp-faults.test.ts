/**
 * SMTP down then back, refusing for good (550), refusing for a day (451), or
 * accepting connections and never greeting: the visitor gets a reference, each
 * e-mail arrives once after recovery or is marked failed (`harness.ts`).
 */
import { describe, expect, it } from 'vitest';
import { SMTP_TIMEOUTS } from '../../../src/lib/email/open-mail-session.ts';
import { MAX_SEND_ATTEMPTS } from '../../../src/lib/forms/store/outbox.ts';
import { settleBackgroundWork } from '../../helpers/function-context.ts';
import { advanceOutboxClock, countMailsByReference } from '../../helpers/form-fixtures.ts';
import { runScheduledRetry } from '../../helpers/scheduled-retry.ts';
import { EACH_ONCE, QUARTER_HOUR_MS, rowsOf, services, startSilentSmtp, submitAccepted, useFaultServices } from './harness.ts';

useFaultServices();

describe('SMTP down, then back', () => {
  it('the visitors get their references; after the scheduled retry each e-mail of each submission arrived exactly once', async () => {
    await services.stopSmtp();
    let references: string[];
    try {
      references = [await submitAccepted(), await submitAccepted(), await submitAccepted()];
      await settleBackgroundWork();
    } finally {
      await services.restartSmtp();
    }
    // The first message of each submission failed (the session stopped there); the others were not tried, for that reason.
    const refused = 'Error: ESOCKET';
    expect(await rowsOf(references)).toEqual(
      references.flatMap((reference) => [
        [reference, 'team', 'pending', 1, refused],
        [reference, 'startup', 'pending', 0, refused],
        [reference, 'confirmation', 'pending', 0, refused],
      ]),
    );
    // The next run sends the messages never tried; the failed ones wait for their retry delay (5 min).
    expect((await runScheduledRetry()).status).toBe(204);
    expect(services.smtp.messages).toHaveLength(6);
    await advanceOutboxClock(services.database, QUARTER_HOUR_MS);
    expect((await runScheduledRetry()).status).toBe(204);
    await advanceOutboxClock(services.database, QUARTER_HOUR_MS);
    expect((await runScheduledRetry()).status).toBe(204);

    expect(services.smtp.messages).toHaveLength(9);
    expect(new Set(services.smtp.messages.map((mail) => mail.messageId)).size).toBe(9);
    expect(countMailsByReference(services.smtp.messages)).toEqual(Object.fromEntries(references.map((reference) => [reference, EACH_ONCE])));
    expect(await rowsOf(references)).toEqual(
      references.flatMap((reference) => [
        [reference, 'team', 'sent', 2, refused],
        [reference, 'startup', 'sent', 1, refused],
        [reference, 'confirmation', 'sent', 1, refused],
      ]),
    );
  });

  it('a permanent refusal (550) marks every message failed with its error; the retry never sends them', async () => {
    services.smtp.refuse = true;
    services.smtp.refusalCode = 550;
    let reference: string;
    try {
      reference = await submitAccepted();
      await settleBackgroundWork();
    } finally {
      services.smtp.refuse = false;
      services.smtp.refusalCode = 451;
    }
    const failed = ['team', 'startup', 'confirmation'].map((kind) => [reference, kind, 'failed', 1, 'Error: 550']);
    expect(await rowsOf([reference])).toEqual(failed);
    await advanceOutboxClock(services.database, 24 * 60 * 60 * 1_000);
    expect((await runScheduledRetry()).status).toBe(204);
    expect(services.smtp.messages).toEqual([]);
    expect(await rowsOf([reference])).toEqual(failed);
  });
});

describe('SMTP refusing for a day', () => {
  it(`a message still refused (451) at its ${MAX_SEND_ATTEMPTS}th attempt is marked failed, and the retry stops sending it`, async () => {
    services.smtp.refuse = true;
    let reference: string;
    try {
      reference = await submitAccepted();
      await settleBackgroundWork();
      // A day of scheduled runs later: the team's copy has failed every time.
      await services.database.query(
        `UPDATE outbox SET attempts = $1 FROM submissions s WHERE s.id = outbox.submission_id AND s.reference = $2 AND outbox.kind = 'team'`,
        [MAX_SEND_ATTEMPTS - 1, reference],
      );
      await advanceOutboxClock(services.database, QUARTER_HOUR_MS);
      expect((await runScheduledRetry()).status).toBe(204);
    } finally {
      services.smtp.refuse = false;
    }
    expect(await rowsOf([reference])).toEqual([
      [reference, 'team', 'failed', MAX_SEND_ATTEMPTS, 'Error: 451'],
      [reference, 'startup', 'pending', 0, 'Error: 451'],
      [reference, 'confirmation', 'pending', 0, 'Error: 451'],
    ]);
    // SMTP back: the others go, the failed one stays failed (shown to the team).
    await advanceOutboxClock(services.database, QUARTER_HOUR_MS);
    expect((await runScheduledRetry()).status).toBe(204);
    expect(countMailsByReference(services.smtp.messages)).toEqual({ [reference]: { startup: 1, confirmation: 1 } });
    expect((await rowsOf([reference])).map(([, kind, status]) => [kind, status])).toEqual([
      ['team', 'failed'],
      ['startup', 'sent'],
      ['confirmation', 'sent'],
    ]);
  });
});

describe('SMTP accepting connections, then saying nothing', () => {
  it('the visitor is answered at once; the sending gives up after one greeting time-out and leaves the e-mails to the retry', async ({ annotate }) => {
    const silent = await startSilentSmtp();
    process.env['SMTP_URL'] = silent.url;
    let answerMs: number;
    let sendingMs: number;
    let reference: string;
    try {
      const started = performance.now();
      reference = await submitAccepted();
      answerMs = performance.now() - started;
      await settleBackgroundWork();
      sendingMs = performance.now() - started;
    } finally {
      process.env['SMTP_URL'] = services.smtp.url;
      await silent.stop();
    }
    await annotate(`answer after ${Math.round(answerMs)} ms, sending given up after ${Math.round(sendingMs)} ms`);
    expect(answerMs).toBeLessThan(1_000);
    expect(sendingMs).toBeGreaterThanOrEqual(SMTP_TIMEOUTS.greetingTimeout - 100);
    expect(sendingMs).toBeLessThan(2 * SMTP_TIMEOUTS.greetingTimeout);
    expect(silent.sockets).toHaveLength(1);
    expect((await rowsOf([reference])).map(([, kind, status, attempts]) => [kind, status, attempts])).toEqual([
      ['team', 'pending', 1],
      ['startup', 'pending', 0],
      ['confirmation', 'pending', 0],
    ]);
    await advanceOutboxClock(services.database, QUARTER_HOUR_MS);
    expect((await runScheduledRetry()).status).toBe(204);
    expect((await runScheduledRetry()).status).toBe(204);
    expect(countMailsByReference(services.smtp.messages)).toEqual({ [reference]: EACH_ONCE });
  });
});
