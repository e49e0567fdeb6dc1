/**
 * Property-based fuzzing of the public endpoints (fast-check): `RUNS` random
 * and malformed requests per endpoint (2 000; 10 000 in the long run), called in-process against a real
 * PostgreSQL database and a real SMTP server. Methods, content types (true, missing,
 * lying), encodings (invalid UTF-8, bad percent-escapes, NUL), sizes up to three
 * times the limit, and field values (Unicode, bidirectional overrides, emoji,
 * CR/LF, HTML, SQL and template injection, numbers, repeats, missing and extra
 * fields), with valid, missing, stale and forged tokens so that validation past
 * the token check runs, and some fully valid requests.
 *
 * Properties of every request: no 5xx, no throw, an answer within 10 s; a
 * refusal (4xx) carries a French message (`french-answers.ts`) and nothing is
 * stored (no submission, outbox row or reference number) or mailed for anything
 * but an accepted submission; an accepted one is stored. After each endpoint:
 * the `submissions` and `outbox` rows are well-formed, the references run from
 * 1 without a gap, and every outbox row is sent, each message exactly once.
 *
 * Runs in the `production` deploy context (the runtime is built once, as on
 * Netlify), so that the runs stay fast.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import applicationHandler from '../../netlify/functions/candidature.mts';
import orderHandler from '../../netlify/functions/demande-bon-de-commande.mts';
import commitmentHandler from '../../netlify/functions/engagement-acheteur.mts';
import tokenHandler from '../../netlify/functions/jeton.mts';
import { issueFormToken } from '../../src/lib/forms/form-token.ts';
import { FORM_DEFINITIONS, recipientsOf, type FormData as SubmissionData, type FormName } from '../../src/lib/forms/definitions/index.ts';
import { fieldsOf } from '../../src/lib/forms/definitions/form-definition.ts';
import { HONEYPOT_FIELD, TOKEN_FIELD } from '../../src/lib/forms/process-submission.ts';
import { comparableEmail } from '../../src/lib/email-address/read-email-address.ts';
import { readSiteSettings } from '../../src/lib/content-model/read-settings.ts';
import { functionContext, settleBackgroundWork } from '../helpers/function-context.ts';
import { refusalProblems } from '../helpers/french-answers.ts';
import {
  expectedReference,
  liftSendingCaps,
  ORDERABLE_STARTUP,
  SITE,
  startFormServices,
  validApplicationFields,
  validOrderFields,
  type FormServices,
} from '../helpers/form-fixtures.ts';
import { storedSubmission, tableCounts } from '../helpers/store-rows.ts';
import { PROJECT_ROOT, REAL_SITE_DIST } from '../helpers/paths.ts';
import { sameOriginRequest } from '../helpers/same-origin-request.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

/**
 * Requests per endpoint: 2 000 in `npm test` (every refusal status still comes
 * up tens of times); `FUZZ_RUNS=10000 npx vitest run tests/functions/form-fuzz.test.ts`
 * for the long run.
 */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 2_000);
const ANSWER_TIME_LIMIT_MS = 10_000;
const SECRET = 'fuzz-production-signing-secret-of-40-chars';
const MAX_BODY_BYTES = 64 * 1024;
/** Accepted submissions per client address and window: a few accepted ones, then the limit answers 429. */
const RATE_LIMIT_MAX = 4;
/** Client addresses of each form's requests (their own, so that one form's submissions do not use the other's limit). */
const CLIENTS: Record<FormName, readonly string[]> = {
  candidature: ['198.51.100.1', '2001:db8::1', ''],
  'demande-bon-de-commande': ['198.51.100.2', '2001:db8::2', '203.0.113.9'],
  'engagement-acheteur': ['198.51.100.3', '2001:db8::3', '203.0.113.10'],
};

let services: FormServices;
/** The built site, serving the layout of the HTML answers (fetched once, as on Netlify). */
let site: StaticServer;
/** Reference → form of every submission accepted so far in this file. */
const acceptedForms = new Map<string, FormName>();

/** The functions run in the production context, which accepts posts only from pages of the `site_url` origin. */
const SITE_ORIGIN = new URL(readSiteSettings(join(PROJECT_ROOT, 'content')).site_url).origin;
const fromSitePage = (url: string, init: RequestInit) => sameOriginRequest(url, init, SITE_ORIGIN);

beforeAll(async () => {
  services = await startFormServices();
  site = await serveStatic(REAL_SITE_DIST);
  process.env['FORM_SIGNING_SECRET'] = SECRET;
  process.env['RATE_LIMIT_MAX'] = String(RATE_LIMIT_MAX);
  // Every accepted submission of a form confirms to the same address (and orders go to one startup):
  // the daily caps per address (tested in form-abuse) would hold most of their e-mails.
  liftSendingCaps();
});
afterAll(async () => {
  await site.close();
  await services.stop();
});

interface SubmissionState {
  readonly submissions: number;
  readonly outbox: number;
  readonly referenceNumbers: number;
}

/**
 * The state after the last case that passed: the next case starts from it,
 * one query per case instead of two. Unset when a case fails (fast-check then
 * shrinks it from a state read again).
 */
let lastState: SubmissionState | undefined;

/**
 * What a submission writes: its row, its outbox rows, and a reference number
 * (the sum of the yearly counters: a number spent by a refused request would
 * show even when no row is left). Spam entries and rate counters are left out:
 * refusals write them.
 */
async function submissionState(): Promise<SubmissionState> {
  const { rows } = await services.database.query<SubmissionState>(
    `SELECT (SELECT count(*) FROM submissions)::int AS submissions, (SELECT count(*) FROM outbox)::int AS outbox,
            (SELECT coalesce(sum(last_number), 0) FROM reference_counters)::int AS "referenceNumbers"`,
  );
  return rows[0]!;
}

/** Strings that have broken web forms somewhere. */
const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  'Jean\r\nBcc: victime@exemple.fr',
  'Sujet\nX-Injected: oui',
  '\r\n\r\n<html>',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'; DROP TABLE submissions; --",
  "' OR '1'='1",
  '{{7*7}}',
  '${7*7}',
  '<%= 7*7 %>',
  '#{7*7}',
  '\u202eevil\u202c',
  '\u2066isolé\u2069',
  '🚀🇫🇷👩🏽‍💻',
  'Z̴̡̧̛͖a̷l̷g̷o̷',
  '\ud800',
  '\udfff\ud800',
  '%00',
  '%',
  '%zz',
  '%C3',
  '+',
  '&=&',
  '__proto__',
  'constructor',
  'x'.repeat(5_000),
  'é'.repeat(70_000),
  '1e309',
  '-1',
  '0',
  'NaN',
  'Infinity',
  '15000,01',
  '0,001',
  'true',
  'null',
  '[]',
  '{}',
  '../../etc/passwd',
  'javascript:alert(1)',
  'https://exemple.fr',
  'https://',
  'a@b',
  '@exemple.fr',
  'x@exemple.fr\r\nBcc: a@b.fr',
  'x@exemple.fr, y@exemple.fr',
  '"x"@exemple.fr',
  '+33 3 89 12 34 56',
  '2000-01-01',
  '9999-12-31',
  '2027-02-30',
  'sans-preference',
  'prototype',
  'on',
  'oui',
  '\u2028',
  '\ufeffbom',
  '\u00a0',
];

type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

const text: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 400 }) },
  { weight: 1, arbitrary: fc.nat().map(String) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('Société Verte', 'contact@exemple.fr', '732 829 320 00074', '03 89 12 34 56'), fc.constantFrom(...NASTY_STRINGS)).map(([left, right]) => left + right) },
);

const fieldValue: fc.Arbitrary<JsonValue> = fc.oneof(
  { weight: 8, arbitrary: text },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null)) },
  { weight: 1, arbitrary: fc.array(text, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 5 }), text, { maxKeys: 2 }) },
);

type Mutation =
  | { readonly op: 'set'; readonly field: string; readonly value: JsonValue }
  | { readonly op: 'delete'; readonly field: string }
  | { readonly op: 'repeat'; readonly field: string; readonly value: JsonValue };

function mutation(fieldNames: readonly string[]): fc.Arbitrary<Mutation> {
  const field = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...fieldNames, HONEYPOT_FIELD, TOKEN_FIELD) }, { weight: 1, arbitrary: text });
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ op: fc.constant('set' as const), field, value: fieldValue }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), field }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('repeat' as const), field, value: fieldValue }) },
  );
}

type TokenKind = 'valid' | 'missing' | 'too-fast' | 'expired' | 'other-form' | 'forged' | 'garbage';
type Encoding = 'urlencoded' | 'multipart' | 'json';
/** How the Content-Type relates to the body. */
type Labelling = 'true' | 'with-charset' | 'upper-case' | 'none' | 'text/plain' | 'lying';

/** A request built from the form's fields. */
interface FieldsCase {
  readonly kind: 'fields';
  readonly encoding: Encoding;
  readonly labelling: Labelling;
  readonly token: TokenKind;
  readonly mutations: readonly Mutation[];
}
/** Bytes that need not be a form at all. */
interface RawCase {
  readonly kind: 'raw';
  readonly contentType: string | undefined;
  readonly body: Uint8Array;
}
/** A body around or over the size limit, declared or streamed. */
interface OversizeCase {
  readonly kind: 'oversize';
  readonly bytes: number;
  readonly declareLength: boolean;
  readonly streamed: boolean;
}
/** Another method than POST. */
interface MethodCase {
  readonly kind: 'method';
  readonly method: string;
}

interface FuzzCase {
  readonly body: FieldsCase | RawCase | OversizeCase | MethodCase;
  readonly accept: string | undefined;
  readonly ip: string;
}

const encoder = new TextEncoder();

const rawBody: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 3_000 }),
  text.map((value) => encoder.encode(value)),
  fc.tuple(fc.constantFrom('need=', 'email=', '{"need":"', '--X\r\nContent-Disposition: form-data; name="need"\r\n\r\n'), fc.uint8Array({ minLength: 1, maxLength: 8 }), text).map(([head, bytes, tail]) => {
    // Invalid UTF-8 (lone continuation bytes, overlong forms) in the middle of a plausible body.
    const invalid = bytes.map((byte) => 0x80 | (byte & 0x3f));
    return new Uint8Array([...encoder.encode(head), 0xc0, ...invalid, ...encoder.encode(tail)]);
  }),
  fc.constantFrom('need=%', 'need=%zz', 'need=%C3', 'need=%C3%28', 'need=%ED%A0%80', 'need=a%00b', '{"need": "a\\u0000b"}', '{"a":', '[1,2]', 'null', '"texte"', '{"need":{"x":1}}', '{"__proto__":{"admin":true}}').map((value) => encoder.encode(value)),
);

const contentTypes = [
  'application/x-www-form-urlencoded',
  'application/x-www-form-urlencoded; charset=ISO-8859-1',
  'multipart/form-data',
  'multipart/form-data; boundary=X',
  'multipart/form-data; boundary="X"',
  'multipart/form-data; boundary=',
  'application/json',
  'application/json; charset=utf-16',
  'text/plain',
  'text/html',
  'application/xml',
  'application/octet-stream',
  '*/*',
  ';;;',
  'application/x-www-form-urlencoded ; boundary=X',
];

function fuzzCase(form: FormName): fc.Arbitrary<FuzzCase> {
  // Most valid tokens come with mutated fields: validation past the token check runs often.
  const fieldNames = Object.keys(form === 'candidature' ? validApplicationFields() : validOrderFields());
  const encoding = fc.constantFrom<Encoding>('urlencoded', 'multipart', 'json');
  const token = fc.constantFrom<TokenKind>('valid', 'valid', 'valid', 'missing', 'too-fast', 'expired', 'other-form', 'forged', 'garbage');
  const body = fc.oneof(
    // Fully valid: true labelling, a valid token, no mutation.
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('fields' as const), encoding, labelling: fc.constant<Labelling>('true'), token: fc.constant<TokenKind>('valid'), mutations: fc.constant([]) }) },
    {
      weight: 120,
      arbitrary: fc.record({
        kind: fc.constant('fields' as const),
        encoding,
        labelling: fc.constantFrom<Labelling>('true', 'true', 'true', 'true', 'with-charset', 'upper-case', 'none', 'text/plain', 'lying'),
        token,
        mutations: fc.array(mutation(fieldNames), { minLength: 1, maxLength: 4 }),
      }),
    },
    { weight: 25, arbitrary: fc.record({ kind: fc.constant('raw' as const), contentType: fc.option(fc.constantFrom(...contentTypes), { nil: undefined }), body: rawBody }) },
    {
      weight: 3,
      arbitrary: fc.record({ kind: fc.constant('oversize' as const), bytes: fc.integer({ min: MAX_BODY_BYTES - 16, max: 3 * MAX_BODY_BYTES }), declareLength: fc.boolean(), streamed: fc.boolean() }),
    },
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('method' as const), method: fc.constantFrom('GET', 'HEAD', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'PROPFIND', 'post') }) },
  );
  return fc.record({
    body,
    accept: fc.option(fc.constantFrom('application/json', 'text/html,application/xhtml+xml', '*/*', 'application/json, text/html'), { nil: undefined }),
    ip: fc.constantFrom(...CLIENTS[form]),
  });
}

const OTHER_FORM: Record<FormName, FormName> = { candidature: 'demande-bon-de-commande', 'demande-bon-de-commande': 'candidature', 'engagement-acheteur': 'candidature' };

async function tokenFor(form: FormName, kind: TokenKind): Promise<string | undefined> {
  const now = Date.now();
  switch (kind) {
    case 'valid':
      return issueFormToken(SECRET, form, now - 10_000);
    case 'missing':
      return undefined;
    case 'too-fast':
      return issueFormToken(SECRET, form, now);
    case 'expired':
      return issueFormToken(SECRET, form, now - 25 * 60 * 60 * 1_000);
    case 'other-form':
      return issueFormToken(SECRET, OTHER_FORM[form], now - 10_000);
    case 'forged':
      return issueFormToken('another-secret-that-is-not-the-sites-own', form, now - 10_000);
    case 'garbage':
      return 'eyJmb3JtIjoiY2FuZGlkYXR1cmUifQ.c2lnbmF0dXJl';
  }
}

function applyMutations(fields: Record<string, string>, mutations: readonly Mutation[]): [string, JsonValue][] {
  let entries: [string, JsonValue][] = Object.entries(fields);
  for (const change of mutations) {
    if (change.op === 'delete') entries = entries.filter(([name]) => name !== change.field);
    else if (change.op === 'repeat') entries.push([change.field, change.value]);
    else entries = [...entries.filter(([name]) => name !== change.field), [change.field, change.value]];
  }
  return entries;
}

/** Form-encoding of a JSON value: lists repeat the name, other values become text. */
function asFormValues(value: JsonValue): string[] {
  if (Array.isArray(value)) return value.flatMap(asFormValues);
  if (value === null) return [''];
  return [typeof value === 'object' ? '[object Object]' : String(value)];
}

async function encodeFields(entries: readonly [string, JsonValue][], encoding: Encoding): Promise<{ body: Uint8Array; contentType: string }> {
  if (encoding === 'json') {
    // Repeated names: the last one wins, as in `JSON.parse`.
    return { body: encoder.encode(JSON.stringify(Object.fromEntries(entries))), contentType: 'application/json' };
  }
  const pairs = entries.flatMap(([name, value]) => asFormValues(value).map((item) => [name, item] as const));
  if (encoding === 'urlencoded') return { body: encoder.encode(new URLSearchParams(pairs.map(([name, value]) => [name, value])).toString()), contentType: 'application/x-www-form-urlencoded' };
  const data = new FormData();
  for (const [name, value] of pairs) data.append(name, value);
  const encoded = new Response(data);
  return { body: new Uint8Array(await encoded.arrayBuffer()), contentType: encoded.headers.get('content-type')! };
}

function relabel(contentType: string, labelling: Labelling, encoding: Encoding): string | undefined {
  switch (labelling) {
    case 'true':
      return contentType;
    case 'with-charset':
      return `${contentType}; charset=UTF-8`;
    case 'upper-case':
      return contentType.toUpperCase();
    case 'none':
      return undefined;
    case 'text/plain':
      return 'text/plain;charset=UTF-8';
    case 'lying':
      return encoding === 'json' ? 'application/x-www-form-urlencoded' : encoding === 'urlencoded' ? 'multipart/form-data; boundary=----lie' : 'application/json';
  }
}

/** The request of a case, as a browser on the site would address it (same origin). */
async function buildRequest(form: FormName, fuzz: FuzzCase): Promise<Request> {
  const url = `${site.origin}/api/${form}/`;
  const headers: Record<string, string> = fuzz.accept === undefined ? {} : { accept: fuzz.accept };
  const { body } = fuzz;
  if (body.kind === 'method') {
    const hasBody = !['GET', 'HEAD'].includes(body.method);
    return fromSitePage(url, { method: body.method, headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, ...(hasBody ? { body: 'a=b' } : {}) });
  }
  if (body.kind === 'raw') {
    return fromSitePage(url, { method: 'POST', headers: body.contentType === undefined ? headers : { ...headers, 'content-type': body.contentType }, body: new Uint8Array(body.body) });
  }
  if (body.kind === 'oversize') {
    const bytes = encoder.encode(`need=${'a'.repeat(body.bytes - 5)}`);
    const lengthHeader = body.declareLength ? { 'content-length': String(bytes.byteLength) } : {};
    const init = { method: 'POST', headers: { ...headers, ...lengthHeader, 'content-type': 'application/x-www-form-urlencoded' } };
    if (!body.streamed) return fromSitePage(url, { ...init, body: bytes });
    const chunks = Math.ceil(bytes.byteLength / 16_384);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let index = 0; index < chunks; index += 1) controller.enqueue(bytes.subarray(index * 16_384, (index + 1) * 16_384));
        controller.close();
      },
    });
    return fromSitePage(url, { ...init, body: stream, duplex: 'half' } as RequestInit);
  }
  const fields = form === 'candidature' ? validApplicationFields() : validOrderFields();
  const token = await tokenFor(form, body.token);
  const entries = applyMutations(token === undefined ? fields : { ...fields, [TOKEN_FIELD]: token }, body.mutations);
  const encoded = await encodeFields(entries, body.encoding);
  const contentType = relabel(encoded.contentType, body.labelling, body.encoding);
  return fromSitePage(url, { method: 'POST', headers: contentType === undefined ? headers : { ...headers, 'content-type': contentType }, body: new Uint8Array(encoded.body) });
}

function withinTimeLimit<Value>(promise: Promise<Value>): Promise<Value> {
  return Promise.race([promise, new Promise<never>((_resolve, reject) => setTimeout(() => reject(new Error(`no answer within ${ANSWER_TIME_LIMIT_MS} ms`)), ANSWER_TIME_LIMIT_MS).unref())]);
}

/** The reference of an accepted submission, from a 303 or a JSON answer; undefined otherwise. */
function acceptedReference(response: Response, text: string): string | undefined {
  if (response.status === 303) return /reference=(PBC-\d{4}-\d{5})/.exec(response.headers.get('location') ?? '')?.[1];
  if (response.status === 200 && response.headers.get('content-type')?.startsWith('application/json')) {
    const body = JSON.parse(text) as { status?: string; reference?: string };
    return body.status === 'accepted' ? body.reference : undefined;
  }
  return undefined;
}

type Handler = (request: Request, context: ReturnType<typeof functionContext>) => Promise<Response> | Response;
const HANDLERS: Record<FormName, Handler> = { candidature: applicationHandler, 'demande-bon-de-commande': orderHandler, 'engagement-acheteur': commitmentHandler };

/** One row of `submissions`, as read by the checks below. */
interface SubmissionRow {
  readonly id: string;
  readonly reference: string;
  readonly form: FormName;
  readonly nonce: string;
  readonly received_at: Date | null;
  readonly data: unknown;
  readonly submitter_key: string;
}

/** One row of `outbox`, every column but the ids and times of the retry. */
interface OutboxTableRow {
  readonly submission_id: string;
  readonly kind: string;
  readonly recipient: string;
  readonly recipient_key: string;
  readonly status: string;
  readonly held_reason: string | null;
  readonly attempts: number;
  readonly last_error: string | null;
  readonly claimed_until: Date | null;
  readonly claim_id: string | null;
  readonly sent_at: Date | null;
}

/** Field names a stored submission of `form` may hold: the form's own fields, never a control field. */
const STORED_FIELDS: Record<FormName, ReadonlySet<string>> = {
  candidature: new Set(fieldsOf(FORM_DEFINITIONS.candidature).map((field) => field.name)),
  'demande-bon-de-commande': new Set(fieldsOf(FORM_DEFINITIONS['demande-bon-de-commande']).map((field) => field.name)),
  'engagement-acheteur': new Set(fieldsOf(FORM_DEFINITIONS['engagement-acheteur']).map((field) => field.name)),
};

/**
 * The rows of `submissions` and `outbox` are well-formed and every e-mail is
 * sent, once:
 * - the stored references are exactly the accepted ones, numbered from 1 without a gap
 *   (the yearly counter at the last one), each of the form that accepted it;
 * - each row has its token's nonce, a reception time, data of the form's own
 *   fields only, and the key of its e-mail address;
 * - each submission has one outbox row per recipient of its data (team,
 *   startup when one is named, confirmation), with the recipient's key, sent
 *   at the first attempt, no error, no claim left;
 * - the SMTP server got each of these messages exactly once, and nothing else.
 * @returns the number of submissions
 */
async function expectWellFormedRowsMailedOnce(): Promise<number> {
  await settleBackgroundWork();
  const submissions = (await services.database.query<SubmissionRow>('SELECT s.id::text AS id, s.reference, s.form, s.nonce, s.received_at, s.data, s.submitter_key FROM submissions s ORDER BY s.id')).rows;
  const outbox = (
    await services.database.query<OutboxTableRow>(
      'SELECT submission_id::text, kind, recipient, recipient_key, status, held_reason, attempts, last_error, claimed_until, claim_id, sent_at FROM outbox ORDER BY id',
    )
  ).rows;

  expect(submissions.map((row) => row.reference)).toEqual(submissions.map((_row, index) => expectedReference(index + 1)));
  expect(new Map(submissions.map((row) => [row.reference, row.form]))).toEqual(acceptedForms);
  const counters = (await services.database.query<{ year: number; last_number: number }>('SELECT year, last_number FROM reference_counters')).rows;
  expect(counters).toEqual(submissions.length === 0 ? [] : [{ year: Number(submissions[0]!.reference.slice(4, 8)), last_number: submissions.length }]);
  expect(new Set(submissions.map((row) => `${row.form} ${row.nonce}`)).size).toBe(submissions.length);

  const expectedOutbox: OutboxTableRow[] = [];
  for (const row of submissions) {
    expect(row.nonce, row.reference).toMatch(/^[\w-]{8,64}$/);
    expect(row.received_at, row.reference).toBeInstanceOf(Date);
    expect(typeof row.data === 'object' && row.data !== null && !Array.isArray(row.data), row.reference).toBe(true);
    const data = row.data as SubmissionData;
    expect(Object.keys(data).filter((name) => !STORED_FIELDS[row.form].has(name)), row.reference).toEqual([]);
    expect(typeof data['email'], row.reference).toBe('string');
    expect(row.submitter_key, row.reference).toBe(comparableEmail(data['email'] as string));
    for (const { kind, to } of recipientsOf(row.form, data, { startups: [ORDERABLE_STARTUP], teamAddress: SITE.teamAddress })) {
      expectedOutbox.push({
        submission_id: row.id,
        kind,
        recipient: to,
        recipient_key: comparableEmail(to),
        status: 'sent',
        held_reason: null,
        attempts: 1,
        last_error: null,
        claimed_until: null,
        claim_id: null,
        sent_at: expect.any(Date) as Date,
      });
    }
  }
  expect(outbox).toEqual(expectedOutbox);

  const referenceOf = new Map(submissions.map((row) => [row.id, row.reference]));
  const expectedIds = outbox.map((row) => `<${referenceOf.get(row.submission_id)}.${row.kind}@premiers-bons-de-commande.fr>`).sort();
  expect(services.smtp.messages.map((mail) => mail.messageId).sort()).toEqual(expectedIds);
  return submissions.length;
}

describe.each(['candidature', 'demande-bon-de-commande'] as const)('fuzzing POST /api/%s/', (form) => {
  it(`${RUNS} random and malformed requests: no 5xx, a French refusal, nothing stored or mailed unless accepted`, async () => {
    const statuses = new Map<number, number>();
    let accepted = 0;
    let slowestMs = 0;
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(fuzzCase(form), async (fuzz) => {
        const stateBefore = lastState ?? (await submissionState());
        lastState = undefined;
        const mailsBefore = services.smtp.messages.length;
        const request = await buildRequest(form, fuzz);
        const callStarted = performance.now();
        const response = await withinTimeLimit(Promise.resolve(HANDLERS[form](request, functionContext({ deployContext: 'production', ip: fuzz.ip }))));
        const text = await withinTimeLimit(response.text());
        slowestMs = Math.max(slowestMs, performance.now() - callStarted);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        // E-mails are sent after the answer: this case's are done before anything is counted.
        await settleBackgroundWork();

        expect(response.status).toBeLessThan(500);
        const reference = acceptedReference(response, text);
        const stateAfter = await submissionState();
        if (reference === undefined) {
          expect(stateAfter).toEqual(stateBefore);
          expect(services.smtp.messages.length).toBe(mailsBefore);
        } else {
          accepted += 1;
          acceptedForms.set(reference, form);
          expect((await storedSubmission(services.database, reference))?.form).toBe(form);
          expect({ submissions: stateAfter.submissions, referenceNumbers: stateAfter.referenceNumbers }).toEqual({
            submissions: stateBefore.submissions + 1,
            referenceNumbers: stateBefore.referenceNumbers + 1,
          });
        }
        if (response.status >= 400) expect(refusalProblems(form, response.status, response.headers.get('content-type'), text)).toEqual([]);
        lastState = stateAfter;
      }),
      { numRuns: RUNS },
    );
    const seconds = (performance.now() - started) / 1_000;
    console.log(`fuzz ${form}: ${RUNS} runs in ${seconds.toFixed(1)} s, slowest answer ${slowestMs.toFixed(0)} ms, accepted ${accepted}, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);

    // Every path was reached: accepted, confirmation, validation, spam, and each refusal of the reader.
    expect(accepted).toBeGreaterThan(0);
    for (const status of [400, 405, 413, 415, 422, 429]) expect(statuses.get(status) ?? 0).toBeGreaterThan(0);
    expect((statuses.get(202) ?? 0) + (statuses.get(200) ?? 0)).toBeGreaterThan(accepted);
    expect(await expectWellFormedRowsMailedOnce()).toBe(acceptedForms.size);
  });
});

describe('fuzzing GET /api/jeton', () => {
  it(`${RUNS} random requests: a token for a known form, otherwise a French refusal; nothing stored or mailed`, async () => {
    await settleBackgroundWork();
    const rowsBefore = await tableCounts(services.database);
    const mailsBefore = services.smtp.messages.length;
    const statuses = new Map<number, number>();
    const started = performance.now();
    const query = fc.oneof(
      fc.constantFrom('formulaire=candidature', 'formulaire=demande-bon-de-commande', 'formulaire=CANDIDATURE', 'formulaire=', 'formulaire=candidature&formulaire=x', 'formulaire=%', 'formulaire=%E9', ''),
      fc.tuple(fc.constantFrom('formulaire', 'form', 'formulaire[]'), text).map(([name, value]) => new URLSearchParams([[name, value]]).toString()),
    );
    await fc.assert(
      fc.asyncProperty(query, fc.constantFrom('GET', 'GET', 'GET', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'HEAD'), async (search, method) => {
        const url = `${site.origin}/api/jeton/?${search}`;
        const response = await withinTimeLimit(Promise.resolve(tokenHandler(fromSitePage(url, { method, ...(method === 'POST' || method === 'PUT' ? { body: search } : {}) }), functionContext({ deployContext: 'production' }))));
        const text = await response.text();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        const form = new URL(url).searchParams.get('formulaire');
        if (method === 'GET' && (form === 'candidature' || form === 'demande-bon-de-commande')) {
          expect(response.status).toBe(200);
          expect((JSON.parse(text) as { token: string }).token).toMatch(/^[\w-]+\.[\w-]+$/);
        } else if (method === 'OPTIONS') {
          // A preflight from the site's own pages: allowed, with no CORS header (the endpoint is same-origin only).
          expect(response.status).toBe(204);
          expect(response.headers.get('access-control-allow-origin')).toBeNull();
        } else {
          expect([400, 405]).toContain(response.status);
          expect(refusalProblems('jeton', response.status, response.headers.get('content-type'), text)).toEqual([]);
        }
      }),
      { numRuns: RUNS },
    );
    console.log(`fuzz jeton: ${RUNS} runs in ${((performance.now() - started) / 1_000).toFixed(1)} s, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
    await settleBackgroundWork();
    expect(await tableCounts(services.database)).toEqual(rowsBefore);
    expect(services.smtp.messages.length).toBe(mailsBefore);
    expect(statuses.get(200)! + statuses.get(204)! + statuses.get(400)! + statuses.get(405)!).toBe(RUNS);
  });
});
