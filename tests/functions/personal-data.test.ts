/**
 * The rights of access and erasure against a real PostgreSQL database: one
 * person's data is found and erased by e-mail address whatever way it was
 * typed (case, Unicode NFC or NFD, punycode or Unicode domain), the e-mails
 * addressed to a startup's order address included; and the logs of a full
 * submission (sent, SMTP down then retried, refused, purged) never contain
 * what the person typed. (The retention purge: `purge-expired.test.ts`.)
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import orderHandler from '../../netlify/functions/demande-bon-de-commande.mts';
import applicationHandler from '../../netlify/functions/candidature.mts';
import purgeHandler from '../../netlify/functions/purge-expired-submissions.mts';
import retryHandler from '../../netlify/functions/retry-pending-emails.mts';
import { HONEYPOT_FIELD } from '../../src/lib/forms/process-submission.ts';
import { erasePersonalData, findPersonalData } from '../../src/lib/forms/store/personal-data.ts';
import { functionContext, settleBackgroundWork } from '../helpers/function-context.ts';
import {
  countRows,
  formRequest,
  ORDERABLE_STARTUP,
  SITE,
  startFormServices,
  storedReferences,
  validApplicationFields,
  validOrderFields,
  withToken,
  type FormServices,
} from '../helpers/form-fixtures.ts';
import { seedSubmission } from '../helpers/seed-submissions.ts';

let services: FormServices;

beforeAll(async () => {
  services = await startFormServices();
});
afterAll(() => services.stop());

async function submit(form: 'demande-bon-de-commande' | 'candidature', fields: Record<string, string>): Promise<string> {
  const handler = form === 'candidature' ? applicationHandler : orderHandler;
  const response = await handler(formRequest(form, await withToken(form, fields), { accept: 'json' }), functionContext());
  expect(response.status).toBe(200);
  return ((await response.json()) as { reference: string }).reference;
}

/** The accented domain of `validApplicationFields()`, spelt three ways. */
const NFC_ADDRESS = 'contact@société-verte.fr';
const NFD_ADDRESS = NFC_ADDRESS.normalize('NFD');
const PUNYCODE_ADDRESS = 'contact@xn--socit-verte-ebbb.fr';

describe('access and erasure by e-mail address', () => {
  it('finds and erases every occurrence of an address, and nothing of anyone else', async () => {
    expect(NFD_ADDRESS).not.toBe(NFC_ADDRESS);
    const first = await submit('demande-bon-de-commande', validOrderFields());
    const second = await submit('demande-bon-de-commande', { ...validOrderFields(), email: 'achats+it@EXEMPLE.fr' });
    const other = await submit('demande-bon-de-commande', { ...validOrderFields(), email: 'quelqu.un@autre-organisation.fr' });
    const application = await submit('candidature', validApplicationFields());
    await seedSubmission(services.database, { reference: 'PBC-2025-00001', form: 'candidature', receivedAt: '2025-06-01T10:00:00Z', data: { ...validApplicationFields(), email: NFD_ADDRESS } });
    await seedSubmission(services.database, { reference: 'PBC-2025-00002', form: 'candidature', receivedAt: '2025-06-02T10:00:00Z', data: { ...validApplicationFields(), email: PUNYCODE_ADDRESS } });
    const spam = await orderHandler(formRequest('demande-bon-de-commande', { ...(await withToken('demande-bon-de-commande', validOrderFields())), [HONEYPOT_FIELD]: 'x' }, { accept: 'json' }), functionContext());
    expect(spam.status).toBe(400);
    await settleBackgroundWork();
    expect([await countRows(services.database, 'submissions'), await countRows(services.database, 'outbox'), await countRows(services.database, 'spam')]).toEqual([6, 11, 1]);

    // Case: the order requests of Achats+IT@Exemple.FR, and its spam.
    const buyer = await findPersonalData(services.database, ' ACHATS+it@exemple.FR ');
    expect(buyer.email).toBe(' ACHATS+it@exemple.FR ');
    expect(buyer.submissions.map((record) => [record.reference, record.messages.map((message) => message.kind)])).toEqual([
      [first, ['team', 'startup', 'confirmation']],
      [second, ['team', 'startup', 'confirmation']],
    ]);
    expect(buyer.submissions[0]!.data['contact_name']).toBe('Élise Müller');
    expect(buyer.submissions[0]!.messages.map((message) => [message.recipient, message.status, message.attempts])).toEqual([
      [SITE.teamAddress, 'sent', 1],
      [ORDERABLE_STARTUP.orderContactEmail, 'sent', 1],
      ['Achats+IT@exemple.fr', 'sent', 1],
    ]);
    expect(buyer.spam.map((entry) => [entry.form, entry.reason, entry.fields['email']])).toEqual([['demande-bon-de-commande', 'honeypot', 'Achats+IT@Exemple.FR']]);
    expect(buyer.messages).toEqual([]);

    // NFC, NFD and punycode spellings of one address find the same three submissions.
    for (const spelling of [NFC_ADDRESS, NFD_ADDRESS, PUNYCODE_ADDRESS, 'Contact@SOCIÉTÉ-VERTE.fr']) {
      const found = await findPersonalData(services.database, spelling);
      expect(found.submissions.map((record) => record.reference), spelling).toEqual([application, 'PBC-2025-00001', 'PBC-2025-00002']);
    }

    // A startup's order address: the e-mails addressed to it for other people's submissions.
    const startup = await findPersonalData(services.database, ORDERABLE_STARTUP.orderContactEmail.toUpperCase());
    expect(startup.submissions).toEqual([]);
    expect(startup.messages.map((message) => [message.reference, message.kind, message.recipient])).toEqual([
      [first, 'startup', ORDERABLE_STARTUP.orderContactEmail],
      [second, 'startup', ORDERABLE_STARTUP.orderContactEmail],
      [other, 'startup', ORDERABLE_STARTUP.orderContactEmail],
    ]);

    expect(await erasePersonalData(services.database, 'achats+it@exemple.fr')).toEqual({ references: [first, second], submissions: 2, spam: 1, messages: 0 });
    expect(await storedReferences(services.database)).toEqual([application, other, 'PBC-2025-00001', 'PBC-2025-00002'].sort());
    expect([await countRows(services.database, 'outbox'), await countRows(services.database, 'spam')]).toEqual([5, 0]);

    expect(await erasePersonalData(services.database, ORDERABLE_STARTUP.orderContactEmail)).toEqual({ references: [], submissions: 0, spam: 0, messages: 1 });
    expect((await findPersonalData(services.database, 'quelqu.un@autre-organisation.fr')).submissions[0]!.messages.map((message) => message.kind)).toEqual(['team', 'confirmation']);

    // The team's copies are the programme's record of each submission: erasing the team's own address keeps them.
    expect(await findPersonalData(services.database, SITE.teamAddress)).toEqual({ email: SITE.teamAddress, submissions: [], spam: [], messages: [] });
    expect(await erasePersonalData(services.database, SITE.teamAddress)).toEqual({ references: [], submissions: 0, spam: 0, messages: 0 });
    expect(await countRows(services.database, 'outbox')).toBe(4);

    expect(await erasePersonalData(services.database, NFD_ADDRESS)).toEqual({ references: [application, 'PBC-2025-00001', 'PBC-2025-00002'], submissions: 3, spam: 0, messages: 0 });
    expect(await storedReferences(services.database)).toEqual([other]);
    expect(await countRows(services.database, 'outbox')).toBe(2);
    expect(await findPersonalData(services.database, PUNYCODE_ADDRESS)).toEqual({ email: PUNYCODE_ADDRESS, submissions: [], spam: [], messages: [] });
    expect(await erasePersonalData(services.database, PUNYCODE_ADDRESS)).toEqual({ references: [], submissions: 0, spam: 0, messages: 0 });
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
      await submit('demande-bon-de-commande', fields);
      await settleBackgroundWork();
      await services.stopSmtp();
      await submit('demande-bon-de-commande', { ...fields, need: 'Un second besoin, envoyé pendant une panne du serveur de messagerie.' });
      await settleBackgroundWork();
      await services.restartSmtp();
      // The retry is due 5 minutes after the failure: make it due now.
      await services.database.query(`UPDATE outbox SET next_attempt_at = now() WHERE status = 'pending'`);
      expect((await retryHandler(new Request('http://127.0.0.1:9/.netlify/functions/retry-pending-emails', { method: 'POST', body: '{}' }), functionContext())).status).toBe(204);
      expect(await services.smtp.waitForMessages(3)).toHaveLength(3);
      const crossSite = formRequest('demande-bon-de-commande', await withToken('demande-bon-de-commande', fields), { accept: 'json' });
      crossSite.headers.set('origin', 'https://evil.example');
      expect((await orderHandler(crossSite, functionContext())).status).toBe(403);
      await orderHandler(formRequest('demande-bon-de-commande', { ...(await withToken('demande-bon-de-commande', fields)), [HONEYPOT_FIELD]: 'x' }, { accept: 'json' }), functionContext());
      const purge = new Request('http://127.0.0.1:9/.netlify/functions/purge-expired-submissions', { method: 'POST', body: '{"next_run":"2026-12-01T03:00:00Z"}' });
      expect((await purgeHandler(purge, functionContext())).status).toBe(204);
    } finally {
      vi.restoreAllMocks();
    }
    const events = lines.map((line) => (JSON.parse(line) as { event: string }).event);
    expect(events).toEqual(expect.arrayContaining(['retry-pending-emails', 'cross-site-refused', 'purge-expired-submissions']));
    const typed = ['camille', 'durand', 'exemple.fr', '06 11 22 33 44', '+33611223344', '0611223344', 'Régie', 'Transparente', 'second besoin', 'Responsable des achats'];
    for (const value of typed) expect(lines.filter((line) => line.toLowerCase().includes(value.toLowerCase())), value).toEqual([]);
  });
});
