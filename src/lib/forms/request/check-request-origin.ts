/**
 * Cross-site request checks of the form endpoints: the forms are posted by the
 * site's own pages only, so a request that a browser says comes from another
 * site is refused before its body is read (protection against cross-site
 * request forgery and against other sites embedding the forms).
 *
 * Rules (Fetch Metadata and Origin, see https://web.dev/articles/fetch-metadata
 * and the OWASP CSRF cheat sheet, "Verifying Origin With Standard Headers"):
 * - `Sec-Fetch-Site`: `same-origin` (the site's own page, with or without
 *   JavaScript) and `none` (a navigation the person started, e.g. resending
 *   from the browser's history) pass; `same-site` and `cross-site` are refused.
 * - `Origin`: when present it must be one of the deploy's own origins
 *   (`expectedOrigins`); `null` (sandboxed frame, `file:` page, data URL) is refused.
 * - Both absent: an old browser (no Fetch Metadata before 2020–2023) or a
 *   program (curl, monitoring). Such requests pass: a program can forge any
 *   header, so refusing it protects nothing, while every browser able to run a
 *   cross-site attack today sends at least one of the two headers. The other
 *   checks (signed token, honeypot, rate limit) still apply to them.
 */

/** Decision on one request. */
export type OriginDecision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly reason: 'cross-site-fetch' | 'foreign-origin' | 'opaque-origin' };

/** French message of a refused cross-site request (HTML page and JSON answer). */
export const CROSS_SITE_MESSAGE =
  'Envoi refusé : ce formulaire ne peut être envoyé que depuis les pages de ce site. Ouvrez-le sur le site et envoyez-le de là.';

const ACCEPTED_FETCH_SITES = new Set(['same-origin', 'none']);

/**
 * Where a deploy is served from, as the platform and the settings give it.
 * What Netlify gives a function at run time (checked in December 2026):
 * - `context.site.url`: the site's main address, the custom domain when one is
 *   set, else `https://<name>.netlify.app`. The runtime fills it from the `URL`
 *   variable (`@netlify/serverless-functions-api` 2.23: `site: { id: SITE_ID,
 *   name: SITE_NAME, url: URL }`); `URL`, `SITE_NAME` and `SITE_ID` are the only
 *   read-only variables functions get at run time
 *   (https://docs.netlify.com/build/functions/environment-variables/).
 *   It is the production address in every deploy context.
 * - `DEPLOY_URL` and `DEPLOY_PRIME_URL` (the deploy's own addresses) exist
 *   during the build only, not in a function
 *   (same page: "only the following variables are available … during runtime").
 * - `context.url`: the address the request was sent to (the runtime builds it
 *   as `new URL(request.url)`; typed `url: URL` in `@netlify/types` 3 `Context`),
 *   so a deploy preview (`https://deploy-preview-12--<name>.netlify.app`) or a
 *   branch deploy (`https://<branch>--<name>.netlify.app`) sees its own address.
 * - `context.deploy.context`: `production`, `deploy-preview`, `branch-deploy`,
 *   `dev`, or empty in the Vite emulation
 *   (https://docs.netlify.com/build/functions/api/, `deploy`).
 */
export interface DeployAddresses {
  /** `context.deploy.context`. */
  readonly deployContext: string | undefined;
  /** The request's URL (`request.url`, also `context.url`). */
  readonly requestUrl: string;
  /** The site's main address given by the platform (`context.site.url`); absent in local runs. */
  readonly primaryUrl?: string | undefined;
  /** `site_url` of the settings (the address the site's links use); needed in production only. */
  readonly siteUrl?: string | undefined;
}

function originOf(url: string | undefined): string[] {
  return url !== undefined && URL.canParse(url) ? [new URL(url).origin] : [];
}

/**
 * The origins form posts may come from.
 * @returns in production, the origin of the main address given by the platform
 * (`primaryUrl`, so a site whose Netlify name differs from `site_url` still
 * takes its own forms) and the origin of `siteUrl` (the custom domain the
 * settings name); a deploy permalink (`https://<id>--<name>.netlify.app`) of a
 * production deploy is not among them. Elsewhere (deploy previews, branch
 * deploys, local runs) the request's own origin: each of those is served from
 * its own address, which the platform gives the function in the request only.
 * Unparsable addresses are left out; duplicates are removed.
 */
export function expectedOrigins({ deployContext, requestUrl, primaryUrl, siteUrl }: DeployAddresses): string[] {
  const origins = deployContext === 'production' ? [...originOf(primaryUrl), ...originOf(siteUrl)] : originOf(requestUrl);
  return [...new Set(origins)];
}

/**
 * Decide whether a request may reach a form endpoint.
 * @param headers the request headers (`Origin`, `Sec-Fetch-Site`)
 * @param ownOrigins the site's origins (`expectedOrigins`), e.g. `['https://example.fr']`
 * @returns allowed, or refused with the rule that failed (for the logs: no personal data)
 */
export function checkRequestOrigin(headers: Headers, ownOrigins: readonly string[]): OriginDecision {
  const fetchSite = headers.get('sec-fetch-site');
  if (fetchSite !== null && !ACCEPTED_FETCH_SITES.has(fetchSite.trim().toLowerCase())) return { allowed: false, reason: 'cross-site-fetch' };
  const origin = headers.get('origin');
  if (origin === null) return { allowed: true };
  if (origin.trim() === 'null') return { allowed: false, reason: 'opaque-origin' };
  const claimed = origin.trim().toLowerCase();
  return ownOrigins.some((own) => own.toLowerCase() === claimed) ? { allowed: true } : { allowed: false, reason: 'foreign-origin' };
}
