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
 * - `Origin`: when present it must be the site's own origin; `null` (sandboxed
 *   frame, `file:` page, data URL) is refused.
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
 * The origin form posts must come from.
 * @param deployContext Netlify deploy context (`production`, `deploy-preview`, `branch-deploy`, `dev` or none locally)
 * @param requestUrl URL of the incoming request
 * @param siteUrl `site_url` of the settings (`https://…`, the production address)
 * @returns in production the origin of `siteUrl`; elsewhere (local runs, deploy
 * previews such as `https://deploy-preview-12--site.netlify.app`, branch
 * deploys) the request's own origin, since each of those is served from its own address
 */
export function expectedOrigin(deployContext: string | undefined, requestUrl: string, siteUrl: string): string {
  return new URL(deployContext === 'production' ? siteUrl : requestUrl).origin;
}

/**
 * Decide whether a request may reach a form endpoint.
 * @param headers the request headers (`Origin`, `Sec-Fetch-Site`)
 * @param ownOrigin the site's origin (`expectedOrigin`), e.g. `https://example.fr`
 * @returns allowed, or refused with the rule that failed (for the logs: no personal data)
 */
export function checkRequestOrigin(headers: Headers, ownOrigin: string): OriginDecision {
  const fetchSite = headers.get('sec-fetch-site');
  if (fetchSite !== null && !ACCEPTED_FETCH_SITES.has(fetchSite.trim().toLowerCase())) return { allowed: false, reason: 'cross-site-fetch' };
  const origin = headers.get('origin');
  if (origin === null) return { allowed: true };
  if (origin.trim() === 'null') return { allowed: false, reason: 'opaque-origin' };
  return origin.trim().toLowerCase() === ownOrigin.toLowerCase() ? { allowed: true } : { allowed: false, reason: 'foreign-origin' };
}
