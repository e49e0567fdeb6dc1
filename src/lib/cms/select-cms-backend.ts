/**
 * Chooses where Decap CMS reads and writes content.
 *
 * - On a developer's machine (page served from localhost or 127.0.0.1) it uses
 *   Decap's local backend (`decap-server`'s middleware) on the page's own
 *   origin, at `/api/v1/`: `npm run dev` serves it inside the dev server, behind
 *   the dev server's host check (src/integrations/local-cms-backend.ts). Its
 *   mode decides the workflow: Decap keeps `publish_mode` only when the
 *   backend's `info` answer lists it (decap-cms-core `handleLocalBackend`), so
 *   file-system mode (what `npm run dev` runs) saves straight into `content/`
 *   and git mode (`CMS_WORKFLOW=1 npm run dev`) runs the editorial workflow on
 *   `cms/…` branches.
 * - Anywhere else it uses the production backend, Git Gateway (Netlify Identity)
 *   or GitHub, with the editorial workflow: draft → in review → ready → published.
 * Docs: https://decapcms.org/docs/working-with-a-local-git-repository/,
 * https://decapcms.org/docs/editorial-workflows/.
 */
import type { CmsConfig } from 'decap-cms-core';

/** The production backend, set at build time from environment variables. */
export interface ProductionBackend {
  /** `git-gateway` (Netlify Identity, the default) or `github`. */
  readonly name: 'git-gateway' | 'github';
  /** `owner/name`, required for `github`. */
  readonly repo?: string;
  /** Branch that the site is built from. */
  readonly branch: string;
}

/** Host names on which the local backend is used. */
export const LOCAL_HOSTNAMES: readonly string[] = ['localhost', '127.0.0.1'];

/**
 * Path of the local backend on the page's origin: `decap-server`'s own route
 * (`/api/v1`), with the trailing slash every path of this site has (the dev
 * server refuses the other form).
 */
export const LOCAL_BACKEND_PATH = '/api/v1/';

/** Where the admin page is served from (`window.location`). */
export interface AdminPageLocation {
  /** e.g. `127.0.0.1` */
  readonly hostname: string;
  /** e.g. `http://127.0.0.1:4321` */
  readonly origin: string;
}

/**
 * The backend part of the Decap configuration for the admin page at `page`.
 * @returns `backend`, `publish_mode: 'editorial_workflow'` and, locally, `local_backend` (same origin, so its port is the page's)
 */
export function selectCmsBackend(
  page: AdminPageLocation,
  production: ProductionBackend,
): Pick<CmsConfig, 'backend' | 'local_backend' | 'publish_mode'> {
  if (LOCAL_HOSTNAMES.includes(page.hostname)) {
    return {
      backend: { name: 'git-gateway', branch: production.branch },
      local_backend: { url: `${page.origin}${LOCAL_BACKEND_PATH}`, allowed_hosts: [...LOCAL_HOSTNAMES] },
      publish_mode: 'editorial_workflow',
    };
  }
  return {
    backend: { name: production.name, branch: production.branch, ...(production.repo ? { repo: production.repo } : {}) },
    publish_mode: 'editorial_workflow',
  };
}

/**
 * Read the production backend from environment variables:
 * `DECAP_BACKEND` (`git-gateway` by default, or `github`), `DECAP_REPO`
 * (`owner/name`, required with `github`), `DECAP_BRANCH` (`main` by default).
 * @throws Error with the variable's name when a value is not usable
 */
export function readProductionBackend(env: Readonly<Record<string, string | undefined>>): ProductionBackend {
  const name = env['DECAP_BACKEND'] || 'git-gateway';
  const branch = env['DECAP_BRANCH'] || 'main';
  if (name !== 'git-gateway' && name !== 'github') {
    throw new Error(`DECAP_BACKEND must be "git-gateway" or "github", not "${name}".`);
  }
  const repo = env['DECAP_REPO'];
  if (name === 'github' && !repo) throw new Error('DECAP_REPO (owner/name) is required when DECAP_BACKEND is "github".');
  return repo ? { name, branch, repo } : { name, branch };
}
