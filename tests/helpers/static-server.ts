/**
 * Serves a built site on 127.0.0.1 (random port) the way Netlify does for
 * static files: `page/index.html` for `/page/`, `404.html` otherwise. With
 * `cmsBackendUrl`, it also forwards the admin page's local backend path
 * (`/api/v1/`, on the page's own origin) to that `decap-server`, as the dev
 * server serves it under `npm run dev`.
 */
import { createServer, request as forward, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sirv from 'sirv';
import { LOCAL_BACKEND_PATH } from '../../src/lib/cms/select-cms-backend.ts';
import { listenOnLoopback } from './listen-on-loopback.ts';

export interface StaticServer {
  readonly origin: string;
  close(): Promise<void>;
}

export interface StaticServerOptions {
  /** A `decap-server`'s `http://127.0.0.1:PORT/api/v1` (`startDecapServer().apiUrl`). */
  readonly cmsBackendUrl?: string;
}

/** Pass `request` on to `target` and its answer back, unchanged. */
function forwardTo(target: string, request: IncomingMessage, response: ServerResponse): void {
  const upstream = forward(target, { method: request.method, headers: { ...request.headers, host: new URL(target).host } }, (answer) => {
    response.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(response);
  });
  upstream.on('error', (error) => response.writeHead(502, { 'content-type': 'text/plain' }).end(`decap-server: ${error.message}`));
  request.pipe(upstream);
}

/** Start serving `root`; close it in `afterAll`. */
export async function serveStatic(root: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  const files = sirv(root, { dev: true, etag: false });
  const notFound = await readFile(join(root, '404.html'));
  const { cmsBackendUrl } = options;
  const server: Server = createServer((request, response) => {
    if (cmsBackendUrl && new URL(request.url ?? '/', 'http://localhost').pathname === LOCAL_BACKEND_PATH) return forwardTo(cmsBackendUrl, request, response);
    files(request, response, () => {
      response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      response.end(notFound);
    });
  });
  const port = await listenOnLoopback(server);
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
