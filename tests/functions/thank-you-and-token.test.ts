/** The thank-you page (`merci`) and the token endpoint (`jeton`). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import thankYouHandler from '../../netlify/functions/merci.mts';
import tokenHandler from '../../netlify/functions/jeton.mts';
import { verifyFormToken } from '../../src/lib/forms/form-token.ts';
import { functionContext } from '../helpers/function-context.ts';
import { LOCAL_SIGNING_SECRET, startFormServices, type FormServices } from '../helpers/form-fixtures.ts';
import { tableCounts } from '../helpers/store-rows.ts';

let services: FormServices;

beforeAll(async () => {
  services = await startFormServices();
});
afterAll(() => services.stop());

function thankYou(query: string): Promise<Response> {
  return Promise.resolve(thankYouHandler(new Request(`http://127.0.0.1:9/formulaires/merci/${query}`)));
}

describe('merci', () => {
  it.each([
    ['demande-bon-de-commande', 'PBC-2026-00001', 'Votre demande de premier bon de commande est enregistrée sous la référence\u00a0:'],
    ['candidature', 'PBC-2027-00042', 'Votre candidature au DAS numérique est enregistrée sous la référence\u00a0:'],
  ])('%s %s → 200 page showing the reference', async (form, reference, sentence) => {
    const response = await thankYou(`?formulaire=${form}&reference=${reference}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    expect(html).toContain('<h1 id="merci">Merci, c’est envoyé</h1>');
    expect(html).toContain(`${sentence} <strong>${reference}</strong>`);
    expect(html).toContain('<html lang="fr">');
  });

  it.each([
    ['no parameter', ''],
    ['no reference', '?formulaire=candidature'],
    ['a short reference', '?formulaire=candidature&reference=PBC-26-1'],
    ['markup as reference', '?formulaire=candidature&reference=%3Cscript%3Ealert(1)%3C%2Fscript%3E'],
    ['a reference followed by text', '?formulaire=candidature&reference=PBC-2026-00001%20pirat%C3%A9'],
    ['an unknown form', '?formulaire=contact&reference=PBC-2026-00001'],
  ])('%s → 404 French page', async (_case, query) => {
    const response = await thankYou(query);
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain('<h1 id="message">Page introuvable</h1>');
    expect(html).toContain('Ce lien de confirmation est incomplet.');
    expect(html).not.toContain('<script>alert');
  });
});

describe('jeton', () => {
  it.each(['candidature', 'demande-bon-de-commande', 'engagement-acheteur'] as const)('%s → 200 with a token of that form, signed with the local secret', async (form) => {
    const before = Date.now();
    const response = await tokenHandler(new Request(`http://127.0.0.1:9/api/jeton/?formulaire=${form}`), functionContext());
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as { token: string; turnstileSiteKey: string | null };
    expect(body.turnstileSiteKey).toBeNull();
    const verdict = await verifyFormToken(body.token, LOCAL_SIGNING_SECRET, form, Date.now(), { minFillMs: 0, maxAgeMs: 60_000 });
    expect(verdict.ok).toBe(true);
    if (verdict.ok) {
      expect(verdict.payload.form).toBe(form);
      expect(verdict.payload.issuedAt).toBeGreaterThanOrEqual(before);
      expect(verdict.payload.issuedAt).toBeLessThanOrEqual(Date.now());
    }
  });

  it('gives the Turnstile site key when Turnstile is configured', async () => {
    process.env['TURNSTILE_SITE_KEY'] = '1x00000000000000000000AA';
    process.env['TURNSTILE_SECRET_KEY'] = '1x0000000000000000000000000000000AA';
    try {
      const response = await tokenHandler(new Request('http://127.0.0.1:9/api/jeton/?formulaire=candidature'), functionContext());
      expect(((await response.json()) as { turnstileSiteKey: string }).turnstileSiteKey).toBe('1x00000000000000000000AA');
    } finally {
      delete process.env['TURNSTILE_SITE_KEY'];
      delete process.env['TURNSTILE_SECRET_KEY'];
    }
  });

  it.each([
    ['an unknown form', '?formulaire=contact'],
    ['no form', ''],
    ['a form name in capitals', '?formulaire=CANDIDATURE'],
  ])('%s → 400 “Formulaire inconnu.”', async (_case, query) => {
    const response = await tokenHandler(new Request(`http://127.0.0.1:9/api/jeton/${query}`), functionContext());
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ message: 'Formulaire inconnu.' });
  });

  it('POST → 405 with Allow: GET, OPTIONS', async () => {
    const response = await tokenHandler(new Request('http://127.0.0.1:9/api/jeton/?formulaire=candidature', { method: 'POST' }), functionContext());
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, OPTIONS');
    expect(await response.json()).toEqual({ message: 'Méthode non acceptée.' });
  });

  it('writes nothing to the database: a token is signed, not stored', async () => {
    expect(await tableCounts(services.database)).toEqual({ submissions: 0, outbox: 0, spam: 0, rate_counters: 0 });
  });
});
