/**
 * Personal data lifecycle against the real local Blobs server: the scheduled
 * purge erases what has outlived its retention period and nothing else; one
 * person's data is found and erased by e-mail address; and the logs of a full
 * submission (sent, SMTP down then retried, refused, purged) never contain
 * what the person typed.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import orderHandler from '../../netlify/functions/demande-bon-de-commande.mts';
import applicationHandler from '../../netlify/functions/candidature.mts';
import purgeHandler from '../../netlify/functions/purge-expired-submissions.mts';
import retryHandler from '../../netlify/functions/retry-pending-emails.mts';
import { HONEYPOT_FIELD } from '../../src/lib/forms/process-submission.ts';
import { erasePersonalData, findPersonalData } from '../../src/lib/forms/personal-data.ts';
import { saveSpam, saveSubmission } from '../../src/lib/forms/submission-repository.ts';
import { functionContext } from '../helpers/function-context.ts';
import {
  formRequest,
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

const DAY_MS = 24 * 60 * 60 * 1_000;

function runPurge(): Promise<Response> {
  return purgeHandler(new Request('http://127.0.0.1:9/.netlify/functions/purge-expired-submissions', { method: 'POST', body: '{"next_run":"2026-12-01T03:00:00Z"}' }), functionContext());
}

async function submitOrder(fields: Record<string, string>): Promise<string> {
  const response = await orderHandler(formRequest('demande-bon-de-commande', await withToken('demande-bon-de-commande', fields), { accept: 'json' }), functionContext());
  expect(response.status).toBe(200);
  return ((await response.json()) as { reference: string }).reference;
}

describe('the scheduled purge (defaults of content/settings/site.yml: 36 months, spam 30 days)', () => {
  it('erases the expired submission with its nonce and pending keys, old spam and stale rate entries, and keeps the rest', async () => {
    const store = submissionsStore();
    const now = Date.now();
    const old = await saveSubmission(store, {
      form: 'candidature',
      nonce: 'ancien-nonce',
      data: { email: 'ancienne@exemple.fr' },
      recipients: [{ kind: 'team', to: 'contact@premiers-bons-de-commande.fr' }],
      now: new Date(now - 37 * 31 * DAY_MS),
      year: 2023,
    });
    const recent = await submitOrder(validOrderFields());
    await saveSpam(store, 'candidature', 'honeypot', { email: 'robot@exemple.fr' }, new Date(now - 31 * DAY_MS));
    await saveSpam(store, 'candidature', 'honeypot', { email: 'robot@exemple.fr' }, new Date(now - 2 * DAY_MS));
    await store.setJSON('rate/stale-client', { timestamps: [now - 2 * 60 * 60 * 1_000] });
    const rateBefore = await storedKeys('rate/');
    const logged: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: unknown) => logged.push(String(line)));
    try {
      expect((await runPurge()).status).toBe(204);
    } finally {
      vi.restoreAllMocks();
    }
    expect(JSON.parse(logged[0]!)).toEqual({ event: 'purge-expired-submissions', submissions: 1, spam: 1, rateEntries: 1 });
    expect(await storedKeys('records/')).toEqual([`records/${recent}`]);
    expect(await storedKeys(`records/${old.record.reference}`)).toEqual([]);
    expect(await storedKeys('nonces/candidature/')).toEqual([]);
    expect(await storedKeys('pending/')).toEqual([]);
    expect(await storedKeys('spam/')).toHaveLength(1);
    expect(await storedKeys('rate/')).toEqual(rateBefore.filter((key) => key !== 'rate/stale-client'));
  });
});

describe('access and erasure by e-mail address', () => {
  it('finds the submissions and spam of one address (any case, accented domain), erases them and nothing else', async () => {
    const store = submissionsStore();
    const before = await storedKeys('records/');
    const first = await submitOrder(validOrderFields());
    const second = await submitOrder({ ...validOrderFields(), email: 'achats+it@EXEMPLE.fr' });
    const other = await submitOrder({ ...validOrderFields(), email: 'quelqu.un@autre.example' });
    const application = await applicationHandler(formRequest('candidature', await withToken('candidature', validApplicationFields()), { accept: 'json' }), functionContext());
    const applicationReference = ((await application.json()) as { reference: string }).reference;
    const spam = await orderHandler(formRequest('demande-bon-de-commande', { ...(await withToken('demande-bon-de-commande', validOrderFields())), [HONEYPOT_FIELD]: 'x' }, { accept: 'json' }), functionContext());
    expect(spam.status).toBe(400);

    const found = await findPersonalData(store, ' Achats+IT@exemple.fr ');
    expect(found.submissions.map((record) => record.reference)).toEqual([...before.map((key) => key.slice('records/'.length)), first, second]);
    expect(found.spam.map((entry) => [entry.reason, entry.fields['email']])).toEqual([['honeypot', 'Achats+IT@Exemple.FR']]);
    expect(JSON.parse(JSON.stringify(found)).submissions[0].data.contact_name).toBe('Élise Müller');
    expect((await findPersonalData(store, 'contact@xn--socit-verte-ebbb.fr')).submissions.map((record) => record.reference)).toEqual([applicationReference]);

    expect(await erasePersonalData(store, found)).toEqual({ submissions: before.length + 2, spam: 1 });
    expect(await storedKeys('records/')).toEqual([`records/${other}`, `records/${applicationReference}`].sort());
    expect(await storedKeys('spam/demande-bon-de-commande/')).toEqual([]);
    expect(await findPersonalData(store, 'achats+it@exemple.fr')).toEqual({ email: 'achats+it@exemple.fr', submissions: [], spam: [] });
  });
});

describe('logs', () => {
  it('a full life (sent; SMTP down then retried; cross-site refusal; spam; purge) logs no value the person typed', async () => {
    const lines: string[] = [];
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, level).mockImplementation((...parts: unknown[]) => lines.push(parts.map(String).join(' ')));
    }
    const fields = { ...validOrderFields(), email: 'camille.durand@exemple.fr', contact_name: 'Camille Durand', phone: '06 11 22 33 44', organisation: 'Régie Transparente' };
    try {
      await submitOrder(fields);
      await services.stopSmtp();
      await submitOrder({ ...fields, need: 'Un second besoin, envoyé pendant une panne du serveur de messagerie.' });
      await services.restartSmtp();
      expect((await retryHandler(new Request('http://127.0.0.1:9/.netlify/functions/retry-pending-emails', { method: 'POST', body: '{}' }), functionContext())).status).toBe(204);
      const crossSite = formRequest('demande-bon-de-commande', await withToken('demande-bon-de-commande', fields), { accept: 'json' });
      crossSite.headers.set('origin', 'https://evil.example');
      expect((await orderHandler(crossSite, functionContext())).status).toBe(403);
      await orderHandler(formRequest('demande-bon-de-commande', { ...(await withToken('demande-bon-de-commande', fields)), [HONEYPOT_FIELD]: 'x' }, { accept: 'json' }), functionContext());
      expect((await runPurge()).status).toBe(204);
    } finally {
      vi.restoreAllMocks();
    }
    const events = lines.map((line) => (JSON.parse(line) as { event: string }).event);
    expect(events).toEqual(expect.arrayContaining(['retry-pending-emails', 'cross-site-refused', 'purge-expired-submissions']));
    const typed = ['camille', 'durand', 'exemple.fr', '06 11 22 33 44', '+33611223344', '0611223344', 'Régie', 'Transparente', 'second besoin', 'Responsable des achats'];
    for (const value of typed) expect(lines.filter((line) => line.toLowerCase().includes(value.toLowerCase())), value).toEqual([]);
  });
});
