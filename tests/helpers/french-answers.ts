/**
 * What "a French message" means for the form endpoints, concretely: every
 * refusal says one of the sentences the code is known to produce (below), and
 * every field error starts with the French label of its field followed by
 * « : ». The fuzz, injection and fault tests check their answers with
 * `answerProblems`, which lists what is wrong with an answer (nothing: `[]`).
 */
import { FORM_DEFINITIONS, type FormName } from '../../src/lib/forms/definitions/index.ts';
import { decodeHtmlEntities, looksLikeStackTrace } from './form-fixtures.ts';

/** Every refusal sentence of the form functions and the token function. */
export const KNOWN_REFUSALS = [
  // request/read-form-request.ts
  'Méthode non acceptée : ce formulaire s’envoie avec POST.',
  'Format d’envoi non accepté : envoyez le formulaire depuis la page du site.',
  'Envoi mal formé : la délimitation du formulaire (boundary) manque.',
  'Envoi trop volumineux : raccourcissez vos textes.',
  'Envoi mal encodé : le texte doit être en UTF-8.',
  'Envoi mal formé : données illisibles.',
  'Envoi mal formé : données inattendues.',
  'Envoi mal formé : le formulaire n’a pas pu être lu.',
  'Envoi refusé : les fichiers joints ne sont pas acceptés.',
  'Envoi interrompu : le formulaire n’est pas arrivé en entier. Vérifiez votre connexion et envoyez-le à nouveau.',
  // handle-form-post.ts
  'Le service est momentanément indisponible : rien n’a été enregistré. Réessayez dans quelques minutes.',
  'Envoi refusé : le formulaire semble avoir été rempli automatiquement. Si vous pensez qu’il s’agit d’une erreur, écrivez à l’équipe du programme.',
  'Trop d’envois depuis votre connexion en peu de temps. Réessayez dans quelques minutes.',
  // request/check-request-origin.ts (cross-site posts)
  'Envoi refusé : ce formulaire ne peut être envoyé que depuis les pages de ce site. Ouvrez-le sur le site et envoyez-le de là.',
  // jeton.mts
  'Méthode non acceptée.',
  'Formulaire inconnu.',
  'Service momentanément indisponible.',
] as const;

/** Titles of the HTML message pages. */
const KNOWN_TITLES = ['Envoi impossible', 'Envoi refusé', 'Trop d’envois', 'Service indisponible'] as const;

/**
 * The French label each field's messages start with, plus the whole form: a
 * copy written by hand, so that a label changed in a definition
 * (`src/lib/forms/definitions/`) shows up as a broken contract.
 */
export const FIELD_LABELS: Readonly<Record<FormName, Readonly<Record<string, string>>>> = {
  candidature: {
    company_name: 'Nom de l’entreprise',
    siret: 'Numéro SIRET',
    postcode: 'Code postal',
    commune: 'Commune',
    website: 'Site web',
    sectors: 'Secteurs',
    technologies: 'Technologies',
    presentation: 'Présentation',
    offer_title: 'Offre de premier bon de commande',
    offer_kind: 'Type d’offre',
    offer_price_ht: 'Prix indicatif (€ HT)',
    team_size: 'Effectif',
    contact_name: 'Nom du contact',
    email: 'Adresse e-mail',
    phone: 'Téléphone',
    consent: 'Consentement',
    formulaire: 'Formulaire',
  },
  'demande-bon-de-commande': {
    organisation: 'Organisation',
    buyer_kind: 'Type d’acheteur',
    siret: 'Numéro SIRET',
    contact_name: 'Nom du contact',
    role: 'Fonction',
    email: 'Adresse e-mail',
    phone: 'Téléphone',
    startup: 'Startup',
    kind: 'Type de commande',
    need: 'Description du besoin',
    budget_ht: 'Budget (€ HT)',
    wished_date: 'Date souhaitée',
    consent: 'Consentement',
    formulaire: 'Formulaire',
  },
  'engagement-acheteur': {
    organisation: 'Organisation',
    buyer_kind: 'Type d’acheteur',
    siret: 'Numéro SIRET',
    contact_name: 'Nom du contact',
    role: 'Fonction',
    email: 'Adresse e-mail',
    phone: 'Téléphone',
    signing_date: 'Date de signature souhaitée',
    consent: 'Consentement',
    formulaire: 'Formulaire',
  },
};

/** Words of the validation library's own (English) messages, which must never reach a visitor. */
const ENGLISH = /\b(invalid|expected|required|received|must|string|number|undefined|object)\b/i;

/** Text without any kind of space: French spacing (U+00A0, U+202F) is then irrelevant to comparisons. */
function squeeze(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, '');
}

const KNOWN_SQUEEZED = new Set<string>(KNOWN_REFUSALS.map(squeeze));

/** Problems of one field error message (`[]` when it names a field of `form` in French). */
export function fieldMessageProblems(form: FormName, message: string, field?: string): string[] {
  const labels = field === undefined ? Object.values(FIELD_LABELS[form]) : [FIELD_LABELS[form][field]].filter((label) => label !== undefined);
  if (labels.length === 0) return [`unknown field ${JSON.stringify(field)}`];
  const squeezed = squeeze(message);
  const problems: string[] = [];
  if (!labels.some((label) => squeezed.startsWith(`${squeeze(label)}:`) && squeezed.length > squeeze(label).length + 1)) {
    problems.push(`field message without its French label: ${JSON.stringify(message)}`);
  }
  if (ENGLISH.test(message.replace(/^[^:]*:/, ''))) problems.push(`English words in ${JSON.stringify(message)}`);
  return problems;
}

function textOf(html: string): string {
  return decodeHtmlEntities(html.replace(/<[^>]*>/g, ''));
}

function jsonProblems(form: FormName | 'jeton', status: number, text: string): string[] {
  let body: { status?: unknown; message?: unknown; errors?: unknown };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    return [`JSON answer that does not parse: ${text.slice(0, 200)}`];
  }
  if (status === 422 && form !== 'jeton') {
    if (!Array.isArray(body.errors) || body.errors.length === 0) return ['422 without errors'];
    return (body.errors as { field?: unknown; message?: unknown }[]).flatMap((error) =>
      typeof error.field === 'string' && typeof error.message === 'string' ? fieldMessageProblems(form, error.message, error.field) : [`malformed error ${JSON.stringify(error)}`],
    );
  }
  return typeof body.message === 'string' && KNOWN_SQUEEZED.has(squeeze(body.message)) ? [] : [`unknown refusal message ${JSON.stringify(body.message)}`];
}

/** The field errors listed in `section`, as text. */
function listedErrors(section: string): string[] {
  return [...section.matchAll(/<li><a href="[^"]*">(.*?)<\/a><\/li>/gs)].map((match) => textOf(match[1]!));
}

/**
 * A 422 page without JavaScript: the form's own page filled again
 * (`refill-form-page.ts`: its heading, then the summary of errors), or, when
 * that page cannot be fetched, the plain list of errors (`ErrorsContent`).
 * Either way the page title says the error state first (« Erreur : 2 champs à
 * corriger — <form title> »), and every listed error is labelled in French.
 */
function errorPageProblems(form: FormName, html: string): string[] {
  const formTitle = FORM_DEFINITIONS[form].title;
  const refilled = /<section class="form-errors" id="erreurs"[^>]*>(.*?)<\/section>/s.exec(html)?.[1];
  const plain = /<section aria-labelledby="erreurs">(.*?)<\/section>/s.exec(html)?.[1];
  const problems: string[] = [];
  let items: string[];
  if (refilled !== undefined) {
    const heading = /<main\b[^>]*>.*?<h1>(.*?)<\/h1>/s.exec(html)?.[1];
    if (heading === undefined || squeeze(textOf(heading)) !== squeeze(formTitle)) problems.push(`form page without its heading: ${heading}`);
    const summary = /<h2 id="erreurs-titre">(.*?)<\/h2>/s.exec(refilled)?.[1];
    if (summary === undefined || !squeeze(textOf(summary)).startsWith(squeeze('Le formulaire contient'))) problems.push(`unexpected summary heading ${summary}`);
    items = listedErrors(refilled);
  } else if (plain !== undefined) {
    const heading = /<h1 id="erreurs">(.*?)<\/h1>/s.exec(plain)?.[1];
    if (heading === undefined || !squeeze(textOf(heading)).startsWith(squeeze(`${formTitle} : le formulaire contient`))) problems.push(`unexpected title ${heading}`);
    items = listedErrors(plain);
  } else {
    return ['422 page without its list of errors'];
  }
  if (items.length === 0) problems.push('error page without errors');
  const title = /<title>(.*?)<\/title>/s.exec(html)?.[1];
  const state = `Erreur : ${items.length} ${items.length > 1 ? 'champs' : 'champ'} à corriger — ${formTitle}`;
  if (title === undefined || !squeeze(textOf(title)).startsWith(squeeze(state))) problems.push(`page title without the error state: ${title}`);
  return [...problems, ...items.flatMap((item) => fieldMessageProblems(form, item))];
}

function htmlProblems(form: FormName, status: number, html: string): string[] {
  if (!/<html lang="fr"/.test(html)) return ['HTML answer without lang="fr"'];
  if (status === 422) return errorPageProblems(form, html);
  const title = /<h1 id="\w+">(.*?)<\/h1>/s.exec(html)?.[1];
  if (title === undefined) return ['HTML answer without a title'];
  const message = /<\/h1><p>(.*?)<\/p>/s.exec(html)?.[1];
  const problems: string[] = [];
  if (!KNOWN_TITLES.some((known) => squeeze(known) === squeeze(textOf(title)))) problems.push(`unknown title ${title}`);
  if (message === undefined || !KNOWN_SQUEEZED.has(squeeze(textOf(message)))) problems.push(`unknown refusal message ${message}`);
  return problems;
}

/**
 * What is wrong with a refusal (status 400 to 499) of `form`'s endpoint.
 * @param contentType the answer's `Content-Type`
 * @param text the answer's body
 * @returns `[]` for a French refusal in JSON (known sentence, or field errors
 * each labelled) or in a French HTML page (known title and sentence, or for
 * a 422 the form page filled again or the plain list, its errors labelled);
 * otherwise one line per problem
 */
export function refusalProblems(form: FormName | 'jeton', status: number, contentType: string | null, text: string): string[] {
  const problems = looksLikeStackTrace(text) ? ['stack trace in the answer'] : [];
  if (contentType?.startsWith('application/json')) return [...problems, ...jsonProblems(form, status, text)];
  if (contentType?.startsWith('text/html') && form !== 'jeton') return [...problems, ...htmlProblems(form, status, text)];
  return [...problems, `refusal of type ${contentType}`];
}
