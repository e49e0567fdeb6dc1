/**
 * Calling a Netlify Function (WHATWG `Request` in, `Response` out) from a Node
 * HTTP server, as Netlify's platform does: the request's body is streamed, the
 * client's address is given in `x-nf-client-connection-ip` (Netlify's proxy
 * sets it, replacing any the client sent), and the answer is written back with
 * its status, every header (each `Set-Cookie` as its own header) and its body,
 * streamed. Used by `npm run dev` (src/integrations/local-functions.ts) and the
 * tests' server (tests/helpers/site-with-functions.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';

/** The header in which Netlify's proxy gives functions the client's address. */
export const CLIENT_ADDRESS_HEADER = 'x-nf-client-connection-ip';

/**
 * The WHATWG request for a Node request.
 * @param origin the server's origin, e.g. `http://127.0.0.1:4321` (the request's URL is resolved against it)
 * @param clientAddress the client's IP address, put in `x-nf-client-connection-ip`
 */
export function toWebRequest(incoming: IncomingMessage, origin: string, clientAddress: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  headers.set(CLIENT_ADDRESS_HEADER, clientAddress);
  const method = incoming.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(new URL(incoming.url ?? '/', origin), {
    method,
    headers,
    ...(hasBody ? { body: Readable.toWeb(incoming) as ReadableStream<Uint8Array>, duplex: 'half' } : {}),
  } as RequestInit);
}

/**
 * Write `response` to `outgoing`: status, headers (several `Set-Cookie` kept
 * apart), then the body chunk by chunk as it streams. Once the client has gone
 * (connection closed), nothing more is written and the body is cancelled.
 * @returns once the body is written or the client has gone (rejects when the body stream fails)
 */
export async function writeWebResponse(response: Response, outgoing: ServerResponse): Promise<void> {
  const cookies = response.headers.getSetCookie();
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') outgoing.setHeader(name, value);
  });
  if (cookies.length > 0) outgoing.setHeader('set-cookie', cookies);
  outgoing.writeHead(response.status);
  if (response.body) {
    for await (const chunk of response.body) {
      if (outgoing.destroyed) break;
      outgoing.write(chunk);
    }
  }
  if (!outgoing.destroyed) outgoing.end();
}
