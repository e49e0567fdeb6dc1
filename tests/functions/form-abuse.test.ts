/**
 * The forms cannot be turned into an e-mail cannon or a spam store (issue 10,
 * "abuse"), through the handlers against the test PostgreSQL database:
 * - one confirmation address named by 100 submissions from 100 different
 *   /64s receives at most its daily cap of confirmations; every submission is
 *   stored and its team copy sent, saying what was held and why;
 * - the same for a startup's order address (`MAIL_CAP_STARTUP_PER_DAY`);
 * - past the site's hourly cap (`SUBMISSIONS_HOURLY_CAP`) only the team's
 *   copies go out, and one log line per submission warns the team;
 * - 1 000 honeypot posts (from a few clients, then from 1 000 /64s) keep at
 *   most `SPAM_LIMITS` rows, and the purge clears them in well under a second.
 */
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import applicationHandler from '../../netlify/functions/candidature.mts';
import orderHandler from '../../netlify/functions/demande-bon-de-commande.mts';
import type { FormName } from '../../src/lib/forms/definitions/form-names.ts';
import { HONEYPOT_FIELD } from '../../src/lib/forms/process-submission.ts';
import { DEFAULT_RETENTION } from '../../src/lib/forms/retention.ts';
import { purgeExpired } from '../../src/lib/forms/store/purge-expired.ts';
import { SPAM_LIMITS } from '../../src/lib/forms/store/record-spam.ts';
import { DEFAULT_SENDING_CAPS } from '../../src/lib/forms/store/store-submission.ts';
import { functionContext, settleBackgroundWork } from '../helpers/function-context.ts';
import {
  countRows,
  formRequest,
  LOCAL_SIGNING_SECRET,
  ORDERABLE_STARTUP,
  outboxRows,
  SITE,
  startFormServices,
  validApplicationFields,
  validOrderFields,
  withToken,
  type FormServices,
  type OutboxRow,
} from '../helpers/form-fixtures.ts';
import { addressOfNetwork, resetHourlyCount } from '../helpers/store-rows.ts';

let services: FormServices;

beforeAll(async () => {
  services = await startFormServices();
});
afterAll(() => services.stop());

const NBSP = '\u00a0';
/** The sentences of the team's copy about held messages (`compose-submission-email.ts`), French spacing applied. */
const HELD_NOTES = {
  confirmationCapped: `La confirmation au demandeur n’a pas été envoyée${NBSP}: cette adresse a déjà reçu aujourd’hui le nombre maximal de messages de ce type.`,
  startupCapped: `Le message à la startup n’a pas été envoyé${NBSP}: cette adresse a déjà reçu aujourd’hui le nombre maximal de messages de ce type.`,
  confirmationHourly: `La confirmation au demandeur n’a pas été envoyée${NBSP}: le site a reçu plus d’envois que le plafond horaire.`,
  startupHourly: `Le message à la startup n’a pas été envoyé${NBSP}: le site a reçu plus d’envois que le plafond horaire.`,
};

const HANDLERS = { candidature: applicationHandler, 'demande-bon-de-commande': orderHandler } as const;

/** Post a form with a valid token from `ip`; the reference of the accepted submission. */
async function submit(form: keyof typeof HANDLERS, fields: Record<string, string>, ip: string): Promise<string> {
  const response = await HANDLERS[form](formRequest(form, await withToken(form as FormName, fields), { accept: 'json' }), functionContext({ ip }));
  const body = (await response.json()) as { status: string; reference?: string };
  expect([response.status, body.status]).toEqual([200, 'accepted']);
  return body.reference!;
}

function recipientOf(mail: ParsedMail): string | undefined {
  const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
  return to?.value[0]?.address;
}

/** The messages received for a submission, by kind (team, startup, confirmation) as the Message-ID says. */
function mailsOf(reference: string): Map<string, ParsedMail> {
  const found = new Map<string, ParsedMail>();
  for (const mail of services.smtp.messages) {
    const kind = new RegExp(`^<${reference}\\.(\\w+)@`).exec(mail.messageId ?? '')?.[1];
    if (kind) found.set(kind, mail);
  }
  return found;
}

/** Outbox rows of `references`, as `[kind, status, held reason]`, in their order. */
async function outboxStates(references: readonly string[]): Promise<[string, string, string | null][][]> {
  const rows = await outboxRows(services.database);
  const byReference = new Map<string, OutboxRow[]>();
  for (const row of rows) byReference.set(row.reference, [...(byReference.get(row.reference) ?? []), row]);
  return references.map((reference) => (byReference.get(reference) ?? []).map((row) => [row.kind, row.status, row.held_reason]));
}

describe('a confirmation address named by many submissions', () => {
  it(`100 applications from 100 different /64s naming one address: ${DEFAULT_SENDING_CAPS.confirmationsPerAddressPerDay} confirmations, 100 stored, 100 team copies that say why the rest was held`, async () => {
    const cap = DEFAULT_SENDING_CAPS.confirmationsPerAddressPerDay;
    // One victim, written as an attacker would vary it: case, NFD accents, punycode.
    const spellings = ['victime@société-verte.fr', 'Victime@SOCIÉTÉ-VERTE.FR', 'victime@socie\u0301te\u0301-verte.fr', 'VICTIME@xn--socit-verte-ebbb.fr'];
    const connectionsBefore = services.smtp.connections;
    const references: string[] = [];
    for (let index = 0; index < 100; index += 1) {
      const fields = { ...validApplicationFields(), company_name: `Arnaque ${index}`, presentation: 'Votre compte est bloqué : https://arnaque.example/debloquer pour le réactiver sans attendre.', email: spellings[index % spellings.length]! };
      references.push(await submit('candidature', fields, addressOfNetwork(1_000 + index)));
    }
    await settleBackgroundWork();

    expect(new Set(references).size).toBe(100);
    expect(await countRows(services.database, 'submissions')).toBe(100);
    const confirmations = services.smtp.messages.filter((mail) => mail.messageId?.includes('.confirmation@'));
    expect(confirmations).toHaveLength(cap);
    // The confirmations that did go carry nothing the attacker typed.
    for (const mail of confirmations) expect(`${mail.subject} ${mail.text} ${mail.html}`).not.toMatch(/arnaque/i);
    const teamCopies = services.smtp.messages.filter((mail) => mail.messageId?.includes('.team@'));
    expect(teamCopies.map(recipientOf)).toEqual(Array<string>(100).fill(SITE.teamAddress));
    expect(services.smtp.messages).toHaveLength(100 + cap);
    // One SMTP connection per submission.
    expect(services.smtp.connections - connectionsBefore).toBe(100);

    const states = await outboxStates(references);
    expect(states.slice(0, cap)).toEqual(Array.from({ length: cap }, () => [['team', 'sent', null], ['confirmation', 'sent', null]]));
    expect(states.slice(cap)).toEqual(Array.from({ length: 100 - cap }, () => [['team', 'sent', null], ['confirmation', 'held', 'recipient-cap']]));
    for (const [index, reference] of references.entries()) {
      const team = mailsOf(reference).get('team')!;
      if (index < cap) expect(team.text).not.toContain('n’a pas été envoyé');
      else expect(team.text).toContain(HELD_NOTES.confirmationCapped);
    }
  });
});

describe('a startup named by many order requests', () => {
  it('MAIL_CAP_STARTUP_PER_DAY=4: 10 order requests from 10 buyers → 4 messages to the startup, every confirmation and team copy, the held ones explained', async () => {
    process.env['MAIL_CAP_STARTUP_PER_DAY'] = '4';
    try {
      const before = services.smtp.messages.length;
      const references: string[] = [];
      for (let index = 0; index < 10; index += 1) {
        references.push(await submit('demande-bon-de-commande', { ...validOrderFields(), email: `achats-${index}@acheteur-${index}.fr` }, addressOfNetwork(2_000 + index)));
      }
      await settleBackgroundWork();

      const received = services.smtp.messages.slice(before);
      expect(received.filter((mail) => recipientOf(mail) === ORDERABLE_STARTUP.orderContactEmail)).toHaveLength(4);
      expect(received.filter((mail) => recipientOf(mail) === SITE.teamAddress)).toHaveLength(10);
      expect(received.filter((mail) => /^achats-\d@acheteur-\d\.fr$/.test(recipientOf(mail) ?? ''))).toHaveLength(10);
      const states = await outboxStates(references);
      expect(states.slice(0, 4)).toEqual(Array.from({ length: 4 }, () => [['team', 'sent', null], ['startup', 'sent', null], ['confirmation', 'sent', null]]));
      expect(states.slice(4)).toEqual(Array.from({ length: 6 }, () => [['team', 'sent', null], ['startup', 'held', 'recipient-cap'], ['confirmation', 'sent', null]]));
      for (const reference of references.slice(4)) expect(mailsOf(reference).get('team')!.text).toContain(HELD_NOTES.startupCapped);
      for (const reference of references.slice(0, 4)) expect(mailsOf(reference).get('team')!.text).not.toContain('n’a pas été envoyé');
    } finally {
      delete process.env['MAIL_CAP_STARTUP_PER_DAY'];
    }
  });
});

describe('the site-wide hourly cap', () => {
  it('SUBMISSIONS_HOURLY_CAP=5: past it only the team copies go, rows held `hourly-cap`, one log line per submission, without personal data', async () => {
    process.env['SUBMISSIONS_HOURLY_CAP'] = '5';
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      await resetHourlyCount(services.database);
      const before = services.smtp.messages.length;
      const applications: string[] = [];
      for (let index = 0; index < 6; index += 1) {
        applications.push(await submit('candidature', { ...validApplicationFields(), email: `fondatrice-${index}@startup-${index}.fr` }, addressOfNetwork(3_000 + index)));
      }
      const orders: string[] = [];
      for (let index = 0; index < 2; index += 1) {
        orders.push(await submit('demande-bon-de-commande', { ...validOrderFields(), email: `acheteuse-${index}@ville-${index}.fr` }, addressOfNetwork(3_100 + index)));
      }
      await settleBackgroundWork();

      expect(await outboxStates(applications)).toEqual([
        ...Array.from({ length: 5 }, () => [['team', 'sent', null], ['confirmation', 'sent', null]]),
        [['team', 'sent', null], ['confirmation', 'held', 'hourly-cap']],
      ]);
      expect(await outboxStates(orders)).toEqual(Array.from({ length: 2 }, () => [['team', 'sent', null], ['startup', 'held', 'hourly-cap'], ['confirmation', 'held', 'hourly-cap']]));
      const received = services.smtp.messages.slice(before);
      expect(received.filter((mail) => recipientOf(mail) === SITE.teamAddress)).toHaveLength(8);
      expect(received).toHaveLength(8 + 5);
      expect(mailsOf(applications[5]!).get('team')!.text).toContain(HELD_NOTES.confirmationHourly);
      for (const reference of orders) {
        const text = mailsOf(reference).get('team')!.text;
        expect(text).toContain(HELD_NOTES.startupHourly);
        expect(text).toContain(HELD_NOTES.confirmationHourly);
      }

      const lines = log.mock.calls.map(([line]) => String(line));
      const capLines = lines.filter((line) => line.includes('hourly-cap-reached'));
      expect(capLines.map((line) => JSON.parse(line) as unknown)).toEqual([
        { event: 'hourly-cap-reached', form: 'candidature', reference: applications[5], cap: 5 },
        ...orders.map((reference) => ({ event: 'hourly-cap-reached', form: 'demande-bon-de-commande', reference, cap: 5 })),
      ]);
      // No log line of these submissions carries personal data or a client address.
      for (const line of lines) expect(line).not.toMatch(/@|Jeanne|Dupont|Élise|Müller|Société Verte|Mulhouse|732 ?829|03 89|2001:db8/);
    } finally {
      log.mockRestore();
      process.env['SUBMISSIONS_HOURLY_CAP'] = '100000';
    }
  });
});

describe('a flood of honeypot posts', () => {
  /**
   * Post `count` honeypot-filled applications, `clientOf(index)` the client of
   * each, 20 at a time, in the production deploy context (its runtime is built
   * once, as on Netlify, not re-read at each request as in local runs).
   */
  async function flood(count: number, clientOf: (index: number) => string): Promise<number[]> {
    const fields = { ...validApplicationFields(), [HONEYPOT_FIELD]: 'https://spam.example/pilules' };
    const statuses: number[] = [];
    for (let start = 0; start < count; start += 20) {
      const batch = Array.from({ length: Math.min(20, count - start) }, (_, offset) =>
        applicationHandler(formRequest('candidature', fields, { accept: 'json' }), functionContext({ deployContext: 'production', ip: clientOf(start + offset) })),
      );
      statuses.push(...(await Promise.all(batch)).map((response) => response.status));
    }
    return statuses;
  }

  it(`1 000 posts from 4 clients keep ${SPAM_LIMITS.perClientPerHour} rows per client; then 1 000 posts from 1 000 /64s fill the day up to ${SPAM_LIMITS.perDay}; the purge clears them in under a second`, async () => {
    process.env['FORM_SIGNING_SECRET'] = LOCAL_SIGNING_SECRET;
    const submissions = await countRows(services.database, 'submissions');
    const mails = services.smtp.messages.length;
    const clients = ['192.0.2.10', '192.0.2.11', '2001:db8:aaaa:1::1', '::ffff:192.0.2.12'];
    const started = performance.now();
    const fromFew = await flood(1_000, (index) => clients[index % clients.length]!);
    expect(fromFew).toEqual(Array<number>(1_000).fill(400));
    expect(await countRows(services.database, 'spam')).toBe(clients.length * SPAM_LIMITS.perClientPerHour);

    // A flood from few clients does not use up the site's daily storage.
    const fromMany = await flood(1_000, (index) => addressOfNetwork(10_000 + index));
    expect(fromMany).toEqual(Array<number>(1_000).fill(400));
    const floodSeconds = (performance.now() - started) / 1_000;
    expect(await countRows(services.database, 'spam')).toBe(SPAM_LIMITS.perDay);
    await settleBackgroundWork();
    expect(await countRows(services.database, 'submissions')).toBe(submissions);
    expect(services.smtp.messages).toHaveLength(mails);

    const purgeStarted = performance.now();
    const report = await purgeExpired(services.database, new Date(Date.now() + (DEFAULT_RETENTION.spamDays + 1) * 86_400_000), DEFAULT_RETENTION);
    const purgeMs = performance.now() - purgeStarted;
    expect(report.spam).toBe(SPAM_LIMITS.perDay);
    expect(report.submissions).toBe(0);
    expect(await countRows(services.database, 'spam')).toBe(0);
    expect(purgeMs).toBeLessThan(1_000);
    console.info(`honeypot flood: 2 000 posts in ${floodSeconds.toFixed(1)} s, ${SPAM_LIMITS.perDay} spam rows kept, purged in ${purgeMs.toFixed(0)} ms`);
  });
});
