/**
 * Serves a built site on 127.0.0.1 (random port) together with the real form
 * functions, the way Netlify routes them: the paths of the functions' `config`
 * go to their default export, called in-process with a WHATWG `Request` built
 * from the Node request; everything else is a static file (`404.html` when
 * none). The database and SMTP settings are the caller's business.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Context } from '@netlify/functions';
import type { Header } from '@netlify/headers-parser';
import sirv from 'sirv';
import candidature from '../../netlify/functions/candidature.mts';
import demandeBonDeCommande from '../../netlify/functions/demande-bon-de-commande.mts';
import engagementAcheteur from '../../netlify/functions/engagement-acheteur.mts';
import jeton from '../../netlify/functions/jeton.mts';
import merci from '../../netlify/functions/merci.mts';
import { functionContext } from './function-context.ts';
import { headersForPath } from './header-rules.ts';
import { listenOnLoopback } from './listen-on-loopback.ts';

type Handler = (request: Request, context: Context) => Response | Promise<Response>;

/** Function paths, without their trailing slash (every form is routed, as in the functions' `config.path`). */
const ROUTES: ReadonlyMap<string, Handler> = new Map<string, Handler>([
  ['/api/candidature', candidature],
  ['/api/demande-bon-de-commande', demandeBonDeCommande],
  ['/api/engagement-acheteur', engagementAcheteur],
  ['/api/jeton', jeton],
  ['/formulaires/merci', merci],
]);

/** One request that reached a function: method, path and status, for assertions. */
export interface FunctionCall {
  readonly method: string;
  readonly path: string;
  readonly status: number;
}

export interface SiteWithFunctions {
  readonly origin: string;
  /** Every request routed to a function, in order. */
  readonly calls: FunctionCall[];
  close(): Promise<void>;
}

function toRequest(incoming: IncomingMessage, origin: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  const method = incoming.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(new URL(incoming.url ?? '/', origin), {
    method,
    headers,
    ...(hasBody ? { body: Readable.toWeb(incoming) as ReadableStream<Uint8Array>, duplex: 'half' } : {}),
  } as RequestInit);
}

async function writeResponse(response: Response, outgoing: ServerResponse): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  outgoing.writeHead(response.status, headers);
  outgoing.end(Buffer.from(await response.arrayBuffer()));
}

/**
 * The client's address as Netlify gives it to a function (`context.ip`): its
 * proxy's `x-nf-client-connection-ip` header, else the connection's address.
 */
function clientAddress(incoming: IncomingMessage): string {
  const header = incoming.headers['x-nf-client-connection-ip'];
  return (typeof header === 'string' && header) || (incoming.socket.remoteAddress ?? '127.0.0.1');
}

/**
 * At most `limit` holders at a time, served in arrival order.
 * @returns `acquire()`, resolving with the function that releases the slot
 */
function createSlots(limit: number): { acquire(): Promise<() => void> } {
  let free = limit;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else free += 1;
  };
  return {
    acquire: () =>
      new Promise((resolve) => {
        if (free > 0) {
          free -= 1;
          resolve(release);
        } else waiting.push(() => resolve(release));
      }),
  };
}

/**
 * Start serving `root` and the functions; close it in `afterAll`.
 * @param headerRules custom header rules (`readHeaderRules`) to add to the static files, as Netlify does
 * @param deployContext the functions' deploy context: `''` (local, the default) or `production` (runtime built once)
 * @param instances at most this many function calls at a time, each holding its
 * slot until the work it handed to `waitUntil` is done, as a Netlify function
 * instance serves one invocation at a time and stays busy while that work runs
 * (load benchmarks: without it, one process takes new requests while the
 * sending of earlier ones piles up); no limit by default
 */
export async function serveSiteWithFunctions(
  root: string,
  { headerRules = [], deployContext = '', instances = Infinity }: { headerRules?: readonly Header[]; deployContext?: string; instances?: number } = {},
): Promise<SiteWithFunctions> {
  const slots = createSlots(instances);
  const setCustomHeaders = (outgoing: ServerResponse, path: string) => {
    for (const [name, value] of Object.entries(headersForPath(headerRules, path))) outgoing.setHeader(name, value);
  };
  const files = sirv(root, { dev: true, etag: false, setHeaders: (outgoing, pathname) => setCustomHeaders(outgoing, pathname) });
  const notFound = await readFile(join(root, '404.html'));
  const calls: FunctionCall[] = [];
  let origin = '';

  async function handle(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
    const path = new URL(incoming.url ?? '/', origin).pathname;
    const handler = ROUTES.get(path.replace(/\/$/, ''));
    if (!handler) {
      files(incoming, outgoing, () => {
        setCustomHeaders(outgoing, path);
        outgoing.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
        outgoing.end(notFound);
      });
      return;
    }
    const release = await slots.acquire();
    const background: Promise<unknown>[] = [];
    try {
      const context = functionContext({ deployContext, ip: clientAddress(incoming) });
      const waitUntil = (promise: Promise<unknown>) => {
        background.push(promise);
        context.waitUntil(promise);
      };
      const response = await handler(toRequest(incoming, origin), { ...context, waitUntil });
      calls.push({ method: incoming.method ?? 'GET', path, status: response.status });
      await writeResponse(response, outgoing);
    } finally {
      void Promise.allSettled(background).then(release);
    }
  }

  const server: Server = createServer((incoming, outgoing) => {
    handle(incoming, outgoing).catch((error: unknown) => {
      // A handler that throws is a bug the test must see, not a hung request.
      calls.push({ method: incoming.method ?? 'GET', path: incoming.url ?? '', status: 500 });
      outgoing.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      outgoing.end(`Handler error: ${error instanceof Error ? error.stack : String(error)}`);
    });
  });
  origin = `http://127.0.0.1:${await listenOnLoopback(server)}`;
  return {
    origin,
    calls,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}


/** True when every page of `pages` and every script they load is in `root`. */
