/**
 * A minimal SMTP responder for the benchmarks: RFC 5321 commands only, no
 * parsing of the messages; greets at once, offers the extensions relays offer
 * (PIPELINING, 8BITMIME, SMTPUTF8) and accepts every message, like a relay with
 * no greeting delay (the `smtp-server` package of the tests waits
 * 100 ms before greeting, to catch early talkers, and that delay cannot be
 * turned off: a benchmark through it would time its timer).
 *
 * `startImmediateSmtp` runs it in a CHILD process (`immediate-smtp-process.ts`),
 * on 127.0.0.1: in production the relay is another machine, so its CPU (reading
 * the commands, finding the end of each message, the kernel's work on its side
 * of the socket) must not count as the function's (issue 10). The child's own
 * CPU is reported apart.
 */
import { fork } from 'node:child_process';
import { createServer } from 'node:net';

/** Counters of a responder: messages accepted and TCP connections opened so far, its process's CPU (user + system, ms). */
export interface ImmediateSmtpCounts {
  readonly accepted: number;
  readonly connections: number;
  readonly cpuMs: number;
}

/** A running responder in a child process. */
export interface ImmediateSmtp {
  /** `smtp://127.0.0.1:PORT`, for `SMTP_URL`. */
  readonly url: string;
  /** The counters now (asked to the child: every reply the client has read is counted). */
  counts(): Promise<ImmediateSmtpCounts>;
  stop(): Promise<void>;
}

/** A responder listening in this process (what the child runs). */
export interface ListeningSmtp {
  readonly port: number;
  counts(): ImmediateSmtpCounts;
}

/** Listen on a free port of 127.0.0.1 in this process. */
export async function listenImmediateSmtp(): Promise<ListeningSmtp> {
  let accepted = 0;
  let connections = 0;
  const server = createServer((socket) => {
    connections += 1;
    let inData = false;
    let buffer = '';
    socket.setEncoding('latin1');
    socket.write('220 bench ESMTP\r\n');
    // The replies to what one read brought, written at once: with PIPELINING (as the tests' `smtp-server` and Postfix
    // offer it) a client sends MAIL, RCPT and DATA in one batch (RFC 2920); three small writes would wait on each
    // other's acknowledgement (Nagle), as a relay that flushes once per batch does not.
    const reply = (chunk: string): string => {
      buffer += chunk;
      let replies = '';
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end === -1) return replies;
          buffer = buffer.slice(end + 5);
          inData = false;
          // Counted before the reply is written: a client that read the reply finds the message counted.
          accepted += 1;
          replies += '250 OK: queued\r\n';
          continue;
        }
        const lineEnd = buffer.indexOf('\r\n');
        if (lineEnd === -1) return replies;
        const command = buffer.slice(0, lineEnd).toUpperCase();
        buffer = buffer.slice(lineEnd + 2);
        if (command.startsWith('EHLO')) replies += '250-bench\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n';
        else if (command.startsWith('DATA')) {
          inData = true;
          replies += '354 End data with <CR><LF>.<CR><LF>\r\n';
        } else if (command.startsWith('QUIT')) {
          socket.end(`${replies}221 Bye\r\n`);
          return '';
        } else replies += '250 OK\r\n';
      }
    };
    socket.on('data', (chunk: string) => {
      const replies = reply(chunk);
      if (replies) socket.write(replies);
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  return {
    port,
    counts: () => {
      const { user, system } = process.cpuUsage();
      return { accepted, connections, cpuMs: (user + system) / 1_000 };
    },
  };
}

/** Start the responder in a child process, on a free port. */
export async function startImmediateSmtp(): Promise<ImmediateSmtp> {
  const child = fork(new URL('./immediate-smtp-process.ts', import.meta.url), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the SMTP responder exited with code ${code}`)));
    child.once('message', (message) => resolve((message as { port: number }).port));
  });
  child.removeAllListeners('exit');
  return {
    url: `smtp://127.0.0.1:${port}`,
    counts: () =>
      new Promise((resolve) => {
        child.once('message', (message) => resolve(message as ImmediateSmtpCounts));
        child.send('counts');
      }),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.send('stop');
      }),
  };
}
