/**
 * Responses of the form functions: JSON for the enhanced form (JavaScript on),
 * HTML pages in the site's layout otherwise. The layout is the built page
 * `/formulaires/reponse/`, and a form sent back with errors is its own built
 * page: both are fetched from the site itself, once per instance.
 */
import type { ReactElement } from 'react';
import { RESPONSE_TEMPLATE_PATH } from '../../src/lib/forms/definitions/index.ts';
import { renderInTemplate } from '../../src/lib/forms/render-form-response.tsx';
import { pageSecurityHeaders } from '../../src/lib/security/security-headers.ts';

/** Built pages by address; a failed fetch is forgotten, so the next answer tries again. */
const sitePages = new Map<string, Promise<string | undefined>>();

async function fetchPage(url: string): Promise<string | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(3_000) });
    return response.ok ? await response.text() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A built page of the site, fetched from the origin the request came to
 * (within 3 s) and kept for the life of the instance.
 * @param path the page's path, e.g. `/candidater/`
 * @returns its HTML, or `undefined` when it cannot be fetched
 */
export function fetchSitePage(request: Request, path: string): Promise<string | undefined> {
  const url = new URL(path, new URL(request.url).origin).href;
  let page = sitePages.get(url);
  if (!page) {
    page = fetchPage(url).then((html) => {
      if (html === undefined) sitePages.delete(url);
      return html;
    });
    sitePages.set(url, page);
  }
  return page;
}

/**
 * Headers of every answer: no caching, and the security headers of the pages,
 * which Netlify's `_headers` file does not add to function responses.
 */
function baseHeaders(): Record<string, string> {
  return { 'cache-control': 'no-store', ...pageSecurityHeaders({ turnstile: Boolean(process.env['TURNSTILE_SITE_KEY']) }) };
}

/**
 * Pages served by Vite's dev server (`npm run dev`) load this script and carry
 * their styles inline, which the production CSP (`style-src 'self'`) blocks.
 */
const VITE_DEV_CLIENT = '/@vite/client';

/**
 * A finished HTML page, with the headers of every answer; without the CSP when
 * the page came from Vite's dev server (else it shows unstyled in dev; issue 13).
 */
export function pageResponse(status: number, html: string, headers: Record<string, string> = {}): Response {
  const pageHeaders = baseHeaders();
  if (html.includes(VITE_DEV_CLIENT)) delete pageHeaders['Content-Security-Policy'];
  return new Response(html, { status, headers: { 'content-type': 'text/html; charset=utf-8', ...pageHeaders, ...headers } });
}

/** An HTML page in the site's layout. */
export async function htmlResponse(request: Request, status: number, title: string, content: ReactElement, headers: Record<string, string> = {}): Promise<Response> {
  return pageResponse(status, renderInTemplate(await fetchSitePage(request, RESPONSE_TEMPLATE_PATH), title, content), headers);
}

/** A JSON answer. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', ...baseHeaders(), ...headers } });
}
