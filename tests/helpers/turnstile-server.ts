/**
 * A stand-in for Cloudflare's Turnstile `siteverify` endpoint on 127.0.0.1
 * (`TURNSTILE_VERIFY_URL`): it answers `{ success: true }` for the one token
 * it was given, `{ success: false }` for any other, as Cloudflare does for a
 * bot's or a replayed token.
 */
import { createServer } from 'node:http';
import { listenOnLoopback } from './listen-on-loopback.ts';

export interface TurnstileServer {
  /** URL for `TURNSTILE_VERIFY_URL`. */
  readonly url: string;
  /** Tokens it was asked about, in order. */
  readonly checked: string[];
  stop(): Promise<void>;
}

/** Start the stand-in; `validToken` is the only token it accepts. */
export async function startTurnstileServer(validToken: string): Promise<TurnstileServer> {
  const checked: string[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const token = new URLSearchParams(body).get('response') ?? '';
      checked.push(token);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(token === validToken ? { success: true } : { success: false, 'error-codes': ['invalid-input-response'] }));
    });
  });
  const port = await listenOnLoopback(server);
  return { url: `http://127.0.0.1:${port}/siteverify`, checked, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}
