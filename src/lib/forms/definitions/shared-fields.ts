/**
 * Fields that several forms share, declared once: the contact channels (where
 * the acknowledgement goes, how the team calls back), the SIRET and the consent box.
 */
import { consent, emailAddress, phoneNumber, siret } from './field-schemas.ts';
import type { FormFieldDefinition } from './form-definition.ts';

/** Where the acknowledgement with the reference is sent; the submitter's address. */
export const emailField = {
  name: 'email',
  label: 'Adresse e-mail',
  control: 'email',
  width: 'medium',
  autocomplete: 'email',
  spellcheck: false,
  hint: 'L’accusé de réception y est envoyé.',
  rule: ({ label }) => emailAddress(label),
  shortLabel: 'E-mail',
} as const satisfies FormFieldDefinition;

/** A phone number to call the submitter back (stored in E.164). */
export const phoneField = {
  name: 'phone',
  label: 'Téléphone',
  control: 'tel',
  width: 'medium',
  autocomplete: 'tel',
  hint: 'Par exemple : 03 89 12 34 56.',
  rule: ({ label }) => phoneNumber(label),
} as const satisfies FormFieldDefinition;

/**
 * The SIRET of the establishment (INSEE rules).
 * @param holder who the SIREN belongs to in the hint (`l’entreprise`, `l’organisation`)
 */
export function siretField(holder: string) {
  return {
    name: 'siret',
    label: 'Numéro SIRET',
    control: 'text',
    width: 'medium',
    inputmode: 'numeric',
    hint: `14 chiffres : le SIREN de ${holder} suivi des 5 chiffres de l’établissement. Espaces acceptés.`,
    rule: ({ label }) => siret(label),
    shortLabel: 'SIRET',
    display: 'siret',
  } as const satisfies FormFieldDefinition;
}

/**
 * The required consent box; the page adds the link to the privacy notice.
 * @param sentence what the submitter agrees to, for this form
 */
export function consentField<const Sentence extends string>(sentence: Sentence) {
  return {
    name: 'consent',
    label: 'Consentement',
    sentence,
    control: 'consent',
    rule: ({ label }) => consent(label),
  } as const satisfies FormFieldDefinition;
}
