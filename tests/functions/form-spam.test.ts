/**
 * Spam checks through the handlers, against the test PostgreSQL database:
 * honeypot, forged tokens and Turnstile refusals (kept in `spam`, bounded),
 * the confirmation step (a missing token gets a fresh one that respects the
 * fill time again; a token sent back too soon gets itself back, its wait
 * still running), and the per-client rate limit (an IPv6 client
 * counted by its /64).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import orderHandler from '../../netlify/functions/demande-bon-de-commande.mts';
import applicationHandler from '../../netlify/functions/candidature.mts';
import { DEFAULT_TOKEN_TIMING, issueFormToken, verifyFormToken } from '../../src/lib/forms/form-token.ts';
import { HONEYPOT_FIELD, TOKEN_FIELD, TURNSTILE_FIELD } from '../../src/lib/forms/process-submission.ts';
import { SPAM_LIMITS } from '../../src/lib/forms/store/record-spam.ts';
import { functionContext, settleBackgroundWork } from '../helpers/function-context.ts';
import {
  countRows,
  expectedReference,
  formRequest,
  formToken,
  hiddenInputs,
  LOCAL_SIGNING_SECRET,
  startFormServices,
  storedReferences,
  validApplicationFields,
  validOrderFields,
  withToken,
  type FormServices,
} from '../helpers/form-fixtures.ts';
import { addressInNetwork, counterScopes, spamRows, storedSubmission } from '../helpers/store-rows.ts';
import { startTurnstileServer, type TurnstileServer } from '../helpers/turnstile-server.ts';

let services: FormServices;

beforeAll(async () => {
  services = await startFormServices();
});
afterAll(() => services.stop());

const ORDER = 'demande-bon-de-commande';
const REFUSED = 'Envoi refusé : le formulaire semble avoir été rempli automatiquement. Si vous pensez qu’il s’agit d’une erreur, écrivez à l’équipe du programme.';

/** Post an order request (JSON answer) from `ip`. */
function postOrder(fields: Record<string, string | readonly string[]>, ip = '127.0.0.1', format: 'urlencoded' | 'json' = 'urlencoded'): Promise<Response> {
  return orderHandler(formRequest(ORDER, fields, { accept: 'json', format }), functionContext({ ip }));
}

/** A valid order request with a token issued long enough ago. */
function validOrder(): Promise<Record<string, string>> {
  return withToken(ORDER, validOrderFields());
}

/** Run `task` with environment variables set, restoring them after. */
async function withEnvironment<Value>(variables: Record<string, string>, task: () => Promise<Value>): Promise<Value> {
  const saved = Object.fromEntries(Object.keys(variables).map((name) => [name, process.env[name]]));
  Object.assign(process.env, variables);
  try {
    return await task();
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

const spamCases: [string, () => Promise<Record<string, string>>, string][] = [
  ['the honeypot filled', async () => ({ ...(await validOrder()), [HONEYPOT_FIELD]: 'https://spam.example' }), 'honeypot'],
  ['a token signed with another secret', async () => ({ ...validOrderFields(), [TOKEN_FIELD]: await formToken(ORDER, { secret: 'a-secret-the-bot-made-up-of-32-characters' }) }), 'forged-token'],
  ['a token of another form', async () => ({ ...validOrderFields(), [TOKEN_FIELD]: await formToken('candidature') }), 'forged-token'],
  ['a token that is not one', async () => ({ ...validOrderFields(), [TOKEN_FIELD]: 'abc.def' }), 'forged-token'],
];

/** Spam holding NUL (U+0000), which a form post can carry (`%00`) and PostgreSQL cannot store. */
const nulSpamCases: [string, () => Promise<Record<string, string>>, string][] = [
  ['the honeypot filled with a NUL character', async () => ({ ...(await validOrder()), [HONEYPOT_FIELD]: 'https://spam.example/\u0000' }), 'honeypot'],
  ['a token holding a NUL character', async () => ({ ...validOrderFields(), [TOKEN_FIELD]: 'abc\u0000.def' }), 'forged-token'],
];

describe('spam', () => {
  it.each(spamCases)('%s → 400 refused (JSON), one spam row, nothing in submissions, nothing mailed', async (_case, fields, reason) => {
    const before = await spamRows(services.database);
    const response = await postOrder(await fields(), '192.0.2.1');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ status: 'refused', message: REFUSED });
    await settleBackgroundWork();
    const after = await spamRows(services.database);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length).map((row) => [row.form, row.reason])).toEqual([[ORDER, reason]]);
    expect(await countRows(services.database, 'submissions')).toBe(0);
    expect(await countRows(services.database, 'outbox')).toBe(0);
    expect(services.smtp.messages).toHaveLength(0);
  });

  it.each(nulSpamCases)('%s → 400 refused (JSON), not 503: one spam row, nothing in submissions, nothing mailed', async (_case, fields, reason) => {
    const before = await spamRows(services.database);
    const response = await postOrder(await fields(), '192.0.2.5');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ status: 'refused', message: REFUSED });
    await settleBackgroundWork();
    expect((await spamRows(services.database)).slice(before.length).map((row) => [row.form, row.reason])).toEqual([[ORDER, reason]]);
    expect(await countRows(services.database, 'submissions')).toBe(0);
    expect(services.smtp.messages).toHaveLength(0);
  });

  it.each([...spamCases, ...nulSpamCases])('%s → 400 refusal page without JavaScript', async (_case, fields) => {
    const response = await orderHandler(formRequest(ORDER, await fields()), functionContext({ ip: '192.0.2.2' }));
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('<h1 id="message">Envoi refusé</h1>');
    expect(html).toContain('Envoi refusé\u00a0: le formulaire semble avoir été rempli automatiquement.');
    await settleBackgroundWork();
    expect(await countRows(services.database, 'submissions')).toBe(0);
    expect(services.smtp.messages).toHaveLength(0);
  });

  it('keeps what the bot sent, each value cut to SPAM_LIMITS, the address as a matching key, apart from submissions', async () => {
    const floods = Array.from({ length: 15 }, (_, index) => `${index}`.padEnd(3_000, 'x'));
    const fields = { ...validOrderFields(), [HONEYPOT_FIELD]: floods, [TOKEN_FIELD]: `${'a'.repeat(2_500)}.${'b'.repeat(2_500)}` };
    const response = await postOrder(fields, '192.0.2.3');
    expect(response.status).toBe(400);
    const row = (await spamRows(services.database)).at(-1)!;
    expect(row.reason).toBe('honeypot');
    expect(row.fields['organisation']).toBe(validOrderFields()['organisation']);
    expect(row.fields[HONEYPOT_FIELD]).toEqual(floods.slice(0, 10).map((value) => value.slice(0, SPAM_LIMITS.valueLength)));
    expect(row.fields[TOKEN_FIELD]).toBe('a'.repeat(SPAM_LIMITS.valueLength));
    expect(Object.keys(row.fields).length).toBeLessThanOrEqual(SPAM_LIMITS.fields);
    expect(row.submitter_key).toBe('achats+it@exemple.fr');
    expect(row.received_at.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(await countRows(services.database, 'submissions')).toBe(0);
  });

  it('keeps a NUL character, and an emoji cut in half at SPAM_LIMITS.valueLength, as U+FFFD (PostgreSQL stores neither)', async () => {
    const cutEmoji = `${'a'.repeat(SPAM_LIMITS.valueLength - 1)}🚀`;
    const fields = { ...(await validOrder()), [HONEYPOT_FIELD]: ['a\u0000b', '\u0000', cutEmoji] };
    const response = await postOrder(fields, '192.0.2.4');
    expect(response.status).toBe(400);
    const row = (await spamRows(services.database)).at(-1)!;
    expect(row.reason).toBe('honeypot');
    expect(row.fields[HONEYPOT_FIELD]).toEqual(['a\ufffdb', '\ufffd', `${'a'.repeat(SPAM_LIMITS.valueLength - 1)}\ufffd`]);
    expect(await countRows(services.database, 'submissions')).toBe(0);
  });

  describe('Turnstile', () => {
    let turnstile: TurnstileServer;
    const TURNSTILE_ENV = { TURNSTILE_SITE_KEY: '1x00000000000000000000AA', TURNSTILE_SECRET_KEY: '1x0000000000000000000000000000000AA' };
    beforeAll(async () => {
      turnstile = await startTurnstileServer('jeton-turnstile-valide');
    });
    afterAll(() => turnstile.stop());

    it('a Turnstile answer Cloudflare refuses → 400, a `turnstile` spam row; the one it accepts goes through', async () => {
      await withEnvironment({ ...TURNSTILE_ENV, TURNSTILE_VERIFY_URL: turnstile.url }, async () => {
        const refused = await postOrder({ ...(await validOrder()), [TURNSTILE_FIELD]: 'jeton-de-robot' }, '192.0.2.4');
        expect(refused.status).toBe(400);
        expect(await refused.json()).toEqual({ status: 'refused', message: REFUSED });
        const missing = await postOrder(await validOrder(), '192.0.2.4');
        expect(missing.status).toBe(400);
        expect((await spamRows(services.database)).slice(-2).map((row) => row.reason)).toEqual(['turnstile', 'turnstile']);
        expect(turnstile.checked).toEqual(['jeton-de-robot']);
        expect(await countRows(services.database, 'submissions')).toBe(0);

        const accepted = await postOrder({ ...(await validOrder()), [TURNSTILE_FIELD]: 'jeton-turnstile-valide' }, '192.0.2.4');
        expect(accepted.status).toBe(200);
        await settleBackgroundWork();
        expect(await storedReferences(services.database)).toEqual([expectedReference(1)]);
        expect(services.smtp.messages).toHaveLength(3);
      });
    });
  });
});

describe('confirmation step (no token, or sent too fast)', () => {
  it('without a token: 202 with a token that respects the fill time again; sent back at once it asks again; stores nothing', async () => {
    const before = await storedReferences(services.database);
    const mails = services.smtp.messages.length;
    const response = await postOrder(validOrderFields(), '198.51.100.1', 'json');
    expect(response.status).toBe(202);
    const body = (await response.json()) as { status: string; token: string };
    expect(body.status).toBe('confirm');
    // Issued at the answer: too fast now, good once a person's fill time has passed.
    const now = Date.now();
    expect(await verifyFormToken(body.token, LOCAL_SIGNING_SECRET, ORDER, now)).toEqual({ ok: false, reason: 'too-fast' });
    expect((await verifyFormToken(body.token, LOCAL_SIGNING_SECRET, ORDER, now + DEFAULT_TOKEN_TIMING.minFillMs + 1_000)).ok).toBe(true);

    const atOnce = await postOrder({ ...validOrderFields(), [TOKEN_FIELD]: body.token }, '198.51.100.1', 'json');
    expect(atOnce.status).toBe(202);
    const again = (await atOnce.json()) as { status: string; token: string };
    expect(again.status).toBe('confirm');
    expect(again.token).toBe(body.token);
    await settleBackgroundWork();
    expect(await storedReferences(services.database)).toEqual(before);
    expect(services.smtp.messages).toHaveLength(mails);
  });

  it('the token of a « confirm » answer is accepted once the fill time (FORM_MIN_FILL_SECONDS=1) has passed', async () => {
    await withEnvironment({ FORM_MIN_FILL_SECONDS: '1' }, async () => {
      const before = await storedReferences(services.database);
      const first = (await (await postOrder(validOrderFields(), '198.51.100.2')).json()) as { status: string; token: string };
      expect(first.status).toBe('confirm');
      const atOnce = await postOrder({ ...validOrderFields(), [TOKEN_FIELD]: first.token }, '198.51.100.2');
      expect(((await atOnce.json()) as { status: string }).status).toBe('confirm');
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const later = await postOrder({ ...validOrderFields(), [TOKEN_FIELD]: first.token }, '198.51.100.2');
      expect(later.status).toBe(200);
      const { reference } = (await later.json()) as { reference: string };
      expect(await storedReferences(services.database)).toEqual([...before, reference]);
      await settleBackgroundWork();
    });
  });

  it('the token of an « invalid » answer cannot be used at once either', async () => {
    await withEnvironment({ FORM_MIN_FILL_SECONDS: '1' }, async () => {
      const before = await storedReferences(services.database);
      const invalid = await postOrder({ ...validOrderFields(), budget_ht: '20 000' }, '198.51.100.3');
      expect(invalid.status).toBe(422);
      const { token } = (await invalid.json()) as { token: string };
      const corrected = { ...validOrderFields(), [TOKEN_FIELD]: token };
      const atOnce = await postOrder(corrected, '198.51.100.3');
      expect(atOnce.status).toBe(202);
      expect(await storedReferences(services.database)).toEqual(before);
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const later = await postOrder(corrected, '198.51.100.3');
      expect(later.status).toBe(200);
      await settleBackgroundWork();
    });
  });

  it('without JavaScript: a confirmation page carrying the answers and a fresh token; confirmed at once it asks again, after the fill time it stores', async () => {
    await withEnvironment({ FORM_MIN_FILL_SECONDS: '1' }, async () => {
      const fields = { ...validApplicationFields(), sectors: ['Industrie du futur', 'Santé'], technologies: ['Robotique'] };
      const response = await applicationHandler(formRequest('candidature', fields), functionContext({ ip: '198.51.100.4' }));
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain('<form action="/api/candidature/" method="post">');
      const inputs = hiddenInputs(html);
      const [tokenName, token] = inputs.at(-1)!;
      expect(tokenName).toBe(TOKEN_FIELD);
      expect(await verifyFormToken(token, LOCAL_SIGNING_SECRET, 'candidature', Date.now())).toEqual({ ok: false, reason: 'too-fast' });
      // Every answer comes back as typed, repeated names included; the token last.
      expect(inputs.filter(([name]) => name !== TOKEN_FIELD)).toEqual(
        Object.entries(fields).flatMap(([name, value]) => (Array.isArray(value) ? value.map((item) => [name, item]) : [[name, value]])),
      );

      // The browser posts the confirmation form as it is.
      const confirm = () =>
        applicationHandler(
          new Request('http://127.0.0.1:9/api/candidature/', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(inputs).toString() }),
          functionContext({ ip: '198.51.100.4' }),
        );
      const before = await storedReferences(services.database);
      const atOnce = await confirm();
      expect(atOnce.status).toBe(200);
      expect(await atOnce.text()).toContain('<form action="/api/candidature/" method="post">');
      expect(await storedReferences(services.database)).toEqual(before);

      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const confirmed = await confirm();
      expect(confirmed.status).toBe(303);
      const reference = /reference=(PBC-\d{4}-\d{5})$/.exec(confirmed.headers.get('location') ?? '')?.[1];
      expect(confirmed.headers.get('location')).toBe(`/formulaires/merci/?formulaire=candidature&reference=${reference}`);
      expect((await storedSubmission(services.database, reference!))?.data).toMatchObject({
        company_name: 'Société Verte',
        sectors: ['Industrie du futur', 'Santé'],
        technologies: ['Robotique'],
        email: 'contact@société-verte.fr',
      });
      await settleBackgroundWork();
    });
  });

  it.each([
    ['issued a second ago', 1_000],
    ['expired (issued 25 hours ago)', 25 * 3_600_000],
  ])('a token %s asks for confirmation, stores nothing', async (_case, ageMs) => {
    const before = await storedReferences(services.database);
    const fields = { ...validOrderFields(), [TOKEN_FIELD]: await issueFormToken(LOCAL_SIGNING_SECRET, ORDER, Date.now() - ageMs) };
    const response = await postOrder(fields, '198.51.100.5');
    expect(response.status).toBe(202);
    expect(((await response.json()) as { status: string }).status).toBe('confirm');
    expect(await storedReferences(services.database)).toEqual(before);
  });
});

describe('rate limit', () => {
  it('refuses the third accepted submission from one client with 429; another client still gets through; counters keep no address', async () => {
    await withEnvironment({ RATE_LIMIT_MAX: '2' }, async () => {
      const stored = await countRows(services.database, 'submissions');
      const statuses: number[] = [];
      for (let index = 0; index < 3; index += 1) {
        const response = await postOrder(await validOrder(), '203.0.113.7');
        statuses.push(response.status);
        if (response.status === 429) {
          expect(response.headers.get('retry-after')).toBe('600');
          expect(await response.json()).toEqual({ status: 'refused', message: 'Trop d’envois depuis votre connexion en peu de temps. Réessayez dans quelques minutes.' });
        }
      }
      expect(statuses).toEqual([200, 200, 429]);
      expect(await countRows(services.database, 'submissions')).toBe(stored + 2);

      const html = await orderHandler(formRequest(ORDER, await validOrder()), functionContext({ ip: '203.0.113.7' }));
      expect(html.status).toBe(429);
      expect(await html.text()).toContain('<h1 id="message">Trop d’envois</h1>');

      const other = await postOrder(await validOrder(), '198.51.100.23');
      expect(other.status).toBe(200);
      expect(await countRows(services.database, 'submissions')).toBe(stored + 3);
      await settleBackgroundWork();
      // The counters keep a keyed hash of the client's network, never the address.
      const clientScopes = (await counterScopes(services.database)).filter((scope) => /^(spam-)?client:/.test(scope));
      expect(clientScopes.length).toBeGreaterThanOrEqual(2);
      for (const scope of clientScopes) expect(scope).toMatch(/^(spam-)?client:[0-9a-f]{32}$/);
      const { rows } = await services.database.query<{ text: string }>(`SELECT scope AS text FROM rate_counters UNION ALL SELECT fields::text FROM spam`);
      for (const { text } of rows) expect(text).not.toMatch(/203\.0\.113\.7|198\.51\.100\.23|192\.0\.2\./);
    });
  });

  it('counts an IPv6 client by its /64: 25 posts from 25 addresses of one /64 are limited after the maximum; the next /64 is another client', async () => {
    await withEnvironment({ RATE_LIMIT_MAX: '5' }, async () => {
      const stored = await countRows(services.database, 'submissions');
      const statuses: number[] = [];
      for (let index = 0; index < 25; index += 1) statuses.push((await postOrder(await validOrder(), addressInNetwork(0x5a, index))).status);
      expect(statuses).toEqual([...Array<number>(5).fill(200), ...Array<number>(20).fill(429)]);
      expect(await countRows(services.database, 'submissions')).toBe(stored + 5);
      // A zone id names the receiving interface, not the client: the same /64.
      expect((await postOrder(await validOrder(), `${addressInNetwork(0x5a, 99)}%eth0`)).status).toBe(429);
      expect((await postOrder(await validOrder(), addressInNetwork(0x5b, 0))).status).toBe(200);
      await settleBackgroundWork();
    });
  });

  it('gives a resubmission its reference back even when the limit is reached', async () => {
    await withEnvironment({ RATE_LIMIT_MAX: '1' }, async () => {
      const fields = await validOrder();
      const first = await postOrder(fields, '192.0.2.80');
      expect(first.status).toBe(200);
      const { reference } = (await first.json()) as { reference: string };
      const again = [await postOrder(fields, '192.0.2.80'), await postOrder(fields, '192.0.2.80')];
      expect(again.map((response) => response.status)).toEqual([200, 200]);
      expect(await Promise.all(again.map(async (response) => ((await response.json()) as { reference: string }).reference))).toEqual([reference, reference]);
      // A new filling of the form from the same client is over the limit.
      expect((await postOrder(await validOrder(), '192.0.2.80')).status).toBe(429);
      await settleBackgroundWork();
    });
  });

  it('does not count invalid submissions or spam', async () => {
    await withEnvironment({ RATE_LIMIT_MAX: '1' }, async () => {
      const invalid = await postOrder({ ...(await validOrder()), budget_ht: '20 000' }, '192.0.2.44');
      expect(invalid.status).toBe(422);
      const spam = await postOrder({ ...(await validOrder()), [HONEYPOT_FIELD]: 'x' }, '192.0.2.44');
      expect(spam.status).toBe(400);
      const valid = await postOrder(await validOrder(), '192.0.2.44');
      expect(valid.status).toBe(200);
      await settleBackgroundWork();
    });
  });
});
