/** Where each public form lives on the site and where it posts: its title, page and action, from its definition. */
import { FORM_DEFINITIONS } from './definitions/forms.ts';
import type { FormName } from './definitions/form-names.ts';

export interface FormPage {
  /** Page of the form, e.g. `/candidater/`. */
  readonly path: string;
  /** Function endpoint the form posts to. */
  readonly action: string;
  /** French title of the form. */
  readonly title: string;
}

export const FORM_PAGES: Readonly<Record<FormName, FormPage>> = FORM_DEFINITIONS;

/** Page whose layout wraps the HTML answers of the form functions. */
export const RESPONSE_TEMPLATE_PATH = '/formulaires/reponse/';
/** Element of the template replaced by the answer's content. */
export const RESPONSE_SLOT = '<div id="reponse-formulaire"></div>';
/** Title of the template, replaced by the answer's title. */
export const RESPONSE_TEMPLATE_TITLE = 'Réponse du formulaire';

/** The thank-you page (a function: it shows the reference). */
export const THANK_YOU_PATH = '/formulaires/merci/';

/** Id of the element of a form field, for links from an error list (`#champ-siret`). */
export function fieldAnchor(field: string): string {
  return `champ-${field.replace(/_/g, '-')}`;
}

/** Id of the element that shows a field's error (`champ-siret-erreur`), named by its control's `aria-describedby` when shown. */
export function fieldErrorId(field: string): string {
  return `${fieldAnchor(field)}-erreur`;
}
