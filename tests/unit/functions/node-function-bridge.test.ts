import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { createServer } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { toWebRequest, writeWebResponse } from '../../../src/lib/functions/node-function-bridge.ts';
import { listenOnLoopback } from '../../helpers/listen-on-loopback.ts';

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

const servers: { close(): void }[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

/** A server that turns each request into a WHATWG Request, records it, and answers `answer`. */
async function serve(answer: () => Response, clientAddress = '198.51.100.7'): Promise<{ port: number; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((incoming, outgoing) => {
    const request = toWebRequest(incoming, 'http://127.0.0.1:4321', clientAddress);
    void request.text().then(async (body) => {
      seen.push({ method: request.method, url: request.url, headers: Object.fromEntries(request.headers), body });
      await writeWebResponse(answer(), outgoing);
    });
  });
  servers.push(server);
  return { port: await listenOnLoopback(server), seen };
}

function send(port: number, method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (incoming) => {
      let text = '';
      incoming.on('data', (chunk: Buffer) => (text += chunk.toString()));
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: text }));
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

describe('toWebRequest', () => {
  it('gives method, URL on the origin, headers, the streamed body, and the client’s address in place of any the client sent', async () => {
    const { port, seen } = await serve(() => new Response(null, { status: 204 }));
    await send(port, 'POST', '/api/candidature/?a=1', { 'content-type': 'application/json', 'x-nf-client-connection-ip': '203.0.113.9' }, '{"nom":"Économe"}');
    expect(seen).toEqual([
      {
        method: 'POST',
        url: 'http://127.0.0.1:4321/api/candidature/?a=1',
        headers: expect.objectContaining({ 'content-type': 'application/json', 'x-nf-client-connection-ip': '198.51.100.7' }),
        body: '{"nom":"Économe"}',
      },
    ]);
  });

  it('gives a GET no body', async () => {
    const { port, seen } = await serve(() => new Response('ok'));
    await send(port, 'GET', '/api/jeton/', {});
    expect(seen.map(({ method, body }) => ({ method, body }))).toEqual([{ method: 'GET', body: '' }]);
  });
});

describe('writeWebResponse', () => {
  it('writes the status, each header, several Set-Cookie apart, and the body', async () => {
    const headers = new Headers({ 'content-type': 'text/html; charset=utf-8', location: '/formulaires/merci/' });
    headers.append('set-cookie', 'a=1; Path=/');
    headers.append('set-cookie', 'b=2; Path=/; HttpOnly');
    const { port } = await serve(() => new Response('<p>Merci</p>', { status: 303, headers }));
    const answer = await send(port, 'GET', '/', {});
    expect(answer).toMatchObject({
      status: 303,
      headers: { 'content-type': 'text/html; charset=utf-8', location: '/formulaires/merci/', 'set-cookie': ['a=1; Path=/', 'b=2; Path=/; HttpOnly'] },
      body: '<p>Merci</p>',
    });
  });

  it('stops writing, without an error, once the client has gone', async () => {
    const outcomes: string[] = [];
    const server = createServer((_incoming, outgoing) => {
      outgoing.once('close', () => {
        writeWebResponse(new Response('<p>Trop tard</p>', { status: 400 }), outgoing).then(
          () => outcomes.push(`resolved, destroyed: ${outgoing.destroyed}`),
          (error: unknown) => outcomes.push(`rejected: ${String(error)}`),
        );
      });
    });
    servers.push(server);
    const port = await listenOnLoopback(server);
    const outgoing = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/', headers: { 'content-length': '4000' } });
    outgoing.on('error', () => undefined);
    outgoing.write('organisation=Ville');
    await new Promise((resolve) => setTimeout(resolve, 100));
    outgoing.destroy();
    await expect.poll(() => outcomes).toEqual(['resolved, destroyed: true']);
  });

  it('ends an answer without body', async () => {
    const { port } = await serve(() => new Response(null, { status: 204 }));
    expect(await send(port, 'GET', '/', {})).toMatchObject({ status: 204, body: '' });
  });
});
