/**
 * Where a rendered page lies in `dist/`, as Pagefind wants it: Pagefind derives
 * a page's URL from its file's path (`startups/x/index.html` → `/startups/x/`).
 * Build format `directory` (astro.config.mjs): a path ending with a slash is a
 * folder's `index.html`, any other (`/404`) its own `.html` file.
 */

/**
 * The page's file path in `dist/`, relative, without a leading slash.
 * @param pathname the page's URL path, percent-encoded as in a request (`/startups/x/`)
 * @returns `startups/x/index.html`; `/` → `index.html`; `/404` → `404.html`
 * @throws URIError when the path holds a malformed percent-encoding
 */
export function toPagefindSourcePath(pathname: string): string {
  const path = decodeURI(pathname).replace(/^\//, '');
  return path === '' || path.endsWith('/') ? `${path}index.html` : `${path}.html`;
}
