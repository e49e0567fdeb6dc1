/** The startup application (*candidature au DAS numérique*), defined once. */
import { ORDER_KINDS } from '../../content-model/collections.ts';
import { formatCount, formatEurosHt } from '../../format/money.ts';
import { amountHt, multiLineText, oneLineText, oneOf, optional, postcode, someOf, websiteAddress, wholeNumber } from './field-schemas.ts';
import { defineForm, type DataOf } from './form-definition.ts';
import { consentField, contactNameField, emailField, phoneField, siretField } from './shared-fields.ts';

/**
 * A startup asks to join the DAS numérique. Data: company and contact details,
 * SIRET (14 digits), postcode (text), offer price in euros HT (≤ ceiling),
 * e-mail normalised, phone in E.164. Mailed to the team and, as a confirmation, to the applicant.
 */
export const candidature = defineForm({
  name: 'candidature',
  title: 'Candidature au DAS numérique',
  path: '/candidater/',
  action: '/api/candidature/',
  submitLabel: 'Envoyer ma candidature',
  receivedSentence: 'Votre candidature au DAS numérique est enregistrée sous la référence :',
  recipients: ['team', 'confirmation'],
  submitter: { name: 'contact_name', address: 'email', organisation: 'company_name' },
  sections: [
    {
      legend: 'Votre entreprise',
      fields: [
        {
          name: 'company_name',
          label: 'Nom de l’entreprise',
          control: 'text',
          autocomplete: 'organization',
          rule: ({ label }) => oneLineText(label, { max: 120 }),
          shortLabel: 'Entreprise',
        },
        siretField('l’entreprise'),
        [
          {
            name: 'postcode',
            label: 'Code postal',
            control: 'text',
            width: 'short',
            inputmode: 'numeric',
            autocomplete: 'postal-code',
            rule: ({ label }) => postcode(label),
            joinedTo: { field: 'commune', as: 'before' },
          },
          { name: 'commune', label: 'Commune', control: 'text', autocomplete: 'address-level2', rule: ({ label }) => oneLineText(label, { max: 80 }) },
        ],
        {
          name: 'website',
          label: 'Site web',
          control: 'text',
          inputmode: 'url',
          autocomplete: 'url',
          spellcheck: false,
          hint: 'Facultatif. Par exemple : https://exemple.fr',
          rule: ({ label }) => optional(websiteAddress(label)),
        },
        {
          name: 'team_size',
          label: 'Effectif',
          control: 'text',
          width: 'short',
          inputmode: 'numeric',
          hint: 'Nombre de personnes dans l’entreprise, fondateurs compris.',
          rule: ({ label }) => wholeNumber(label, { min: 1, max: 500 }),
        },
      ],
    },
    {
      legend: 'Votre activité',
      fields: [
        {
          name: 'sectors',
          label: 'Secteurs',
          control: 'checkboxes',
          options: 'sectors',
          hint: 'Cochez au moins un secteur.',
          rule: ({ label, values }) => someOf(label, values, { min: 1 }),
        },
        {
          name: 'technologies',
          label: 'Technologies',
          control: 'checkboxes',
          options: 'technologies',
          hint: 'Facultatif. Cochez celles que vous maîtrisez.',
          rule: ({ label, values }) => someOf(label, values),
        },
        {
          name: 'presentation',
          label: 'Présentation',
          control: 'textarea',
          hint: `Ce que fait l’entreprise, pour qui et depuis quand : entre 50 et ${formatCount(3000)} caractères.`,
          rule: ({ label }) => multiLineText(label, { min: 50, max: 3000 }),
        },
      ],
    },
    {
      legend: 'Votre offre de premier bon de commande',
      fields: [
        {
          name: 'offer_title',
          label: 'Offre de premier bon de commande',
          control: 'text',
          hint: 'Ce que l’acheteur obtient, dit concrètement. Par exemple : « Prototype de tableau de bord des consommations d’énergie ».',
          rule: ({ label }) => oneLineText(label, { max: 120 }),
        },
        {
          name: 'offer_kind',
          label: 'Type d’offre',
          control: 'select',
          width: 'medium',
          options: ORDER_KINDS,
          emptyOption: 'Choisir un type',
          rule: ({ label, values }) => oneOf(label, values),
          joinedTo: { field: 'offer_title', as: 'in-parentheses' },
        },
        {
          name: 'offer_price_ht',
          label: 'Prix indicatif (€ HT)',
          control: 'text',
          width: 'short',
          inputmode: 'decimal',
          hint: (context) => `Facultatif. En euros HT, ${formatEurosHt(context.orderCeilingHt)} au plus.`,
          rule: ({ label, orderCeilingHt }) => optional(amountHt(label, orderCeilingHt)),
          shortLabel: 'Prix indicatif',
          display: 'euros-ht',
        },
      ],
    },
    {
      legend: 'Votre contact',
      fields: [
        contactNameField('Prénom et nom de la personne qui suit la candidature.'),
        emailField,
        phoneField,
      ],
    },
    { fields: [consentField('J’accepte que ces informations soient utilisées par l’équipe du programme pour étudier ma candidature.')] },
  ],
});

/** A valid startup application. */
export type StartupApplication = DataOf<typeof candidature>;
