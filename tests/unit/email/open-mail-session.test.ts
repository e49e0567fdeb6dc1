import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { composeSubmissionEmail } from '../../../src/lib/email/compose-submission-email.ts';
import { mailSessionOpener } from '../../../src/lib/email/open-mail-session.ts';
import { describeSendFailure } from '../../../src/lib/forms/sending/send-messages.ts';
import { ORDERABLE_STARTUP, VALID_ORDER_DATA } from '../../helpers/form-fixtures.ts';
import { listenOnLoopback } from '../../helpers/listen-on-loopback.ts';
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

  it('sends the bytes nodemailer’s SMTP transport sends, but for the random MIME boundaries and the Date', async () => {
    const raw: Buffer[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          raw.push(Buffer.concat(chunks));
          callback();
        });
      },
    });
    const port = await listenOnLoopback(server.server);
    try {
      const record = { reference: 'PBC-2026-00042', form: 'demande-bon-de-commande', receivedAt: '2026-05-12T08:30:00.000Z', data: { ...VALID_ORDER_DATA } } as const;
      const context = { from: { name: 'Premiers bons de commande', address: 'ne-pas-repondre@premiers-bons-de-commande.fr' }, teamAddress: 'contact@exemple.fr', siteName: 'Premiers bons de commande', siteUrl: 'https://exemple.fr' };
      const message = composeSubmissionEmail(record, 'team', 'destinataire@exemple.fr', context, ORDERABLE_STARTUP.name);
      const url = `smtp://127.0.0.1:${port}`;
      const session = mailSessionOpener({ kind: 'smtp', url })();
      await session.send(message);
      session.close();
      const transporter = nodemailer.createTransport({ url });
      await transporter.sendMail(message);
      transporter.close();
      const comparable = (bytes: Buffer) => bytes.toString('utf8').replace(/--_NmP-[0-9a-f]+-Part_\d+/g, '--BOUNDARY').replace(/^Date: .*$/m, 'Date: DATE');
      const [sent, byTransport] = raw.map(comparable);
      expect(raw).toHaveLength(2);
      expect(sent).toBe(byTransport);
      expect(sent).toContain('\r\nContent-Type: multipart/alternative;\r\n boundary="--BOUNDARY"\r\n');
      expect(sent).toContain('\r\nTo: destinataire@exemple.fr\r\n');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('logs in with the credentials of the URL when the server offers AUTH, and rejects with 535 when they are wrong', async () => {
    const logins: string[] = [];
    const server = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      logger: false,
      onAuth(auth, _session, callback) {
        logins.push(`${auth.username}:${auth.password}`);
        if (auth.username === 'relais' && auth.password === 'mot@de:passe') return callback(null, { user: auth.username });
        return callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
      },
      onData(stream, _session, callback) {
        stream.resume();
        stream.on('end', () => callback());
      },
    });
    const port = await listenOnLoopback(server.server);
    try {
      await sendOne({ kind: 'smtp', url: `smtp://relais:${encodeURIComponent('mot@de:passe')}@127.0.0.1:${port}` }, MESSAGE);
      await expect(sendOne({ kind: 'smtp', url: `smtp://relais:faux@127.0.0.1:${port}` }, MESSAGE)).rejects.toMatchObject({ responseCode: 535 });
      expect(logins).toEqual(['relais:mot@de:passe', 'relais:faux']);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('rejects without a reply code when the server drops the connection mid-session, and the next send rejects at once', async () => {
    const server = createServer((socket) => {
      socket.write('220 relais ESMTP\r\n');
      socket.on('data', (chunk: Buffer) => {
        if (chunk.toString('latin1').startsWith('EHLO')) socket.write('250-relais\r\n250 8BITMIME\r\n');
        else socket.destroy();
      });
    });
    const port = await listenOnLoopback(server);
    try {
      const session = mailSessionOpener({ kind: 'smtp', url: `smtp://127.0.0.1:${port}` })();
      const error: unknown = await session.send(MESSAGE).catch((caught: unknown) => caught);
      expect(describeSendFailure(error)).toMatchObject({ permanent: false, serverUnreachable: true });
      const started = performance.now();
      await expect(session.send(MESSAGE)).rejects.toBe(error);
      expect(performance.now() - started).toBeLessThan(1_000);
      session.close();
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
