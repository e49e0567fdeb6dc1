/**
 * Injection through the forms, end to end (handler → database → SMTP, messages
 * parsed by mailparser): line breaks aimed at e-mail headers are refused, and
 * one-line tricks that reach the headers (address lists in a name, encoded
 * words, percent-escaped CR/LF) add no header and no recipient; HTML and
 * scripts in every free-text field are escaped in the HTML e-mail and answers
 * and shown literally in the text part; over-long values are refused naming the
 * field; a 7 MB body is refused with 413 after reading at most the 64 KiB limit.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AddressObject, ParsedMail } from 'mailparser';
import applicationHandler from '../../netlify/functions/candidature.mts';
import orderHandler from '../../netlify/functions/demande-bon-de-commande.mts';
import commitmentHandler from '../../netlify/functions/engagement-acheteur.mts';
import { applyFrenchSpacing } from '../../src/lib/format/french-spacing.ts';
import type { FormName } from '../../src/lib/forms/definitions/index.ts';
import { functionContext, settleBackgroundWork } from '../helpers/function-context.ts';
import { FIELD_LABELS, refusalProblems } from '../helpers/french-answers.ts';
import {
  decodeHtmlEntities,
  formRequest,
  formUrl,
  hiddenInputs,
  ORDERABLE_STARTUP,
  SITE,
  startFormServices,
  storedReferences,
  validApplicationFields,
  validCommitmentFields,
  validOrderFields,
  withToken,
  type BodyFormat,
  type FormServices,
} from '../helpers/form-fixtures.ts';
import { asSameOrigin, sameOriginRequest } from '../helpers/same-origin-request.ts';

let services: FormServices;

beforeAll(async () => {
  services = await startFormServices();
});
afterAll(() => services.stop());
/** References stored before each test: a refused request must leave exactly these. */
let recordsBefore: string[];
beforeEach(async () => {
  // The e-mails of the previous test are sent after its answers: let them arrive first.
  await settleBackgroundWork();
  services.smtp.messages.length = 0;
  recordsBefore = await storedReferences(services.database);
});

type Handler = (request: Request, context: ReturnType<typeof functionContext>) => Promise<Response> | Response;
const HANDLERS: Record<FormName, Handler> = { candidature: applicationHandler, 'demande-bon-de-commande': orderHandler, 'engagement-acheteur': commitmentHandler };
const VALID: Record<FormName, () => Record<string, string>> = { candidature: validApplicationFields, 'demande-bon-de-commande': validOrderFields, 'engagement-acheteur': validCommitmentFields };

/** Send `fields` (with a valid token) to `form` as a browser on the site would. */
async function submit(form: FormName, fields: Record<string, string>, options: { format?: BodyFormat; accept?: 'html' | 'json' } = {}): Promise<Response> {
  return HANDLERS[form](asSameOrigin(formRequest(form, await withToken(form, fields), options)), functionContext());
}

/** Header names of a parsed message, lower case. */
function headerNames(mail: ParsedMail): string[] {
  return [...mail.headers.keys()].sort();
}

function addresses(value: AddressObject | AddressObject[] | undefined): { name: string; address: string | undefined }[] {
  return (Array.isArray(value) ? value : value ? [value] : []).flatMap((list) => list.value.map(({ name, address }) => ({ name, address })));
}

/** The headers every message of the forms has, and nothing else. */
const MESSAGE_HEADERS = ['auto-submitted', 'content-type', 'date', 'from', 'message-id', 'mime-version', 'reply-to', 'subject', 'to'];

describe('header injection', () => {
  const ONE_LINE = 'le texte doit tenir sur une ligne.';
  /** What follows the value, and the reason given (text hygiene: line breaks, then any other control). */
  const LINE_BREAKS = [
    ['CR LF', '\r\nBcc: victime@exemple.fr', ONE_LINE],
    ['LF', '\nBcc: victime@exemple.fr', ONE_LINE],
    ['CR', '\rBcc: victime@exemple.fr', ONE_LINE],
    ['U+2028', '\u2028Bcc: victime@exemple.fr', ONE_LINE],
    ['NUL', '\u0000Bcc: victime@exemple.fr', 'caractère de contrôle interdit (U+0000) : retapez le texte au lieu de le coller.'],
  ] as const;
  /** Fields that end up in a header: names (Reply-To), addresses (To, Reply-To), organisation and company (Subject). */
  const HEADER_FIELDS: readonly [FormName, string][] = [
    ['demande-bon-de-commande', 'organisation'],
    ['demande-bon-de-commande', 'contact_name'],
    ['demande-bon-de-commande', 'email'],
    ['candidature', 'company_name'],
    ['candidature', 'contact_name'],
    ['candidature', 'email'],
  ];
  const CASES = HEADER_FIELDS.flatMap(([form, field]) => LINE_BREAKS.flatMap(([name, suffix, reason]) => (['urlencoded', 'json'] as const).map((format) => [form, field, name, format, suffix, reason] as const)));

  it.each(CASES)('%s: %s with %s (%s) is refused, the field named in French; nothing stored or mailed', async (form, field, _name, format, suffix, reason) => {
    const response = await submit(form, { ...VALID[form](), [field]: `${VALID[form]()[field]}${suffix}` }, { format, accept: 'json' });
    expect(response.status).toBe(422);
    const body = (await response.json()) as { errors: { field: string; message: string }[] };
    expect(body.errors).toEqual([{ field, message: `${FIELD_LABELS[form][field]} : ${reason}` }]);
    expect(await storedReferences(services.database)).toEqual(recordsBefore);
    expect(services.smtp.messages).toEqual([]);
  });

  it('one-line tricks that reach the headers add no header and no recipient; subjects and names arrive as typed', async () => {
    const contactName = 'Eve <eve@evil.example>, "Bob" <bob@evil.example>; Cc: carol@evil.example';
    const organisation = 'Ville =?UTF-8?Q?=0D=0ABcc:_victime@exemple.fr?= %0D%0ABcc: victime@exemple.fr';
    const response = await submit('demande-bon-de-commande', { ...validOrderFields(), contact_name: contactName, organisation }, { accept: 'json' });
    expect(response.status).toBe(200);
    const { reference } = (await response.json()) as { reference: string };
    const messages = await services.smtp.waitForMessages(3);
    expect(messages.map((mail) => addresses(mail.to as AddressObject).map(({ address }) => address)).sort()).toEqual(
      [[ORDERABLE_STARTUP.orderContactEmail], [SITE.teamAddress], ['Achats+IT@exemple.fr']].sort(),
    );
    for (const mail of messages) {
      expect(headerNames(mail)).toEqual(MESSAGE_HEADERS);
      expect(mail.cc).toBeUndefined();
      expect(mail.bcc).toBeUndefined();
      expect(mail.subject).toContain(reference);
    }
    // The organisation arrives as typed in the copies; the confirmation quotes nothing typed.
    expect(messages.map((mail) => [addresses(mail.to as AddressObject)[0]!.address, String(mail.text).includes(organisation)]).sort()).toEqual(
      [['Achats+IT@exemple.fr', false], [ORDERABLE_STARTUP.orderContactEmail, true], [SITE.teamAddress, true]].sort(),
    );
    const toTeam = messages.find((mail) => addresses(mail.to as AddressObject)[0]!.address === SITE.teamAddress)!;
    // French spacing applies to the whole subject (`Bcc :`); the encoded word stays literal text.
    expect(toTeam.subject).toBe(applyFrenchSpacing(`[${reference}] Demande de premier bon de commande : ${organisation}`));
    expect(addresses(toTeam.replyTo)).toEqual([{ name: contactName, address: 'Achats+IT@exemple.fr' }]);
  });
});

/** Every free-text field of each form: where a visitor can type HTML. */
const FREE_TEXT_FIELDS: Record<FormName, readonly string[]> = {
  'demande-bon-de-commande': ['organisation', 'contact_name', 'role', 'need'],
  candidature: ['company_name', 'commune', 'presentation', 'offer_title', 'contact_name'],
  'engagement-acheteur': ['organisation', 'contact_name', 'role'],
};
/** Short enough for every field's limit (`commune`: 80 characters). */
const MARKUP = '<script>alert("x")</script><img src=x onerror=alert(1)> & Cie';
const ESCAPED_MARKUP = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; &amp; Cie';

describe('HTML and scripts in every free-text field', () => {
  it.each(['demande-bon-de-commande', 'candidature'] as const)('%s: escaped in the HTML e-mails, literal in their text part', async (form) => {
    const fields = VALID[form]();
    for (const field of FREE_TEXT_FIELDS[form]) fields[field] = `${fields[field]} ${MARKUP}`;
    const response = await submit(form, fields, { accept: 'json' });
    expect(response.status).toBe(200);
    const messages = await services.smtp.waitForMessages(form === 'candidature' ? 2 : 3);
    // The confirmation quotes nothing typed; the team's (and the startup's) copy shows every field.
    const confirmation = messages.filter((mail) => mail.subject?.startsWith('Votre'));
    const copies = messages.filter((mail) => !mail.subject?.startsWith('Votre'));
    expect([confirmation.length, copies.length]).toEqual([1, form === 'candidature' ? 1 : 2]);
    expect(confirmation.map((mail) => [String(mail.html).includes(ESCAPED_MARKUP), String(mail.text).includes(MARKUP)])).toEqual([[false, false]]);
    for (const mail of messages) expect(String(mail.html)).not.toMatch(/<script|<img/);
    for (const mail of copies) {
      // Each field shown has its markup escaped, never dropped.
      expect(String(mail.html).split(ESCAPED_MARKUP).length - 1).toBeGreaterThanOrEqual(FREE_TEXT_FIELDS[form].length - 1);
      expect(mail.text).toContain(MARKUP);
    }
  });

  it('escaped on the confirmation page (JavaScript off), whose hidden fields give back the exact values', async () => {
    const fields = validOrderFields();
    for (const field of FREE_TEXT_FIELDS['demande-bon-de-commande']) fields[field] = `${fields[field]} ${MARKUP}`;
    // No token: the function asks for a confirmation, echoing every answer in hidden fields.
    const response = await orderHandler(asSameOrigin(formRequest('demande-bon-de-commande', fields)), functionContext());
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).not.toMatch(/<script>alert|<img src=x/);
    const hidden = Object.fromEntries(hiddenInputs(page).filter(([name]) => name !== 'jeton'));
    expect(hidden).toEqual(fields);
    expect(await storedReferences(services.database)).toEqual(recordsBefore);
  });

  it('escaped in the error page and literal in the JSON error when the markup is a field name', async () => {
    const fieldName = '<script>alert(1)</script>';
    const html = await submit('candidature', { ...validApplicationFields(), [fieldName]: 'x' });
    expect(html.status).toBe(422);
    const page = await html.text();
    expect(page).not.toContain('<script>alert(1)');
    expect(decodeHtmlEntities(page)).toContain(`Formulaire\u00a0: champ inattendu (${fieldName}).`);
    expect(refusalProblems('candidature', 422, html.headers.get('content-type'), page)).toEqual([]);
    const json = await submit('candidature', { ...validApplicationFields(), [fieldName]: 'x' }, { accept: 'json' });
    expect(await json.json()).toMatchObject({ status: 'invalid', errors: [{ field: 'formulaire', message: `Formulaire : champ inattendu (${fieldName}).` }] });
  });
});

describe('over-long values', () => {
  const LIMITS: readonly [FormName, string, number][] = [
    ['demande-bon-de-commande', 'organisation', 160],
    ['demande-bon-de-commande', 'contact_name', 120],
    ['demande-bon-de-commande', 'role', 120],
    ['demande-bon-de-commande', 'startup', 120],
    ['demande-bon-de-commande', 'need', 4000],
    ['candidature', 'company_name', 120],
    ['candidature', 'commune', 80],
    ['candidature', 'presentation', 3000],
    ['candidature', 'offer_title', 120],
    ['candidature', 'contact_name', 120],
  ];

  it.each(LIMITS)('%s: %s of %i characters + 1 is refused, naming the field and the limit', async (form, field, max) => {
    const response = await submit(form, { ...VALID[form](), [field]: 'é'.repeat(max + 1) }, { accept: 'json' });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ errors: [{ field, message: `${FIELD_LABELS[form][field]} : ${max} caractères au plus.` }] });
    expect(await storedReferences(services.database)).toEqual(recordsBefore);
  });

  it('an e-mail address with a local part over 64 characters is refused', async () => {
    const response = await submit('candidature', { ...validApplicationFields(), email: `${'a'.repeat(65)}@exemple.fr` }, { accept: 'json' });
    expect(await response.json()).toMatchObject({ errors: [{ field: 'email', message: 'Adresse e-mail : la partie avant « @ » dépasse 64 caractères.' }] });
  });
});

describe('a 7 MB body', () => {
  const SEVEN_MB = 7 * 1024 * 1024;
  const CHUNK = 64 * 1024;

  /** A 7 MB URL-encoded body produced on demand, counting the bytes the reader pulled. */
  function sevenMegabytes(): { stream: ReadableStream<Uint8Array>; pulled(): number } {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          if (pulled >= SEVEN_MB) return controller.close();
          const chunk = new Uint8Array(CHUNK).fill(0x61);
          if (pulled === 0) chunk.set(new TextEncoder().encode('need='));
          pulled += CHUNK;
          controller.enqueue(chunk);
        },
      },
      { highWaterMark: 0 },
    );
    return { stream, pulled: () => pulled };
  }

  it.each([
    ['declared in Content-Length', true, 'json'],
    ['streamed without Content-Length', false, 'json'],
    ['streamed, JavaScript off', false, 'html'],
  ] as const)('%s: 413 with a French message, after reading at most the 64 KiB limit', async (_case, declared, accept) => {
    const body = sevenMegabytes();
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: accept === 'json' ? 'application/json' : 'text/html' };
    if (declared) headers['content-length'] = String(SEVEN_MB);
    const request = sameOriginRequest(formUrl('demande-bon-de-commande'), { method: 'POST', headers, body: body.stream, duplex: 'half' } as RequestInit);
    const response = await orderHandler(request, functionContext());
    expect(response.status).toBe(413);
    const text = await response.text();
    expect(refusalProblems('demande-bon-de-commande', 413, response.headers.get('content-type'), text)).toEqual([]);
    expect(decodeHtmlEntities(text).replace(/[\u00a0\u202f]/g, ' ')).toContain('Envoi trop volumineux : raccourcissez vos textes.');
    // The limit plus one chunk at most, never the 7 MB (none at all when the length is declared).
    expect(body.pulled()).toBeLessThanOrEqual(declared ? 0 : 64 * 1024 + CHUNK);
    expect(await storedReferences(services.database)).toEqual(recordsBefore);
  });
});
