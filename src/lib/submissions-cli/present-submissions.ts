/**
 * Stored submissions as text for the team's terminal: the one-line list and the
 * detailed view. Labels and dates in French, times in Europe/Paris.
 */
import { PROGRAMME_TIME_ZONE } from '../format/calendar-date.ts';
import { describeSubmission } from '../forms/describe-submission.ts';
import type { OrderRequest, StartupApplication } from '../forms/form-schemas.ts';
import { FORM_PAGES } from '../forms/form-pages.ts';
import { isFormName } from '../forms/form-names.ts';
import type { MessageKind, MessageState, SubmissionRecord } from '../forms/submission-repository.ts';

/** State of a submission's e-mails, as the team says it. */
export const STATUS_LABELS: Readonly<Record<SubmissionRecord['status'], string>> = { sent: 'envoyé', pending: 'en attente', failed: 'échec' };

/** Who an e-mail is for. */
export const MESSAGE_KIND_LABELS: Readonly<Record<MessageKind, string>> = {
  team: 'Équipe du programme',
  startup: 'Startup choisie',
  confirmation: 'Confirmation au demandeur',
};

const shortDateTime = new Intl.DateTimeFormat('fr-FR', { timeZone: PROGRAMME_TIME_ZONE, dateStyle: 'short', timeStyle: 'short' });
const longDateTime = new Intl.DateTimeFormat('fr-FR', { timeZone: PROGRAMME_TIME_ZONE, dateStyle: 'long', timeStyle: 'short' });

/** French title of a form (`Candidature au DAS numérique`…); an unknown name as it is. */
export function formLabel(form: string): string {
  return isFormName(form) ? FORM_PAGES[form].title : form;
}

/** Status label; an unexpected value as it is. */
export function statusLabel(status: string): string {
  return STATUS_LABELS[status as SubmissionRecord['status']] ?? status;
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

/** The submitter: company (application) or organisation (order request), and e-mail. */
export function submitterOf(record: SubmissionRecord): { readonly organisation: string; readonly email: string } {
  const data = record.data as Partial<StartupApplication & OrderRequest>;
  const organisation = record.form === 'candidature' ? data.company_name : data.organisation;
  return { organisation: organisation ?? '—', email: data.email ?? '—' };
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
export function formatSubmissionList(records: readonly SubmissionRecord[]): string {
  const rows = records.map((record) => {
    const { organisation, email } = submitterOf(record);
    return [record.reference, formLabel(record.form), formatParisDateTime(record.receivedAt), statusLabel(record.status), organisation, email];
  });
  return `${alignColumns(rows).join('\n')}\n`;
}

function describeMessage(message: MessageState): string {
  const parts = [`${MESSAGE_KIND_LABELS[message.kind] ?? message.kind} → ${message.to}`];
  parts.push(message.status === 'sent' && message.sentAt ? `envoyé le ${formatParisDateTime(message.sentAt)}` : statusLabel(message.status));
  parts.push(`${message.attempts} tentative${message.attempts > 1 ? 's' : ''}`);
  if (message.status !== 'sent' && message.lastError) parts.push(`dernière erreur : ${message.lastError}`);
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
 * @param startupName name of the startup an order request names, when known
 */
export function formatSubmissionDetails(record: SubmissionRecord, startupName?: string): string {
  const header: [string, string][] = [
    ['Référence', record.reference],
    ['Formulaire', formLabel(record.form)],
    ['Reçue le', `${formatLongParisDateTime(record.receivedAt)} (heure de Paris)`],
    ['E-mails', statusLabel(record.status)],
  ];
  const fields = describeSubmission(record.form, record.data, startupName).map(([label, value]): [string, string] => [label, value]);
  const lines = labelledLines([...header, ...fields]);
  const headerLines = lines.slice(0, header.length);
  const fieldLines = lines.slice(header.length);
  const messages = record.messages.length === 0 ? ['  (aucun)'] : record.messages.map((message) => `  ${describeMessage(message)}`);
  return [...headerLines, '', ...fieldLines, '', 'Envoi des e-mails :', ...messages, ''].join('\n');
}
