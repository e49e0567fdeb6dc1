/**
 * Requests as a browser sends them from the site's own pages: `Origin` set to
 * the site's origin and `Sec-Fetch-Site: same-origin`. The form endpoints refuse
 * cross-site posts, so every test request that should reach the form logic is
 * built (or wrapped) here, in one place.
 */

/**
 * The headers a browser adds to a same-origin fetch or form post to `url` from a
 * page of `pageOrigin` (by default the origin of `url`; production functions
 * expect the origin of the `site_url` setting, whatever address they are called at).
 */
export function sameOriginHeaders(url: string, pageOrigin = new URL(url).origin): Record<string, string> {
  return { origin: pageOrigin, 'sec-fetch-site': 'same-origin' };
}

/** A request to `url` carrying the same-origin headers (on top of `init.headers`) of a page of `pageOrigin`. */
export function sameOriginRequest(url: string, init: RequestInit = {}, pageOrigin?: string): Request {
  const headers = new Headers(init.headers);
  for (const [name, value] of Object.entries(sameOriginHeaders(url, pageOrigin))) headers.set(name, value);
  return new Request(url, { ...init, headers });
}

/** `request` with the same-origin headers added (its body is moved to the new request). */
export function asSameOrigin(request: Request): Request {
  const headers = new Headers(request.headers);
  for (const [name, value] of Object.entries(sameOriginHeaders(request.url))) headers.set(name, value);
  return new Request(request, { headers });
}
