/**
 * Stored submissions as a CSV table for a spreadsheet: one row per submission,
 * French column headers, UTF-8 with a byte order mark (so that Excel reads the
 * accents), CRLF line ends and RFC 4180 quoting by `csv-stringify`.
 *
 * Cells hold values a spreadsheet can use: amounts as plain numbers, dates as
 * `YYYY-MM-DD`, receipt time as `JJ/MM/AAAA HH:MM` (Europe/Paris), SIRET in
 * its printed groups (text, not a number). The data
 * comes from public forms, so cells that a spreadsheet would run as a formula
 * (`=`, `+`, `-`, `@`…) are prefixed with `'` (`escape_formulas`).
 */
import { stringify } from 'csv-stringify/sync';
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import type { FormName } from '../forms/form-names.ts';
import { NO_STARTUP_PREFERENCE, type OrderRequest, type StartupApplication } from '../forms/form-schemas.ts';
import type { SubmissionRecord } from '../forms/submission-repository.ts';
import { buyerKindLabel, orderKindLabel } from '../site/labels.ts';
import { formatParisDateTime, formLabel, statusLabel } from './present-submissions.ts';

/** How numbers are written, and what separates cells. */
export interface CsvOptions {
  /** Only the submissions of this form (and only its columns). */
  readonly form?: FormName | undefined;
  /** `;` between cells and decimal commas, as Excel set to French expects; otherwise `,` and decimal points. */
  readonly semicolon?: boolean;
  /** Startup names by slug, for order requests that name one. */
  readonly startupNames?: ReadonlyMap<string, string>;
}

type Cell = string | number | undefined;

interface CellContext {
  readonly startupNames: ReadonlyMap<string, string>;
}

interface Column {
  readonly header: string;
  /** The forms that have this column. */
  readonly forms: readonly FormName[];
  readonly value: (record: SubmissionRecord, context: CellContext) => Cell;
}

const BOTH: readonly FormName[] = ['candidature', 'demande-bon-de-commande'];
const APPLICATION: readonly FormName[] = ['candidature'];
const ORDER: readonly FormName[] = ['demande-bon-de-commande'];

const application = (record: SubmissionRecord) => record.data as Partial<StartupApplication>;
const order = (record: SubmissionRecord) => record.data as Partial<OrderRequest>;
const either = (record: SubmissionRecord) => record.data as Partial<StartupApplication & OrderRequest>;

/** French numbers nationally (`03 89 12 34 56`), others internationally. */
function phoneCell(e164: string | undefined): Cell {
  if (!e164) return undefined;
  const phone = parsePhoneNumberFromString(e164);
  if (!phone) return e164;
  return phone.country === 'FR' ? phone.formatNational() : phone.formatInternational();
}

/**
 * `73282932000074` → `732 829 320 00074`, as SIRETs are printed: read as text by
 * a spreadsheet (a 14-digit number would show as `7,32829E+13`).
 */
export function spacedSiret(siret: string): string {
  return /^\d{14}$/.test(siret) ? `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}` : siret;
}

/** Every column, in order; a table of one form keeps the columns of that form. */
const COLUMNS: readonly Column[] = [
  { header: 'Référence', forms: BOTH, value: (record) => record.reference },
  { header: 'Formulaire', forms: BOTH, value: (record) => formLabel(record.form) },
  { header: 'Reçue le (heure de Paris)', forms: BOTH, value: (record) => formatParisDateTime(record.receivedAt) },
  { header: 'E-mails', forms: BOTH, value: (record) => statusLabel(record.status) },
  { header: 'Entreprise', forms: APPLICATION, value: (record) => application(record).company_name },
  { header: 'Organisation', forms: ORDER, value: (record) => order(record).organisation },
  { header: 'Type d’acheteur', forms: ORDER, value: (record) => mapDefined(order(record).buyer_kind, buyerKindLabel) },
  { header: 'SIRET', forms: BOTH, value: (record) => mapDefined(either(record).siret, spacedSiret) },
  { header: 'Code postal', forms: APPLICATION, value: (record) => application(record).postcode },
  { header: 'Commune', forms: APPLICATION, value: (record) => application(record).commune },
  { header: 'Site web', forms: APPLICATION, value: (record) => application(record).website },
  { header: 'Secteurs', forms: APPLICATION, value: (record) => application(record).sectors?.join(', ') },
  { header: 'Technologies', forms: APPLICATION, value: (record) => application(record).technologies?.join(', ') },
  { header: 'Effectif', forms: APPLICATION, value: (record) => application(record).team_size },
  { header: 'Offre de premier bon de commande', forms: APPLICATION, value: (record) => application(record).offer_title },
  { header: 'Type d’offre', forms: APPLICATION, value: (record) => mapDefined(application(record).offer_kind, orderKindLabel) },
  { header: 'Prix indicatif (€ HT)', forms: APPLICATION, value: (record) => application(record).offer_price_ht },
  { header: 'Contact', forms: BOTH, value: (record) => either(record).contact_name },
  { header: 'Fonction', forms: ORDER, value: (record) => order(record).role },
  { header: 'E-mail', forms: BOTH, value: (record) => either(record).email },
  { header: 'Téléphone', forms: BOTH, value: (record) => phoneCell(either(record).phone) },
  {
    header: 'Startup',
    forms: ORDER,
    value: (record, context) => {
      const slug = order(record).startup;
      if (slug === undefined) return undefined;
      return slug === NO_STARTUP_PREFERENCE ? 'Pas de préférence' : (context.startupNames.get(slug) ?? slug);
    },
  },
  { header: 'Type de commande', forms: ORDER, value: (record) => mapDefined(order(record).kind, orderKindLabel) },
  { header: 'Budget (€ HT)', forms: ORDER, value: (record) => order(record).budget_ht },
  { header: 'Date souhaitée', forms: ORDER, value: (record) => order(record).wished_date },
  { header: 'Besoin', forms: ORDER, value: (record) => order(record).need },
  { header: 'Présentation', forms: APPLICATION, value: (record) => application(record).presentation },
];

function mapDefined<Value, Result>(value: Value | undefined, map: (value: Value) => Result): Result | undefined {
  return value === undefined ? undefined : map(value);
}

/** The column headers of a table of one form, or of both. */
export function csvHeaders(form?: FormName): string[] {
  return columnsFor(form).map((column) => column.header);
}

function columnsFor(form: FormName | undefined): readonly Column[] {
  return form ? COLUMNS.filter((column) => column.forms.includes(form)) : COLUMNS;
}

/** A cell as text: numbers with a decimal point or comma, line ends as `\n`. */
function cellText(cell: Cell, decimalComma: boolean): string {
  if (cell === undefined) return '';
  if (typeof cell === 'number') return decimalComma ? String(cell).replace('.', ',') : String(cell);
  return cell.replace(/\r\n?/g, '\n');
}

/**
 * The CSV file of some submissions (those of `options.form` only, when given).
 * @returns the whole file, starting with the UTF-8 byte order mark
 */
export function submissionsToCsv(records: readonly SubmissionRecord[], options: CsvOptions = {}): string {
  const columns = columnsFor(options.form);
  const context: CellContext = { startupNames: options.startupNames ?? new Map() };
  const decimalComma = options.semicolon ?? false;
  const rows = records
    .filter((record) => !options.form || record.form === options.form)
    .map((record) => columns.map((column) => cellText(column.value(record, context), decimalComma)));
  return stringify([columns.map((column) => column.header), ...rows], {
    bom: true,
    delimiter: decimalComma ? ';' : ',',
    record_delimiter: 'windows',
    escape_formulas: true,
  });
}
