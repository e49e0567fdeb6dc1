import { describe, expect, it } from 'vitest';
import nodemailer from 'nodemailer';
import { simpleParser, type AddressObject } from 'mailparser';
import { composeSubmissionEmail, type EmailContext } from '../../../src/lib/email/compose-submission-email.ts';
import { describeSubmission, type FormData } from '../../../src/lib/forms/definitions/index.ts';
import type { HeldMessage } from '../../../src/lib/forms/store/outbox.ts';
import type { MessageKind, StoredSubmission } from '../../../src/lib/forms/store/stored-submission.ts';
import { decodeHtmlEntities, ORDERABLE_STARTUP, STORED_APPLICATION_DATA, validCommitmentData, VALID_ORDER_DATA, WISHED_DATE_YEAR } from '../../helpers/form-fixtures.ts';

const CONTEXT: EmailContext = {
  from: { name: 'Premiers bons de commande', address: 'ne-pas-repondre@premiers-bons-de-commande.fr' },
  teamAddress: 'contact@premiers-bons-de-commande.fr',
  siteName: 'Premiers bons de commande',
  siteUrl: 'https://premiers-bons-de-commande.netlify.app',
};

const ORGANISATION = 'Communauté d’agglomération « Mulhouse Alsace » <script>alert("x")</script>';

const ORDER: StoredSubmission = {
  reference: 'PBC-2026-00042',
  form: 'demande-bon-de-commande',
  receivedAt: '2026-05-12T08:30:00.000Z',
  data: { ...VALID_ORDER_DATA, organisation: ORGANISATION, need: 'Deux lignes :\n<b>capteurs</b> & « pompes » de l’usine.' },
};

const APPLICATION: StoredSubmission = {
  reference: 'PBC-2026-00043',
  form: 'candidature',
  receivedAt: '2026-05-12T08:31:00.000Z',
  data: STORED_APPLICATION_DATA,
};

const COMMITMENT: StoredSubmission = {
  reference: 'PBC-2026-00044',
  form: 'engagement-acheteur',
  receivedAt: '2026-05-12T08:32:00.000Z',
  data: validCommitmentData(),
};

const BUYER = { name: 'Élise Müller', address: 'Achats+IT@exemple.fr' };
const NBSP = '\u00a0';

/** The text of each `<td>` of an HTML body, decoded. */
function tableValues(html: string): string[] {
  return [...html.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((match) => decodeHtmlEntities(match[1]!));
}

describe('composeSubmissionEmail', () => {
  it.each([
    [
      ORDER,
      'team',
      CONTEXT.teamAddress,
      `[PBC-2026-00042] Demande de premier bon de commande${NBSP}: Communauté d’agglomération «${NBSP}Mulhouse Alsace${NBSP}» <script>alert("x")</script>`,
      BUYER,
    ],
    [
      ORDER,
      'startup',
      ORDERABLE_STARTUP.orderContactEmail,
      `[PBC-2026-00042] Demande de premier bon de commande de Communauté d’agglomération «${NBSP}Mulhouse Alsace${NBSP}» <script>alert("x")</script>`,
      BUYER,
    ],
    [ORDER, 'confirmation', BUYER.address, 'Votre demande de premier bon de commande est bien reçue (PBC-2026-00042)', { name: CONTEXT.siteName, address: CONTEXT.teamAddress }],
    // Stored with the domain in Unicode, sent with it in punycode (SMTP without SMTPUTF8, RFC 5891).
    [APPLICATION, 'team', CONTEXT.teamAddress, `[PBC-2026-00043] Nouvelle candidature au DAS numérique${NBSP}: L’Atelier «${NBSP}Vert${NBSP}» & Cie`, { name: 'Jeanne Dupont', address: 'contact@xn--socit-verte-ebbb.fr' }],
    [APPLICATION, 'confirmation', 'contact@xn--socit-verte-ebbb.fr', 'Votre candidature au DAS numérique est bien reçue (PBC-2026-00043)', { name: CONTEXT.siteName, address: CONTEXT.teamAddress }],
    [COMMITMENT, 'team', CONTEXT.teamAddress, `[PBC-2026-00044] Engagement d’un acheteur${NBSP}: Fonderie «${NBSP}Rhin & Doller${NBSP}»`, { name: 'Marc Weber', address: 'achats@fonderie-rhin.fr' }],
    [COMMITMENT, 'confirmation', 'achats@fonderie-rhin.fr', 'Votre engagement dans le programme est bien reçu (PBC-2026-00044)', { name: CONTEXT.siteName, address: CONTEXT.teamAddress }],
  ] as const)('%# %s: the %s message has the configured sender, its subject and Reply-To', (record, kind, to, subject, replyTo) => {
    const message = composeSubmissionEmail(record, kind as MessageKind, kind === 'confirmation' ? String((record.data as { email: string }).email) : to, CONTEXT, ORDERABLE_STARTUP.name);
    expect(message.from).toEqual(CONTEXT.from);
    expect(message.to).toBe(to);
    expect(message.replyTo).toEqual(replyTo);
    expect(message.subject).toBe(subject);
    expect(message.messageId).toBe(`<${record.reference}.${kind}@premiers-bons-de-commande.fr>`);
  });

  it.each([
    [{ ...APPLICATION, data: { ...STORED_APPLICATION_DATA, company_name: 'Atelier Numérique Rhénan' } }, 'team', 'Candidature d’Atelier Numérique Rhénan'],
    [{ ...COMMITMENT, data: { ...validCommitmentData(), organisation: 'Eurométropole de Strasbourg' } }, 'team', 'Engagement d’Eurométropole de Strasbourg'],
    [{ ...ORDER, data: { ...ORDER.data, organisation: 'Haute école des arts du Rhin' } }, 'team', 'Demande de Haute école des arts du Rhin'],
    [{ ...ORDER, data: { ...ORDER.data, organisation: 'Office de tourisme' } }, 'team', 'Demande d’Office de tourisme'],
  ] as const)('%# the %s heading elides « de » before a vowel: %s', (record, kind, heading) => {
    const message = composeSubmissionEmail(record, kind, 'x@exemple.fr', CONTEXT, ORDERABLE_STARTUP.name);
    expect(String(message.text).split('\n')[0]).toBe(heading);
    expect(String(message.html)).toContain(`<h1 style="font-size:20px">${heading}</h1>`);
  });

  it('elides « de » in the subject of the startup’s message', () => {
    const record = { ...ORDER, data: { ...ORDER.data, organisation: 'Atelier Numérique Rhénan' } };
    expect(composeSubmissionEmail(record, 'startup', 'x@exemple.fr', CONTEXT, ORDERABLE_STARTUP.name).subject).toBe(
      `[PBC-2026-00042] Demande de premier bon de commande d’Atelier Numérique Rhénan`,
    );
  });

  it('escapes the values in the HTML body', () => {
    const html = String(composeSubmissionEmail(ORDER, 'team', CONTEXT.teamAddress, CONTEXT, ORDERABLE_STARTUP.name).html);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>capteurs</b>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;b&gt;capteurs&lt;/b&gt; &amp; « pompes »');
    expect(html.startsWith('<!doctype html><html lang="fr">')).toBe(true);
  });

  it.each([
    [ORDER, 'confirmation'],
    [APPLICATION, 'confirmation'],
    [COMMITMENT, 'confirmation'],
  ] as const)('%# the %s to the submitter carries the reference, the date and fixed text, nothing typed', (record, kind) => {
    const message = composeSubmissionEmail(record, kind, 'x@exemple.fr', CONTEXT, ORDERABLE_STARTUP.name);
    const bodies = [String(message.text), decodeHtmlEntities(String(message.html))];
    const typed = Object.values(record.data as Record<string, unknown>).filter((value): value is string => typeof value === 'string' && value.length > 3);
    expect(typed.length).toBeGreaterThanOrEqual(6);
    for (const body of bodies) {
      expect(body).toContain(`Référence\u00a0: ${record.reference}`);
      expect(body).toContain('Date de réception\u00a0: 12 mai 2026.');
      expect(typed.filter((value) => body.includes(value))).toEqual([]);
    }
    expect(String(message.html)).not.toContain('<table');
  });

  it.each([
    [ORDER, 'team'],
    [ORDER, 'startup'],
    [APPLICATION, 'team'],
    [COMMITMENT, 'team'],
  ] as const)('%# the %s text and HTML bodies carry the same values', (record, kind) => {
    const message = composeSubmissionEmail(record, kind, 'x@exemple.fr', CONTEXT, ORDERABLE_STARTUP.name);
    const rows = describeSubmission(record.form, record.data as FormData, { startups: [ORDERABLE_STARTUP] });
    expect(rows.length).toBeGreaterThanOrEqual(6);
    const text = String(message.text);
    for (const [label, value] of rows) expect(text).toContain(`${label}\u00a0: ${value}`);
    expect(tableValues(String(message.html))).toEqual(rows.map(([, value]) => value));
    expect(text).toContain(`Référence\u00a0: ${record.reference}`);
    expect(String(message.html)).toContain(`Référence\u00a0: ${record.reference}`);
  });

  it('shows the order values as a person reads them', () => {
    const rows = Object.fromEntries(describeSubmission(ORDER.form, ORDER.data as FormData, { startups: [ORDERABLE_STARTUP] }));
    expect(rows).toMatchObject({
      SIRET: '73282932000074',
      Startup: ORDERABLE_STARTUP.name,
      Budget: '14\u202f500,50\u00a0€\u00a0HT',
      'Date souhaitée': `15 mars ${WISHED_DATE_YEAR}`,
      Téléphone: '03 89 12 34 56',
      'Type de commande': 'Prototype',
    });
  });

  const NOTES = {
    confirmationCapped: `La confirmation au demandeur n’a pas été envoyée${NBSP}: cette adresse a déjà reçu aujourd’hui le nombre maximal de messages de ce type.`,
    startupCapped: `Le message à la startup n’a pas été envoyé${NBSP}: cette adresse a déjà reçu aujourd’hui le nombre maximal de messages de ce type.`,
    confirmationHourly: `La confirmation au demandeur n’a pas été envoyée${NBSP}: le site a reçu plus d’envois que le plafond horaire.`,
    startupHourly: `Le message à la startup n’a pas été envoyé${NBSP}: le site a reçu plus d’envois que le plafond horaire.`,
    confirmationPreview: `La confirmation au demandeur n’a pas été envoyée${NBSP}: ce site est une prévisualisation sans adresse de test.`,
  };

  it.each<[string, StoredSubmission, readonly HeldMessage[], readonly string[]]>([
    ['nothing held', ORDER, [], []],
    ['a confirmation over its address cap', APPLICATION, [{ kind: 'confirmation', reason: 'recipient-cap' }], [NOTES.confirmationCapped]],
    ['a startup message over its address cap', ORDER, [{ kind: 'startup', reason: 'recipient-cap' }], [NOTES.startupCapped]],
    [
      'both over the hourly cap',
      ORDER,
      [
        { kind: 'startup', reason: 'hourly-cap' },
        { kind: 'confirmation', reason: 'hourly-cap' },
      ],
      [NOTES.startupHourly, NOTES.confirmationHourly],
    ],
    ['a deploy preview without test address', COMMITMENT, [{ kind: 'confirmation', reason: 'deploy-preview' }], [NOTES.confirmationPreview]],
  ])('the team copy says what was held and why: %s', (_case, record, held, notes) => {
    const team = composeSubmissionEmail(record, 'team', CONTEXT.teamAddress, CONTEXT, ORDERABLE_STARTUP.name, held);
    for (const body of [String(team.text), decodeHtmlEntities(String(team.html))]) {
      // Each note once, in the order given; no other note.
      const positions = notes.map((note) => body.indexOf(note));
      expect(positions.every((position) => position >= 0)).toBe(true);
      expect(positions).toEqual([...positions].sort((left, right) => left - right));
      expect(Object.values(NOTES).filter((note) => body.includes(note) && !notes.includes(note))).toEqual([]);
    }
    // After the fixed paragraphs, before the rows of the submission.
    const text = String(team.text);
    for (const note of notes) expect(text.indexOf(note)).toBeLessThan(text.indexOf(`${describeSubmission(record.form, record.data as FormData, { startups: [ORDERABLE_STARTUP] })[0]![0]}${NBSP}:`));
  });

  it.each(['startup', 'confirmation'] as const)('the %s message never mentions what was held', (kind) => {
    const held: HeldMessage[] = [
      { kind: 'startup', reason: 'recipient-cap' },
      { kind: 'confirmation', reason: 'hourly-cap' },
    ];
    const message = composeSubmissionEmail(ORDER, kind, 'x@exemple.fr', CONTEXT, ORDERABLE_STARTUP.name, held);
    expect(`${message.text} ${message.html}`).not.toContain('n’a pas été envoy');
  });

  it('keeps accents, apostrophes, « » and no-break spaces of the subject and addresses through MIME encoding', async () => {
    const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    for (const kind of ['team', 'startup', 'confirmation'] as const) {
      const message = composeSubmissionEmail(ORDER, kind, 'destinataire@exemple.fr', CONTEXT, ORDERABLE_STARTUP.name);
      const { message: raw } = await transport.sendMail(message);
      const source = (raw as Buffer).toString('utf8');
      // Headers are 7-bit: every non-ASCII character is encoded.
      const headers = source.slice(0, source.indexOf('\n\n'));
      expect(/[^\x00-\x7f]/.test(headers)).toBe(false);
      const parsed = await simpleParser(raw as Buffer);
      expect(parsed.subject).toBe(message.subject);
      expect((parsed.from as AddressObject).value).toEqual([{ name: CONTEXT.from.name, address: CONTEXT.from.address }]);
      const replyTo = message.replyTo as { name: string; address: string };
      expect(parsed.replyTo!.value).toEqual([{ name: replyTo.name, address: replyTo.address }]);
      expect(parsed.text?.trimEnd()).toBe(message.text);
      expect(parsed.headers.get('auto-submitted')).toBe(kind === 'confirmation' ? 'auto-replied' : 'auto-generated');
    }
  });
});
