/**
 * A submission as rows of French label and display value, derived from its
 * form's definition: for e-mails and the team's command line.
 */
import { fieldsOf, type FormData, type FormDefinition, type FormFieldDefinition } from './form-definition.ts';
import type { FormName } from './form-names.ts';
import { FORM_DEFINITIONS } from './forms.ts';
import { rowValue, type StartupNames } from './display-values.ts';

/** One line of a submission summary. */
export type SummaryRow = readonly [label: string, value: string];

/**
 * The fields a summary or a table shows, in page order with the long texts
 * last (they would split the short facts); the consent box, always given, is left out.
 */
export function reportedFields(definition: FormDefinition): FormFieldDefinition[] {
  const fields = fieldsOf(definition).filter((field) => field.control !== 'consent');
  return [...fields.filter((field) => field.control !== 'textarea'), ...fields.filter((field) => field.control === 'textarea')];
}

function joinValues(host: string, joined: string, as: NonNullable<FormFieldDefinition['joinedTo']>['as']): string {
  switch (as) {
    case 'before':
      return `${joined} ${host}`;
    case 'in-parentheses':
      return `${host} (${joined})`;
    case 'after-comma':
      return `${host}, ${joined}`;
  }
}

/** The rows of a definition (also for a definition a test extends). */
export function summaryRowsOf(definition: FormDefinition, data: FormData, startups: StartupNames): SummaryRow[] {
  const fields = reportedFields(definition);
  return fields
    .filter((field) => !field.joinedTo)
    .map((host) => {
      let value = rowValue(host, data[host.name], startups) ?? '—';
      for (const field of fields.filter((candidate) => candidate.joinedTo?.field === host.name)) {
        const joined = rowValue(field, data[field.name], startups);
        if (joined !== undefined) value = joinValues(value, joined, field.joinedTo!.as);
      }
      return [host.shortLabel ?? host.label, value] as const;
    });
}

/**
 * Rows describing a stored submission: amounts in € HT, choices by their
 * labels, dates in French, phone numbers international, `—` for an empty field.
 * @param context the startups, so that an order request shows the chosen startup's name (its slug when it has left)
 */
export function describeSubmission(form: FormName, data: FormData, context: { readonly startups: StartupNames }): SummaryRow[] {
  return summaryRowsOf(FORM_DEFINITIONS[form], data, context.startups);
}
