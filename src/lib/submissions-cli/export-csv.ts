/**
 * Stored submissions as a CSV table for a spreadsheet: one row per submission,
 * French column headers, UTF-8 with a byte order mark (so that Excel reads the
 * accents), CRLF line ends and RFC 4180 quoting by `csv-stringify`.
 *
 * The data columns come from the forms' definitions (`csvColumns`): amounts as
 * plain numbers, dates as `YYYY-MM-DD`, SIRET in its printed groups (text, not
 * a number); receipt time as `JJ/MM/AAAA HH:MM` (Europe/Paris). The data
 * comes from public forms, so cells that a spreadsheet would run as a formula
 * (`=`, `+`, `-`, `@`…) are prefixed with `'` (`escape_formulas`).
 */
import { stringify } from 'csv-stringify/sync';
import { csvColumns, FORM_NAMES, type FormData, type FormName } from '../forms/definitions/index.ts';
import { formatParisDateTime, formLabel, statusLabel, type ShownSubmission } from './present-submissions.ts';

/** How numbers are written, and what separates cells. */
export interface CsvOptions {
  /** Only the submissions of this form (and only its columns). */
  readonly form?: FormName | undefined;
  /** `;` between cells and decimal commas, as Excel set to French expects; otherwise `,` and decimal points. */
  readonly semicolon?: boolean;
  /** Startup names by slug, for order requests that name one. */
  readonly startupNames?: ReadonlyMap<string, string>;
}

type Cell = string | number;

interface Column {
  readonly header: string;
  readonly value: (record: ShownSubmission, startups: readonly { slug: string; name: string }[]) => Cell;
}

/** The columns every table starts with: the record's own facts. */
const RECORD_COLUMNS: readonly Column[] = [
  { header: 'Référence', value: (record) => record.reference },
  { header: 'Formulaire', value: (record) => formLabel(record.form) },
  { header: 'Reçue le (heure de Paris)', value: (record) => formatParisDateTime(record.receivedAt) },
  { header: 'E-mails', value: (record) => statusLabel(record.messages) },
];

/**
 * The columns of a table of one form: the record's, then the form's data
 * columns (`csvColumns`). A table of every form has each header once, in the
 * order the forms first give it; a cell is empty for a form without that column.
 */
function columnsFor(form: FormName | undefined): readonly Column[] {
  const byHeader = new Map<string, Partial<Record<FormName, (data: FormData, startups: readonly { slug: string; name: string }[]) => Cell>>>();
  for (const name of form ? [form] : FORM_NAMES) {
    for (const column of csvColumns(name)) {
      const cells = byHeader.get(column.header) ?? {};
      cells[name] = (data, startups) => column.value(data, { startups });
      byHeader.set(column.header, cells);
    }
  }
  const dataColumns = [...byHeader].map(
    ([header, cells]): Column => ({ header, value: (record, startups) => cells[record.form]?.(record.data as FormData, startups) ?? '' }),
  );
  return [...RECORD_COLUMNS, ...dataColumns];
}

/** The column headers of a table of one form, or of every form. */
export function csvHeaders(form?: FormName): string[] {
  return columnsFor(form).map((column) => column.header);
}

/** A cell as text: numbers with a decimal point or comma, line ends as `\n`. */
function cellText(cell: Cell, decimalComma: boolean): string {
  if (typeof cell === 'number') return decimalComma ? String(cell).replace('.', ',') : String(cell);
  return cell.replace(/\r\n?/g, '\n');
}

/**
 * The CSV file of some submissions (those of `options.form` only, when given).
 * @returns the whole file, starting with the UTF-8 byte order mark
 */
export function submissionsToCsv(records: readonly ShownSubmission[], options: CsvOptions = {}): string {
  const columns = columnsFor(options.form);
  const startups = [...(options.startupNames ?? new Map<string, string>())].map(([slug, name]) => ({ slug, name }));
  const decimalComma = options.semicolon ?? false;
  const rows = records
    .filter((record) => !options.form || record.form === options.form)
    .map((record) => columns.map((column) => cellText(column.value(record, startups), decimalComma)));
  return stringify([columns.map((column) => column.header), ...rows], {
    bom: true,
    delimiter: decimalComma ? ';' : ',',
    record_delimiter: 'windows',
    escape_formulas: true,
  });
}
