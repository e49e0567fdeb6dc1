/**
 * Responses of the form functions: JSON for the enhanced form (JavaScript on),
 * HTML pages in the site's layout otherwise. The layout is the built page
 * `/formulaires/reponse/`, fetched from the site itself once per instance.
 */
import type { ReactElement } from 'react';
import { RESPONSE_TEMPLATE_PATH } from '../../src/lib/forms/definitions/index.ts';
import { renderInTemplate } from '../../src/lib/forms/render-form-response.tsx';
import { pageSecurityHeaders } from '../../src/lib/security/security-headers.ts';

let template: Promise<string | undefined> | undefined;

async function fetchTemplate(origin: string): Promise<string | undefined> {
  try {
    const response = await fetch(new URL(RESPONSE_TEMPLATE_PATH, origin), { signal: AbortSignal.timeout(3_000) });
    return response.ok ? await response.text() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Headers of every answer: no caching, and the security headers of the pages,
 * which Netlify's `_headers` file does not add to function responses.
 */
function baseHeaders(): Record<string, string> {
  return { 'cache-control': 'no-store', ...pageSecurityHeaders({ turnstile: Boolean(process.env['TURNSTILE_SITE_KEY']) }) };
}

/** An HTML page in the site's layout. */
export async function htmlResponse(request: Request, status: number, title: string, content: ReactElement, headers: Record<string, string> = {}): Promise<Response> {
  template ??= fetchTemplate(new URL(request.url).origin).then((html) => {
    if (html === undefined) template = undefined;
    return html;
  });
  return new Response(renderInTemplate(await template, title, content), {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', ...baseHeaders(), ...headers },
  });
}

/** A JSON answer. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', ...baseHeaders(), ...headers } });
}
