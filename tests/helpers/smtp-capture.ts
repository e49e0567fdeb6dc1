/**
 * A real SMTP server (`smtp-server`) on 127.0.0.1, random port, no TLS and no
 * authentication, that parses every message it accepts with `mailparser`.
 * `refuse` makes it answer every message with `refusalCode` (451, a temporary
 * failure, unless set to a 5xx permanent one).
 */
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export interface SmtpCapture {
  /** `smtp://127.0.0.1:PORT`, for `SMTP_URL`. */
  readonly url: string;
  readonly port: number;
  /** Messages accepted so far, parsed. */
  readonly messages: ParsedMail[];
  /** SMTP connections opened so far. */
  readonly connections: number;
  /** While true, every message is refused with `refusalCode`. */
  refuse: boolean;
  /** SMTP reply code of a refusal (default 451). */
  refusalCode: number;
  /** Wait until `count` messages were accepted (fails after `timeoutMs`). */
  waitForMessages(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  stop(): Promise<void>;
}

/** Start the server; pass a port to restart one on the same address. */
export async function startSmtpCapture(port = 0): Promise<SmtpCapture> {
  const messages: ParsedMail[] = [];
  const capture = {
    refuse: false,
    refusalCode: 451,
    messages,
    connections: 0,
  } as { refuse: boolean; refusalCode: number; messages: ParsedMail[]; connections: number };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    // The client is this machine: no reverse DNS query of 127.0.0.1 before each greeting.
    disableReverseLookup: true,
    logger: false,
    onConnect(_session, callback) {
      capture.connections += 1;
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          if (capture.refuse) return callback(Object.assign(new Error('Refused'), { responseCode: capture.refusalCode }));
          messages.push(mail);
          return callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return Object.assign(capture, {
    url: `smtp://127.0.0.1:${address.port}`,
    port: address.port,
    async waitForMessages(count: number, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} messages, got ${messages.length}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return messages;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
