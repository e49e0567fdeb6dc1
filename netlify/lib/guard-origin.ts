/**
 * Cross-site guard of the form endpoints (rules in
 * `src/lib/forms/request/check-request-origin.ts`): answers `OPTIONS`, refuses
 * requests from other sites with a 403 before anything is read, stored or mailed.
 * No `Access-Control-Allow-*` header is ever sent: the forms are same-origin
 * only, so a browser on another site can neither send a preflighted request
 * nor read an answer.
 */
import type { Context } from '@netlify/functions';
import { checkRequestOrigin, expectedOrigins } from '../../src/lib/forms/request/check-request-origin.ts';
import { loadFormRuntime } from './form-runtime.ts';

/**
 * The deploy's own origins for this request (rules and sources in
 * `expectedOrigins`): the platform's main address (`context.site.url`) and the
 * request's own address (`request.url`, the same as `context.url`). Only
 * production needs the settings (`site_url`), and only when the request
 * carries an `Origin` to compare.
 * @throws the runtime's error when the settings cannot be loaded
 */
async function ownOrigins(request: Request, context: Context): Promise<string[]> {
  const deployContext = context.deploy.context;
  const production = deployContext === 'production' && request.headers.has('origin');
  const siteUrl = production ? (await loadFormRuntime(context)).settings.site_url : undefined;
  // `site` is always set by Netlify; contexts built by hand (benches) may lack it.
  return expectedOrigins({ deployContext, requestUrl: request.url, primaryUrl: context.site?.url, siteUrl });
}

/**
 * Apply the cross-site rules.
 * @param allow the methods of the endpoint besides `OPTIONS` (e.g. `['POST']`)
 * @param refuse builds the 403 answer (HTML or JSON, with the French message)
 * @returns the answer to send now (403, or 204 to an allowed `OPTIONS`), or
 * `undefined` to let the endpoint handle the request
 * @throws when production settings cannot be loaded (the caller answers 503)
 */
export async function guardOrigin(request: Request, context: Context, allow: readonly string[], refuse: () => Response | Promise<Response>): Promise<Response | undefined> {
  const decision = checkRequestOrigin(request.headers, await ownOrigins(request, context));
  if (!decision.allowed) {
    // The Origin is a site address, not personal data: it tells a wrong `site_url` apart from an attack.
    console.warn(JSON.stringify({ event: 'cross-site-refused', path: new URL(request.url).pathname, reason: decision.reason, origin: request.headers.get('origin')?.slice(0, 200) ?? null }));
    return refuse();
  }
  if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: { allow: [...allow, 'OPTIONS'].join(', '), 'cache-control': 'no-store' } });
  return undefined;
}
