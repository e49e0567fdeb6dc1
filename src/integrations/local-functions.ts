/**
 * Vite plugin for `astro dev`: runs the Netlify Functions of `netlify/functions/`
 * inside the dev server, on its own origin, as Netlify routes them
 * (`src/lib/functions/match-function-path.ts`: each function's exported
 * `config.path`, read from the module itself). Each call loads the function
 * through the dev server (`ssrLoadModule`), so an edit to a function or to
 * what it imports applies to the next call without a restart, and calls it
 * in-process with a WHATWG `Request` (`src/lib/functions/node-function-bridge.ts`)
 * and a `Context`: deploy context `dev` (the functions then re-read the content
 * on each request, write e-mails to the outbox folder without `SMTP_URL`, and
 * accept the page's own origin), the client's address in `ip`, and `waitUntil`
 * keeping the work given to it (the e-mails sent after the answer) until it is
 * done: a failure is logged, and closing the dev server waits for it.
 *
 * Replaces `@netlify/vite-plugin` (issue 13), which rebuilt each function into
 * a temporary folder and loaded it in a fresh worker on every call: 3.7–5.1 s of
 * CPU per call, 45–60 s from opening a form to its thank-you page. Nothing else
 * it emulated is used here: the site has no redirects and no Netlify-side
 * environment variables, and no function reads `context.geo`.
 *
 * Scheduled functions (a `schedule`, no `path`) answer no request and are not
 * run in dev: e-mails are sent at once after each answer, and a failed sending
 * stays in the outbox table for the deployed site's retry.
 * Requests reach this middleware after Vite's host check (see
 * `local-cms-backend.ts`): foreign `Host` names get 403 before any function runs.
 */
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Context } from '@netlify/functions';
import type { Plugin, ViteDevServer } from 'vite';
import { findFunctionForPath, type FunctionModule, type FunctionRouting } from '../lib/functions/match-function-path.ts';
import { toWebRequest, writeWebResponse } from '../lib/functions/node-function-bridge.ts';

/** Where Netlify finds the functions (`[functions] directory` in netlify.toml). */
export const FUNCTIONS_DIRECTORY = join('netlify', 'functions');

type Handler = (request: Request, context: Context) => Response | Promise<Response>;

interface Route {
  readonly file: string;
  readonly config?: FunctionRouting;
}

/**
 * The function files of `directory`, each with the `config` its module exports.
 * A file that fails to load is logged and routes nothing until it is saved again.
 */
async function readRoutes(server: ViteDevServer, directory: string): Promise<Route[]> {
  const files = (await readdir(directory)).filter((name) => /\.m?[jt]s$/.test(name)).map((name) => join(directory, name));
  return Promise.all(
    files.map(async (file): Promise<Route> => {
      try {
        const { config } = (await server.ssrLoadModule(file)) as Partial<FunctionModule<Handler>>;
        return config ? { file, config } : { file };
      } catch (error) {
        server.config.logger.error(`[functions] ${file} does not load: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return { file };
      }
    }),
  );
}

/**
 * The `Context` of a call in dev: the members the functions read.
 * @param waitUntil keeps the promise until it settles
 */
function devContext(ip: string, waitUntil: (promise: Promise<unknown>) => void): Context {
  return { deploy: { context: 'dev', id: 'dev', published: false }, ip, site: {}, waitUntil } as unknown as Context;
}

/** The plugin (dev server only). */
export function localFunctions(): Plugin {
  return {
    name: 'local-functions',
    apply: 'serve',
    configureServer(server) {
      const directory = resolve(server.config.root, FUNCTIONS_DIRECTORY);
      const pending = new Set<Promise<unknown>>();
      const waitUntil = (promise: Promise<unknown>) => {
        const tracked = promise
          .catch((error: unknown) => server.config.logger.error(`[functions] work handed to waitUntil failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`))
          .finally(() => pending.delete(tracked));
        pending.add(tracked);
      };
      let routes: Promise<Route[]> | undefined;
      const currentRoutes = () =>
        (routes ??= readRoutes(server, directory).catch((error: unknown) => {
          routes = undefined;
          throw error;
        }));
      // A function added, removed or edited may change the paths.
      server.watcher.on('all', (_event, path) => {
        if (resolve(path).startsWith(directory)) routes = undefined;
      });
      server.httpServer?.once('listening', () => void currentRoutes().catch(() => undefined));
      const close = server.close.bind(server);
      server.close = async () => {
        while (pending.size > 0) await Promise.allSettled([...pending]);
        return close();
      };

      server.middlewares.use((incoming, outgoing, next) => {
        const pathname = new URL(incoming.url ?? '/', 'http://localhost').pathname;
        currentRoutes()
          .then(async (list) => {
            const route = findFunctionForPath(list, pathname);
            if (!route) return next();
            const { default: handler } = (await server.ssrLoadModule(route.file)) as FunctionModule<Handler>;
            const ip = incoming.socket.remoteAddress ?? '127.0.0.1';
            const request = toWebRequest(incoming, `http://${incoming.headers.host ?? 'localhost'}`, ip);
            await writeWebResponse(await handler(request, devContext(ip, waitUntil)), outgoing);
          })
          .catch((error: unknown) => {
            if (error instanceof Error) server.ssrFixStacktrace(error);
            next(error);
          });
      });
    },
  };
}
