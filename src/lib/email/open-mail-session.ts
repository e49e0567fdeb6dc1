/**
 * Where e-mails go: an SMTP server in production (`SMTP_URL`), or, for local
 * runs without SMTP settings, an outbox folder of `.eml` files that a developer
 * opens with any mail client. Both are nodemailer transports.
 *
 * A session sends the e-mails of one submission over **one** SMTP connection,
 * then closes it. It drives nodemailer's own building blocks, the ones its SMTP
 * transports are made of: `MailComposer` builds each message (the same bytes as
 * `transporter.sendMail`, but for the random MIME boundaries and the `Date`),
 * `SMTPConnection` holds the session (greeting, EHLO, STARTTLS when offered,
 * AUTH, one MAIL/RCPT/DATA per message). Measured against the pooled transport
 * limited to one connection (`npm run bench:forms`, issue 10): the transport
 * streamed each message to the socket in many small writes and added its
 * plugin and queue steps; a message built into one buffer and written at once
 * costs about half the CPU.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import type Mail from 'nodemailer/lib/mailer';
import { parseConnectionUrl } from 'nodemailer/lib/shared';
import SMTPConnection from 'nodemailer/lib/smtp-connection';

/** SMTP server URL (`smtp://user:password@host:587`, `smtps://…:465`) or a local outbox folder. */
export type MailDestination = { readonly kind: 'smtp'; readonly url: string } | { readonly kind: 'outbox'; readonly directory: string };

/** Messages sent one after another, then closed. */
export interface MailSession {
  /** Resolves once the SMTP server accepted the message (or the `.eml` file is written); rejects otherwise. */
  send(message: Mail.Options): Promise<void>;
  /** Close the connection (after the last send). */
  close(): void;
}

/** Opens a new session. */
export type OpenMailSession = () => MailSession;

/**
 * SMTP time limits, milliseconds: sends happen after the visitor's answer, but
 * inside a function limited in time, and an unreachable server must leave room
 * for recording the failure (the message then waits for the scheduled retry).
 */
export const SMTP_TIMEOUTS = { connectionTimeout: 5_000, greetingTimeout: 5_000, socketTimeout: 15_000 } as const;

function fileNameFor(messageId: string | undefined): string {
  const id = (messageId ?? crypto.randomUUID()).replace(/[^A-Za-z0-9.-]+/g, '_');
  return `${new Date().toISOString().replace(/[:.]/g, '-')}-${id}.eml`;
}

/** Runs one step of an SMTP session (a nodemailer callback API), rejecting at once when the connection fails meanwhile. */
type SessionStep = (run: (done: (error?: Error | null) => void) => void) => Promise<void>;

/**
 * One SMTP session: connected (and logged in when the URL carries credentials
 * and the server offers AUTH) at the first send, while that message is built.
 * Errors are nodemailer's: an SMTP refusal carries `responseCode`, a network
 * failure or time-out a `code` (`ECONNECTION`, `ETIMEDOUT`…) and no reply code.
 */
function openSmtpSession(options: SMTPConnection.Options, auth: SMTPConnection.AuthenticationCredentials | undefined): MailSession {
  const connection = new SMTPConnection(options);
  let broken: Error | undefined;
  let failStep: ((error: Error) => void) | undefined;
  // Socket errors, time-outs and a server closing the connection arrive here, not in a step's callback.
  connection.on('error', (error: Error) => {
    broken ??= error;
    failStep?.(error);
    connection.close();
  });
  const step: SessionStep = (run) =>
    new Promise((resolve, reject) => {
      if (broken) return reject(broken);
      failStep = reject;
      run((error) => {
        failStep = undefined;
        if (error) reject(error);
        else resolve();
      });
    });
  let opened: Promise<void> | undefined;
  const open = async () => {
    await step((done) => connection.connect(done));
    if (auth && connection.allowsAuth) await step((done) => connection.login(auth, done));
  };
  return {
    async send(message) {
      if (!opened) {
        opened = open();
        // Awaited below, after the message is built; until then a failure must not count as unhandled.
        opened.catch(() => undefined);
      }
      const mime = new MailComposer(message).compile();
      const built = await mime.build();
      await opened;
      await step((done) => connection.send(mime.getEnvelope(), built, done));
    },
    close() {
      if (opened && !broken) connection.quit();
      else connection.close();
    },
  };
}

/**
 * The session opener of a destination.
 * @returns a function opening one session (one SMTP connection, made at the first send)
 */
export function mailSessionOpener(destination: MailDestination): OpenMailSession {
  if (destination.kind === 'smtp') {
    // nodemailer's parser of SMTP URLs: host, port, `smtps:` (TLS from the start), credentials, query options.
    const { auth, ...connection } = parseConnectionUrl(destination.url);
    const options: SMTPConnection.Options = { ...connection, ...SMTP_TIMEOUTS };
    return () => openSmtpSession(options, auth);
  }
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return () => ({
    send: async (message) => {
      const info = await transporter.sendMail(message);
      await mkdir(destination.directory, { recursive: true });
      await writeFile(join(destination.directory, fileNameFor(info.messageId)), info.message as Buffer);
    },
    close: () => undefined,
  });
}
