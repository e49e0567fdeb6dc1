/**
 * Headers of the HTML pages the form functions answer with (`pageResponse`):
 * the pages' security headers, except the CSP for a page that came from Vite's
 * dev server, whose inline styles it would block (issue 13: unstyled thank-you
 * and error pages under `npm run dev`).
 */
import { describe, expect, it } from 'vitest';
import { pageResponse } from '../../netlify/lib/respond.ts';
import { pageSecurityHeaders } from '../../src/lib/security/security-headers.ts';

const { 'Content-Security-Policy': PAGE_CSP, ...OTHER_SECURITY_HEADERS } = pageSecurityHeaders({ turnstile: false });

function headersOf(response: Response): Record<string, string> {
  return Object.fromEntries(response.headers.entries());
}

describe('pageResponse', () => {
  it('gives a built page the site’s CSP and security headers, uncached', async () => {
    const response = pageResponse(200, '<!doctype html><link rel="stylesheet" href="/_astro/site.css"><h1>Merci</h1>');
    const headers = headersOf(response);
    expect(headers['content-security-policy']).toBe(PAGE_CSP);
    for (const [name, value] of Object.entries(OTHER_SECURITY_HEADERS)) expect(headers[name.toLowerCase()], name).toBe(value);
    expect(headers['cache-control']).toBe('no-store');
    expect(headers['content-type']).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('<h1>Merci</h1>');
  });

  it('leaves the CSP out for a page of Vite’s dev server, and keeps the other headers', () => {
    const headers = headersOf(pageResponse(422, '<!doctype html><script type="module" src="/@vite/client"></script><style>h1{color:red}</style>'));
    expect(headers['content-security-policy']).toBeUndefined();
    for (const [name, value] of Object.entries(OTHER_SECURITY_HEADERS)) expect(headers[name.toLowerCase()], name).toBe(value);
    expect(headers['cache-control']).toBe('no-store');
  });
});
