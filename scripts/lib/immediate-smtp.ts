/**
 * A minimal SMTP responder for the benchmarks: RFC 5321 commands only, no
 * parsing of the messages; greets at once and accepts every message, like a
 * relay with no greeting delay (the `smtp-server` package of the tests waits
 * 100 ms before greeting, and parses each message with `mailparser` there).
 */
import { createServer } from 'node:net';

/** A running responder on 127.0.0.1. */
export interface ImmediateSmtp {
  /** `smtp://127.0.0.1:PORT`, for `SMTP_URL`. */
  readonly url: string;
  /** Messages accepted so far. */
  accepted(): number;
  /** TCP connections opened so far. */
  connections(): number;
  stop(): Promise<void>;
}

/** Start the responder on a free port. */
export async function startImmediateSmtp(): Promise<ImmediateSmtp> {
  let accepted = 0;
  let connections = 0;
  const server = createServer((socket) => {
    connections += 1;
    let inData = false;
    let buffer = '';
    socket.setEncoding('latin1');
    socket.write('220 bench ESMTP\r\n');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end === -1) return;
          buffer = buffer.slice(end + 5);
          inData = false;
          accepted += 1;
          socket.write('250 OK: queued\r\n');
          continue;
        }
        const lineEnd = buffer.indexOf('\r\n');
        if (lineEnd === -1) return;
        const command = buffer.slice(0, lineEnd).toUpperCase();
        buffer = buffer.slice(lineEnd + 2);
        if (command.startsWith('EHLO')) socket.write('250-bench\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n');
        else if (command.startsWith('DATA')) {
          inData = true;
          socket.write('354 End data with <CR><LF>.<CR><LF>\r\n');
        } else if (command.startsWith('QUIT')) socket.end('221 Bye\r\n');
        else socket.write('250 OK\r\n');
      }
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    accepted: () => accepted,
    connections: () => connections,
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
      }),
  };
}
