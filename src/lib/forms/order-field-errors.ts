/**
 * The errors of a submission in the order of the form's fields, so that a
 * list of errors reads like the form (RGAA 11.10, issue 14): Zod reports the
 * object's own checks first and cross-field checks after them.
 */
import { fieldsOf } from './definitions/form-definition.ts';
import type { FormName } from './definitions/form-names.ts';
import { FORM_DEFINITIONS } from './definitions/forms.ts';
import type { FieldError } from './process-submission.ts';

/**
 * Sort `errors` by the position of their field in `form`'s definition (the
 * order of the page). Errors about no field of the form (`formulaire`: the
 * whole form) come first, in their own order; the sort is stable.
 * @returns a new array; `errors` is left as it is
 */
export function orderFieldErrors(form: FormName, errors: readonly FieldError[]): FieldError[] {
  const names = fieldsOf(FORM_DEFINITIONS[form]).map((field) => field.name);
  return [...errors].sort((a, b) => names.indexOf(a.field) - names.indexOf(b.field));
}
