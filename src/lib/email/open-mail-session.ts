/**
 * Where e-mails go: an SMTP server in production (`SMTP_URL`), or, for local
 * runs without SMTP settings, an outbox folder of `.eml` files that a developer
 * opens with any mail client. Both are nodemailer transports.
 *
 * A session sends the e-mails of one submission over **one** SMTP connection
 * (nodemailer's pooled transport limited to one connection), then closes it.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';

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

/**
 * The session opener of a destination.
 * @returns a function opening one session (one SMTP connection, made at the first send)
 */
export function mailSessionOpener(destination: MailDestination): OpenMailSession {
  if (destination.kind === 'smtp') {
    return () => {
      const transporter = nodemailer.createTransport({ url: destination.url, pool: true, maxConnections: 1, ...SMTP_TIMEOUTS });
      return {
        send: async (message) => {
          await transporter.sendMail(message);
        },
        close: () => transporter.close(),
      };
    };
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
