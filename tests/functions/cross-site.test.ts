/**
 * Cross-site posting and abuse through the handlers: requests that a browser
 * marks as coming from another site get a 403 with a French message and leave
 * nothing in the database and nothing mailed; `OPTIONS` never grants CORS; the rate limit comes
 * from the site settings.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import applicationHandler from '../../netlify/functions/candidature.mts';
import orderHandler from '../../netlify/functions/demande-bon-de-commande.mts';
import commitmentHandler from '../../netlify/functions/engagement-acheteur.mts';
import tokenHandler from '../../netlify/functions/jeton.mts';
import { CROSS_SITE_MESSAGE } from '../../src/lib/forms/request/check-request-origin.ts';
import type { FormName } from '../../src/lib/forms/definitions/index.ts';
import { functionContext, settleBackgroundWork } from '../helpers/function-context.ts';
import {
  expectedReference,
  formRequest,
  FORMS_CONTENT_DIR,
  formUrl,
  liftSendingCaps,
  startFormServices,
  storedReferences,
  validApplicationFields,
  validCommitmentFields,
  validOrderFields,
  withToken,
  type FormServices,
} from '../helpers/form-fixtures.ts';
import { TEST_TMP } from '../helpers/paths.ts';
import { tableCounts } from '../helpers/store-rows.ts';

let services: FormServices;
let warnings: string[];

beforeAll(async () => {
  services = await startFormServices();
  // Eleven order requests below confirm to one address and go to one startup: over the daily caps (tested in form-abuse).
  liftSendingCaps();
});
afterAll(() => services.stop());
beforeEach(() => {
  warnings = [];
  vi.spyOn(console, 'warn').mockImplementation((...parts: unknown[]) => {
    warnings.push(parts.map(String).join(' '));
  });
});
afterEach(async () => {
  // The e-mails of an accepted post are sent after its answer: they are done before the next test.
  await settleBackgroundWork();
  vi.restoreAllMocks();
});

/** The origin of `formUrl`: what the local run accepts. */
const OWN = 'http://127.0.0.1:9';
const HANDLERS = { candidature: applicationHandler, 'demande-bon-de-commande': orderHandler, 'engagement-acheteur': commitmentHandler } as const;
const VALID_FIELDS = { candidature: validApplicationFields, 'demande-bon-de-commande': validOrderFields, 'engagement-acheteur': validCommitmentFields } as const;
const FORMS = ['candidature', 'demande-bon-de-commande'] as const satisfies readonly FormName[];

/** A valid submission of `form` with extra request headers. */
async function post(form: FormName, headers: Record<string, string>, accept: 'html' | 'json' = 'json'): Promise<Response> {
  const request = formRequest(form, await withToken(form, VALID_FIELDS[form]()), { accept });
  for (const [name, value] of Object.entries(headers)) request.headers.set(name, value);
  return HANDLERS[form](request, functionContext());
}

/** No submission, e-mail, spam entry or rate count in the database, and no e-mail sent (these tests run before any accepted post). */
async function expectNothingKept(): Promise<void> {
  await settleBackgroundWork();
  expect(await tableCounts(services.database)).toEqual({ submissions: 0, outbox: 0, spam: 0, rate_counters: 0 });
  expect(services.smtp.messages).toHaveLength(0);
}

const REFUSED_HEADERS: [string, Record<string, string>, string][] = [
  ['a form on another site', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }, 'cross-site-fetch'],
  ['a sibling site', { origin: 'https://autre.netlify.app', 'sec-fetch-site': 'same-site' }, 'cross-site-fetch'],
  ['an old browser on another site', { origin: 'https://evil.example' }, 'foreign-origin'],
  ['a sandboxed frame', { origin: 'null' }, 'opaque-origin'],
];

describe.each(FORMS)('%s: cross-site posts', (form) => {
  it.each(REFUSED_HEADERS)('%s → 403 JSON with the French message, logged without personal data, nothing kept', async (_case, headers, reason) => {
    const response = await post(form, headers);
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(await response.json()).toEqual({ status: 'refused', message: CROSS_SITE_MESSAGE });
    expect(warnings.map((line) => JSON.parse(line) as unknown)).toEqual([{ event: 'cross-site-refused', path: `/api/${form}/`, reason, origin: headers['origin'] }]);
    await expectNothingKept();
  });

  it('a plain HTML form on another site → 403 page in French, nothing kept', async () => {
    const response = await post(form, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }, 'html');
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const page = await response.text();
    expect(page).toContain('<h1 id="message">Envoi refusé</h1>');
    expect(page).toContain('ce formulaire ne peut être envoyé que depuis les pages de ce site');
    await expectNothingKept();
  });

  it('a JSON body without Accept: application/json still gets a JSON 403', async () => {
    const request = formRequest(form, await withToken(form, VALID_FIELDS[form]()), { format: 'json', accept: 'html' });
    request.headers.set('sec-fetch-site', 'cross-site');
    const response = await HANDLERS[form](request, functionContext());
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ status: 'refused', message: CROSS_SITE_MESSAGE });
  });

  it('a CORS preflight from another site → 403 without any Access-Control header', async () => {
    const response = await HANDLERS[form](
      new Request(formUrl(form), { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type', 'sec-fetch-site': 'cross-site' } }),
      functionContext(),
    );
    expect(response.status).toBe(403);
    expect([...response.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
  });

  it('OPTIONS from the site itself → 204 with Allow: POST, OPTIONS, no Access-Control header', async () => {
    const response = await HANDLERS[form](new Request(formUrl(form), { method: 'OPTIONS', headers: { origin: OWN, 'access-control-request-method': 'POST' } }), functionContext());
    expect(response.status).toBe(204);
    expect(response.headers.get('allow')).toBe('POST, OPTIONS');
    expect([...response.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
    await expectNothingKept();
  });
});

describe('posts from the site itself', () => {
  it.each([
    ['a no-JS form post (Origin + same-origin)', { origin: OWN, 'sec-fetch-site': 'same-origin' }, 'html', 303],
    ['the enhanced form (fetch)', { origin: OWN, 'sec-fetch-site': 'same-origin' }, 'json', 200],
    ['resent from the history (none)', { 'sec-fetch-site': 'none' }, 'html', 303],
    ['an old browser (Origin only)', { origin: OWN }, 'json', 200],
    ['a program (neither header)', {}, 'json', 200],
  ] as const)('%s → accepted', async (_case, headers, accept, status) => {
    const before = (await storedReferences(services.database)).length;
    const response = await post('demande-bon-de-commande', headers, accept);
    expect(response.status).toBe(status);
    expect(await storedReferences(services.database)).toEqual(Array.from({ length: before + 1 }, (_, index) => expectedReference(index + 1)));
    expect(warnings).toEqual([]);
  });
});

describe('the token endpoint', () => {
  const tokenUrl = 'http://127.0.0.1:9/api/jeton/?formulaire=candidature';

  it('fetched from another site → 403 JSON in French, no token', async () => {
    const response = await tokenHandler(new Request(tokenUrl, { headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } }), functionContext());
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ message: CROSS_SITE_MESSAGE });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('fetched by the site’s script (same-origin, no Origin on a GET) → 200 with a token', async () => {
    const response = await tokenHandler(new Request(tokenUrl, { headers: { 'sec-fetch-site': 'same-origin' } }), functionContext());
    expect(response.status).toBe(200);
    expect(((await response.json()) as { token: string }).token.split('.')).toHaveLength(2);
  });

  it('OPTIONS → 204 with Allow: GET, OPTIONS, no Access-Control header', async () => {
    const response = await tokenHandler(new Request(tokenUrl, { method: 'OPTIONS' }), functionContext());
    expect(response.status).toBe(204);
    expect(response.headers.get('allow')).toBe('GET, OPTIONS');
    expect([...response.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
  });
});

describe('deployed sites', () => {
  const SITE_URL = 'https://premiers-bons-de-commande.netlify.app';
  const PRODUCTION_ENV = { SMTP_URL: '', MAIL_FROM_ADDRESS: 'ne-pas-repondre@premiers-bons-de-commande.fr', FORM_SIGNING_SECRET: 'a-production-secret-of-at-least-32-chars' };

  beforeEach(() => {
    process.env['SMTP_URL'] = services.smtp.url;
    process.env['MAIL_FROM_ADDRESS'] = PRODUCTION_ENV.MAIL_FROM_ADDRESS;
    process.env['FORM_SIGNING_SECRET'] = PRODUCTION_ENV.FORM_SIGNING_SECRET;
  });
  afterEach(() => {
    delete process.env['FORM_SIGNING_SECRET'];
  });

  /** A preflight-free probe: `OPTIONS` runs the origin check and nothing else. */
  function probe(url: string, origin: string, deployContext: string, siteUrl: string): Promise<Response> {
    return applicationHandler(new Request(url, { method: 'OPTIONS', headers: { origin } }), functionContext({ deployContext, siteUrl }));
  }

  /** Netlify's main address of a site whose name differs from the `site_url` setting. */
  const OTHER_NAME = 'https://pbc-m2a.netlify.app';
  const CUSTOM_DOMAIN = 'https://www.premiers-bons-de-commande.fr';
  const PREVIEW = 'https://deploy-preview-7--premiers-bons-de-commande.netlify.app';
  const BRANCH = 'https://essai--premiers-bons-de-commande.netlify.app';

  it.each([
    ['production, from site_url (also the main address)', 'production', SITE_URL, SITE_URL, SITE_URL, 204],
    ['production, Netlify name differing from site_url, from its main address', 'production', OTHER_NAME, OTHER_NAME, OTHER_NAME, 204],
    ['production, Netlify name differing from site_url, from site_url', 'production', OTHER_NAME, OTHER_NAME, SITE_URL, 204],
    ['production, custom domain as main address, from it', 'production', CUSTOM_DOMAIN, CUSTOM_DOMAIN, CUSTOM_DOMAIN, 204],
    ['production, posted to a deploy permalink from it', 'production', SITE_URL, 'https://abc123--premiers-bons-de-commande.netlify.app', 'https://abc123--premiers-bons-de-commande.netlify.app', 403],
    ['production, from another Netlify site', 'production', OTHER_NAME, OTHER_NAME, 'https://autre.netlify.app', 403],
    ['a deploy preview, from itself', 'deploy-preview', SITE_URL, PREVIEW, PREVIEW, 204],
    ['a deploy preview, from production', 'deploy-preview', SITE_URL, PREVIEW, SITE_URL, 403],
    ['a branch deploy, from itself', 'branch-deploy', SITE_URL, BRANCH, BRANCH, 204],
    ['a branch deploy, from a deploy preview', 'branch-deploy', SITE_URL, BRANCH, PREVIEW, 403],
  ])('%s', async (_case, deployContext, mainAddress, deployAddress, origin, status) => {
    expect((await probe(`${deployAddress}/api/candidature/`, origin, deployContext, mainAddress)).status).toBe(status);
  });
});

describe('the rate limit comes from the settings', () => {
  let contentDir: string;

  beforeAll(async () => {
    contentDir = await mkdtemp(join(TEST_TMP, 'content-rate-'));
    await cp(FORMS_CONTENT_DIR, contentDir, { recursive: true });
    const settingsFile = join(contentDir, 'settings', 'site.yml');
    const settings = await readFile(settingsFile, 'utf8');
    await writeFile(settingsFile, `${settings}rate_limit_max_submissions: 2\n`);
    process.env['CONTENT_DIR'] = contentDir;
    delete process.env['RATE_LIMIT_MAX'];
  });
  afterAll(async () => {
    process.env['CONTENT_DIR'] = FORMS_CONTENT_DIR;
    process.env['RATE_LIMIT_MAX'] = '1000';
    await rm(contentDir, { recursive: true, force: true });
  });

  it('rate_limit_max_submissions: 2 → the third submission from one client gets 429, the others 200', async () => {
    const context = functionContext({ ip: '192.0.2.55' });
    const statuses: number[] = [];
    for (let index = 0; index < 3; index += 1) {
      const response = await orderHandler(formRequest('demande-bon-de-commande', await withToken('demande-bon-de-commande', validOrderFields()), { accept: 'json' }), context);
      statuses.push(response.status);
    }
    expect(statuses).toEqual([200, 200, 429]);
    const other = await orderHandler(formRequest('demande-bon-de-commande', await withToken('demande-bon-de-commande', validOrderFields()), { accept: 'json' }), functionContext({ ip: '192.0.2.56' }));
    expect(other.status).toBe(200);
  });

  it('IPv6 addresses rotated inside one /64 share the limit (third one 429); the next /64 is another client', async () => {
    const statuses: number[] = [];
    for (const ip of ['2001:db8:5:6::1', '2001:db8:5:6:aaaa:bbbb:cccc:2', '2001:0db8:0005:0006:ffff:0000:0000:0003']) {
      const response = await orderHandler(formRequest('demande-bon-de-commande', await withToken('demande-bon-de-commande', validOrderFields()), { accept: 'json' }), functionContext({ ip }));
      statuses.push(response.status);
    }
    expect(statuses).toEqual([200, 200, 429]);
    const other = await orderHandler(formRequest('demande-bon-de-commande', await withToken('demande-bon-de-commande', validOrderFields()), { accept: 'json' }), functionContext({ ip: '2001:db8:5:7::1' }));
    expect(other.status).toBe(200);
  });
});
