/**
 * Stored submissions as text for the team's terminal: the one-line list and the
 * detailed view. Labels and dates in French, times in Europe/Paris. Stored text
 * never reaches the terminal raw: controls (ESC sequences), bidi and invisible
 * characters are shown as code points (`revealInvisibleCharacters`), also in
 * submissions stored before the forms refused them.
 */
import { PROGRAMME_TIME_ZONE } from '../format/calendar-date.ts';
import { describeSubmission, FORM_DEFINITIONS, isFormName, organisationOf, submitterOf, type FormData, type MessageKind } from '../forms/definitions/index.ts';
import type { SubmissionWithMessages } from '../forms/store/read-submissions.ts';
import { revealInvisibleCharacters } from '../text/text-hygiene.ts';
import { HELD_REASON_LABELS, type MessageStatus, type OutboxEntry } from '../forms/store/stored-submission.ts';

/**
 * The state of an e-mail as shown: the stored one, or `captured` for one that a
 * local run without SMTP wrote to its outbox folder instead of sending it (stored
 * as `sent`; `markLocalCaptures`). Production's statuses are never changed.
 */
export type ShownStatus = MessageStatus | 'captured';

/** An e-mail of a submission, as shown. */
export interface ShownMessage extends Omit<OutboxEntry, 'status'> {
  readonly status: ShownStatus;
}

/** A submission with its e-mails, as shown (a `SubmissionWithMessages` is one). */
export interface ShownSubmission extends Omit<SubmissionWithMessages, 'messages'> {
  readonly messages: readonly ShownMessage[];
}

/** State of an e-mail, as the team says it. */
export const STATUS_LABELS: Readonly<Record<ShownStatus, string>> = {
  sent: 'envoyé',
  captured: 'capturé localement',
  pending: 'en attente',
  failed: 'échec',
  held: 'retenu',
};

/** Who an e-mail is for. */
export const MESSAGE_KIND_LABELS: Readonly<Record<MessageKind, string>> = {
  team: 'Équipe du programme',
  startup: 'Startup choisie',
  confirmation: 'Confirmation au demandeur',
};

/** The most pressing state first: what the team has to look at. */
const STATUS_PRIORITY: readonly ShownStatus[] = ['failed', 'pending', 'held', 'captured', 'sent'];

/**
 * The state of a submission's e-mails as one word: `failed` when one failed,
 * else `pending` when one waits, else `held` when one was held, else
 * `captured` when one was only captured locally, else `sent`.
 * @returns undefined for a submission without e-mails
 */
export function overallStatus(messages: readonly Pick<ShownMessage, 'status'>[]): ShownStatus | undefined {
  return STATUS_PRIORITY.find((status) => messages.some((message) => message.status === status));
}

const shortDateTime = new Intl.DateTimeFormat('fr-FR', { timeZone: PROGRAMME_TIME_ZONE, dateStyle: 'short', timeStyle: 'short' });
const longDateTime = new Intl.DateTimeFormat('fr-FR', { timeZone: PROGRAMME_TIME_ZONE, dateStyle: 'long', timeStyle: 'short' });

/** French title of a form (`Candidature au DAS numérique`…); an unknown name as it is. */
export function formLabel(form: string): string {
  return isFormName(form) ? FORM_DEFINITIONS[form].title : form;
}

/** Label of the state of a submission's e-mails (`overallStatus`); `—` without e-mails. */
export function statusLabel(messages: readonly Pick<ShownMessage, 'status'>[]): string {
  const status = overallStatus(messages);
  return status === undefined ? '—' : STATUS_LABELS[status];
}

/** `2026-03-14T23:30:00.000Z` → `15/03/2026 00:30` (Europe/Paris). */
export function formatParisDateTime(isoInstant: string): string {
  const instant = new Date(isoInstant);
  return Number.isNaN(instant.getTime()) ? isoInstant : shortDateTime.format(instant);
}

/** `2026-03-14T23:30:00.000Z` → `15 mars 2026 à 00:30` (Europe/Paris). */
export function formatLongParisDateTime(isoInstant: string): string {
  const instant = new Date(isoInstant);
  return Number.isNaN(instant.getTime()) ? isoInstant : longDateTime.format(instant);
}

/** The submitter: company (application) or organisation (buyer), and e-mail; `—` when missing. */
export function submitterLine(record: Pick<ShownSubmission, 'form' | 'data'>): { readonly organisation: string; readonly email: string } {
  if (!isFormName(record.form)) return { organisation: '—', email: '—' };
  const data = record.data as FormData;
  return { organisation: organisationOf(record.form, data) || '—', email: submitterOf(record.form, data).address || '—' };
}

/** Lay out rows of cells in columns separated by two spaces (the last column is not padded). */
export function alignColumns(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, index) => (widths[index] = Math.max(widths[index] ?? 0, [...cell].length)));
  return rows.map((row) =>
    row
      .map((cell, index) => (index === row.length - 1 ? cell : cell + ' '.repeat((widths[index] ?? 0) - [...cell].length)))
      .join('  ')
      .trimEnd(),
  );
}

/** One line per submission: reference, form, received (Paris), status, organisation, e-mail. */
export function formatSubmissionList(records: readonly ShownSubmission[]): string {
  const rows = records.map((record) => {
    const { organisation, email } = submitterLine(record);
    return [record.reference, formLabel(record.form), formatParisDateTime(record.receivedAt), statusLabel(record.messages), organisation, email];
  });
  return `${alignColumns(rows.map((row) => row.map(revealInvisibleCharacters))).join('\n')}\n`;
}

/** One e-mail: recipient, state (when sent or captured; why held), attempts, last error. */
export function describeMessage(message: ShownMessage): string {
  const parts = [`${MESSAGE_KIND_LABELS[message.kind] ?? message.kind} → ${message.recipient}`];
  if (message.status === 'sent' && message.sentAt) parts.push(`envoyé le ${formatParisDateTime(message.sentAt)}`);
  else if (message.status === 'captured' && message.sentAt) parts.push(`capturé localement le ${formatParisDateTime(message.sentAt)}, non envoyé (fichier .eml)`);
  else if (message.status === 'held' && message.heldReason) parts.push(`retenu : ${HELD_REASON_LABELS[message.heldReason] ?? message.heldReason}`);
  else parts.push(STATUS_LABELS[message.status] ?? message.status);
  parts.push(`${message.attempts} tentative${message.attempts > 1 ? 's' : ''}`);
  if (message.status !== 'sent' && message.status !== 'captured' && message.lastError) parts.push(`dernière erreur : ${message.lastError}`);
  return parts.join(' · ');
}

/** Label/value lines; a value of several lines continues under the first one. */
function labelledLines(rows: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(...rows.map(([label]) => [...label].length));
  const indent = ' '.repeat(width + 2);
  return rows.map(([label, value]) => {
    const [first = '', ...more] = value.replace(/\r\n?/g, '\n').split('\n');
    return [`${label}${' '.repeat(width - [...label].length)}  ${first}`.trimEnd(), ...more.map((line) => `${indent}${line}`.trimEnd())].join('\n');
  });
}

/**
 * Every field of a submission with its French label, then its e-mails.
 * @param startupNames startup names by slug, so that an order request shows its startup's name (its slug when unknown)
 */
export function formatSubmissionDetails(record: ShownSubmission, startupNames: ReadonlyMap<string, string> = new Map()): string {
  const header: [string, string][] = [
    ['Référence', record.reference],
    ['Formulaire', formLabel(record.form)],
    ['Reçue le', `${formatLongParisDateTime(record.receivedAt)} (heure de Paris)`],
    ['E-mails', statusLabel(record.messages)],
  ];
  const startups = [...startupNames].map(([slug, name]) => ({ slug, name }));
  const fields = isFormName(record.form) ? describeSubmission(record.form, record.data as FormData, { startups }).map(([label, value]): [string, string] => [label, value]) : [];
  const lines = labelledLines([...header, ...fields]);
  const headerLines = lines.slice(0, header.length);
  const fieldLines = lines.slice(header.length);
  const messages = record.messages.length === 0 ? ['  (aucun)'] : record.messages.map((message) => `  ${describeMessage(message)}`);
  return revealInvisibleCharacters([...headerLines, '', ...fieldLines, '', 'Envoi des e-mails :', ...messages, ''].join('\n'));
}
