import { describe, expect, it } from 'vitest';
import { createFormSchema, NO_STARTUP_PREFERENCE } from '../../../../src/lib/forms/definitions/index.ts';
import { ORDERABLE_STARTUP, VALID_ORDER_DATA, validApplicationFields, validCommitmentFields, validOrderFields } from '../../../helpers/form-fixtures.ts';
import { toParisCalendarDate } from '../../../../src/lib/format/calendar-date.ts';
import { FIELD_LABELS } from '../../../helpers/french-answers.ts';

const CONTEXT = {
  sectors: ['Industrie du futur', 'Santé'],
  technologies: ['Robotique', 'Internet des objets'],
  orderCeilingHt: 15_000,
  startups: [
    { slug: ORDERABLE_STARTUP.slug, name: ORDERABLE_STARTUP.name },
    { slug: 'fictilab-jumeaux', name: 'Fictilab Jumeaux' },
  ],
};
const orderSchema = createFormSchema('demande-bon-de-commande', CONTEXT);
const applicationSchema = createFormSchema('candidature', CONTEXT);
const commitmentSchema = createFormSchema('engagement-acheteur', CONTEXT);

/** French labels of the fields, as every message must start (the whole-form key `formulaire` is not a field). */
const { formulaire: _orderForm, ...ORDER_LABELS } = FIELD_LABELS['demande-bon-de-commande'];
const { formulaire: _applicationForm, ...APPLICATION_LABELS } = FIELD_LABELS.candidature;

/** Parse the valid order request with one field changed (`undefined` removes it). */
function parseOrder(field: string, value: unknown) {
  const input: Record<string, unknown> = { ...validOrderFields(), [field]: value };
  if (value === undefined) delete input[field];
  return orderSchema.safeParse(input);
}

function parseApplication(field: string, value: unknown) {
  const input: Record<string, unknown> = { ...validApplicationFields(), [field]: value };
  if (value === undefined) delete input[field];
  return applicationSchema.safeParse(input);
}

/** The messages of a failed parse, by field. */
function messagesOf(result: { success: boolean; error?: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } }): Record<string, string[]> {
  expect(result.success).toBe(false);
  const messages: Record<string, string[]> = {};
  for (const issue of result.error!.issues) (messages[String(issue.path[0] ?? '')] ??= []).push(issue.message);
  return messages;
}

describe('order request schema', () => {
  it('normalises a valid request typed the French way', () => {
    const result = orderSchema.safeParse(validOrderFields());
    expect(result.success).toBe(true);
    expect(result.data).toEqual(VALID_ORDER_DATA);
  });

  it.each([
    ['siret', '732 829 320 00074', '73282932000074'],
    ['siret', '732.829.320.00074', '73282932000074'],
    // La Poste's head office keeps an ordinary Luhn key.
    ['siret', '356 000 000 00048', '35600000000048'],
    // La Poste's establishments: digit sum multiple of 5, Luhn key not required.
    ['siret', '35600000049837', '35600000049837'],
    ['siret', '35600000000010', '35600000000010'],
    ['budget_ht', '15 000', 15_000],
    ['budget_ht', '15000,00', 15_000],
    ['budget_ht', '0,01', 0.01],
    ['budget_ht', 15_000, 15_000],
    ['startup', NO_STARTUP_PREFERENCE, NO_STARTUP_PREFERENCE],
    ['startup', 'fictilab-jumeaux', 'fictilab-jumeaux'],
    ['consent', 'on', true],
    ['consent', 'true', true],
    ['consent', 'oui', true],
    ['consent', true, true],
    ['wished_date', '', undefined],
    ['wished_date', undefined, undefined],
    // A browser without a date picker sends what was typed, in French order.
    ['wished_date', '15/03/2099', '2099-03-15'],
    ['wished_date', ' 5/3/2099 ', '2099-03-05'],
    ['wished_date', '15.03.2099', '2099-03-15'],
    ['wished_date', '15-03-2099', '2099-03-15'],
    ['wished_date', '29/02/2096', '2096-02-29'],
    ['wished_date', '2099-03-15', '2099-03-15'],
    ['organisation', '  Ville de Mulhouse  ', 'Ville de Mulhouse'],
    ['need', '  Un besoin décrit\r\nsur deux lignes, assez long pour passer.  ', 'Un besoin décrit\nsur deux lignes, assez long pour passer.'],
    ['email', 'Contact@Société-Verte.FR ', 'Contact@société-verte.fr'],
    ['phone', '+41 61 123 45 67', '+41611234567'],
    // Issue 12: overseas numbers typed nationally keep their own country code (ARCEP plan).
    ['phone', '0694 20 30 40', '+594694203040'],
    ['phone', '0262 12 34 56', '+262262123456'],
    ['email', 'jeanne@xn--socit-verte-ebbb.fr', 'jeanne@société-verte.fr'],
  ])('%s %j is accepted as %j', (field, value, expected) => {
    const result = parseOrder(field, value);
    expect(result.success).toBe(true);
    expect((result.data as Record<string, unknown>)[field]).toEqual(expected);
  });

  it.each(([
    // SIRET: format, Luhn key, La Poste exception
    ['siret', '', 'Numéro SIRET : ce champ est obligatoire.'],
    ['siret', '7328293200007', 'Numéro SIRET : 14 chiffres attendus (ex. 732 829 320 00074).'],
    ['siret', '7328293200007A', 'Numéro SIRET : 14 chiffres attendus (ex. 732 829 320 00074).'],
    // A valid SIREN (732 829 320) whose establishment number does not match it.
    ['siret', '73282932000075', 'Numéro SIRET : les 5 derniers chiffres (le numéro d’établissement, ou NIC) ne correspondent pas aux 9 premiers (le SIREN) ; un chiffre est sans doute faux ou inversé.'],
    ['siret', '35600000000049', 'Numéro SIRET : les 5 derniers chiffres (le numéro d’établissement, ou NIC) ne correspondent pas aux 9 premiers (le SIREN) ; un chiffre est sans doute faux ou inversé.'],
    // The first nine digits are not a SIREN (the 14 pass the Luhn key).
    ['siret', '73282932100007', 'Numéro SIRET : les 9 premiers chiffres (le SIREN de l’entreprise) ne forment pas un SIREN valide ; un chiffre est sans doute faux ou inversé.'],
    // Digit sum 29: not a multiple of 5, so not a La Poste establishment.
    ['siret', '35600000012345', 'Numéro SIRET : les 5 derniers chiffres (le numéro d’établissement, ou NIC) ne correspondent pas aux 9 premiers (le SIREN) ; un chiffre est sans doute faux ou inversé.'],
    // A valid Luhn key is not enough for La Poste (digit sum 19).
    ['siret', '35600000000014', 'Numéro SIRET : les 5 derniers chiffres (le numéro d’établissement, ou NIC) ne correspondent pas aux 9 premiers (le SIREN) ; un chiffre est sans doute faux ou inversé.'],
    // All zeros pass the Luhn key but INSEE allocates no such number (identifiers/siren.ts).
    ['siret', '000 000 000 00000', 'Numéro SIRET : une suite de zéros n’est attribuée à aucune entreprise par l’INSEE.'],
    // Budget: > 0, ≤ ceiling of the context
    ['budget_ht', '15000,01', 'Budget (€ HT) : au plus 15\u202f000\u00a0€\u00a0HT, le plafond d’un premier bon de commande.'],
    ['budget_ht', '15 000,01 €', 'Budget (€ HT) : au plus 15\u202f000\u00a0€\u00a0HT, le plafond d’un premier bon de commande.'],
    ['budget_ht', 15_000.01, 'Budget (€ HT) : au plus 15\u202f000\u00a0€\u00a0HT, le plafond d’un premier bon de commande.'],
    ['budget_ht', '0', 'Budget (€ HT) : le montant doit être supérieur à 0 €.'],
    ['budget_ht', '0,00', 'Budget (€ HT) : le montant doit être supérieur à 0 €.'],
    ['budget_ht', -10, 'Budget (€ HT) : le montant doit être supérieur à 0 €.'],
    ['budget_ht', 'douze mille', 'Budget (€ HT) : montant attendu en euros (ex. 12 000 ou 12000,50).'],
    ['budget_ht', '12,555', 'Budget (€ HT) : montant attendu en euros (ex. 12 000 ou 12000,50).'],
    ['budget_ht', ['1', '2'], 'Budget (€ HT) : montant attendu (ex. 12 000 ou 12000,50).'],
    // Startup: a published slug or sans-preference
    ['startup', 'startup-inconnue', 'Startup : cette startup ne peut pas recevoir de demande (elle n’est pas ou plus dans l’annuaire, ou sa fiche est un exemple fictif) ; choisissez-en une autre ou « Pas de préférence ».'],
    ['startup', 'Démo Capteurs Rhin', 'Startup : cette startup ne peut pas recevoir de demande (elle n’est pas ou plus dans l’annuaire, ou sa fiche est un exemple fictif) ; choisissez-en une autre ou « Pas de préférence ».'],
    ['startup', '', 'Startup : ce champ est obligatoire.'],
    // Consent required
    ['consent', undefined, 'Consentement : votre accord est nécessaire pour envoyer le formulaire.'],
    ['consent', '', 'Consentement : votre accord est nécessaire pour envoyer le formulaire.'],
    ['consent', 'off', 'Consentement : votre accord est nécessaire pour envoyer le formulaire.'],
    ['consent', 'false', 'Consentement : votre accord est nécessaire pour envoyer le formulaire.'],
    // CR, LF, NUL in one-line fields
    ['organisation', 'Ville\r\nBcc: victime@exemple.fr', 'Organisation : le texte doit tenir sur une ligne.'],
    ['organisation', 'Ville\nde Mulhouse', 'Organisation : le texte doit tenir sur une ligne.'],
    ['contact_name', 'Jean\rDupont', 'Nom du contact : le texte doit tenir sur une ligne.'],
    ['role', 'Acheteur\0', 'Fonction : caractère de contrôle interdit (U+0000) : retapez le texte au lieu de le coller.'],
    ['startup', `${ORDERABLE_STARTUP.slug}\n`, 'Startup : le texte doit tenir sur une ligne.'],
    ['email', 'achats@exemple.fr\r\nBcc: victime@exemple.fr', 'Adresse e-mail : le texte doit tenir sur une ligne.'],
    ['phone', '03 89\n12 34 56', 'Téléphone : le texte doit tenir sur une ligne.'],
    ['need', `${'Un besoin assez long pour passer le minimum.'}\0`, 'Description du besoin : caractère de contrôle interdit (U+0000) : retapez le texte au lieu de le coller.'],
    // Other rules
    ['organisation', '   ', 'Organisation : ce champ est obligatoire.'],
    ['organisation', 'x'.repeat(161), 'Organisation : 160 caractères au plus.'],
    ['organisation', ['Ville', 'Autre'], 'Organisation : texte attendu.'],
    ['buyer_kind', '', 'Type d’acheteur : faites un choix.'],
    ['buyer_kind', 'particulier', 'Type d’acheteur : choix invalide.'],
    ['kind', 'autre', 'Type de commande : choix invalide.'],
    ['email', 'pas-une-adresse', 'Adresse e-mail : adresse invalide (ex. nom@exemple.fr).'],
    ['email', undefined, 'Adresse e-mail : ce champ est obligatoire.'],
    ['phone', '12', 'Téléphone : numéro invalide, chiffres seulement, avec l’indicatif (+41…) pour un numéro étranger (ex. 03 89 12 34 56).'],
    // Issue 12: the site's one e-mail rule (email-address/read-email-address.ts) and full phone metadata.
    ['email', 'frédéric@orange.fr', 'Adresse e-mail : la partie avant « @ » ne peut contenir ni accent ni lettre hors de l’alphabet latin simple : beaucoup de serveurs de messagerie refuseraient l’adresse. Vouliez-vous écrire « frederic@orange.fr » ?'],
    ['email', 'achats@mairie.test', 'Adresse e-mail : « test » est un nom de domaine réservé (essais, documentation ou réseau local) : aucune messagerie publique n’y répond. Indiquez une adresse réelle.'],
    ['email', 'achats..mairie@exemple.fr', 'Adresse e-mail : la partie avant « @ » ne peut ni commencer ni finir par un point, ni contenir deux points de suite.'],
    ['phone', '07 00 00 00 00', 'Téléphone : ce numéro n’existe pas dans le plan de numérotation, vérifiez les chiffres (ex. 03 89 12 34 56 ; +41 61 123 45 67 pour l’étranger).'],
    ['need', 'Trop court.', 'Description du besoin : 30 caractères au moins.'],
    ['need', 'x'.repeat(4001), 'Description du besoin : 4000 caractères au plus.'],
    ['wished_date', '2027-02-30', 'Date souhaitée : date invalide, attendue au format jj/mm/aaaa (ex. 15/03/2027).'],
    ['wished_date', '31/02/2099', 'Date souhaitée : date invalide, attendue au format jj/mm/aaaa (ex. 15/03/2027).'],
    ['wished_date', '15/03/27', 'Date souhaitée : date invalide, attendue au format jj/mm/aaaa (ex. 15/03/2027).'],
    ['wished_date', 'mars 2099', 'Date souhaitée : date invalide, attendue au format jj/mm/aaaa (ex. 15/03/2027).'],
    ['wished_date', '01/01/2020', 'Date souhaitée : la date ne peut pas être déjà passée.'],
    ['wished_date', '2020-01-01', 'Date souhaitée : la date ne peut pas être déjà passée.'],
  ] as const satisfies readonly (readonly [string, unknown, string])[]).map(([field, value, message]) => [field, message, value] as const))('%s is refused: %s', (field, message, value) => {
    const messages = messagesOf(parseOrder(field, value));
    expect(Object.keys(messages)).toEqual([field]);
    expect(messages[field]![0]).toBe(message);
  });

  it('refuses every field of an empty form, each message starting with the field’s French label', () => {
    const messages = messagesOf(orderSchema.safeParse({}));
    // wished_date is optional: not listed.
    expect(Object.keys(messages).sort()).toEqual(Object.keys(ORDER_LABELS).filter((field) => field !== 'wished_date').sort());
    for (const [field, list] of Object.entries(messages)) {
      for (const message of list) expect(message.startsWith(`${ORDER_LABELS[field]} : `), `${field}: ${message}`).toBe(true);
    }
  });

  it('takes the ceiling from the context', () => {
    const lower = createFormSchema('demande-bon-de-commande', { ...CONTEXT, startups: [], orderCeilingHt: 10_000 });
    const result = lower.safeParse({ ...validOrderFields(), startup: NO_STARTUP_PREFERENCE, budget_ht: '10 000,01' });
    expect(messagesOf(result)['budget_ht']).toEqual(['Budget (€ HT) : au plus 10\u202f000\u00a0€\u00a0HT, le plafond d’un premier bon de commande.']);
    expect(lower.safeParse({ ...validOrderFields(), startup: NO_STARTUP_PREFERENCE, budget_ht: '10 000' }).success).toBe(true);
  });

  it('refuses a startup that is not in the context (a draft is not orderable)', () => {
    const withoutDrafts = createFormSchema('demande-bon-de-commande', { ...CONTEXT, startups: [{ slug: 'fictilab-jumeaux', name: 'Fictilab Jumeaux' }] });
    expect(messagesOf(withoutDrafts.safeParse(validOrderFields()))['startup']).toEqual([
      'Startup : cette startup ne peut pas recevoir de demande (elle n’est pas ou plus dans l’annuaire, ou sa fiche est un exemple fictif) ; choisissez-en une autre ou « Pas de préférence ».',
    ]);
  });

  it('refuses a field the form does not have, in French', () => {
    const messages = messagesOf(orderSchema.safeParse({ ...validOrderFields(), champ_inconnu: 'x' }));
    const all = Object.values(messages).flat();
    expect(all).toHaveLength(1);
    expect(all[0]).toBe('Formulaire : champ inattendu (champ_inconnu).');
  });
});

describe('startup application schema', () => {
  it('normalises a valid application', () => {
    const result = applicationSchema.safeParse(validApplicationFields());
    expect(result.success).toBe(true);
    expect(result.data).toEqual({
      company_name: 'Société Verte',
      siret: '73282932000074',
      postcode: '68100',
      commune: 'Mulhouse',
      sectors: ['Industrie du futur'],
      technologies: [],
      presentation: 'Nous concevons des capteurs pour les ateliers de la région mulhousienne, depuis 2024.',
      offer_title: 'Prototype de capteur',
      offer_kind: 'prototype',
      offer_price_ht: 12_000.5,
      team_size: 4,
      contact_name: 'Jeanne Dupont',
      email: 'contact@société-verte.fr',
      phone: '+33389123456',
      consent: true,
    });
  });

  it.each([
    ['website', 'www.exemple.fr', 'https://www.exemple.fr'],
    ['website', 'https://société-verte.fr', 'https://société-verte.fr'],
    ['website', '', undefined],
    ['sectors', ['Industrie du futur', 'Santé', 'Santé'], ['Industrie du futur', 'Santé']],
    ['technologies', 'Robotique', ['Robotique']],
    ['technologies', '', []],
    ['team_size', ' 12 ', 12],
    ['team_size', '500', 500],
    ['offer_price_ht', '', undefined],
    ['offer_price_ht', '15 000 € HT', 15_000],
  ])('%s %j is accepted as %j', (field, value, expected) => {
    const result = parseApplication(field, value);
    expect(result.success).toBe(true);
    expect((result.data as Record<string, unknown>)[field]).toEqual(expected);
  });

  it.each(([
    ['company_name', 'Société\r\nVerte', 'Nom de l’entreprise : le texte doit tenir sur une ligne.'],
    ['commune', 'Mulhouse\0', 'Commune : caractère de contrôle interdit (U+0000) : retapez le texte au lieu de le coller.'],
    ['offer_title', 'Prototype\u2028de capteur', 'Offre de premier bon de commande : le texte doit tenir sur une ligne.'],
    ['siret', '73282932000075', 'Numéro SIRET : les 5 derniers chiffres (le numéro d’établissement, ou NIC) ne correspondent pas aux 9 premiers (le SIREN) ; un chiffre est sans doute faux ou inversé.'],
    ['postcode', '6810', 'Code postal : 5 chiffres attendus (ex. 68100).'],
    ['postcode', '2A004', 'Code postal : 5 chiffres attendus (ex. 68100).'],
    ['website', 'javascript:alert(1)', 'Site web : adresse web invalide (ex. https://exemple.fr).'],
    ['website', 'ftp://exemple.fr', 'Site web : adresse web invalide (ex. https://exemple.fr).'],
    ['sectors', '', 'Secteurs : cochez au moins une case.'],
    ['sectors', 'Agriculture', 'Secteurs : choix invalide.'],
    ['technologies', 'Blockchain', 'Technologies : choix invalide.'],
    ['presentation', 'Trop court.', 'Présentation : 50 caractères au moins.'],
    ['offer_kind', 'licence', 'Type d’offre : choix invalide.'],
    ['offer_price_ht', '15 000,01', 'Prix indicatif (€ HT) : au plus 15\u202f000\u00a0€\u00a0HT, le plafond d’un premier bon de commande.'],
    ['team_size', '0', 'Effectif : au moins 1.'],
    ['team_size', '501', 'Effectif : au plus 500.'],
    ['team_size', '4,5', 'Effectif : nombre entier attendu.'],
    ['team_size', 'quatre', 'Effectif : nombre entier attendu.'],
    ['team_size', 4.5, 'Effectif : nombre entier attendu.'],
    ['team_size', '', 'Effectif : ce champ est obligatoire.'],
    ['team_size', undefined, 'Effectif : ce champ est obligatoire.'],
    ['consent', undefined, 'Consentement : votre accord est nécessaire pour envoyer le formulaire.'],
  ] as const satisfies readonly (readonly [string, unknown, string])[]).map(([field, value, message]) => [field, message, value] as const))('%s is refused: %s', (field, message, value) => {
    const messages = messagesOf(parseApplication(field, value));
    expect(Object.keys(messages)).toEqual([field]);
    expect(messages[field]![0]).toBe(message);
  });

  it('refuses every field of an empty form, each message starting with the field’s French label', () => {
    const messages = messagesOf(applicationSchema.safeParse({}));
    const optional = ['website', 'technologies', 'offer_price_ht'];
    expect(Object.keys(messages).sort()).toEqual(Object.keys(APPLICATION_LABELS).filter((field) => !optional.includes(field)).sort());
    for (const [field, list] of Object.entries(messages)) {
      for (const message of list) expect(message.startsWith(`${APPLICATION_LABELS[field]} : `), `${field}: ${message}`).toBe(true);
    }
  });
});

describe('buyer commitment schema', () => {
  const { formulaire: _commitmentForm, ...COMMITMENT_LABELS } = FIELD_LABELS['engagement-acheteur'];
  const today = toParisCalendarDate(new Date());
  const parseCommitment = (field: string, value: unknown) => {
    const input: Record<string, unknown> = { ...validCommitmentFields(), [field]: value };
    if (value === undefined) delete input[field];
    return commitmentSchema.safeParse(input);
  };

  it('normalises a valid commitment', () => {
    expect(commitmentSchema.parse(validCommitmentFields())).toEqual({
      organisation: 'Fonderie « Rhin & Doller »',
      buyer_kind: 'pme-eti',
      siret: '73282932000074',
      contact_name: 'Marc Weber',
      role: 'Directeur des achats',
      email: 'achats@fonderie-rhin.fr',
      phone: '+33389123456',
      signing_date: undefined,
      consent: true,
    });
  });

  it.each([
    ['signing_date', today, today],
    ['signing_date', '2099-12-31', '2099-12-31'],
    ['signing_date', '31/12/2099', '2099-12-31'],
    ['signing_date', '', undefined],
    ['buyer_kind', 'public', 'public'],
    ['siret', '356 000 000 00048', '35600000000048'],
  ])('%s %j is accepted as %j', (field, value, expected) => {
    const result = parseCommitment(field, value);
    expect(result.error?.issues).toBeUndefined();
    expect((result.data as Record<string, unknown>)[field]).toEqual(expected);
  });

  it.each([
    ['organisation', 'x'.repeat(121), 'Organisation : 120 caractères au plus.'],
    ['organisation', 'Fonderie\nBcc: victime@exemple.fr', 'Organisation : le texte doit tenir sur une ligne.'],
    ['buyer_kind', '', 'Type d’acheteur : faites un choix.'],
    ['buyer_kind', 'association', 'Type d’acheteur : choix invalide.'],
    ['siret', '73282932000075', 'Numéro SIRET : les 5 derniers chiffres (le numéro d’établissement, ou NIC) ne correspondent pas aux 9 premiers (le SIREN) ; un chiffre est sans doute faux ou inversé.'],
    ['contact_name', '', 'Nom du contact : ce champ est obligatoire.'],
    ['role', undefined, 'Fonction : ce champ est obligatoire.'],
    ['email', 'achats@', 'Adresse e-mail : adresse invalide (ex. nom@exemple.fr).'],
    ['phone', '12', 'Téléphone : numéro invalide, chiffres seulement, avec l’indicatif (+41…) pour un numéro étranger (ex. 03 89 12 34 56).'],
    // Issue 12: the site's one e-mail rule (email-address/read-email-address.ts) and full phone metadata.
    ['email', 'frédéric@orange.fr', 'Adresse e-mail : la partie avant « @ » ne peut contenir ni accent ni lettre hors de l’alphabet latin simple : beaucoup de serveurs de messagerie refuseraient l’adresse. Vouliez-vous écrire « frederic@orange.fr » ?'],
    ['email', 'achats@mairie.test', 'Adresse e-mail : « test » est un nom de domaine réservé (essais, documentation ou réseau local) : aucune messagerie publique n’y répond. Indiquez une adresse réelle.'],
    ['email', 'achats..mairie@exemple.fr', 'Adresse e-mail : la partie avant « @ » ne peut ni commencer ni finir par un point, ni contenir deux points de suite.'],
    ['phone', '07 00 00 00 00', 'Téléphone : ce numéro n’existe pas dans le plan de numérotation, vérifiez les chiffres (ex. 03 89 12 34 56 ; +41 61 123 45 67 pour l’étranger).'],
    ['signing_date', '2000-01-01', 'Date de signature souhaitée : la date ne peut pas être déjà passée.'],
    ['signing_date', '29/02/2099', 'Date de signature souhaitée : date invalide, attendue au format jj/mm/aaaa (ex. 15/03/2027).'],
    ['consent', 'off', 'Consentement : votre accord est nécessaire pour envoyer le formulaire.'],
  ])('%s %j is refused: %s', (field, value, message) => {
    const result = parseCommitment(field, value);
    expect(result.error?.issues.map((issue) => [issue.path[0], issue.message])).toEqual([[field, message]]);
  });

  it('refuses every required field of an empty form, each message starting with the field’s French label', () => {
    const messages = messagesOf(commitmentSchema.safeParse({}));
    expect(Object.keys(messages).sort()).toEqual(Object.keys(COMMITMENT_LABELS).filter((field) => field !== 'signing_date').sort());
    for (const [field, list] of Object.entries(messages)) {
      for (const message of list) expect(message.startsWith(`${COMMITMENT_LABELS[field]} : `), `${field}: ${message}`).toBe(true);
    }
  });
});
