/**
 * What each form's definition gives the e-mails, the CSV export and the
 * sending: rows, columns, recipients, submitter. Data goes through the schema
 * and back from JSON, as storage gives it.
 */
import { describe, expect, it } from 'vitest';
import {
  createFormSchema,
  csvColumns,
  describeSubmission,
  organisationOf,
  recipientsOf,
  submitterOf,
  NO_STARTUP_PREFERENCE,
  type FormContext,
  type FormData,
  type FormName,
} from '../../../../src/lib/forms/definitions/index.ts';
import { ORDERABLE_STARTUP, WISHED_DATE_YEAR, validApplicationFields, validCommitmentFields, validOrderFields } from '../../../helpers/form-fixtures.ts';

const CONTEXT: FormContext = {
  sectors: ['Industrie du futur', 'Santé'],
  technologies: ['Robotique'],
  orderCeilingHt: 15_000,
  startups: [ORDERABLE_STARTUP],
  teamAddress: 'equipe@pbc.example',
};
const EURO = (text: string) => text.replace(/ /g, '\u202f').replace(/\u202f€\u202fHT$/, '\u00a0€\u00a0HT');

/** Valid data of a form as stored: the schema's output read back from JSON. */
function stored(form: FormName, fields: Record<string, string | string[]>): FormData {
  return JSON.parse(JSON.stringify(createFormSchema(form, CONTEXT).parse(fields))) as FormData;
}

const application = stored('candidature', validApplicationFields());
const order = stored('demande-bon-de-commande', validOrderFields());
const commitment = stored('engagement-acheteur', { ...validCommitmentFields(), signing_date: `${WISHED_DATE_YEAR}-03-15` });

describe('describeSubmission', () => {
  it('shows an application as a person reads it, long text last', () => {
    expect(describeSubmission('candidature', application, CONTEXT)).toEqual([
      ['Entreprise', 'Société Verte'],
      ['SIRET', '73282932000074'],
      ['Commune', '68100 Mulhouse'],
      ['Site web', '—'],
      ['Effectif', '4'],
      ['Secteurs', 'Industrie du futur'],
      ['Technologies', '—'],
      ['Offre de premier bon de commande', 'Prototype de capteur (Prototype)'],
      ['Prix indicatif', EURO('12 000,50 € HT')],
      ['Contact', 'Jeanne Dupont'],
      ['E-mail', 'contact@société-verte.fr'],
      ['Téléphone', '03 89 12 34 56'],
      ['Présentation', 'Nous concevons des capteurs pour les ateliers de la région mulhousienne, depuis 2024.'],
    ]);
  });

  it('shows an order request with the chosen startup’s name', () => {
    expect(describeSubmission('demande-bon-de-commande', order, CONTEXT)).toEqual([
      ['Organisation', 'Communauté d’agglomération « Mulhouse Alsace » (Acteur public)'],
      ['SIRET', '73282932000074'],
      ['Contact', 'Élise Müller, Responsable des achats'],
      ['E-mail', 'Achats+IT@exemple.fr'],
      ['Téléphone', '03 89 12 34 56'],
      ['Startup', ORDERABLE_STARTUP.name],
      ['Type de commande', 'Prototype'],
      ['Budget', EURO('14 500,50 € HT')],
      ['Date souhaitée', `15 mars ${WISHED_DATE_YEAR}`],
      ['Besoin', 'Un prototype de capteur de vibrations pour les pompes de la station d’épuration.'],
    ]);
  });

  it('shows a commitment', () => {
    expect(describeSubmission('engagement-acheteur', commitment, CONTEXT)).toEqual([
      ['Organisation', 'Fonderie « Rhin & Doller » (PME ou ETI)'],
      ['SIRET', '73282932000074'],
      ['Contact', 'Marc Weber, Directeur des achats'],
      ['E-mail', 'achats@fonderie-rhin.fr'],
      ['Téléphone', '03 89 12 34 56'],
      ['Date de signature souhaitée', `15 mars ${WISHED_DATE_YEAR}`],
    ]);
  });

  it.each([
    ['no preference', NO_STARTUP_PREFERENCE, [ORDERABLE_STARTUP], 'Pas de préférence : besoin à orienter'],
    ['a startup that has left the directory: its slug', 'partie-depuis', [ORDERABLE_STARTUP], 'partie-depuis'],
    ['a startup without the startups at hand: its slug', ORDERABLE_STARTUP.slug, [], ORDERABLE_STARTUP.slug],
  ])('startup row: %s', (_case, startup, startups, shown) => {
    const rows = Object.fromEntries(describeSubmission('demande-bon-de-commande', { ...order, startup }, { startups }));
    expect(rows['Startup']).toBe(shown);
  });

  it('shows a foreign phone number and a missing optional date', () => {
    const rows = Object.fromEntries(describeSubmission('engagement-acheteur', { ...commitment, phone: '+41611234567', signing_date: undefined }, CONTEXT));
    expect(rows['Téléphone']).toBe('+41 61 123 45 67');
    expect(rows['Date de signature souhaitée']).toBe('—');
  });
});

describe('csvColumns', () => {
  const table = (form: FormName, data: FormData) => Object.fromEntries(csvColumns(form).map((column) => [column.header, column.value(data, CONTEXT)]));

  it.each([
    [
      'candidature',
      ['Entreprise', 'SIRET', 'Code postal', 'Commune', 'Site web', 'Effectif', 'Secteurs', 'Technologies', 'Offre de premier bon de commande', 'Type d’offre', 'Prix indicatif (€ HT)', 'Contact', 'E-mail', 'Téléphone', 'Présentation'],
    ],
    [
      'demande-bon-de-commande',
      ['Organisation', 'Type d’acheteur', 'SIRET', 'Contact', 'Fonction', 'E-mail', 'Téléphone', 'Startup', 'Type de commande', 'Budget (€ HT)', 'Date souhaitée', 'Besoin'],
    ],
    ['engagement-acheteur', ['Organisation', 'Type d’acheteur', 'SIRET', 'Contact', 'Fonction', 'E-mail', 'Téléphone', 'Date de signature souhaitée']],
  ] as const)('%s: one column per field but the consent, long text last', (form, headers) => {
    expect(csvColumns(form).map((column) => column.header)).toEqual(headers);
  });

  it('writes values a spreadsheet can use: numbers, ISO dates, national phone numbers, spaced SIRET, choice labels', () => {
    expect(table('candidature', application)).toMatchObject({
      SIRET: '732 829 320 00074',
      'Code postal': '68100',
      'Site web': '',
      Effectif: 4,
      Secteurs: 'Industrie du futur',
      Technologies: '',
      'Type d’offre': 'Prototype',
      'Prix indicatif (€ HT)': 12_000.5,
      Téléphone: '03 89 12 34 56',
    });
    expect(table('demande-bon-de-commande', order)).toMatchObject({
      'Type d’acheteur': 'Acteur public',
      Startup: ORDERABLE_STARTUP.name,
      'Budget (€ HT)': 14_500.5,
      'Date souhaitée': `${WISHED_DATE_YEAR}-03-15`,
    });
    expect(table('demande-bon-de-commande', { ...order, startup: NO_STARTUP_PREFERENCE })['Startup']).toBe('Pas de préférence');
    expect(table('engagement-acheteur', { ...commitment, phone: '+41611234567' })['Téléphone']).toBe('+41 61 123 45 67');
  });
});

describe('recipientsOf, submitterOf, organisationOf', () => {
  it.each([
    ['candidature', application, [['team', 'equipe@pbc.example'], ['confirmation', 'contact@société-verte.fr']]],
    ['demande-bon-de-commande', order, [['team', 'equipe@pbc.example'], ['startup', ORDERABLE_STARTUP.orderContactEmail], ['confirmation', 'Achats+IT@exemple.fr']]],
    ['demande-bon-de-commande', { ...order, startup: NO_STARTUP_PREFERENCE }, [['team', 'equipe@pbc.example'], ['confirmation', 'Achats+IT@exemple.fr']]],
    ['engagement-acheteur', commitment, [['team', 'equipe@pbc.example'], ['confirmation', 'achats@fonderie-rhin.fr']]],
  ] as const)('%s: %#', (form, data, expected) => {
    expect(recipientsOf(form, data, CONTEXT)).toEqual(expected.map(([kind, to]) => ({ kind, to })));
  });

  it.each([
    ['candidature', application, { name: 'Jeanne Dupont', address: 'contact@société-verte.fr' }, 'Société Verte'],
    ['demande-bon-de-commande', order, { name: 'Élise Müller', address: 'Achats+IT@exemple.fr' }, 'Communauté d’agglomération « Mulhouse Alsace »'],
    ['engagement-acheteur', commitment, { name: 'Marc Weber', address: 'achats@fonderie-rhin.fr' }, 'Fonderie « Rhin & Doller »'],
  ] as const)('%s: submitter and organisation', (form, data, submitter, organisation) => {
    expect(submitterOf(form, data)).toEqual(submitter);
    expect(organisationOf(form, data)).toBe(organisation);
  });
});
