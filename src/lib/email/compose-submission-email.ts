/**
 * The e-mails of a submission, as nodemailer messages: to the programme team
 * (Reply-To the submitter), to the chosen startup's private order contact (order
 * requests), and a confirmation with the reference to the submitter.
 * `From` is always the configured sender, never the visitor (DMARC alignment);
 * Reply-To is an address object, never a hand-built header string; subjects go
 * through nodemailer's header encoding, so accents, ’, « » and no-break spaces
 * arrive intact. Plain text and HTML carry the same content (`renderSubmissionEmailHtml`
 * escapes the HTML).
 */
import type Mail from 'nodemailer/lib/mailer';
import { applyFrenchSpacing as fr } from '../format/french-spacing.ts';
import { deName } from '../format/french-de.ts';
import { formatFrenchDate, toParisCalendarDate } from '../format/calendar-date.ts';
import { describeSubmission, type FormData, type SummaryRow } from '../forms/definitions/index.ts';
import type { HeldMessage } from '../forms/store/outbox.ts';
import { HELD_REASON_LABELS, type MessageKind, type StoredSubmission } from '../forms/store/stored-submission.ts';
import { renderSubmissionEmailHtml } from './render-submission-email-html.ts';
import { toSmtpAddress } from '../email-address/read-email-address.ts';

/** Sender and site values used in every message. */
export interface EmailContext {
  /** Configured sender, e.g. `{ name: 'Premiers bons de commande', address: 'ne-pas-repondre@exemple.fr' }`. */
  readonly from: { readonly name: string; readonly address: string };
  /** Programme team address, from settings. */
  readonly teamAddress: string;
  readonly siteName: string;
  readonly siteUrl: string;
}

/** The submitter of a record: name and address (both forms have `email`). */
function submitterOf(record: StoredSubmission): { name: string; address: string } {
  const data = record.data as { email: string; contact_name: string };
  return { name: data.contact_name, address: data.email };
}

interface MessageText {
  readonly subject: string;
  readonly heading: string;
  readonly paragraphs: readonly string[];
}

function textFor(record: StoredSubmission, kind: MessageKind, startupName: string | undefined): MessageText {
  const ref = record.reference;
  if (record.form === 'candidature') {
    const company = (record.data as { company_name: string }).company_name;
    if (kind === 'confirmation') {
      return {
        subject: `Votre candidature au DAS numérique est bien reçue (${ref})`,
        heading: 'Candidature reçue',
        paragraphs: [
          `Merci : votre candidature est bien enregistrée sous la référence ${ref}.`,
          'L’équipe du programme « Premiers bons de commande » vous répondra par e-mail. Répondez à ce message pour toute question.',
        ],
      };
    }
    return {
      subject: `[${ref}] Nouvelle candidature au DAS numérique : ${company}`,
      heading: `Candidature ${deName(company)}`,
      paragraphs: ['Une startup demande à rejoindre le DAS numérique. Répondez à ce message pour écrire directement au contact.'],
    };
  }
  const organisation = (record.data as { organisation: string }).organisation;
  if (record.form === 'engagement-acheteur') {
    if (kind === 'confirmation') {
      return {
        subject: `Votre engagement dans le programme est bien reçu (${ref})`,
        heading: 'Engagement reçu',
        paragraphs: [
          `Merci : votre engagement est bien enregistré sous la référence ${ref}.`,
          'L’équipe du programme « Premiers bons de commande » vous contactera pour préparer la signature de la charte. Répondez à ce message pour toute question.',
        ],
      };
    }
    return {
      subject: `[${ref}] Engagement d’un acheteur : ${organisation}`,
      heading: `Engagement ${deName(organisation)}`,
      paragraphs: ['Un acheteur souhaite s’engager dans le programme. Répondez à ce message pour écrire directement au contact.'],
    };
  }
  if (kind === 'confirmation') {
    return {
      subject: `Votre demande de premier bon de commande est bien reçue (${ref})`,
      heading: 'Demande reçue',
      paragraphs: [
        `Merci : votre demande est bien enregistrée sous la référence ${ref}.`,
        startupName
          ? `Elle a été transmise à l’équipe du programme et à ${startupName}, qui reviendront vers vous.`
          : 'L’équipe du programme va orienter votre besoin vers les startups du DAS numérique et reviendra vers vous.',
      ],
    };
  }
  if (kind === 'startup') {
    return {
      subject: `[${ref}] Demande de premier bon de commande ${deName(organisation)}`,
      heading: `${organisation} souhaite vous passer un premier bon de commande`,
      paragraphs: [
        'Un acheteur engagé dans le programme « Premiers bons de commande » vous adresse la demande ci-dessous. Répondez à ce message pour lui écrire directement.',
      ],
    };
  }
  return {
    subject: `[${ref}] Demande de premier bon de commande : ${organisation}`,
    heading: `Demande ${deName(organisation)}`,
    paragraphs: [
      startupName ? `Startup choisie : ${startupName}.` : 'Aucune startup choisie : le besoin est à orienter.',
      'Répondez à ce message pour écrire directement au demandeur.',
    ],
  };
}

function plainText(text: MessageText, rows: readonly SummaryRow[], reference: string, context: EmailContext): string {
  const lines = rows.map(([label, value]) => `${fr(`${label} :`)} ${value}`);
  const rowBlock = lines.length > 0 ? [...lines, ''] : [];
  return [text.heading, '', ...text.paragraphs, '', ...rowBlock, fr(`Référence : ${reference}`), '', `${context.siteName} — ${context.siteUrl}`].join('\n');
}

/** The startup an order request names, with its name when known, for its summary row. */
function namedStartup(data: FormData, startupName: string | undefined): { slug: string; name: string }[] {
  const slug = data['startup'];
  return typeof slug === 'string' && startupName ? [{ slug, name: startupName }] : [];
}

/** Domain of the sender, for stable Message-IDs. */
function senderDomain(context: EmailContext): string {
  return context.from.address.slice(context.from.address.lastIndexOf('@') + 1);
}

const KIND_NAMES: Readonly<Record<MessageKind, string>> = { team: 'La copie à l’équipe', startup: 'Le message à la startup', confirmation: 'La confirmation au demandeur' };

/** Sentences telling the team which e-mails of the submission were held, and why. */
function heldNotes(held: readonly HeldMessage[]): string[] {
  return held.map((message) => `${KIND_NAMES[message.kind]} n’a pas été envoyé${message.kind === 'confirmation' ? 'e' : ''} : ${HELD_REASON_LABELS[message.reason]}.`);
}

function smtpContact(contact: { name: string; address: string }): { name: string; address: string } {
  return { name: contact.name, address: toSmtpAddress(contact.address) };
}

/**
 * One message of a submission, ready for `transporter.sendMail`; addresses in
 * their SMTP form (domain in punycode, `toSmtpAddress`).
 * Its Message-ID is stable (`<reference.kind@sender-domain>`), so a retry of the
 * same message can be recognised by mail servers and by the team.
 * @param startupName name of the startup chosen in an order request, if any
 * @param held the submission's messages held by a cap: the team's copy says so
 */
export function composeSubmissionEmail(
  record: StoredSubmission,
  kind: MessageKind,
  to: string,
  context: EmailContext,
  startupName?: string,
  held: readonly HeldMessage[] = [],
): Mail.Options {
  const text = textFor(record, kind, startupName);
  // A confirmation goes to whatever address was typed: it carries the reference,
  // the form, the date and fixed text only, never a value the visitor typed, so
  // that the form cannot carry someone's text to a third party (issue 10).
  const confirmation = kind === 'confirmation';
  const paragraphs = confirmation
    ? [`Date de réception : ${formatFrenchDate(toParisCalendarDate(new Date(record.receivedAt)))}.`, ...text.paragraphs]
    : [...text.paragraphs, ...(kind === 'team' ? heldNotes(held) : [])];
  const spaced: MessageText = { subject: fr(text.subject), heading: fr(text.heading), paragraphs: paragraphs.map(fr) };
  const rows = confirmation ? [] : describeSubmission(record.form, record.data as FormData, { startups: namedStartup(record.data as FormData, startupName) });
  return {
    from: { name: context.from.name, address: context.from.address },
    // Addresses are stored with their domain in Unicode; SMTP without SMTPUTF8 needs it in punycode.
    to: toSmtpAddress(to),
    replyTo: kind === 'confirmation' ? { name: context.siteName, address: toSmtpAddress(context.teamAddress) } : smtpContact(submitterOf(record)),
    subject: spaced.subject,
    text: plainText(spaced, rows, record.reference, context),
    html: renderSubmissionEmailHtml({ ...spaced, rows, reference: record.reference, siteName: context.siteName, siteUrl: context.siteUrl }),
    messageId: `<${record.reference}.${kind}@${senderDomain(context)}>`,
    headers: { 'Auto-Submitted': kind === 'confirmation' ? 'auto-replied' : 'auto-generated' },
  };
}
