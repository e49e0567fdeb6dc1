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
import type { Context } from '@netlify/functions';
import type { Header } from '@netlify/headers-parser';
import sirv from 'sirv';
import * as candidature from '../../netlify/functions/candidature.mts';
import * as demandeBonDeCommande from '../../netlify/functions/demande-bon-de-commande.mts';
import * as engagementAcheteur from '../../netlify/functions/engagement-acheteur.mts';
import * as jeton from '../../netlify/functions/jeton.mts';
import * as merci from '../../netlify/functions/merci.mts';
import { findFunctionForPath, type FunctionModule } from '../../src/lib/functions/match-function-path.ts';
import { CLIENT_ADDRESS_HEADER, toWebRequest, writeWebResponse } from '../../src/lib/functions/node-function-bridge.ts';
import { functionContext } from './function-context.ts';
import { headersForPath } from './header-rules.ts';
import { listenOnLoopback } from './listen-on-loopback.ts';

type Handler = (request: Request, context: Context) => Response | Promise<Response>;

/** The functions that answer requests, routed by their own `config.path` (as `npm run dev` and Netlify do). */
const FUNCTIONS: readonly FunctionModule<Handler>[] = [candidature, demandeBonDeCommande, engagementAcheteur, jeton, merci];

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

/**
 * The client's address as Netlify gives it to a function (`context.ip`): its
 * proxy's `x-nf-client-connection-ip` header, else the connection's address.
 */
function clientAddress(incoming: IncomingMessage): string {
  const header = incoming.headers[CLIENT_ADDRESS_HEADER];
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
    const handler = findFunctionForPath(FUNCTIONS, path)?.default;
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
      const ip = clientAddress(incoming);
      const context = functionContext({ deployContext, ip });
      const waitUntil = (promise: Promise<unknown>) => {
        background.push(promise);
        context.waitUntil(promise);
      };
      const response = await handler(toWebRequest(incoming, origin, ip), { ...context, waitUntil });
      calls.push({ method: incoming.method ?? 'GET', path, status: response.status });
      await writeWebResponse(response, outgoing);
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
