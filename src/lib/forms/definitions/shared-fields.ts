/**
 * Fields that several forms share, declared once: the buyer's organisation and
 * kind, the named contact and role, the contact channels (where the
 * acknowledgement goes, how the team calls back), the SIRET and the consent box.
 */
import { BUYER_KINDS } from '../../content-model/collections.ts';
import { consent, emailAddress, oneLineText, oneOf, phoneNumber, siret } from './field-schemas.ts';
import type { FormFieldDefinition } from './form-definition.ts';

/**
 * The buyer's organisation.
 * @param max longest name, characters
 */
export function organisationField(max: number) {
  return { name: 'organisation', label: 'Organisation', control: 'text', autocomplete: 'organization', rule: ({ label }) => oneLineText(label, { max }) } as const satisfies FormFieldDefinition;
}

/** The kind of buyer (`BUYER_KINDS` of the content model), shown after the organisation in e-mails. */
export const buyerKindField = {
  name: 'buyer_kind',
  label: 'Type d’acheteur',
  control: 'select',
  width: 'medium',
  options: BUYER_KINDS,
  emptyOption: 'Choisir un type',
  rule: ({ label, values }) => oneOf(label, values),
  joinedTo: { field: 'organisation', as: 'in-parentheses' },
} as const satisfies FormFieldDefinition;

/**
 * The named contact (first and last name), `Contact` in e-mails and CSV.
 * @param hint who the person is, for this form
 */
export function contactNameField<const Hint extends string>(hint: Hint) {
  return {
    name: 'contact_name',
    label: 'Nom du contact',
    control: 'text',
    autocomplete: 'name',
    hint,
    rule: ({ label }) => oneLineText(label, { max: 120 }),
    shortLabel: 'Contact',
  } as const satisfies FormFieldDefinition;
}

/**
 * The contact's role, shown after the name in e-mails.
 * @param hint why it is asked, with an example
 */
export function roleField<const Hint extends string>(hint: Hint) {
  return {
    name: 'role',
    label: 'Fonction',
    control: 'text',
    autocomplete: 'organization-title',
    hint,
    rule: ({ label }) => oneLineText(label, { max: 120 }),
    joinedTo: { field: 'contact_name', as: 'after-comma' },
  } as const satisfies FormFieldDefinition;
}

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
