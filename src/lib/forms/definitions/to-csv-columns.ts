/** The CSV columns of a form's data, derived from its definition (one per field but the consent). */
import type { FormData, FormDefinition } from './form-definition.ts';
import type { FormName } from './form-names.ts';
import { FORM_DEFINITIONS } from './forms.ts';
import { cellValue, type StartupNames } from './display-values.ts';
import { reportedFields } from './to-summary-rows.ts';

/** One column: its French header and the cell of a submission. */
export interface CsvColumn {
  readonly header: string;
  /**
   * @param context the startups, to write a chosen startup's name rather than its slug
   * @returns a number for amounts (euros HT) and counts, text otherwise, `''` for an empty field
   */
  value(data: FormData, context?: { readonly startups: StartupNames }): string | number;
}

/** The columns of a definition (also for a definition a test extends). */
export function csvColumnsOf(definition: FormDefinition): readonly CsvColumn[] {
  return reportedFields(definition).map((field) => ({
    // The cell holds a bare number: the unit goes into the header.
    header: field.display === 'euros-ht' ? `${field.shortLabel ?? field.label} (€ HT)` : (field.shortLabel ?? field.label),
    value: (data, context) => cellValue(field, data[field.name], context?.startups ?? []),
  }));
}

/** The data columns of a form's CSV table, in page order with long texts last. */
export function csvColumns(form: FormName): readonly CsvColumn[] {
  return csvColumnsOf(FORM_DEFINITIONS[form]);
}
