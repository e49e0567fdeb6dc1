/**
 * How a stored value reads, derived from its field: in e-mail rows and the
 * team's terminal (French display: `12 000,50 € HT`, `15 mars 2027`, `03 89 12 34 56`,
 * choice labels) and in CSV cells (values a spreadsheet can use: plain numbers,
 * `YYYY-MM-DD` dates, national phone numbers, SIRET in printed groups).
 * Works on data read back from JSON as well as on the schema's output.
 */
import { formatFrenchDate } from '../../format/calendar-date.ts';
import { formatPhoneNumber } from '../../phone-number/read-phone-number.ts';
import { formatEurosHt } from '../../format/money.ts';
import type { FormFieldDefinition, FormValue, PublicStartup } from './form-definition.ts';
import { optionLabel } from './option-sources.ts';

/** Startups whose names replace their slugs. */
export type StartupNames = readonly Pick<PublicStartup, 'slug' | 'name'>[];

/**
 * `73282932000074` → `732 829 320 00074`, as SIRETs are printed: read as text by
 * a spreadsheet (a 14-digit number would show as `7,32829E+13`).
 */
export function spacedSiret(siret: string): string {
  return /^\d{14}$/.test(siret) ? `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}` : siret;
}

function isMissing(value: FormValue): value is undefined {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

function labelsOf(field: FormFieldDefinition, value: string | readonly string[], startups: StartupNames, where: 'row' | 'cell'): string {
  const values: readonly string[] = typeof value === 'string' ? [value] : value;
  return values.map((item) => optionLabel(field.options, item, startups, where)).join(', ');
}

/**
 * The French display of a value for an e-mail row.
 * @returns `undefined` when the field was left empty
 */
export function rowValue(field: FormFieldDefinition, value: FormValue, startups: StartupNames): string | undefined {
  if (isMissing(value)) return undefined;
  if (field.display === 'euros-ht' && typeof value === 'number') return formatEurosHt(value);
  if (typeof value === 'string' || Array.isArray(value)) {
    if (field.control === 'tel' && typeof value === 'string') return formatPhoneNumber(value);
    if (field.control === 'date' && typeof value === 'string') return formatFrenchDate(value);
    return labelsOf(field, value as string | readonly string[], startups, 'row');
  }
  return String(value);
}

/**
 * The value of a CSV cell: numbers stay numbers (euros HT, counts), French
 * and overseas phone numbers in the national format, others international.
 * @returns `''` when the field was left empty
 */
export function cellValue(field: FormFieldDefinition, value: FormValue, startups: StartupNames): string | number {
  if (isMissing(value)) return '';
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (typeof value === 'string') {
    if (field.display === 'siret') return spacedSiret(value);
    if (field.control === 'tel') return formatPhoneNumber(value);
    if (field.control === 'date') return value;
  }
  return labelsOf(field, value as string | readonly string[], startups, 'cell');
}
