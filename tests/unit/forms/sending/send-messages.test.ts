/**
 * Sending claimed messages through a real SMTP server: one connection per
 * submission, what a temporary or permanent refusal does to the rest, and the
 * deploy-context policies.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mailSessionOpener } from '../../../../src/lib/email/open-mail-session.ts';
import { sendMessages, type ComposeMessage } from '../../../../src/lib/forms/sending/send-messages.ts';
import type { ClaimedMessage, SendResult } from '../../../../src/lib/forms/store/outbox.ts';
import { startSmtpCapture, type SmtpCapture } from '../../../helpers/smtp-capture.ts';

let smtp: SmtpCapture;

beforeAll(async () => {
  smtp = await startSmtpCapture();
});
afterAll(() => smtp.stop());
beforeEach(() => {
  smtp.messages.length = 0;
  smtp.refuse = false;
  smtp.refusalCode = 451;
});

/** The three messages of submission `reference`, ids from `firstId`. */
function messagesOf(reference: string, firstId: number): ClaimedMessage[] {
  const submission = { reference, form: 'demande-bon-de-commande' as const, receivedAt: '2026-12-02T10:00:00.000Z', data: {} };
  return (['team', 'startup', 'confirmation'] as const).map((kind, index) => ({ id: firstId + index, kind, recipient: `${kind}@exemple.fr`, submission, heldSiblings: [] }));
}

const compose: ComposeMessage = (message, to) => ({
  from: 'ne-pas-repondre@exemple.fr',
  to,
  subject: `${message.submission.reference} ${message.kind}`,
  text: 'Texte',
  messageId: `<${message.submission.reference}.${message.kind}@exemple.fr>`,
});

const open = () => mailSessionOpener({ kind: 'smtp', url: smtp.url });

/** Each result's outcome and whether its message was tried. */
function outcomesOf(results: readonly SendResult[]): [string, boolean][] {
  return results.map((result) => [result.outcome, 'attempted' in result && result.attempted]);
}

describe('sendMessages', () => {
  it('sends each submission’s messages over one SMTP connection', async () => {
    const before = smtp.connections;
    const results = await sendMessages([...messagesOf('PBC-2026-00001', 1), ...messagesOf('PBC-2026-00002', 4)], open(), compose, { kind: 'deliver' });
    expect(results).toEqual([1, 2, 3, 4, 5, 6].map((id) => ({ id, outcome: 'sent' })));
    expect(smtp.connections - before).toBe(2);
    expect(smtp.messages.map((message) => message.subject)).toEqual(['PBC-2026-00001 team', 'PBC-2026-00001 startup', 'PBC-2026-00001 confirmation', 'PBC-2026-00002 team', 'PBC-2026-00002 startup', 'PBC-2026-00002 confirmation']);
  });

  it('after a temporary refusal, leaves the submission’s next messages untried', async () => {
    smtp.refuse = true;
    const results = await sendMessages(messagesOf('PBC-2026-00003', 1), open(), compose, { kind: 'deliver' });
    expect(outcomesOf(results)).toEqual([
      ['retry', true],
      ['retry', false],
      ['retry', false],
    ]);
    expect(results[0]).toMatchObject({ error: 'Error: 451' });
  });

  it('after a permanent refusal (5xx), marks the message failed and goes on', async () => {
    smtp.refuse = true;
    smtp.refusalCode = 550;
    const results = await sendMessages(messagesOf('PBC-2026-00004', 1), open(), compose, { kind: 'deliver' });
    expect(results.map((result) => result.outcome)).toEqual(['failed', 'failed', 'failed']);
  });

  it('sends every message to the test address of a deploy preview', async () => {
    await sendMessages(messagesOf('PBC-2026-00005', 1), open(), compose, { kind: 'redirect', to: 'essais@exemple.fr' });
    expect(smtp.messages.map((message) => (message.to && 'text' in message.to ? message.to.text : ''))).toEqual(['essais@exemple.fr', 'essais@exemple.fr', 'essais@exemple.fr']);
  });

  it('holds everything in a deploy preview without a test address, with no connection', async () => {
    const before = smtp.connections;
    const results = await sendMessages(messagesOf('PBC-2026-00006', 1), open(), compose, { kind: 'hold' });
    expect(results).toEqual([1, 2, 3].map((id) => ({ id, outcome: 'held', reason: 'deploy-preview' })));
    expect(smtp.connections).toBe(before);
    expect(smtp.messages).toEqual([]);
  });

  it('reports a server that refuses connections as a temporary failure, and tries no other submission', async () => {
    const results = await sendMessages([...messagesOf('PBC-2026-00007', 1), ...messagesOf('PBC-2026-00008', 4)], mailSessionOpener({ kind: 'smtp', url: 'smtp://127.0.0.1:9' }), compose, { kind: 'deliver' });
    expect(outcomesOf(results)).toEqual([
      ['retry', true],
      ['retry', false],
      ['retry', false],
      ['retry', false],
      ['retry', false],
      ['retry', false],
    ]);
    expect(results[0]).toMatchObject({ error: 'Error: ESOCKET' });
  });

  it('after a temporary refusal of one submission, still tries the next (the server answers)', async () => {
    smtp.refuse = true;
    const first = messagesOf('PBC-2026-00009', 1);
    const compose451Once: ComposeMessage = (message, to) => {
      if (message.submission.reference === 'PBC-2026-00010') smtp.refuse = false;
      return compose(message, to);
    };
    const results = await sendMessages([...first, ...messagesOf('PBC-2026-00010', 4)], open(), compose451Once, { kind: 'deliver' });
    expect(results.map((result) => result.outcome)).toEqual(['retry', 'retry', 'retry', 'sent', 'sent', 'sent']);
  });
});
