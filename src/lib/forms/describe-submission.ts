/**
 * A submission as rows of French label and display value, for e-mails and for
 * the team's command line: amounts in € HT, kinds by their labels, dates in
 * French, phone numbers in the national format.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { formatFrenchDate } from '../format/calendar-date.ts';
import { formatEurosHt } from '../format/money.ts';
import { buyerKindLabel, orderKindLabel } from '../site/labels.ts';
import type { FormName } from './form-names.ts';
import { NO_STARTUP_PREFERENCE, type OrderRequest, type StartupApplication } from './form-schemas.ts';

/** One line of a submission summary. */
export type SummaryRow = readonly [label: string, value: string];

function displayPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

/**
 * Rows describing an application.
 */
export function describeApplication(data: StartupApplication): SummaryRow[] {
  return [
    ['Entreprise', data.company_name],
    ['SIRET', data.siret],
    ['Commune', `${data.postcode} ${data.commune}`],
    ['Site web', data.website ?? '—'],
    ['Secteurs', data.sectors.join(', ')],
    ['Technologies', data.technologies.join(', ') || '—'],
    ['Effectif', String(data.team_size)],
    ['Offre de premier bon de commande', `${data.offer_title} (${orderKindLabel(data.offer_kind)})`],
    ['Prix indicatif', data.offer_price_ht === undefined ? '—' : formatEurosHt(data.offer_price_ht)],
    ['Contact', data.contact_name],
    ['E-mail', data.email],
    ['Téléphone', displayPhone(data.phone)],
    ['Présentation', data.presentation],
  ];
}

/**
 * Rows describing an order request.
 * @param startupName name of the chosen startup, if any
 */
export function describeOrderRequest(data: OrderRequest, startupName: string | undefined): SummaryRow[] {
  return [
    ['Organisation', `${data.organisation} (${buyerKindLabel(data.buyer_kind)})`],
    ['SIRET', data.siret],
    ['Contact', `${data.contact_name}, ${data.role}`],
    ['E-mail', data.email],
    ['Téléphone', displayPhone(data.phone)],
    ['Startup', data.startup === NO_STARTUP_PREFERENCE ? 'Pas de préférence : besoin à orienter' : (startupName ?? data.startup)],
    ['Type de commande', orderKindLabel(data.kind)],
    ['Budget', formatEurosHt(data.budget_ht)],
    ['Date souhaitée', data.wished_date ? formatFrenchDate(data.wished_date) : '—'],
    ['Besoin', data.need],
  ];
}

/** Rows for any stored submission. */
export function describeSubmission(form: FormName, data: unknown, startupName?: string): SummaryRow[] {
  return form === 'candidature' ? describeApplication(data as StartupApplication) : describeOrderRequest(data as OrderRequest, startupName);
}
