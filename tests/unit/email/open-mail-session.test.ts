import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import { mailSessionOpener } from '../../../src/lib/email/open-mail-session.ts';
import { startSmtpCapture, type SmtpCapture } from '../../helpers/smtp-capture.ts';

const MESSAGE = {
  from: { name: 'Premiers bons de commande', address: 'ne-pas-repondre@premiers-bons-de-commande.fr' },
  to: 'contact@société-verte.fr',
  subject: 'Votre demande est bien reçue\u00a0: «\u00a0Démo\u00a0» (PBC-2026-00001)',
  text: 'Merci : c’est enregistré.',
  messageId: '<PBC-2026-00001.confirmation@premiers-bons-de-commande.fr>',
};

let smtp: SmtpCapture;
let outbox: string;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  outbox = await mkdtemp(join(tmpdir(), 'pbc-outbox-'));
});
afterAll(async () => {
  await smtp.stop();
  await rm(outbox, { recursive: true, force: true });
});

/** Send one message in a session of its own. */
async function sendOne(destination: Parameters<typeof mailSessionOpener>[0], message: typeof MESSAGE): Promise<void> {
  const session = mailSessionOpener(destination)();
  try {
    await session.send(message);
  } finally {
    session.close();
  }
}

describe('mailSessionOpener', () => {
  it('delivers through SMTP, accented recipient domain included', async () => {
    await sendOne({ kind: 'smtp', url: smtp.url }, MESSAGE);
    const [mail] = await smtp.waitForMessages(1);
    expect(mail!.subject).toBe(MESSAGE.subject);
    expect(mail!.messageId).toBe(MESSAGE.messageId);
    expect(mail!.text?.trimEnd()).toBe(MESSAGE.text);
  });

  it('sends the three e-mails of a submission over one SMTP connection', async () => {
    const before = { connections: smtp.connections, messages: smtp.messages.length };
    const session = mailSessionOpener({ kind: 'smtp', url: smtp.url })();
    for (const kind of ['team', 'startup', 'confirmation']) await session.send({ ...MESSAGE, messageId: `<PBC-2026-00002.${kind}@premiers-bons-de-commande.fr>` });
    session.close();
    await smtp.waitForMessages(before.messages + 3);
    expect(smtp.messages.slice(before.messages).map((mail) => mail.messageId)).toEqual(['team', 'startup', 'confirmation'].map((kind) => `<PBC-2026-00002.${kind}@premiers-bons-de-commande.fr>`));
    expect(smtp.connections - before.connections).toBe(1);
  });

  it('rejects when the server refuses the message, so the caller can keep it pending', async () => {
    smtp.refuse = true;
    try {
      await expect(sendOne({ kind: 'smtp', url: smtp.url }, MESSAGE)).rejects.toMatchObject({ responseCode: 451 });
    } finally {
      smtp.refuse = false;
    }
  });

  it('writes a local run’s message to the outbox as an .eml file', async () => {
    await sendOne({ kind: 'outbox', directory: join(outbox, 'nested') }, MESSAGE);
    const files = await readdir(join(outbox, 'nested'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^\d{4}-\d{2}-\d{2}T[\d-]+Z-_PBC-2026-00001.confirmation_premiers-bons-de-commande.fr_\.eml$/);
    const parsed = await simpleParser(await readFile(join(outbox, 'nested', files[0]!)));
    expect(parsed.subject).toBe(MESSAGE.subject);
    expect(parsed.text?.trimEnd()).toBe(MESSAGE.text);
  });
});
