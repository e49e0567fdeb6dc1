/**
 * Serves a built site on 127.0.0.1 (random port) the way Netlify does for
 * static files: `page/index.html` for `/page/`, `404.html` otherwise.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sirv from 'sirv';

export interface StaticServer {
  readonly origin: string;
  close(): Promise<void>;
}

/** Start serving `root`; close it in `afterAll`. */
export async function serveStatic(root: string): Promise<StaticServer> {
  const files = sirv(root, { dev: true, etag: false });
  const notFound = await readFile(join(root, '404.html'));
  const server: Server = createServer((request, response) =>
    files(request, response, () => {
      response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      response.end(notFound);
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
