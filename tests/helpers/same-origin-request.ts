/**
 * Requests as a browser sends them from the site's own pages: `Origin` set to
 * the site's origin and `Sec-Fetch-Site: same-origin`. The form endpoints refuse
 * cross-site posts, so every test request that should reach the form logic is
 * built (or wrapped) here, in one place.
 */

/** The headers a browser adds to a same-origin fetch or form post to `url`. */
export function sameOriginHeaders(url: string): Record<string, string> {
  return { origin: new URL(url).origin, 'sec-fetch-site': 'same-origin' };
}

/** A request to `url` carrying the same-origin headers (on top of `init.headers`). */
export function sameOriginRequest(url: string, init: RequestInit = {}): Request {
  const headers = new Headers(init.headers);
  for (const [name, value] of Object.entries(sameOriginHeaders(url))) headers.set(name, value);
  return new Request(url, { ...init, headers });
}

/** `request` with the same-origin headers added (its body is moved to the new request). */
export function asSameOrigin(request: Request): Request {
  const headers = new Headers(request.headers);
  for (const [name, value] of Object.entries(sameOriginHeaders(request.url))) headers.set(name, value);
  return new Request(request, { headers });
}
