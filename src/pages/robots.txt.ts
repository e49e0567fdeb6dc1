/**
 * `/robots.txt`: every page may be crawled except the CMS, and crawlers find
 * the sitemap that `@astrojs/sitemap` writes (`sitemap-index.xml`).
 */
import type { APIRoute } from 'astro';

export const GET: APIRoute = ({ site }) => {
  const sitemap = new URL('/sitemap-index.xml', site).href;
  return new Response(`User-agent: *\nDisallow: /admin/\n\nSitemap: ${sitemap}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
