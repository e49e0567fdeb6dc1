/**
 * HTTP security headers of the site, defined once: the build writes them to
 * `dist/_headers` for the static pages (Netlify applies that file to the files
 * it serves), and the form functions add the page set to their own answers
 * (Netlify does not apply `_headers` to function responses:
 * https://docs.netlify.com/manage/routing/headers/#limitations).
 *
 * Two policies:
 * - pages: everything from the site itself, no inline script or style (Astro
 *   is told not to inline stylesheets; `<script type="application/json">` and
 *   `application/ld+json` blocks are data, never run), WebAssembly allowed for
 *   the Pagefind search (`/pagefind/`);
 * - `/admin/`: what Decap CMS needs (measured by loading it in Chromium,
 *   `tests/e2e/security-headers.test.ts`): `eval` (its bundle compiles code at
 *   run time), inline styles (emotion injects `<style>` elements), `blob:` and
 *   `data:` images (media previews), and the API of the chosen backend.
 */
import type { ProductionBackend } from '../cms/select-cms-backend.ts';

/** Header name → value. */
export type HeaderValues = Readonly<Record<string, string>>;

/** Headers for the paths matching `for` (Netlify path syntax: `/dir/*`). */
export interface HeaderRule {
  readonly for: string;
  readonly values: HeaderValues;
}

/** What the build knows that changes the policies. */
export interface SecurityOptions {
  /** The CMS backend used in production (`src/lib/cms`). */
  readonly backend: ProductionBackend;
  /** Cloudflare Turnstile is enabled (`TURNSTILE_SITE_KEY` set): its script and frame come from Cloudflare. */
  readonly turnstile: boolean;
}

/** Origin of Cloudflare Turnstile's script and frame (https://developers.cloudflare.com/turnstile/reference/content-security-policy/). */
const TURNSTILE_ORIGIN = 'https://challenges.cloudflare.com';

/** Join CSP directives (`name` → sources) into one header value. */
function policy(directives: Readonly<Record<string, readonly string[]>>): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

/**
 * Headers every response carries, page or admin:
 * - HSTS for two years (https://hstspreload.org recommends ≥ 1 year); no
 *   `includeSubDomains`: the programme's domain may hold services this site does not control;
 * - `Referrer-Policy: strict-origin-when-cross-origin`: a startup's site sees
 *   that a visitor came from the programme, never which page;
 * - `Permissions-Policy`: no camera, microphone, location, payment, USB or ad topics;
 * - `X-Content-Type-Options: nosniff`; `X-Frame-Options: DENY` for browsers
 *   without CSP `frame-ancestors`.
 */
const COMMON_HEADERS: HeaderValues = {
  'Strict-Transport-Security': 'max-age=63072000',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
};

/**
 * Headers of the public pages and of the HTML and JSON answers of the form functions.
 * @returns header name → value, `Content-Security-Policy` included
 */
export function pageSecurityHeaders(options: Pick<SecurityOptions, 'turnstile'>): HeaderValues {
  const turnstile = options.turnstile ? [TURNSTILE_ORIGIN] : [];
  return {
    'Content-Security-Policy': policy({
      'default-src': ["'self'"],
      'script-src': ["'self'", "'wasm-unsafe-eval'", ...turnstile],
      'style-src': ["'self'"],
      'img-src': ["'self'"],
      ...(options.turnstile ? { 'frame-src': turnstile } : {}),
      'object-src': ["'none'"],
      'base-uri': ["'self'"],
      'form-action': ["'self'"],
      'frame-ancestors': ["'none'"],
    }),
    ...COMMON_HEADERS,
  };
}

/**
 * What the CMS talks to in production besides the site itself. Git Gateway
 * and Netlify Identity answer on the site's own origin (`/.netlify/git`,
 * `/.netlify/identity`); the GitHub backend calls GitHub's API and shows the
 * editor's GitHub avatar. Locally the CMS talks to its local backend on the
 * page's own origin (`/api/v1/`), which `'self'` already allows.
 */
function backendSources(backend: ProductionBackend): { connect: string[]; img: string[] } {
  return backend.name === 'github' ? { connect: ['https://api.github.com'], img: ['https://avatars.githubusercontent.com'] } : { connect: [], img: [] };
}

/** Headers of `/admin/` (Decap CMS). */
export function adminSecurityHeaders(options: Pick<SecurityOptions, 'backend'>): HeaderValues {
  const backend = backendSources(options.backend);
  return {
    'Content-Security-Policy': policy({
      'default-src': ["'self'"],
      'script-src': ["'self'", "'unsafe-eval'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:', 'blob:', ...backend.img],
      'connect-src': ["'self'", ...backend.connect],
      'object-src': ["'none'"],
      'base-uri': ["'self'"],
      'form-action': ["'self'"],
      'frame-ancestors': ["'none'"],
    }),
    ...COMMON_HEADERS,
    // The CMS is for the team only.
    'X-Robots-Tag': 'noindex',
  };
}

/** Astro's folder of content-hashed files (scripts, styles, images): a changed file gets a new name. */
export const HASHED_ASSETS_FOLDER = '_astro';

/** Cache header of hashed files: one year, never revalidated (RFC 8246 `immutable`). */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/** Top-level folders that other build steps write beside Astro's pages, and may not have finished at `astro:build:done` (the Pagefind index). */
const LATE_FOLDERS = ['pagefind'];

/**
 * The rules of `_headers`. No two rules match the same path: when several
 * rules match, a header set by both may be sent twice, and two CSP headers
 * are both enforced (the strictest wins), which would block the CMS. So the
 * page rules list the top level of the built site one by one instead of `/*`.
 * @param topLevel names of the files and folders at the top of the built site (`dist/`), `admin` among them
 * @returns one rule per top-level file, one `/<folder>/*` per folder, `/` for the home page;
 *   the hashed files of `/_astro/*` are also cached for a year ({@link IMMUTABLE_CACHE_CONTROL})
 */
export function securityHeaderRules(topLevel: readonly { name: string; folder: boolean }[], options: SecurityOptions): HeaderRule[] {
  const page = pageSecurityHeaders(options);
  const folders = new Set([...topLevel.filter((entry) => entry.folder).map((entry) => entry.name), ...LATE_FOLDERS]);
  folders.delete('admin');
  const files = topLevel.filter((entry) => !entry.folder && !entry.name.startsWith('_')).map((entry) => entry.name);
  return [
    { for: '/', values: page },
    ...[...files].sort().map((name) => ({ for: `/${name}`, values: page })),
    ...[...folders].sort().map((name) => ({
      for: `/${name}/*`,
      values: name === HASHED_ASSETS_FOLDER ? { ...page, 'Cache-Control': IMMUTABLE_CACHE_CONTROL } : page,
    })),
    { for: '/admin/*', values: adminSecurityHeaders(options) },
  ];
}

/**
 * The text of a Netlify `_headers` file for `rules`
 * (syntax: https://docs.netlify.com/manage/routing/headers/#syntax-for-the-headers-file).
 */
export function renderHeadersFile(rules: readonly HeaderRule[]): string {
  const blocks = rules.map((rule) => [rule.for, ...Object.entries(rule.values).map(([name, value]) => `  ${name}: ${value}`)].join('\n'));
  return `# Generated by the build from src/lib/security/security-headers.ts: edit that file, not this one.\n${blocks.join('\n')}\n`;
}
