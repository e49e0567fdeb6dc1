/**
 * The summary rows of a stored submission with the former arguments (the
 * chosen startup's name rather than the startups), for the command-line
 * module that issue 10 rewrites; the rows come from `definitions/to-summary-rows.ts`.
 */
import { describeSubmission as describeFromDefinition, type FormData, type FormName, type SummaryRow } from './definitions/index.ts';

export type { SummaryRow };

/**
 * Rows for any stored submission.
 * @param startupName name of the startup an order request names, when known
 */
export function describeSubmission(form: FormName, data: unknown, startupName?: string): SummaryRow[] {
  const fields = data as FormData;
  const slug = typeof fields['startup'] === 'string' ? fields['startup'] : undefined;
  return describeFromDefinition(form, fields, { startups: slug && startupName ? [{ slug, name: startupName }] : [] });
}
