/**
 * Chooses where Decap CMS reads and writes content.
 *
 * - On a developer's machine (page served from localhost or 127.0.0.1) it uses
 *   the `decap-server` proxy on 127.0.0.1:8081. Its mode decides the workflow:
 *   Decap keeps `publish_mode` only when the proxy's `info` answer lists it
 *   (decap-cms-core `handleLocalBackend`), so file-system mode (`MODE=fs`, what
 *   `npm run dev` runs) saves straight into `content/` and git mode (`MODE=git`,
 *   `CMS_WORKFLOW=1 npm run dev`) runs the editorial workflow on `cms/…` branches.
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

/** Address of the local `decap-server` proxy (bound to loopback only). */
export const LOCAL_BACKEND_URL = 'http://127.0.0.1:8081/api/v1';

/**
 * The backend part of the Decap configuration for a page served from `hostname`.
 * @returns `backend`, `publish_mode: 'editorial_workflow'` and, locally, `local_backend`
 */
export function selectCmsBackend(
  hostname: string,
  production: ProductionBackend,
): Pick<CmsConfig, 'backend' | 'local_backend' | 'publish_mode'> {
  if (LOCAL_HOSTNAMES.includes(hostname)) {
    return {
      backend: { name: 'git-gateway', branch: production.branch },
      local_backend: { url: LOCAL_BACKEND_URL, allowed_hosts: [...LOCAL_HOSTNAMES] },
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
