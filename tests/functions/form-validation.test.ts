/**
 * Every validation rule through the handlers: the enhanced form gets a 422
 * with the field and a French message naming it; without JavaScript the error
 * page links each message to its field on the form page (`#champ-…`).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import orderHandler from '../../netlify/functions/demande-bon-de-commande.mts';
import commitmentHandler from '../../netlify/functions/engagement-acheteur.mts';
import applicationHandler from '../../netlify/functions/candidature.mts';
import { applyFrenchSpacing } from '../../src/lib/format/french-spacing.ts';
import { verifyFormToken } from '../../src/lib/forms/form-token.ts';
import { NO_STARTUP_PREFERENCE, type FormName } from '../../src/lib/forms/definitions/index.ts';
import { functionContext, settleBackgroundWork } from '../helpers/function-context.ts';
import { PROJECT_ROOT, REAL_SITE_DIST } from '../helpers/paths.ts';
import {
  decodeHtmlEntities,
  formRequest,
  FORMS_CONTENT_DIR,
  LOCAL_SIGNING_SECRET,
  looksLikeStackTrace,
  ORDERABLE_STARTUP,
  SAMPLE_STARTUP_SLUG,
  startFormServices,
  storedReferences,
  validApplicationFields,
  validCommitmentFields,
  validOrderFields,
  withToken,
  type FormServices,
} from '../helpers/form-fixtures.ts';

let services: FormServices;

beforeAll(async () => {
  services = await startFormServices();
});
afterAll(() => services.stop());

const CEILING = '15\u202f000\u00a0€\u00a0HT';

/** [field, value typed (undefined: left out), message]. */
type Case = readonly [field: string, value: string | readonly string[] | undefined, message: string];

const ORDER_CASES: readonly Case[] = [
  ['organisation', '', 'Organisation : ce champ est obligatoire.'],
  ['organisation', 'Ville\r\nBcc: victime@exemple.fr', 'Organisation : le texte doit tenir sur une ligne.'],
  ['organisation', 'x'.repeat(161), 'Organisation : 160 caractères au plus.'],
  ['buyer_kind', undefined, 'Type d’acheteur : faites un choix.'],
  ['buyer_kind', 'particulier', 'Type d’acheteur : choix invalide.'],
  ['siret', '', 'Numéro SIRET : ce champ est obligatoire.'],
  ['siret', '732 829 320', 'Numéro SIRET : 14 chiffres attendus (ex. 732 829 320 00074).'],
  ['siret', '732 829 320 00075', 'Numéro SIRET : les 5 derniers chiffres (le numéro d’établissement, ou NIC) ne correspondent pas aux 9 premiers (le SIREN) ; un chiffre est sans doute faux ou inversé.'],
  ['siret', '356 000 000 12345', 'Numéro SIRET : les 5 derniers chiffres (le numéro d’établissement, ou NIC) ne correspondent pas aux 9 premiers (le SIREN) ; un chiffre est sans doute faux ou inversé.'],
  ['contact_name', 'Élise\nMüller', 'Nom du contact : le texte doit tenir sur une ligne.'],
  ['role', 'Acheteuse\0', 'Fonction : caractère de contrôle interdit (U+0000) : retapez le texte au lieu de le coller.'],
  ['email', 'achats@exemple', 'Adresse e-mail : le domaine doit avoir une extension (ex. exemple.fr).'],
  ['email', 'achats@exemple.fr\r\nBcc: victime@exemple.fr', 'Adresse e-mail : le texte doit tenir sur une ligne.'],
  ['email', 'achats@exemple.fr:25', 'Adresse e-mail : le domaine « exemple.fr:25 » est mal formé : lettres, chiffres et tirets seulement, sans tiret au début ni à la fin d’une partie, 63 caractères au plus entre deux points.'],
  ['phone', '03 89 12', 'Téléphone : ce numéro n’existe pas dans le plan de numérotation, vérifiez les chiffres (ex. 03 89 12 34 56 ; +41 61 123 45 67 pour l’étranger).'],
  ['startup', 'startup-inconnue', 'Startup : cette startup ne peut pas recevoir de demande (elle n’est pas ou plus dans l’annuaire, ou sa fiche est un exemple fictif) ; choisissez-en une autre ou « Pas de préférence ».'],
  ['startup', '', 'Startup : ce champ est obligatoire.'],
  ['kind', 'licence', 'Type de commande : choix invalide.'],
  ['need', 'Trop court.', 'Description du besoin : 30 caractères au moins.'],
  ['budget_ht', '15000,01', `Budget (€ HT) : au plus ${CEILING}, le plafond d’un premier bon de commande.`],
  ['budget_ht', '0', 'Budget (€ HT) : le montant doit être supérieur à 0 €.'],
  ['budget_ht', 'quinze mille', 'Budget (€ HT) : montant attendu en euros (ex. 12 000 ou 12000,50).'],
  ['wished_date', '31/02/2099', 'Date souhaitée : date invalide, attendue au format jj/mm/aaaa (ex. 15/03/2027).'],
  ['consent', undefined, 'Consentement : votre accord est nécessaire pour envoyer le formulaire.'],
];

const APPLICATION_CASES: readonly Case[] = [
  ['company_name', 'Société\rVerte', 'Nom de l’entreprise : le texte doit tenir sur une ligne.'],
  ['siret', '73282932000075', 'Numéro SIRET : les 5 derniers chiffres (le numéro d’établissement, ou NIC) ne correspondent pas aux 9 premiers (le SIREN) ; un chiffre est sans doute faux ou inversé.'],
  ['postcode', '681', 'Code postal : 5 chiffres attendus (ex. 68100).'],
  ['commune', undefined, 'Commune : ce champ est obligatoire.'],
  ['website', 'javascript:alert(1)', 'Site web : adresse web invalide (ex. https://exemple.fr).'],
  ['sectors', undefined, 'Secteurs : cochez au moins une case.'],
  ['sectors', ['Industrie du futur', 'Agriculture'], 'Secteurs : choix invalide.'],
  ['technologies', 'Blockchain', 'Technologies : choix invalide.'],
  ['presentation', 'Trop court.', 'Présentation : 50 caractères au moins.'],
  ['offer_title', 'Prototype\nde capteur', 'Offre de premier bon de commande : le texte doit tenir sur une ligne.'],
  ['offer_kind', 'licence', 'Type d’offre : choix invalide.'],
  ['offer_price_ht', '15 000,01 €', `Prix indicatif (€ HT) : au plus ${CEILING}, le plafond d’un premier bon de commande.`],
  ['team_size', '4,5', 'Effectif : nombre entier attendu.'],
  ['team_size', '0', 'Effectif : au moins 1.'],
  ['email', 'contact@société verte.fr', 'Adresse e-mail : l’adresse contient une espace ou un caractère invisible (souvent apporté par un copier-coller) : retapez-la.'],
  ['phone', '+33 0', 'Téléphone : numéro invalide, chiffres seulement, avec l’indicatif (+41…) pour un numéro étranger (ex. 03 89 12 34 56).'],
  ['consent', 'off', 'Consentement : votre accord est nécessaire pour envoyer le formulaire.'],
];

const HANDLERS = { 'demande-bon-de-commande': orderHandler, candidature: applicationHandler, 'engagement-acheteur': commitmentHandler } as const;
const VALID = { 'demande-bon-de-commande': validOrderFields, candidature: validApplicationFields, 'engagement-acheteur': validCommitmentFields } as const;
const FORM_PATHS = { 'demande-bon-de-commande': '/demander-un-bon-de-commande/', candidature: '/candidater/', 'engagement-acheteur': '/s-engager/' } as const;

async function fieldsWith(form: FormName, field: string, value: Case[1]): Promise<Record<string, string | readonly string[]>> {
  const fields: Record<string, string | readonly string[]> = await withToken(form, VALID[form]());
  if (value === undefined) delete fields[field];
  else fields[field] = value;
  return fields;
}

const ALL_CASES = [
  ...ORDER_CASES.map((row) => ['demande-bon-de-commande', ...row] as const),
  ...APPLICATION_CASES.map((row) => ['candidature', ...row] as const),
];

/** Ids of the elements of a built form page. */
async function idsOfBuiltPage(path: string): Promise<Set<string>> {
  const html = await readFile(join(REAL_SITE_DIST, path, 'index.html'), 'utf8');
  return new Set([...html.matchAll(/\bid="([^"]+)"/g)].map((match) => match[1]!));
}

describe('invalid submissions', () => {
  it.each(ALL_CASES.map(([form, field, value, message]) => [form, field, message, value] as const))(
    '%s, %s → 422 JSON: %s',
    async (form, field, message, value) => {
      const response = await HANDLERS[form](formRequest(form, await fieldsWith(form, field, value), { accept: 'json' }), functionContext());
      expect(response.status).toBe(422);
      const body = (await response.json()) as { status: string; errors: { field: string; message: string }[]; token: string };
      expect(body.status).toBe('invalid');
      expect(body.errors).toEqual([{ field, message }]);
      // A fresh token comes back for the corrected submission.
      expect((await verifyFormToken(body.token, LOCAL_SIGNING_SECRET, form, Date.now(), { minFillMs: 0, maxAgeMs: 60_000 })).ok).toBe(true);
    },
  );

  it.each(ALL_CASES.map(([form, field, value, message]) => [form, field, message, value] as const))(
    '%s, %s → 422 page linking to the field: %s',
    async (form, field, message, value) => {
      const response = await HANDLERS[form](formRequest(form, await fieldsWith(form, field, value), { format: 'multipart' }), functionContext());
      expect(response.status).toBe(422);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const html = await response.text();
      expect(looksLikeStackTrace(html)).toBe(false);
      const links = [...html.matchAll(/<a href="([^"]*#champ-[^"]*)">([^<]*)<\/a>/g)].map((match) => [match[1], decodeHtmlEntities(match[2]!)]);
      const anchor = `champ-${field.replaceAll('_', '-')}`;
      expect(links).toEqual([[`${FORM_PATHS[form]}#${anchor}`, applyFrenchSpacing(message)]]);
      expect(html).toContain('le formulaire contient une erreur');
      // The link leads to an element of the real form page.
      expect((await idsOfBuiltPage(FORM_PATHS[form])).has(anchor)).toBe(true);
    },
  );

  it('lists every error of an empty order request, each on its field, in French', async () => {
    const response = await orderHandler(formRequest('demande-bon-de-commande', await withToken('demande-bon-de-commande', {}), { accept: 'json' }), functionContext());
    expect(response.status).toBe(422);
    const { errors } = (await response.json()) as { errors: { field: string; message: string }[] };
    expect(errors.map((error) => error.field).sort()).toEqual(['budget_ht', 'buyer_kind', 'consent', 'contact_name', 'email', 'kind', 'need', 'organisation', 'phone', 'role', 'siret', 'startup'].sort());
    for (const error of errors) expect(error.message).toMatch(/^[A-ZÉ][^:]* : [a-zàéèêô0-9]/u);
  });

  it('names a field the form does not have in French', async () => {
    const fields = { ...(await withToken('demande-bon-de-commande', validOrderFields())), constructor: 'x' };
    const response = await orderHandler(formRequest('demande-bon-de-commande', fields, { accept: 'json' }), functionContext());
    expect(response.status).toBe(422);
    expect(((await response.json()) as { errors: unknown }).errors).toEqual([{ field: 'formulaire', message: 'Formulaire : champ inattendu (constructor).' }]);
  });

  it('accepts the same request once corrected, and stored nothing before', async () => {
    expect(await storedReferences(services.database)).toEqual([]);
    expect(services.smtp.messages).toHaveLength(0);
    const fields = await withToken('demande-bon-de-commande', { ...validOrderFields(), startup: ORDERABLE_STARTUP.slug });
    const response = await orderHandler(formRequest('demande-bon-de-commande', fields, { accept: 'json' }), functionContext());
    expect(response.status).toBe(200);
    expect(await storedReferences(services.database)).toHaveLength(1);
    await settleBackgroundWork();
    expect(services.smtp.messages).toHaveLength(3);
  });
});

describe('a fictional sample startup (issue 14)', () => {
  const SAMPLE_REFUSED = 'Startup : cette startup ne peut pas recevoir de demande (elle n’est pas ou plus dans l’annuaire, ou sa fiche est un exemple fictif) ; choisissez-en une autre ou « Pas de préférence ».';

  beforeAll(() => {
    // `content/` publishes the sample: the function reads it, and still refuses it.
    process.env['CONTENT_DIR'] = join(PROJECT_ROOT, 'content');
  });
  afterAll(() => {
    process.env['CONTENT_DIR'] = FORMS_CONTENT_DIR;
  });

  it.each(['json', 'html'] as const)('cannot receive an order request (%s): refused naming the field, nothing stored or sent', async (accept) => {
    const stored = await storedReferences(services.database);
    const sent = services.smtp.messages.length;
    const fields = await withToken('demande-bon-de-commande', { ...validOrderFields(), startup: SAMPLE_STARTUP_SLUG });
    const response = await orderHandler(formRequest('demande-bon-de-commande', fields, { accept }), functionContext());
    expect(response.status).toBe(422);
    if (accept === 'json') {
      expect(((await response.json()) as { errors: unknown }).errors).toEqual([{ field: 'startup', message: SAMPLE_REFUSED }]);
    } else {
      expect(decodeHtmlEntities(await response.text())).toContain(applyFrenchSpacing(SAMPLE_REFUSED));
    }
    expect(await storedReferences(services.database)).toEqual(stored);
    await settleBackgroundWork();
    expect(services.smtp.messages).toHaveLength(sent);
  });

  it('is accepted once the buyer keeps « Pas de préférence »', async () => {
    const fields = await withToken('demande-bon-de-commande', { ...validOrderFields(), startup: NO_STARTUP_PREFERENCE });
    const response = await orderHandler(formRequest('demande-bon-de-commande', fields, { accept: 'json' }), functionContext());
    expect(response.status).toBe(200);
  });
});

describe('a date typed where the browser has no date picker (issue 14)', () => {
  it('jj/mm/aaaa, as a French visitor types it, is accepted without JavaScript and stored as YYYY-MM-DD', async () => {
    const year = new Date().getFullYear() + 1;
    const fields = await withToken('demande-bon-de-commande', { ...validOrderFields(), wished_date: `15/03/${year}` });
    const response = await orderHandler(formRequest('demande-bon-de-commande', fields), functionContext());
    expect(response.status).toBe(303);
    const { rows } = await services.database.query<{ date: string }>(`SELECT data->>'wished_date' AS date FROM submissions ORDER BY id DESC LIMIT 1`);
    expect(rows).toEqual([{ date: `${year}-03-15` }]);
  });
});
