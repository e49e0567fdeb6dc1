/** The public forms, by the name used in URLs, storage and tokens. */
export const FORM_NAMES = ['candidature', 'demande-bon-de-commande', 'engagement-acheteur'] as const;

/**
 * `candidature`: a startup applies to the DAS; `demande-bon-de-commande`: a buyer
 * asks for a first order; `engagement-acheteur`: a buyer commits to the charter.
 */
export type FormName = (typeof FORM_NAMES)[number];

/** True when `value` names one of the public forms. */
export function isFormName(value: unknown): value is FormName {
  return typeof value === 'string' && (FORM_NAMES as readonly string[]).includes(value);
}
