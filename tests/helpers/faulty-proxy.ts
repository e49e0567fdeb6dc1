/**
 * An HTTP proxy on 127.0.0.1 (random port) in front of a local server (the
 * Blobs server), that fails the requests a rule picks: answering 500 without
 * forwarding, dropping the connection without forwarding, or forwarding and then
 * dropping the connection before the answer (the write happened, the client
 * cannot know). Used by the fault tests.
 */
import { createServer, request as forward, type IncomingMessage, type Server } from 'node:http';

/** What to do with one request. */
export type Fault = 'pass' | 'fail-500' | 'drop' | 'forward-then-drop';

/** A request as the rule sees it; `attempt` counts earlier requests with the same method and path (0 first). */
export interface ProxiedRequest {
  readonly method: string;
  /** Path with the URL-encoding undone (`/test-site/submissions/records/PBC-2026-00001`). */
  readonly path: string;
  readonly attempt: number;
}

export interface FaultyProxy {
  readonly url: string;
  /** The rule; change it between tests. */
  rule: (request: ProxiedRequest) => Fault;
  /** Every request seen, with the fault applied. */
  readonly log: (ProxiedRequest & { fault: Fault })[];
  close(): Promise<void>;
}

/** Start a proxy to `target` (`http://127.0.0.1:PORT`) that passes everything until `rule` is set. */
export async function startFaultyProxy(target: string): Promise<FaultyProxy> {
  const attempts = new Map<string, number>();
  const proxy: FaultyProxy = {
    url: '',
    rule: () => 'pass',
    log: [],
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
  function pass(incoming: IncomingMessage, onAnswer: (answer: IncomingMessage) => void): void {
    const upstream = forward(new URL(incoming.url ?? '/', target), { method: incoming.method, headers: incoming.headers }, onAnswer);
    upstream.on('error', () => incoming.socket.destroy());
    incoming.pipe(upstream);
  }
  const server: Server = createServer((incoming, outgoing) => {
    const url = new URL(incoming.url ?? '/', target);
    const path = decodeURIComponent(url.pathname);
    const id = `${incoming.method} ${path}`;
    const attempt = attempts.get(id) ?? 0;
    attempts.set(id, attempt + 1);
    const seen = { method: incoming.method ?? 'GET', path, attempt };
    const fault = proxy.rule(seen);
    proxy.log.push({ ...seen, fault });
    if (fault === 'fail-500') {
      incoming.resume();
      outgoing.writeHead(500, { 'content-type': 'text/plain' }).end('injected failure');
    } else if (fault === 'drop') {
      incoming.socket.destroy();
    } else if (fault === 'forward-then-drop') {
      pass(incoming, (answer) => {
        answer.resume();
        answer.on('end', () => incoming.socket.destroy());
      });
    } else {
      pass(incoming, (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return Object.assign(proxy, { url: `http://127.0.0.1:${address.port}` });
}
