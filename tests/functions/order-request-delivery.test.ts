/**
 * A valid order request end to end: stored with a reference before any
 * e-mail, three messages (team, startup, confirmation), resubmission without
 * new messages, SMTP failures left pending and sent once by the scheduled
 * retry, and a 503 when the store is down.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import orderHandler from '../../netlify/functions/demande-bon-de-commande.mts';
import retryHandler from '../../netlify/functions/retry-pending-emails.mts';
import type { SubmissionRecord } from '../../src/lib/forms/submission-repository.ts';
import { functionContext } from '../helpers/function-context.ts';
import {
  currentReferenceYear,
  expectedReference,
  formRequest,
  looksLikeStackTrace,
  ORDERABLE_STARTUP,
  SITE,
  startFormServices,
  storedKeys,
  submissionsStore,
  TEST_SENDER,
  VALID_ORDER_DATA,
  validOrderFields,
  withToken,
  type FormServices,
} from '../helpers/form-fixtures.ts';

let services: FormServices;

beforeAll(async () => {
  services = await startFormServices();
});
afterAll(() => services.stop());

const NBSP = '\u00a0';
const ORGANISATION = VALID_ORDER_DATA.organisation;
const ORGANISATION_SPACED = 'Communauté d’agglomération «\u00a0Mulhouse Alsace\u00a0»';

async function loadRecord(reference: string): Promise<SubmissionRecord> {
  return (await submissionsStore().get(`records/${reference}`, { type: 'json' })) as SubmissionRecord;
}

function runRetry(): Promise<Response> {
  return retryHandler(new Request('http://127.0.0.1:9/.netlify/functions/retry-pending-emails', { method: 'POST', body: '{"next_run":"2026-05-12T09:15:00Z"}' }), functionContext());
}

/** What an SMTP server saw of the store when each message arrived. */
interface Delivery {
  readonly mail: ParsedMail;
  readonly recordStatus: string | null;
}

/** An SMTP server that looks the submission up in the store when a message arrives. */
async function startStoreCheckingSmtp(): Promise<{ url: string; deliveries: Delivery[]; stop(): Promise<void> }> {
  const deliveries: Delivery[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          const reference = /PBC-\d{4}-\d{5}/.exec(mail.subject ?? '')?.[0];
          const record = reference ? ((await submissionsStore().get(`records/${reference}`, { type: 'json' })) as { status: string } | null) : null;
          deliveries.push({ mail, recordStatus: record?.status ?? null });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.server.address() as { port: number };
  return { url: `smtp://127.0.0.1:${address.port}`, deliveries, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('a valid order request naming a startup', () => {
  let fields: Record<string, string>;
  let deliveries: Delivery[];

  it('is stored with a reference before any e-mail, then mailed to the team, the startup and the buyer', async () => {
    const checking = await startStoreCheckingSmtp();
    process.env['SMTP_URL'] = checking.url;
    try {
      fields = await withToken('demande-bon-de-commande', validOrderFields());
      const response = await orderHandler(formRequest('demande-bon-de-commande', fields), functionContext());
      expect(response.status).toBe(303);
      const reference = expectedReference(1);
      expect(reference).toMatch(new RegExp(`^PBC-${currentReferenceYear()}-00001$`));
      expect(response.headers.get('location')).toBe(`/formulaires/merci/?formulaire=demande-bon-de-commande&reference=${reference}`);
      deliveries = checking.deliveries;
    } finally {
      process.env['SMTP_URL'] = services.smtp.url;
      await checking.stop();
    }
    expect(deliveries).toHaveLength(3);
    // Every message found its record already stored (still pending: the messages are being sent).
    expect(deliveries.map((delivery) => delivery.recordStatus)).toEqual(['pending', 'pending', 'pending']);
  });

  it('stores the validated values, the recipients and the delivery state', async () => {
    const reference = expectedReference(1);
    const record = await loadRecord(reference);
    expect(record).toMatchObject({ reference, form: 'demande-bon-de-commande', status: 'sent', data: VALID_ORDER_DATA });
    expect(Date.parse(record.receivedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(record.messages.map(({ kind, to, status, attempts }) => ({ kind, to, status, attempts }))).toEqual([
      { kind: 'team', to: SITE.teamAddress, status: 'sent', attempts: 1 },
      { kind: 'startup', to: ORDERABLE_STARTUP.orderContactEmail, status: 'sent', attempts: 1 },
      { kind: 'confirmation', to: VALID_ORDER_DATA.email, status: 'sent', attempts: 1 },
    ]);
    for (const message of record.messages) expect(Date.parse(message.sentAt!)).toBeGreaterThanOrEqual(Date.parse(record.receivedAt));
    expect(await storedKeys('pending/')).toEqual([]);
    expect(await submissionsStore().get(`counters/${currentReferenceYear()}`, { type: 'json' })).toEqual({ last: 1 });
  });

  it('sends each message from the configured sender, with the right recipient, Reply-To and French subject', () => {
    const reference = expectedReference(1);
    const byRecipient = new Map(deliveries.map(({ mail }) => [(mail.to as AddressObject).value[0]!.address, mail]));
    const buyer = { name: VALID_ORDER_DATA.contact_name, address: VALID_ORDER_DATA.email };
    const expected = [
      [SITE.teamAddress, `[${reference}] Demande de premier bon de commande${NBSP}: ${ORGANISATION_SPACED}`, buyer],
      [ORDERABLE_STARTUP.orderContactEmail, `[${reference}] Demande de premier bon de commande de ${ORGANISATION_SPACED}`, buyer],
      [VALID_ORDER_DATA.email, `Votre demande de premier bon de commande est bien reçue (${reference})`, { name: SITE.name, address: SITE.teamAddress }],
    ] as const;
    expect([...byRecipient.keys()].sort()).toEqual(expected.map(([to]) => to).sort());
    for (const [to, subject, replyTo] of expected) {
      const mail = byRecipient.get(to)!;
      expect((mail.from as AddressObject).value).toEqual([{ name: TEST_SENDER.name, address: TEST_SENDER.address }]);
      expect(mail.replyTo!.value).toEqual([replyTo]);
      expect(mail.subject).toBe(subject);
      expect(mail.text).toContain(`Référence\u00a0: ${reference}`);
    }
    // The team's and the startup's copies show the request; the confirmation quotes nothing typed.
    for (const to of [SITE.teamAddress, ORDERABLE_STARTUP.orderContactEmail]) {
      const text = String(byRecipient.get(to)!.text);
      expect(text).toContain(`Organisation\u00a0: ${ORGANISATION} (Acteur public)`);
      expect(text).toContain('Budget\u00a0: 14\u202f500,50\u00a0€\u00a0HT');
      expect(text).toContain(`Startup\u00a0: ${ORDERABLE_STARTUP.name}`);
    }
    expect(String(byRecipient.get(VALID_ORDER_DATA.email)!.text)).not.toContain(ORGANISATION);
    expect(byRecipient.get(VALID_ORDER_DATA.email)!.text).toContain(`transmise à l’équipe du programme et à ${ORDERABLE_STARTUP.name}`);
  });

  it('a resubmission with the same token gives the same reference and sends nothing more', async () => {
    const html = await orderHandler(formRequest('demande-bon-de-commande', fields), functionContext());
    expect(html.status).toBe(303);
    expect(html.headers.get('location')).toBe(`/formulaires/merci/?formulaire=demande-bon-de-commande&reference=${expectedReference(1)}`);
    const json = await orderHandler(formRequest('demande-bon-de-commande', fields, { format: 'json', accept: 'json' }), functionContext());
    expect(json.status).toBe(200);
    expect(await json.json()).toEqual({
      status: 'accepted',
      reference: expectedReference(1),
      redirect: `/formulaires/merci/?formulaire=demande-bon-de-commande&reference=${expectedReference(1)}`,
    });
    expect(await storedKeys('records/')).toEqual([`records/${expectedReference(1)}`]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(services.smtp.messages).toHaveLength(0);
    expect(deliveries).toHaveLength(3);
  });

  it('a request without startup preference mails the team and the buyer only', async () => {
    const response = await orderHandler(
      formRequest('demande-bon-de-commande', await withToken('demande-bon-de-commande', { ...validOrderFields(), startup: 'sans-preference' }), { accept: 'json' }),
      functionContext(),
    );
    expect(response.status).toBe(200);
    const { reference } = (await response.json()) as { reference: string };
    expect(reference).toBe(expectedReference(2));
    const messages = await services.smtp.waitForMessages(2);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(messages.map((mail) => (mail.to as AddressObject).value[0]!.address).sort()).toEqual([VALID_ORDER_DATA.email, SITE.teamAddress].sort());
    expect((await loadRecord(reference)).messages.map((message) => message.kind)).toEqual(['team', 'confirmation']);
    services.smtp.messages.length = 0;
  });
});

describe('SMTP unavailable when the request arrives', () => {
  it.each([
    ['the server is down (connection refused)', 'down', 'Error: ESOCKET'],
    ['the server answers 451 to every message', 'refusing', 'Error: 451'],
  ] as const)('%s: stored, the visitor gets the reference, the retry sends each message exactly once', async (_case, failure, lastError) => {
    if (failure === 'down') await services.stopSmtp();
    else services.smtp.refuse = true;

    const response = await orderHandler(formRequest('demande-bon-de-commande', await withToken('demande-bon-de-commande', validOrderFields()), { accept: 'json' }), functionContext());
    expect(response.status).toBe(200);
    const { status, reference } = (await response.json()) as { status: string; reference: string };
    expect(status).toBe('accepted');
    expect(reference).toMatch(/^PBC-\d{4}-\d{5}$/);

    const pending = await loadRecord(reference);
    expect(pending.status).toBe('pending');
    expect(pending.messages.map((message) => message.status)).toEqual(['pending', 'pending', 'pending']);
    // The first failure stops the pass (no time-out per message); the error code only: no address, no server text.
    expect(pending.messages.map(({ attempts, lastError: error }) => [attempts, error])).toEqual([
      [1, lastError],
      [0, undefined],
      [0, undefined],
    ]);
    expect(await storedKeys('pending/')).toEqual([`pending/${reference}`]);

    if (failure === 'down') await services.restartSmtp();
    else services.smtp.refuse = false;
    expect(services.smtp.messages).toHaveLength(0);

    const first = await runRetry();
    expect(first.status).toBe(204);
    const sent = await services.smtp.waitForMessages(3);
    const second = await runRetry();
    expect(second.status).toBe(204);
    await new Promise((resolve) => setTimeout(resolve, 200));

    expect(services.smtp.messages).toHaveLength(3);
    expect(sent.map((mail) => mail.messageId).sort()).toEqual(['confirmation', 'startup', 'team'].map((kind) => `<${reference}.${kind}@premiers-bons-de-commande.fr>`));
    const done = await loadRecord(reference);
    expect(done.status).toBe('sent');
    expect(done.messages.map(({ status, attempts }) => ({ status, attempts }))).toEqual([
      { status: 'sent', attempts: 2 },
      { status: 'sent', attempts: 1 },
      { status: 'sent', attempts: 1 },
    ]);
    expect(await storedKeys('pending/')).toEqual([]);
    services.smtp.messages.length = 0;
  });

  it('a permanent refusal (550) marks the messages failed, leaves the pending index, and the retry sends nothing', async () => {
    services.smtp.refuse = true;
    services.smtp.refusalCode = 550;
    const response = await orderHandler(formRequest('demande-bon-de-commande', await withToken('demande-bon-de-commande', validOrderFields()), { accept: 'json' }), functionContext());
    expect(response.status).toBe(200);
    const { reference } = (await response.json()) as { reference: string };
    const record = await loadRecord(reference);
    expect(record.status).toBe('failed');
    expect(record.messages.map(({ status, attempts, lastError }) => [status, attempts, lastError])).toEqual([
      ['failed', 1, 'Error: 550'],
      ['failed', 1, 'Error: 550'],
      ['failed', 1, 'Error: 550'],
    ]);
    expect(await storedKeys('pending/')).toEqual([]);
    services.smtp.refuse = false;
    services.smtp.refusalCode = 451;
    expect((await runRetry()).status).toBe(204);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(services.smtp.messages).toHaveLength(0);
  });

  it('without JavaScript the visitor is sent to the thank-you page with the reference', async () => {
    await services.stopSmtp();
    try {
      const response = await orderHandler(formRequest('demande-bon-de-commande', await withToken('demande-bon-de-commande', validOrderFields())), functionContext());
      expect(response.status).toBe(303);
      const reference = new URL(response.headers.get('location')!, 'http://x').searchParams.get('reference')!;
      expect((await loadRecord(reference)).status).toBe('pending');
    } finally {
      await services.restartSmtp();
    }
    expect((await runRetry()).status).toBe(204);
    expect(await services.smtp.waitForMessages(3)).toHaveLength(3);
    expect(await storedKeys('pending/')).toEqual([]);
    services.smtp.messages.length = 0;
  });
});

describe('storage unavailable', () => {
  it('answers 503 “réessayez” and mails nothing, in JSON and in HTML', async () => {
    await services.stopBlobs();
    try {
      const json = await orderHandler(formRequest('demande-bon-de-commande', await withToken('demande-bon-de-commande', validOrderFields()), { accept: 'json' }), functionContext());
      expect(json.status).toBe(503);
      expect(json.headers.get('retry-after')).toBe('60');
      expect(await json.json()).toEqual({
        status: 'unavailable',
        message: 'Le service est momentanément indisponible : rien n’a été enregistré. Réessayez dans quelques minutes.',
      });

      const html = await orderHandler(formRequest('demande-bon-de-commande', await withToken('demande-bon-de-commande', validOrderFields())), functionContext());
      expect(html.status).toBe(503);
      const page = await html.text();
      expect(page).toContain('<h1 id="message">Service indisponible</h1>');
      expect(page).toContain('Réessayez dans quelques minutes.');
      expect(looksLikeStackTrace(page)).toBe(false);

      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(services.smtp.messages).toHaveLength(0);
    } finally {
      await services.startBlobs();
    }
  });
});
