/** A buyer's commitment to the charter (*engagement d’un acheteur*), defined once. */
import { calendarDateFromToday, DATE_FORMAT_HINT, optional } from './field-schemas.ts';
import { defineForm, type DataOf } from './form-definition.ts';
import { buyerKindField, consentField, contactNameField, emailField, organisationField, phoneField, roleField, siretField } from './shared-fields.ts';

/**
 * A public or private buyer commits to the charter. Data: organisation (≤ 120
 * characters, the buyers' name limit), SIRET (14 digits), kind of buyer (`BUYER_KINDS` of the content model), the named
 * contact and their role (the role is published on the buyer's page), e-mail,
 * phone (E.164), the wished signing date (`YYYY-MM-DD`, today or later in Paris,
 * optional). Mailed to the team and, as a confirmation, to the contact; the team
 * turns it into a draft buyer entry (`submissions-cli/buyer-draft.ts`).
 */
export const engagementAcheteur = defineForm({
  name: 'engagement-acheteur',
  title: 'Engagement d’un acheteur',
  path: '/s-engager/',
  action: '/api/engagement-acheteur/',
  submitLabel: 'Envoyer mon engagement',
  receivedSentence: 'Votre demande d’engagement est enregistrée sous la référence :',
  recipients: ['team', 'confirmation'],
  submitter: { name: 'contact_name', address: 'email', organisation: 'organisation' },
  sections: [
    {
      legend: 'Votre organisation',
      fields: [
        organisationField(120),
        buyerKindField,
        siretField('l’organisation'),
      ],
    },
    {
      legend: 'Votre contact nommé',
      fields: [
        contactNameField('Prénom et nom de la personne qui recevra les demandes des startups.'),
        roleField('Elle figure sur la fiche publique de l’acheteur, sans le nom. Par exemple : responsable des achats.'),
        emailField,
        phoneField,
      ],
    },
    {
      legend: 'La signature',
      fields: [
        {
          name: 'signing_date',
          label: 'Date de signature souhaitée',
          control: 'date',
          width: 'short',
          hint: `Facultatif. L’équipe du programme vous propose ensuite une date pour signer la charte. ${DATE_FORMAT_HINT}`,
          rule: ({ label }) => optional(calendarDateFromToday(label)),
        },
      ],
    },
    { fields: [consentField('J’accepte que ces informations soient utilisées par l’équipe du programme pour préparer la signature de la charte et la fiche de mon organisation.')] },
  ],
});

/** A valid commitment of a buyer. */
export type BuyerCommitment = DataOf<typeof engagementAcheteur>;
