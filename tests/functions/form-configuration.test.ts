/**
 * Deployed sites (deploy context `production`) need their settings: a missing
 * one gives the visitor a 503 and the logs a message naming it.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import orderHandler from '../../netlify/functions/demande-bon-de-commande.mts';
import tokenHandler from '../../netlify/functions/jeton.mts';
import { issueFormToken } from '../../src/lib/forms/form-token.ts';
import { TOKEN_FIELD } from '../../src/lib/forms/process-submission.ts';
import { functionContext } from '../helpers/function-context.ts';
import { formRequest, looksLikeStackTrace, startFormServices, validOrderFields, withToken, type FormServices } from '../helpers/form-fixtures.ts';

let services: FormServices;
let logged: string[];

beforeAll(async () => {
  services = await startFormServices();
});
afterAll(() => services.stop());

beforeEach(() => {
  logged = [];
  vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => {
    logged.push(parts.map(String).join(' '));
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

const PRODUCTION = functionContext({ deployContext: 'production' });
const PRODUCTION_SECRET = 'a-production-secret-of-at-least-32-chars';

/** A complete production environment, with some variables changed (undefined removes). */
function setProductionEnvironment(changes: Record<string, string | undefined> = {}): void {
  const values: Record<string, string | undefined> = {
    SMTP_URL: services.smtp.url,
    MAIL_FROM_ADDRESS: 'ne-pas-repondre@premiers-bons-de-commande.fr',
    FORM_SIGNING_SECRET: PRODUCTION_SECRET,
    ...changes,
  };
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
}

const UNAVAILABLE = 'Le service est momentanément indisponible : rien n’a été enregistré. Réessayez dans quelques minutes.';

describe('production with the required variables missing', () => {
  it('answers 503 to the visitor and logs every missing variable by name', async () => {
    setProductionEnvironment({ SMTP_URL: undefined, MAIL_FROM_ADDRESS: undefined, FORM_SIGNING_SECRET: undefined });
    const json = await orderHandler(formRequest('demande-bon-de-commande', await withToken('demande-bon-de-commande', validOrderFields()), { accept: 'json' }), PRODUCTION);
    expect(json.status).toBe(503);
    const body = await json.text();
    expect(JSON.parse(body)).toEqual({ status: 'unavailable', message: UNAVAILABLE });
    expect(body).not.toContain('SMTP_URL');

    expect(logged).toHaveLength(1);
    const entry = JSON.parse(logged[0]!) as { event: string; form: string; deployContext: string; error: string };
    expect(entry).toMatchObject({ event: 'form-runtime-error', form: 'demande-bon-de-commande', deployContext: 'production' });
    expect(entry.error).toContain('SMTP_URL is required');
    expect(entry.error).toContain('MAIL_FROM_ADDRESS is required');
    expect(entry.error).toContain('FORM_SIGNING_SECRET is required');

    const html = await orderHandler(formRequest('demande-bon-de-commande', await withToken('demande-bon-de-commande', validOrderFields())), PRODUCTION);
    expect(html.status).toBe(503);
    const page = await html.text();
    expect(page).toContain('Réessayez dans quelques minutes.');
    expect(page).not.toContain('SMTP_URL');
    expect(looksLikeStackTrace(page)).toBe(false);
    expect(services.smtp.messages).toHaveLength(0);
  });

  it.each([
    ['SMTP_URL', { SMTP_URL: undefined }, 'SMTP_URL is required (smtp://user:password@host:587).'],
    ['SMTP_URL', { SMTP_URL: 'http://127.0.0.1:25' }, 'SMTP_URL must start with smtp:// or smtps://.'],
    ['MAIL_FROM_ADDRESS', { MAIL_FROM_ADDRESS: undefined }, 'MAIL_FROM_ADDRESS is required (the sender of every e-mail).'],
    ['FORM_SIGNING_SECRET', { FORM_SIGNING_SECRET: undefined }, 'FORM_SIGNING_SECRET is required, at least 32 characters.'],
    ['FORM_SIGNING_SECRET', { FORM_SIGNING_SECRET: 'trop-court' }, 'FORM_SIGNING_SECRET is required, at least 32 characters.'],
    ['TURNSTILE_SECRET_KEY', { TURNSTILE_SITE_KEY: '1x00000000000000000000AA' }, 'TURNSTILE_SITE_KEY and TURNSTILE_SECRET_KEY go together.'],
    ['RATE_LIMIT_MAX', { RATE_LIMIT_MAX: 'beaucoup' }, 'RATE_LIMIT_MAX must be a positive integer.'],
  ] as const)('%s (%j) → 503, logged: %s', async (_name, changes, problem) => {
    setProductionEnvironment(changes);
    try {
      const response = await orderHandler(formRequest('demande-bon-de-commande', await withToken('demande-bon-de-commande', validOrderFields()), { accept: 'json' }), PRODUCTION);
      expect(response.status).toBe(503);
      expect(logged).toHaveLength(1);
      expect((JSON.parse(logged[0]!) as { error: string }).error).toBe(`Form functions are not configured: ${problem}`);
    } finally {
      delete process.env['TURNSTILE_SITE_KEY'];
      process.env['RATE_LIMIT_MAX'] = '1000';
    }
  });

  it('the token endpoint answers 503 and logs the missing variables too', async () => {
    setProductionEnvironment({ SMTP_URL: undefined, MAIL_FROM_ADDRESS: undefined, FORM_SIGNING_SECRET: undefined });
    const response = await tokenHandler(new Request('http://127.0.0.1:9/api/jeton/?formulaire=candidature'), PRODUCTION);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ message: 'Service momentanément indisponible.' });
    expect(logged).toHaveLength(1);
    const entry = JSON.parse(logged[0]!) as { event: string; error: string };
    expect(entry.event).toBe('form-token-error');
    for (const name of ['SMTP_URL', 'MAIL_FROM_ADDRESS', 'FORM_SIGNING_SECRET']) expect(entry.error).toContain(`${name} is required`);
  });
});

describe('production with every variable set', () => {
  // Last in this file: a valid production runtime is kept for the life of the module.
  it('accepts a token signed with the production secret and treats the development secret as forged', async () => {
    setProductionEnvironment();
    process.env['MAIL_FROM_NAME'] = 'Premiers bons de commande';
    const tokenResponse = await tokenHandler(new Request('http://127.0.0.1:9/api/jeton/?formulaire=demande-bon-de-commande'), PRODUCTION);
    expect(tokenResponse.status).toBe(200);
    const { token } = (await tokenResponse.json()) as { token: string };
    expect(token.split('.')).toHaveLength(2);

    const forged = await orderHandler(formRequest('demande-bon-de-commande', await withToken('demande-bon-de-commande', validOrderFields()), { accept: 'json' }), PRODUCTION);
    expect(forged.status).toBe(400);

    const fields = { ...validOrderFields(), [TOKEN_FIELD]: await issueFormToken(PRODUCTION_SECRET, 'demande-bon-de-commande', Date.now() - 10_000) };
    const accepted = await orderHandler(formRequest('demande-bon-de-commande', fields, { accept: 'json' }), PRODUCTION);
    expect(accepted.status).toBe(200);
    const messages = await services.smtp.waitForMessages(3);
    expect(messages.map((mail) => mail.from?.value[0]?.address)).toEqual(Array(3).fill('ne-pas-repondre@premiers-bons-de-commande.fr'));
    expect(logged).toEqual([]);
  });
});
