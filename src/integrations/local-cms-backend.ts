/**
 * Vite plugin for `astro dev`: serves Decap CMS's local backend (`decap-server`'s
 * own middleware, file-system mode) on the dev server's origin, at
 * `LOCAL_BACKEND_PATH` (`/api/v1/`), where the admin page looks for it
 * (`src/lib/cms/select-cms-backend.ts`).
 *
 * Why inside the dev server rather than `decap-server` on its own port:
 * `decap-server` answers any `Host`, so a web page open in the developer's
 * browser could reach it by DNS rebinding and read or write the working tree
 * (issue 11). Here its requests pass Vite's host check first (Vite ≥ 6,
 * `server.allowedHosts`, left at its default: `localhost`, its subdomains and IP
 * addresses; any other name gets 403 « Blocked request. This host … is not
 * allowed. »), which runs before every middleware a plugin adds in
 * `configureServer`, the Netlify functions' included. And there is no second
 * port to choose, keep free or tell the admin page.
 *
 * The backend writes under `GIT_REPO_DIRECTORY` (default: the working directory,
 * i.e. the project), as `decap-server` does: in file-system mode, or in git
 * mode (editorial workflow) when `CMS_LOCAL_MODE=git` (set by
 * `CMS_WORKFLOW=1 npm run dev` with the clone it prepares).
 * Docs: https://decapcms.org/docs/working-with-a-local-git-repository/,
 * https://vite.dev/config/server-options#server-allowedhosts.
 */
import { createRequire } from 'node:module';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
import { LOCAL_BACKEND_PATH } from '../lib/cms/select-cms-backend.ts';

/** An Express application, as far as this plugin uses it (`decap-server`'s own Express). */
type ExpressApp = (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => void;

/** `decap-server/dist/middlewares.js` (the package ships no types). */
interface DecapMiddlewares {
  registerLocalFs(app: ExpressApp, options: { logLevel?: string }): Promise<void>;
  registerLocalGit(app: ExpressApp, options: { logLevel?: string }): Promise<void>;
}

/** The Express app answering Decap's requests, built with the Express that `decap-server` depends on. */
async function createDecapApp(): Promise<ExpressApp> {
  const requireFromProject = createRequire(import.meta.url);
  const requireFromDecap = createRequire(requireFromProject.resolve('decap-server'));
  const express = requireFromDecap('express') as () => ExpressApp;
  const middlewares = requireFromDecap('./middlewares.js') as DecapMiddlewares;
  const register = process.env['CMS_LOCAL_MODE'] === 'git' ? middlewares.registerLocalGit : middlewares.registerLocalFs;
  const app = express();
  await register(app, { logLevel: 'warn' });
  return app;
}

/** The plugin (dev server only). */
export function localCmsBackend(): Plugin {
  return {
    name: 'local-cms-backend',
    apply: 'serve',
    async configureServer(server) {
      const app = await createDecapApp();
      server.middlewares.use((request, response, next) => {
        if (new URL(request.url ?? '/', 'http://localhost').pathname !== LOCAL_BACKEND_PATH) return next();
        app(request, response, next);
      });
    },
  };
}
