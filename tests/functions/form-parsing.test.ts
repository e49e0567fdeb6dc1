/**
 * Reading the POST of a form: encodings, methods, content types, size and
 * UTF-8 limits, aborted uploads, through the real handlers, a real HTTP
 * server and `readFormRequest`.
 */
import { once } from 'node:events';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import orderHandler from '../../netlify/functions/demande-bon-de-commande.mts';
import applicationHandler from '../../netlify/functions/candidature.mts';
import { applyFrenchSpacing } from '../../src/lib/format/french-spacing.ts';
import { readFormRequest } from '../../src/lib/forms/request/read-form-request.ts';
import { functionContext, settleBackgroundWork } from '../helpers/function-context.ts';
import { REAL_SITE_DIST } from '../helpers/paths.ts';
import { serveSiteWithFunctions } from '../helpers/site-with-functions.ts';
import { storedSubmission, tableCounts } from '../helpers/store-rows.ts';
import {
  decodeHtmlEntities,
  formRequest,
  formUrl,
  looksLikeStackTrace,
  startFormServices,
  VALID_ORDER_DATA,
  validOrderFields,
  withToken,
  type BodyFormat,
  type FormServices,
} from '../helpers/form-fixtures.ts';

let services: FormServices;

beforeAll(async () => {
  services = await startFormServices();
  // Four accepted requests below come from one address: over the daily cap of confirmations (tested in form-abuse).
  process.env['MAIL_CAP_CONFIRMATIONS_PER_DAY'] = '100';
});
afterAll(() => services.stop());

const ORDER_URL = formUrl('demande-bon-de-commande');

function post(body: BodyInit | null, headers: Record<string, string>, init: RequestInit = {}): Request {
  return new Request(ORDER_URL, { method: 'POST', headers, body, ...init });
}

describe('readFormRequest', () => {
  it('decodes a URL-encoded body: + as space, percent-escapes as UTF-8', async () => {
    const result = await readFormRequest(post('nom=Jean+Dupont&email=achats%2Bit%40exemple.fr&ville=Sa%C3%B4ne', { 'content-type': 'application/x-www-form-urlencoded' }));
    expect(result).toEqual({ ok: true, format: 'form', fields: { nom: 'Jean Dupont', email: 'achats+it@exemple.fr', ville: 'Saône' } });
  });

  it('accepts a charset parameter and upper-case media types', async () => {
    const result = await readFormRequest(post('ville=Sa%C3%B4ne', { 'content-type': 'Application/X-WWW-Form-URLEncoded; charset=UTF-8' }));
    expect(result).toEqual({ ok: true, format: 'form', fields: { ville: 'Saône' } });
  });

  it('gathers repeated names (checkboxes) into a list, in order', async () => {
    const result = await readFormRequest(post('sectors=Sant%C3%A9&sectors=Industrie+du+futur&consent=on', { 'content-type': 'application/x-www-form-urlencoded' }));
    expect(result).toEqual({ ok: true, format: 'form', fields: { sectors: ['Santé', 'Industrie du futur'], consent: 'on' } });
  });

  it('reads a multipart body like the URL-encoded one', async () => {
    const data = new FormData();
    data.append('nom', 'Jean Dupont');
    data.append('email', 'achats+it@exemple.fr');
    data.append('ville', 'Saône');
    const result = await readFormRequest(new Request(ORDER_URL, { method: 'POST', body: data }));
    expect(result).toEqual({ ok: true, format: 'form', fields: { nom: 'Jean Dupont', email: 'achats+it@exemple.fr', ville: 'Saône' } });
  });

  it('reads a JSON body: numbers and booleans as text, null as absent', async () => {
    const result = await readFormRequest(
      post(JSON.stringify({ nom: 'Jean Dupont', budget_ht: 14_500.5, consent: true, wished_date: null, sectors: ['Santé'] }), { 'content-type': 'application/json' }),
    );
    expect(result).toEqual({ ok: true, format: 'json', fields: { nom: 'Jean Dupont', budget_ht: '14500.5', consent: 'true', sectors: ['Santé'] } });
  });

  it('keeps __proto__ of a JSON body as an ordinary field', async () => {
    const result = await readFormRequest(post('{"__proto__": ["a"], "nom": "b"}', { 'content-type': 'application/json' }));
    expect(result.ok).toBe(true);
    if (result.ok) expect(Object.entries(result.fields)).toEqual([['__proto__', ['a']], ['nom', 'b']]);
  });

  it('reads a streamed body without Content-Length', async () => {
    const bytes = new TextEncoder().encode('ville=Sa%C3%B4ne');
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(bytes.slice(0, 5));
        controller.enqueue(bytes.slice(5));
        controller.close();
      },
    });
    const result = await readFormRequest(post(stream, { 'content-type': 'application/x-www-form-urlencoded' }, { duplex: 'half' } as RequestInit));
    expect(result).toEqual({ ok: true, format: 'form', fields: { ville: 'Saône' } });
  });

  it('accepts a body of exactly 64 KiB and refuses one byte more', async () => {
    const exact = `need=${'a'.repeat(64 * 1024 - 5)}`;
    expect((await readFormRequest(post(exact, { 'content-type': 'application/x-www-form-urlencoded' }))).ok).toBe(true);
    expect(await readFormRequest(post(`${exact}a`, { 'content-type': 'application/x-www-form-urlencoded' }))).toEqual({
      ok: false,
      status: 413,
      message: 'Envoi trop volumineux : raccourcissez vos textes.',
    });
  });

  // Issue 10: each repeated value used to rebuild the whole list (33 s of CPU
  // for this body). Linear now, a few tens of milliseconds; the timeout only
  // stops a relapse from hanging the run (the figure is in the report, not asserted).
  it('reads a 64 KB body repeating one name 32 500 times into one list', { timeout: 10_000 }, async () => {
    const body = 'a&'.repeat(32_500).slice(0, -1);
    expect(body.length).toBeLessThanOrEqual(64 * 1024);
    const result = await readFormRequest(post(body, { 'content-type': 'application/x-www-form-urlencoded' }));
    expect(result).toEqual({ ok: true, format: 'form', fields: { a: Array.from({ length: 32_500 }, () => '') } });
  });

  it('reads a 64 KB multipart body repeating one name into one list', { timeout: 10_000 }, async () => {
    const part = '--b\r\nContent-Disposition: form-data; name="a"\r\n\r\nx\r\n';
    const count = Math.floor((64 * 1024 - 5) / part.length);
    const result = await readFormRequest(post(`${part.repeat(count)}--b--`, { 'content-type': 'multipart/form-data; boundary=b' }));
    expect(result).toEqual({ ok: true, format: 'form', fields: { a: Array.from({ length: count }, () => 'x') } });
  });

  it('keeps the first value of a repeated name unchanged beside a list of another', async () => {
    const result = await readFormRequest(post('a=1&b=1&a=2&b=2&a=3&c=1', { 'content-type': 'application/x-www-form-urlencoded' }));
    expect(result).toEqual({ ok: true, format: 'form', fields: { a: ['1', '2', '3'], b: ['1', '2'], c: '1' } });
  });

  it.each([
    ['a name inherited by every object', 'constructor=a&toString=b', { constructor: 'a', toString: 'b' }],
    ['__proto__ as a name', '__proto__=a&nom=b', { ['__proto__']: 'a', nom: 'b' }],
    ['a repeated inherited name', 'constructor=a&constructor=b', { constructor: ['a', 'b'] }],
  ])('keeps %s as an ordinary field', async (_case, body, fields) => {
    const result = await readFormRequest(post(body, { 'content-type': 'application/x-www-form-urlencoded' }));
    expect(result.ok).toBe(true);
    if (result.ok) expect(Object.entries(result.fields)).toEqual(Object.entries(fields));
  });
});

/** The fields of a valid order request with its token, for the bad requests that are valid but for their encoding. */
const VALID_ORDER_WITH_TOKEN = await withToken('demande-bon-de-commande', validOrderFields());

/** A request and the status and French message it must get. */
interface BadRequestCase {
  readonly name: string;
  readonly request: () => Request;
  readonly status: number;
  readonly message: string;
}

const URLENCODED = { 'content-type': 'application/x-www-form-urlencoded' };
const oversized = `need=${'a'.repeat(64 * 1024)}`;

const BAD_REQUESTS: BadRequestCase[] = [
  { name: 'GET', request: () => new Request(ORDER_URL, { method: 'GET' }), status: 405, message: 'Méthode non acceptée : ce formulaire s’envoie avec POST.' },
  { name: 'PUT', request: () => new Request(ORDER_URL, { method: 'PUT', headers: URLENCODED, body: 'a=b' }), status: 405, message: 'Méthode non acceptée : ce formulaire s’envoie avec POST.' },
  { name: 'no content type', request: () => post(new Uint8Array([0x61, 0x3d, 0x62]), {}), status: 415, message: 'Format d’envoi non accepté : envoyez le formulaire depuis la page du site.' },
  { name: 'text/plain', request: () => post('a=b', { 'content-type': 'text/plain' }), status: 415, message: 'Format d’envoi non accepté : envoyez le formulaire depuis la page du site.' },
  { name: 'application/xml', request: () => post('<a/>', { 'content-type': 'application/xml' }), status: 415, message: 'Format d’envoi non accepté : envoyez le formulaire depuis la page du site.' },
  { name: 'multipart without boundary', request: () => post('--x\r\n', { 'content-type': 'multipart/form-data' }), status: 400, message: 'Envoi mal formé : la délimitation du formulaire (boundary) manque.' },
  {
    name: 'multipart whose boundary does not match',
    request: () => post('--autre\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--autre--\r\n', { 'content-type': 'multipart/form-data; boundary=limite' }),
    status: 400,
    message: 'Envoi mal formé : le formulaire n’a pas pu être lu.',
  },
  {
    name: 'multipart with a file',
    request: () => {
      const data = new FormData();
      data.append('organisation', 'Ville');
      data.append('piece', new Blob(['%PDF-1.7'], { type: 'application/pdf' }), 'devis.pdf');
      return new Request(ORDER_URL, { method: 'POST', body: data });
    },
    status: 400,
    message: 'Envoi refusé : les fichiers joints ne sont pas acceptés.',
  },
  { name: 'a body over 64 KiB', request: () => post(oversized, URLENCODED), status: 413, message: 'Envoi trop volumineux : raccourcissez vos textes.' },
  { name: 'a declared length over 64 KiB', request: () => post('a=b', { ...URLENCODED, 'content-length': String(1024 * 1024) }), status: 413, message: 'Envoi trop volumineux : raccourcissez vos textes.' },
  {
    name: 'a multipart body over 64 KiB',
    // Bytes, as the platform hands them over. (A `FormData` body cancelled half-way
    // makes undici reject a promise nobody awaits; that is the test's Request, not the function.)
    request: () =>
      post(
        new TextEncoder().encode(`--limite\r\nContent-Disposition: form-data; name="need"\r\n\r\n${'a'.repeat(70_000)}\r\n--limite--\r\n`),
        { 'content-type': 'multipart/form-data; boundary=limite' },
      ),
    status: 413,
    message: 'Envoi trop volumineux : raccourcissez vos textes.',
  },
  {
    name: 'a body streamed without end',
    request: () => post(new ReadableStream({ pull: (controller) => controller.enqueue(new Uint8Array(16_384).fill(0x61)) }), URLENCODED, { duplex: 'half' } as RequestInit),
    status: 413,
    message: 'Envoi trop volumineux : raccourcissez vos textes.',
  },
  {
    name: 'a body the client stopped sending',
    // What the platform's stream does when the connection drops mid-body (undici: "terminated").
    request: () =>
      post(
        new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('organisation=Ville'));
            controller.error(new TypeError('terminated'));
          },
        }),
        URLENCODED,
        { duplex: 'half' } as RequestInit,
      ),
    status: 400,
    message: 'Envoi interrompu : le formulaire n’est pas arrivé en entier. Vérifiez votre connexion et envoyez-le à nouveau.',
  },
  { name: 'raw invalid UTF-8 (URL-encoded)', request: () => post(new Uint8Array([...new TextEncoder().encode('ville=Sa'), 0xf4, 0x6e, 0x65]), URLENCODED), status: 400, message: 'Envoi mal encodé : le texte doit être en UTF-8.' },
  { name: '%FF in a URL-encoded body', request: () => post('ville=Sa%FFne', URLENCODED), status: 400, message: 'Envoi mal encodé : le texte doit être en UTF-8.' },
  { name: 'an ISO-8859-1 escape (%F4) in a URL-encoded body', request: () => post('ville=Sa%F4ne', URLENCODED), status: 400, message: 'Envoi mal encodé : le texte doit être en UTF-8.' },
  { name: 'a truncated percent-escape', request: () => post('ville=Sa%C3', URLENCODED), status: 400, message: 'Envoi mal encodé : le texte doit être en UTF-8.' },
  {
    name: 'raw invalid UTF-8 (multipart)',
    request: () =>
      post(
        new Uint8Array([...new TextEncoder().encode('--limite\r\nContent-Disposition: form-data; name="ville"\r\n\r\nSa'), 0xff, ...new TextEncoder().encode('ne\r\n--limite--\r\n')]),
        { 'content-type': 'multipart/form-data; boundary=limite' },
      ),
    status: 400,
    message: 'Envoi mal encodé : le texte doit être en UTF-8.',
  },
  { name: 'raw invalid UTF-8 (JSON)', request: () => post(new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x22, 0x7d]), { 'content-type': 'application/json' }), status: 400, message: 'Envoi mal encodé : le texte doit être en UTF-8.' },
  // A JSON escape can name half of a surrogate pair, which no UTF-8 text holds (and PostgreSQL refuses to store).
  { name: 'a valid order request whose need ends with a lone surrogate (JSON escape)', request: () => post(JSON.stringify({ ...VALID_ORDER_WITH_TOKEN, need: `${VALID_ORDER_WITH_TOKEN['need']}\ud83d` }), { 'content-type': 'application/json' }), status: 400, message: 'Envoi mal encodé : le texte doit être en UTF-8.' },
  { name: 'a lone surrogate in a JSON field name', request: () => post(JSON.stringify({ ...VALID_ORDER_WITH_TOKEN, 'x\udc00': 'a' }), { 'content-type': 'application/json' }), status: 400, message: 'Envoi mal encodé : le texte doit être en UTF-8.' },
  { name: 'JSON that does not parse', request: () => post('{"organisation": ', { 'content-type': 'application/json' }), status: 400, message: 'Envoi mal formé : données illisibles.' },
  { name: 'a JSON array', request: () => post('["a"]', { 'content-type': 'application/json' }), status: 400, message: 'Envoi mal formé : données inattendues.' },
  { name: 'a JSON string', request: () => post('"a"', { 'content-type': 'application/json' }), status: 400, message: 'Envoi mal formé : données inattendues.' },
  { name: 'a nested JSON object', request: () => post('{"organisation": {"nom": "Ville"}}', { 'content-type': 'application/json' }), status: 400, message: 'Envoi mal formé : données inattendues.' },
  { name: 'an empty JSON body', request: () => post('', { 'content-type': 'application/json' }), status: 400, message: 'Envoi mal formé : données illisibles.' },
];

describe('bad requests to the form functions', () => {
  it.each(BAD_REQUESTS)('$name → $status with a French message (enhanced form, JSON)', async ({ request, status, message }) => {
    const original = request();
    const withJson = new Request(original, { headers: { ...Object.fromEntries(original.headers), accept: 'application/json' } });
    const response = await orderHandler(withJson, functionContext());
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = await response.text();
    expect(JSON.parse(body)).toEqual({ status: 'refused', message });
    expect(looksLikeStackTrace(body)).toBe(false);
    if (status === 405) expect(response.headers.get('allow')).toBe('POST, OPTIONS');
  });

  it.each(BAD_REQUESTS)('$name → $status, page or JSON in French without JavaScript', async ({ request, status, message }) => {
    const response = await applicationHandler(request(), functionContext());
    expect(response.status).toBe(status);
    const body = await response.text();
    expect(looksLikeStackTrace(body)).toBe(false);
    if (status === 415) {
      // The platform cannot tell a browser from a script here: the answer is JSON.
      expect(JSON.parse(body)).toEqual({ status: 'refused', message });
    } else {
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(body).toContain('<html lang="fr">');
      expect(body).toContain('<h1 id="message">Envoi impossible</h1>');
      // French spacing: a no-break space before the colon.
      expect(decodeHtmlEntities(body)).toContain(applyFrenchSpacing(message));
      expect(body).toContain('<a href="/candidater/">Revenir au formulaire</a>');
    }
    if (status === 405) expect(response.headers.get('allow')).toBe('POST, OPTIONS');
  });

  it('stores nothing and sends nothing for any of them', async () => {
    expect(await tableCounts(services.database)).toEqual({ submissions: 0, outbox: 0, spam: 0, rate_counters: 0 });
    expect(services.smtp.messages).toHaveLength(0);
  });
});

describe('the three encodings of a valid order request', () => {
  it.each(['urlencoded', 'multipart', 'json'] as const)('%s is accepted and stored with the same values', async (format: BodyFormat) => {
    const fields = await withToken('demande-bon-de-commande', validOrderFields());
    const response = await orderHandler(formRequest('demande-bon-de-commande', fields, { format, accept: 'json' }), functionContext());
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { status: string; reference: string; redirect: string };
    expect(answer.status).toBe('accepted');
    expect(await storedSubmission(services.database, answer.reference)).toEqual({ form: 'demande-bon-de-commande', data: VALID_ORDER_DATA });
  });

  it('JSON with typed values (number, boolean) is stored like the typed text', async () => {
    const fields: Record<string, unknown> = { ...(await withToken('demande-bon-de-commande', validOrderFields())), budget_ht: 14_500.5, consent: true };
    const request = new Request(formUrl('demande-bon-de-commande'), { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(fields) });
    const response = await orderHandler(request, functionContext());
    expect(response.status).toBe(200);
    const { reference } = (await response.json()) as { reference: string };
    expect((await storedSubmission(services.database, reference))?.data).toEqual(VALID_ORDER_DATA);
  });

  it('mails every accepted request', async () => {
    // Four requests above, three messages each (team, startup, confirmation).
    await settleBackgroundWork();
    expect(services.smtp.messages).toHaveLength(12);
    expect(new Set(services.smtp.messages.map((mail) => mail.messageId)).size).toBe(12);
  });
});

describe('a client that aborts its upload', () => {
  it('through a real HTTP server: the function answers 400, not 500, and keeps nothing', async () => {
    const site = await serveSiteWithFunctions(REAL_SITE_DIST);
    const storedBefore = await tableCounts(services.database);
    try {
      const { hostname, port } = new URL(site.origin);
      const socket = connect(Number(port), hostname);
      await once(socket, 'connect');
      const head = ['POST /api/demande-bon-de-commande/ HTTP/1.1', `Host: ${hostname}:${port}`, 'Content-Type: application/x-www-form-urlencoded', 'Content-Length: 4000', '', ''].join('\r\n');
      socket.write(`${head}organisation=Ville&need=`);
      // Let the function start reading the body, then drop the connection half-way.
      await new Promise((resolve) => setTimeout(resolve, 200));
      socket.destroy();
      await vi.waitFor(() => expect(site.calls).toHaveLength(1), { timeout: 5_000 });
      expect(site.calls).toEqual([{ method: 'POST', path: '/api/demande-bon-de-commande/', status: 400 }]);
      expect(await tableCounts(services.database)).toEqual(storedBefore);
    } finally {
      await site.close();
    }
  });
});
