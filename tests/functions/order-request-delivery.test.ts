/**
 * A valid order request end to end, against the run's PostgreSQL server: the
 * visitor's answer comes once the submission is committed, before any
 * e-mail; then three messages (team, startup, confirmation) over one SMTP
 * connection, each recorded as sent in the outbox; a resubmission sends
 * nothing more; a temporary SMTP refusal leaves the messages pending for the
 * scheduled retry, which sends each once.
 */
import { describe, expect, it } from 'vitest';
import type { AddressObject, ParsedMail } from 'mailparser';
import orderHandler from '../../netlify/functions/demande-bon-de-commande.mts';
import { functionContext, settleBackgroundWork } from '../helpers/function-context.ts';
import {
  advanceOutboxClock,
  countMailsByReference,
  currentReferenceYear,
  expectedReference,
  formRequest,
  ORDERABLE_STARTUP,
  SITE,
  storedReferences,
  TEST_SENDER,
  useFormServices,
  VALID_ORDER_DATA,
  validOrderFields,
  withToken,
} from '../helpers/form-fixtures.ts';
import { startInspectingSmtp, type Arrival } from '../helpers/inspecting-smtp.ts';
import { runScheduledRetry } from '../helpers/scheduled-retry.ts';

// The buyer's address gets more confirmations here than the daily cap allows.
const services = useFormServices();

const FORM = 'demande-bon-de-commande';
const NBSP = '\u00a0';
const ORGANISATION = VALID_ORDER_DATA.organisation;
const ORGANISATION_SPACED = 'Communauté d’agglomération «\u00a0Mulhouse Alsace\u00a0»';

/** The delivery state of a submission's e-mails, in the outbox's order. */
async function deliveryState(reference: string) {
  const { rows } = await services.database.query<{
    kind: string;
    recipient: string;
    recipient_key: string;
    status: string;
    attempts: number;
    last_error: string | null;
    sent_at: Date | null;
    claimed: boolean;
    received_at: Date;
  }>(
    `SELECT o.kind, o.recipient, o.recipient_key, o.status, o.attempts, o.last_error, o.sent_at,
       (o.claim_id IS NOT NULL OR o.claimed_until IS NOT NULL) AS claimed, s.received_at
     FROM outbox o JOIN submissions s ON s.id = o.submission_id WHERE s.reference = $1 ORDER BY o.id`,
    [reference],
  );
  return rows;
}

/** What the SMTP server saw in the database when a message arrived. */
interface Seen {
  /** The submission's row was committed. */
  readonly stored: boolean;
  /** Its outbox row's status then. */
  readonly outboxStatus: string | null;
}

/** The database as a message arrives, once `gate` is open. */
async function lookUp(mail: ParsedMail, gate: Promise<void>): Promise<Seen> {
  await gate;
  const [, reference, kind] = /^<(PBC-\d{4}-\d{5})\.(\w+)@/.exec(mail.messageId ?? '') ?? [];
  const { rows } = await services.database.query<{ status: string | null }>(
    'SELECT o.status FROM submissions s LEFT JOIN outbox o ON o.submission_id = s.id AND o.kind = $2 WHERE s.reference = $1',
    [reference, kind],
  );
  return { stored: rows.length === 1, outboxStatus: rows[0]?.status ?? null };
}

describe('a valid order request naming a startup', () => {
  let fields: Record<string, string>;
  let arrivals: Arrival<Seen>[];

  it('answers once stored, before any e-mail; then mails the team, the startup and the buyer over one SMTP connection', async () => {
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const checking = await startInspectingSmtp((mail) => lookUp(mail, gate));
    process.env['SMTP_URL'] = checking.url;
    let connections: number;
    try {
      fields = await withToken(FORM, validOrderFields());
      // The SMTP server holds the first message until `open()`: an answer that waited for the e-mails would never come.
      const response = await Promise.race([
        orderHandler(formRequest(FORM, fields), functionContext()),
        new Promise<never>((_resolve, reject) => setTimeout(() => reject(new Error('the answer waited for the e-mails')), 10_000)),
      ]);
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe(`/formulaires/merci/?formulaire=${FORM}&reference=${expectedReference(1)}`);
      open();
      await settleBackgroundWork();
      arrivals = checking.arrivals;
      connections = checking.connections();
    } finally {
      process.env['SMTP_URL'] = services.smtp.url;
      await checking.stop();
    }
    expect(expectedReference(1)).toMatch(new RegExp(`^PBC-${currentReferenceYear()}-00001$`));
    expect(arrivals).toHaveLength(3);
    // Every message found its submission committed, and its outbox row still pending (being sent).
    expect(arrivals.map(({ seen }) => [seen.stored, seen.outboxStatus])).toEqual([
      [true, 'pending'],
      [true, 'pending'],
      [true, 'pending'],
    ]);
    expect(connections).toBe(1);
  });

  it('stores the validated values and the comparable submitter address, and records each e-mail as sent', async () => {
    const reference = expectedReference(1);
    const { rows } = await services.database.query<{ form: string; data: unknown; submitter_key: string }>('SELECT form, data, submitter_key FROM submissions WHERE reference = $1', [reference]);
    expect(rows).toEqual([{ form: FORM, data: VALID_ORDER_DATA, submitter_key: 'achats+it@exemple.fr' }]);
    const state = await deliveryState(reference);
    expect(state.map(({ kind, recipient, recipient_key, status, attempts, last_error, claimed }) => ({ kind, recipient, recipient_key, status, attempts, last_error, claimed }))).toEqual([
      { kind: 'team', recipient: SITE.teamAddress, recipient_key: SITE.teamAddress, status: 'sent', attempts: 1, last_error: null, claimed: false },
      { kind: 'startup', recipient: ORDERABLE_STARTUP.orderContactEmail, recipient_key: ORDERABLE_STARTUP.orderContactEmail, status: 'sent', attempts: 1, last_error: null, claimed: false },
      { kind: 'confirmation', recipient: VALID_ORDER_DATA.email, recipient_key: 'achats+it@exemple.fr', status: 'sent', attempts: 1, last_error: null, claimed: false },
    ]);
    for (const row of state) {
      expect(row.received_at.getTime()).toBeGreaterThan(Date.now() - 60_000);
      expect(row.sent_at!.getTime()).toBeGreaterThanOrEqual(row.received_at.getTime());
    }
    const counters = await services.database.query('SELECT year, last_number FROM reference_counters');
    expect(counters.rows).toEqual([{ year: currentReferenceYear(), last_number: 1 }]);
  });

  it('sends each message from the configured sender, with the right recipient, Reply-To and French subject', () => {
    const reference = expectedReference(1);
    const byRecipient = new Map(arrivals.map(({ mail }) => [(mail.to as AddressObject).value[0]!.address, mail]));
    const buyer = { name: VALID_ORDER_DATA.contact_name, address: VALID_ORDER_DATA.email };
    const expected = [
      [SITE.teamAddress, `[${reference}] Demande de premier bon de commande${NBSP}: ${ORGANISATION_SPACED}`, buyer, 'team'],
      [ORDERABLE_STARTUP.orderContactEmail, `[${reference}] Demande de premier bon de commande de ${ORGANISATION_SPACED}`, buyer, 'startup'],
      [VALID_ORDER_DATA.email, `Votre demande de premier bon de commande est bien reçue (${reference})`, { name: SITE.name, address: SITE.teamAddress }, 'confirmation'],
    ] as const;
    expect([...byRecipient.keys()].sort()).toEqual(expected.map(([to]) => to).sort());
    for (const [to, subject, replyTo, kind] of expected) {
      const mail = byRecipient.get(to)!;
      expect((mail.from as AddressObject).value).toEqual([{ name: TEST_SENDER.name, address: TEST_SENDER.address }]);
      expect(mail.replyTo!.value).toEqual([replyTo]);
      expect(mail.subject).toBe(subject);
      expect(mail.messageId).toBe(`<${reference}.${kind}@premiers-bons-de-commande.fr>`);
      expect(mail.cc).toBeUndefined();
      expect(mail.bcc).toBeUndefined();
      expect(mail.text).toContain(`Référence\u00a0: ${reference}`);
    }
    // The team's and the startup's copies show the request; the confirmation quotes nothing typed.
    for (const to of [SITE.teamAddress, ORDERABLE_STARTUP.orderContactEmail]) {
      const text = String(byRecipient.get(to)!.text);
      expect(text).toContain(`Organisation\u00a0: ${ORGANISATION} (Acteur public)`);
      expect(text).toContain('Budget\u00a0: 14\u202f500,50\u00a0€\u00a0HT');
      expect(text).toContain(`Startup\u00a0: ${ORDERABLE_STARTUP.name}`);
    }
    const confirmation = String(byRecipient.get(VALID_ORDER_DATA.email)!.text);
    for (const typed of [ORGANISATION, VALID_ORDER_DATA.contact_name, VALID_ORDER_DATA.need, VALID_ORDER_DATA.role]) expect(confirmation).not.toContain(typed);
    expect(confirmation).toContain(`transmise à l’équipe du programme et à ${ORDERABLE_STARTUP.name}`);
  });

  it('a resubmission with the same token gives the same reference and sends nothing more', async () => {
    const connections = services.smtp.connections;
    const html = await orderHandler(formRequest(FORM, fields), functionContext());
    expect(html.status).toBe(303);
    expect(html.headers.get('location')).toBe(`/formulaires/merci/?formulaire=${FORM}&reference=${expectedReference(1)}`);
    const json = await orderHandler(formRequest(FORM, fields, { format: 'json', accept: 'json' }), functionContext());
    expect(json.status).toBe(200);
    expect(await json.json()).toEqual({ status: 'accepted', reference: expectedReference(1), redirect: `/formulaires/merci/?formulaire=${FORM}&reference=${expectedReference(1)}` });
    await settleBackgroundWork();
    expect(await storedReferences(services.database)).toEqual([expectedReference(1)]);
    expect(services.smtp.messages).toEqual([]);
    expect(services.smtp.connections).toBe(connections);
    expect((await deliveryState(expectedReference(1))).map((row) => [row.status, row.attempts])).toEqual([
      ['sent', 1],
      ['sent', 1],
      ['sent', 1],
    ]);
  });

  it('a request without startup preference mails the team and the buyer only, over one connection', async () => {
    const connections = services.smtp.connections;
    const response = await orderHandler(formRequest(FORM, await withToken(FORM, { ...validOrderFields(), startup: 'sans-preference' }), { accept: 'json' }), functionContext());
    expect(response.status).toBe(200);
    const { reference } = (await response.json()) as { reference: string };
    expect(reference).toBe(expectedReference(2));
    await settleBackgroundWork();
    expect(services.smtp.messages.map((mail) => (mail.to as AddressObject).value[0]!.address).sort()).toEqual([VALID_ORDER_DATA.email, SITE.teamAddress].sort());
    expect(services.smtp.connections - connections).toBe(1);
    expect((await deliveryState(reference)).map((row) => [row.kind, row.status])).toEqual([
      ['team', 'sent'],
      ['confirmation', 'sent'],
    ]);
  });
});

describe('SMTP refusing for a while (451) when the request arrives', () => {
  it.for(['json', 'html'] as const)('%s: stored and answered with the reference; the first message failed, the session stopped; the retry sends each once', async (accept) => {
    services.smtp.refuse = true;
    let response: Response;
    try {
      response = await orderHandler(formRequest(FORM, await withToken(FORM, validOrderFields()), { accept }), functionContext());
      await settleBackgroundWork();
    } finally {
      services.smtp.refuse = false;
    }
    const reference =
      accept === 'json'
        ? ((await response.json()) as { reference: string }).reference
        : new URL(response.headers.get('location')!, 'http://x').searchParams.get('reference')!;
    expect(response.status).toBe(accept === 'json' ? 200 : 303);
    expect(reference).toMatch(/^PBC-\d{4}-\d{5}$/);
    // The error code only: no address, no server text.
    const rows = async () => (await deliveryState(reference)).map(({ kind, status, attempts, last_error, claimed }) => [kind, status, attempts, last_error, claimed]);
    expect(await rows()).toEqual([
      ['team', 'pending', 1, 'Error: 451', false],
      ['startup', 'pending', 0, 'Error: 451', false],
      ['confirmation', 'pending', 0, 'Error: 451', false],
    ]);
    expect(services.smtp.messages).toEqual([]);

    // The next run sends the two never tried (one connection); the team's copy waits for its retry delay.
    const connections = services.smtp.connections;
    expect((await runScheduledRetry()).status).toBe(204);
    expect(countMailsByReference(services.smtp.messages)).toEqual({ [reference]: { startup: 1, confirmation: 1 } });
    await advanceOutboxClock(services.database, 15 * 60 * 1_000);
    expect((await runScheduledRetry()).status).toBe(204);
    expect((await runScheduledRetry()).status).toBe(204);
    expect(countMailsByReference(services.smtp.messages)).toEqual({ [reference]: { team: 1, startup: 1, confirmation: 1 } });
    expect(services.smtp.connections - connections).toBe(2);
    expect(await rows()).toEqual([
      ['team', 'sent', 2, 'Error: 451', false],
      ['startup', 'sent', 1, 'Error: 451', false],
      ['confirmation', 'sent', 1, 'Error: 451', false],
    ]);
  });
});
