/**
 * Spam checks through the handlers: honeypot, forged tokens, the confirmation
 * step for a missing or hurried token, and the per-client rate limit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import orderHandler from '../../netlify/functions/demande-bon-de-commande.mts';
import applicationHandler from '../../netlify/functions/candidature.mts';
import { issueFormToken, verifyFormToken } from '../../src/lib/forms/form-token.ts';
import { HONEYPOT_FIELD, TOKEN_FIELD } from '../../src/lib/forms/process-submission.ts';
import { functionContext } from '../helpers/function-context.ts';
import {
  expectedReference,
  formRequest,
  formToken,
  hiddenInputs,
  LOCAL_SIGNING_SECRET,
  startFormServices,
  storedKeys,
  submissionsStore,
  validApplicationFields,
  validOrderFields,
  withToken,
  type FormServices,
} from '../helpers/form-fixtures.ts';

let services: FormServices;

beforeAll(async () => {
  services = await startFormServices();
});
afterAll(() => services.stop());

const REFUSED = 'Envoi refusé : le formulaire semble avoir été rempli automatiquement. Si vous pensez qu’il s’agit d’une erreur, écrivez à l’équipe du programme.';

/** Spam entries stored so far, with their reason. */
async function spamReasons(): Promise<string[]> {
  const keys = await storedKeys('spam/');
  return Promise.all(keys.map(async (key) => ((await submissionsStore().get(key, { type: 'json' })) as { reason: string }).reason));
}

const spamCases: [string, () => Promise<Record<string, string>>, string][] = [
  ['the honeypot filled', async () => ({ ...(await withToken('demande-bon-de-commande', validOrderFields())), [HONEYPOT_FIELD]: 'https://spam.example' }), 'honeypot'],
  ['a token signed with another secret', async () => ({ ...validOrderFields(), [TOKEN_FIELD]: await formToken('demande-bon-de-commande', { secret: 'a-secret-the-bot-made-up-of-32-characters' }) }), 'forged-token'],
  ['a token of the other form', async () => ({ ...validOrderFields(), [TOKEN_FIELD]: await formToken('candidature') }), 'forged-token'],
  ['a token that is not one', async () => ({ ...validOrderFields(), [TOKEN_FIELD]: 'abc.def' }), 'forged-token'],
];

describe('spam', () => {
  it.each(spamCases)('%s → 400 refused (JSON), kept under spam/, nothing stored as a submission, nothing mailed', async (_case, fields, reason) => {
    const before = await spamReasons();
    const response = await orderHandler(formRequest('demande-bon-de-commande', await fields(), { accept: 'json' }), functionContext());
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ status: 'refused', message: REFUSED });
    expect(await spamReasons()).toEqual([...before, reason]);
    expect(await storedKeys('records/')).toEqual([]);
    expect(await storedKeys('pending/')).toEqual([]);
    expect(services.smtp.messages).toHaveLength(0);
  });

  it.each(spamCases)('%s → 400 refusal page without JavaScript', async (_case, fields) => {
    const response = await orderHandler(formRequest('demande-bon-de-commande', await fields()), functionContext());
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('<h1 id="message">Envoi refusé</h1>');
    expect(html).toContain('Envoi refusé\u00a0: le formulaire semble avoir été rempli automatiquement.');
    expect(services.smtp.messages).toHaveLength(0);
  });

  it('keeps what the bot sent with the spam entry, apart from submissions', async () => {
    const [key] = await storedKeys('spam/demande-bon-de-commande/');
    const entry = (await submissionsStore().get(key!, { type: 'json' })) as { reason: string; receivedAt: string; fields: Record<string, string> };
    expect(entry.fields['organisation']).toBe(validOrderFields()['organisation']);
    expect(Date.parse(entry.receivedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(await storedKeys('records/')).toEqual([]);
  });
});

describe('confirmation step (no token, or sent too fast)', () => {
  it('without a token: 202 with a fresh token (JSON), nothing stored; sent back at once, the token works', async () => {
    const keysBefore = await storedKeys('');
    const response = await orderHandler(formRequest('demande-bon-de-commande', validOrderFields(), { format: 'json', accept: 'json' }), functionContext());
    expect(response.status).toBe(202);
    const body = (await response.json()) as { status: string; token: string };
    expect(body.status).toBe('confirm');
    // The person already filled the form: the token handed back counts as issued one fill time ago.
    const verdict = await verifyFormToken(body.token, LOCAL_SIGNING_SECRET, 'demande-bon-de-commande', Date.now());
    expect(verdict.ok).toBe(true);
    expect(await storedKeys('')).toEqual(keysBefore);
    expect(services.smtp.messages).toHaveLength(0);

    const confirmed = await orderHandler(formRequest('demande-bon-de-commande', { ...validOrderFields(), [TOKEN_FIELD]: body.token }, { format: 'json', accept: 'json' }), functionContext());
    expect(confirmed.status).toBe(200);
    expect(await confirmed.json()).toMatchObject({ status: 'accepted', reference: expectedReference(1) });
    expect(await storedKeys('records/')).toEqual([`records/${expectedReference(1)}`]);
    await services.smtp.waitForMessages(3);
  });

  it('without JavaScript: 200 confirmation page carrying the answers and a fresh token; confirming stores the application', async () => {
    const fields = { ...validApplicationFields(), sectors: ['Industrie du futur', 'Santé'], technologies: ['Robotique'] };
    const response = await applicationHandler(formRequest('candidature', fields), functionContext());
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<form action="/api/candidature/" method="post">');
    const inputs = hiddenInputs(html);
    const [tokenName, token] = inputs.at(-1)!;
    expect(tokenName).toBe(TOKEN_FIELD);
    expect((await verifyFormToken(token, LOCAL_SIGNING_SECRET, 'candidature', Date.now())).ok).toBe(true);
    // Every answer comes back as typed, repeated names included; the token last.
    expect(inputs.filter(([name]) => name !== TOKEN_FIELD)).toEqual(
      Object.entries(fields).flatMap(([name, value]) => (Array.isArray(value) ? value.map((item) => [name, item]) : [[name, value]])),
    );
    expect(await storedKeys('records/')).toHaveLength(1);

    // The browser posts the confirmation form as it is.
    const body = new URLSearchParams(inputs).toString();
    const confirmed = await applicationHandler(
      new Request('http://127.0.0.1:9/api/candidature/', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body }),
      functionContext(),
    );
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get('location')).toBe(`/formulaires/merci/?formulaire=candidature&reference=${expectedReference(2)}`);
    const record = (await submissionsStore().get(`records/${expectedReference(2)}`, { type: 'json' })) as { data: Record<string, unknown> };
    expect(record.data).toMatchObject({ company_name: 'Société Verte', sectors: ['Industrie du futur', 'Santé'], technologies: ['Robotique'], email: 'contact@société-verte.fr' });
  });

  it.each([
    ['issued a second ago', 1_000],
    ['expired (issued 25 hours ago)', 25 * 3_600_000],
  ])('a token %s asks for confirmation, stores nothing', async (_case, ageMs) => {
    const before = await storedKeys('records/');
    const fields = { ...validOrderFields(), [TOKEN_FIELD]: await issueFormToken(LOCAL_SIGNING_SECRET, 'demande-bon-de-commande', Date.now() - ageMs) };
    const response = await orderHandler(formRequest('demande-bon-de-commande', fields, { accept: 'json' }), functionContext());
    expect(response.status).toBe(202);
    expect(((await response.json()) as { status: string }).status).toBe('confirm');
    expect(await storedKeys('records/')).toEqual(before);
  });
});

describe('rate limit', () => {
  it('refuses the third accepted submission from one client with 429; another client still gets through', async () => {
    process.env['RATE_LIMIT_MAX'] = '2';
    try {
      const records = (await storedKeys('records/')).length;
      const statuses: number[] = [];
      for (let index = 0; index < 3; index += 1) {
        const response = await orderHandler(
          formRequest('demande-bon-de-commande', await withToken('demande-bon-de-commande', validOrderFields()), { accept: 'json' }),
          functionContext({ ip: '203.0.113.7' }),
        );
        statuses.push(response.status);
        if (response.status === 429) {
          expect(response.headers.get('retry-after')).toBe('600');
          expect(await response.json()).toEqual({ status: 'refused', message: 'Trop d’envois depuis votre connexion en peu de temps. Réessayez dans quelques minutes.' });
        }
      }
      expect(statuses).toEqual([200, 200, 429]);
      expect(await storedKeys('records/')).toHaveLength(records + 2);

      const html = await orderHandler(formRequest('demande-bon-de-commande', await withToken('demande-bon-de-commande', validOrderFields())), functionContext({ ip: '203.0.113.7' }));
      expect(html.status).toBe(429);
      expect(await html.text()).toContain('<h1 id="message">Trop d’envois</h1>');

      const other = await orderHandler(
        formRequest('demande-bon-de-commande', await withToken('demande-bon-de-commande', validOrderFields()), { accept: 'json' }),
        functionContext({ ip: '198.51.100.23' }),
      );
      expect(other.status).toBe(200);
      expect(await storedKeys('records/')).toHaveLength(records + 3);
      // The store keeps a hash of the address, never the address.
      const rateKeys = await storedKeys('rate/');
      expect(rateKeys.length).toBeGreaterThanOrEqual(2);
      for (const key of rateKeys) expect(key).toMatch(/^rate\/[0-9a-f]{32}$/);
    } finally {
      process.env['RATE_LIMIT_MAX'] = '1000';
    }
  });

  it('gives a resubmission its reference back even when the limit is reached', async () => {
    process.env['RATE_LIMIT_MAX'] = '1';
    try {
      const context = functionContext({ ip: '192.0.2.80' });
      const fields = await withToken('demande-bon-de-commande', validOrderFields());
      const first = await orderHandler(formRequest('demande-bon-de-commande', fields, { accept: 'json' }), context);
      expect(first.status).toBe(200);
      const { reference } = (await first.json()) as { reference: string };
      const statuses: number[] = [];
      const references: string[] = [];
      for (let index = 0; index < 2; index += 1) {
        const again = await orderHandler(formRequest('demande-bon-de-commande', fields, { accept: 'json' }), context);
        statuses.push(again.status);
        references.push(((await again.json()) as { reference: string }).reference);
      }
      expect(statuses).toEqual([200, 200]);
      expect(references).toEqual([reference, reference]);
      // A new filling of the form from the same client is over the limit.
      const other = await orderHandler(formRequest('demande-bon-de-commande', await withToken('demande-bon-de-commande', validOrderFields()), { accept: 'json' }), context);
      expect(other.status).toBe(429);
    } finally {
      process.env['RATE_LIMIT_MAX'] = '1000';
    }
  });

  it('does not count invalid submissions or spam', async () => {
    process.env['RATE_LIMIT_MAX'] = '1';
    try {
      const context = functionContext({ ip: '192.0.2.44' });
      const invalid = await orderHandler(formRequest('demande-bon-de-commande', await withToken('demande-bon-de-commande', { ...validOrderFields(), budget_ht: '20 000' }), { accept: 'json' }), context);
      expect(invalid.status).toBe(422);
      const spam = await orderHandler(formRequest('demande-bon-de-commande', { ...(await withToken('demande-bon-de-commande', validOrderFields())), [HONEYPOT_FIELD]: 'x' }, { accept: 'json' }), context);
      expect(spam.status).toBe(400);
      const valid = await orderHandler(formRequest('demande-bon-de-commande', await withToken('demande-bon-de-commande', validOrderFields()), { accept: 'json' }), context);
      expect(valid.status).toBe(200);
    } finally {
      process.env['RATE_LIMIT_MAX'] = '1000';
    }
  });
});
