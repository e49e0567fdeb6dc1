/**
 * The form names, defined with the forms (`definitions/form-names.ts`); kept
 * for the storage and sending modules that issue 10 rewrites.
 */
export { FORM_NAMES, isFormName, type FormName } from './definitions/form-names.ts';
