/**
 * The pages around the forms: the template of the functions' HTML answers, the
 * thank-you page, and the ids of the fields that error lists link to. (Each
 * form's own page, action and title are in its definition.) No imports: the
 * browser's script loads it.
 */

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
