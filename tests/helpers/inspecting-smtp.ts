/**
 * An SMTP server (`smtp-server`, 127.0.0.1, random port, no TLS, no
 * authentication) that runs a test's check on each message before accepting
 * it: the sender waits for the answer meanwhile, so the check sees the
 * database as it is while that message is being sent (and may hold it).
 */
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

/** A message and what the check found when it arrived. */
export interface Arrival<Seen> {
  readonly mail: ParsedMail;
  readonly seen: Seen;
}

export interface InspectingSmtp<Seen> {
  /** `smtp://127.0.0.1:PORT`, for `SMTP_URL`. */
  readonly url: string;
  /** Messages accepted so far, in order. */
  readonly arrivals: Arrival<Seen>[];
  /** SMTP connections opened so far. */
  connections(): number;
  stop(): Promise<void>;
}

/**
 * Start the server.
 * @param inspect run on each message before it is accepted (a rejection refuses it)
 */
export async function startInspectingSmtp<Seen>(inspect: (mail: ParsedMail) => Promise<Seen>): Promise<InspectingSmtp<Seen>> {
  const arrivals: Arrival<Seen>[] = [];
  let connections = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    // The client is this machine: no reverse DNS query of 127.0.0.1 before each greeting.
    disableReverseLookup: true,
    logger: false,
    onConnect(_session, callback) {
      connections += 1;
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          arrivals.push({ mail, seen: await inspect(mail) });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as { port: number };
  return { url: `smtp://127.0.0.1:${port}`, arrivals, connections: () => connections, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}
