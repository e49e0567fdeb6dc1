/**
 * Where e-mails go: an SMTP server in production (`SMTP_URL`), or, for local
 * runs without SMTP settings, an outbox folder of `.eml` files that a developer
 * opens with any mail client. Both are nodemailer transports.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';

/** SMTP server URL (`smtp://user:password@host:587`, `smtps://…:465`) or a local outbox folder. */
export type MailDestination = { readonly kind: 'smtp'; readonly url: string } | { readonly kind: 'outbox'; readonly directory: string };

/** Sends one message; rejects when the message was not accepted. */
export type SendMail = (message: Mail.Options) => Promise<void>;

/**
 * SMTP time limits, milliseconds: a form's visitor waits for the send, so an
 * unreachable server must fail fast; the record stays pending and is retried.
 */
export const SMTP_TIMEOUTS = { connectionTimeout: 5_000, greetingTimeout: 5_000, socketTimeout: 15_000 } as const;

function fileNameFor(messageId: string | undefined): string {
  const id = (messageId ?? crypto.randomUUID()).replace(/[^A-Za-z0-9.-]+/g, '_');
  return `${new Date().toISOString().replace(/[:.]/g, '-')}-${id}.eml`;
}

/**
 * Create the sender for a destination.
 * @returns a function that sends one message and resolves once the SMTP server
 * accepted it (or the `.eml` file is written)
 */
export function createSendMail(destination: MailDestination): SendMail {
  if (destination.kind === 'smtp') {
    const transporter = nodemailer.createTransport({ url: destination.url, ...SMTP_TIMEOUTS });
    return async (message) => {
      await transporter.sendMail(message);
    };
  }
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return async (message) => {
    const info = await transporter.sendMail(message);
    await mkdir(destination.directory, { recursive: true });
    await writeFile(join(destination.directory, fileNameFor(info.messageId)), info.message as Buffer);
  };
}
