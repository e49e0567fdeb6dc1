/**
 * The public forms, each defined once (`candidature.ts`,
 * `demande-bon-de-commande.ts`, `engagement-acheteur.ts`), and what is derived
 * from a definition: the schema, the e-mail rows, the CSV columns, the
 * recipients and the submitter; the pages around the forms (`form-pages.ts`).
 * The pages derive their fields with
 * `to-page-fields.ts`; the browser imports `to-schema.ts` (not the e-mail and
 * CSV formatting of `display-values.ts`).
 */
export { FORM_NAMES, isFormName, type FormName } from './form-names.ts';
export type { BuyerCommitment } from './engagement-acheteur.ts';
export type { StartupApplication } from './candidature.ts';
export type { OrderRequest } from './demande-bon-de-commande.ts';
export type { FormContext, FormData, FormDefinition, FormValue, MessageKind, PublicFormContext } from './form-definition.ts';
export { FORM_DEFINITIONS } from './forms.ts';
export { NO_STARTUP_PREFERENCE } from './option-sources.ts';
export { createFormSchema } from './to-schema.ts';
export { describeSubmission, type SummaryRow } from './to-summary-rows.ts';
export { csvColumns, type CsvColumn } from './to-csv-columns.ts';
export { organisationOf, recipientsOf, submitterOf } from './to-recipients.ts';
export { fieldAnchor, RESPONSE_SLOT, RESPONSE_TEMPLATE_PATH, RESPONSE_TEMPLATE_TITLE, THANK_YOU_PATH } from './form-pages.ts';
