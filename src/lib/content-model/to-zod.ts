/**
 * Derives Zod schemas from the field definitions of the content model.
 *
 * Content rules (design: "Content rules"): `''`, `null` and a missing optional key
 * mean the same thing (no value); required values are never replaced by a
 * default such as 0 or 1970; postcodes and SIREN must be text; dates are
 * calendar dates; unknown keys are refused. Every message is in French and names
 * the expected form, because editors read it in build logs. Every text goes
 * through the text hygiene of `text/text-hygiene.ts`, as in the forms: NFC;
 * one-line values (strings, list items) refuse controls, bidi and invisible
 * characters; multi-line text drops invisible characters.
 */
import { z } from 'zod';
import { formatEurosHt, formatNumber } from '../format/money.ts';
import { describeIdentifierProblem, findSirenProblem } from '../identifiers/siren.ts';
import { describeTextProblem, isBlankText, readFreeText, readOneLineText, type TextVerdict } from '../text/text-hygiene.ts';
import { emailAddressMessage, readEmailAddress } from '../email-address/read-email-address.ts';
import { UPLOAD_PATTERN, resolveMax, resolveOptions } from './fields.ts';
import { FILE_SLUG_PATTERN, urlSlugOf } from './entry-slug.ts';
import type { FieldDefinition, FieldPattern, ModelContext, NumberField, SelectField } from './fields.ts';
import { toCalendarDateInput } from './calendar-date-input.ts';

const REQUIRED_MESSAGE = 'Champ obligatoire : aucune valeur saisie.';

/** True for the values that mean "no value": missing, `null`, or text with nothing a reader sees (`isBlankText`). */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && isBlankText(value));
}

/** Wraps a schema so that blank values become `undefined`, then are refused or allowed. */
function withPresence(field: FieldDefinition, schema: z.ZodType): z.ZodType {
  return z.preprocess((value) => (isBlank(value) ? undefined : value), field.required ? schema : schema.optional());
}

/** Error callback: "required" for a missing value, otherwise the given message. */
function requiredOr(message: (input: unknown) => string) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? REQUIRED_MESSAGE : message(issue.input));
}

function describe(input: unknown): string {
  if (input instanceof Date) return 'une date';
  if (Array.isArray(input)) return 'une liste';
  return typeof input === 'number' ? `le nombre ${input}` : typeof input;
}

const textExpected = requiredOr((input) =>
  typeof input === 'number'
    ? `Texte attendu, pas ${describe(input)} : écrivez la valeur entre guillemets (ex. '06000'), sinon un zéro initial est perdu.`
    : `Texte attendu, pas ${describe(input)}.`,
);

/** `caractère…` → `Caractère…`: content messages are sentences of their own. */
function toSentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Text read by a hygiene rule, then checked by `schema`; a refusal says why in French. */
function hygienicText(read: (text: string) => TextVerdict, schema: z.ZodType<unknown, string>): z.ZodType {
  return z
    .string({ error: textExpected })
    .transform((value, context) => {
      const verdict = read(value);
      if (verdict.ok) return verdict.text;
      context.issues.push({ code: 'custom', input: value, message: toSentence(describeTextProblem(verdict.problem)) });
      return z.NEVER;
    })
    .pipe(schema);
}

function applyPattern(schema: z.ZodString, pattern: FieldPattern | undefined): z.ZodString {
  // `abort`: a value of the wrong shape gets one message, not a second one from a checksum.
  return pattern ? schema.regex(new RegExp(pattern.source), { message: pattern.message, abort: true }) : schema;
}

/** The first words of every e-mail message of the content rule. */
const EMAIL_INVALID = 'Adresse e-mail invalide';

/**
 * The site's one e-mail rule (`email-address/read-email-address.ts`), with one
 * reserved name allowed: `.example` (RFC 2606), for the fictitious startups of
 * sample entries; `sampleOnlyAddresses` refuses it on the other entries.
 * The value becomes the stored form (trimmed, NFC, domain in lower-case Unicode).
 */
function contentEmailSchema(): z.ZodType<unknown, string> {
  return z.string({ error: textExpected }).transform((value, context) => {
    const verdict = readEmailAddress(value, { allowReserved: ['example'] });
    if (!verdict.ok) {
      context.issues.push({ code: 'custom', input: value, message: emailAddressMessage(verdict, EMAIL_INVALID) });
      return z.NEVER;
    }
    return verdict.address;
  });
}

/** Message of an `.example` address on an entry that is not a sample. */
export const SAMPLE_ONLY_EMAIL_MESSAGE = `${EMAIL_INVALID} : le domaine « example » est réservé aux fiches d’exemple (RFC 2606), aucune messagerie n’y répond. Indiquez une adresse réelle, ou cochez « Fiche d’exemple » si la fiche est fictive.`;

/** Names of the e-mail fields whose value uses `.example` while the entry is not marked `sample: true`. */
function sampleOnlyAddresses(fields: readonly FieldDefinition[], data: Record<string, unknown>): string[] {
  if (data['sample'] === true) return [];
  return fields
    .filter((field) => field.kind === 'string' && field.format === 'email')
    .map((field) => field.name)
    .filter((name) => {
      const value = data[name];
      if (typeof value !== 'string') return false;
      const verdict = readEmailAddress(value, { allowReserved: ['example'] });
      return verdict.ok && verdict.reserved === 'example';
    });
}

function stringSchema(field: Extract<FieldDefinition, { kind: 'string' }>): z.ZodType<unknown, string> {
  if (field.format === 'email') return contentEmailSchema();
  if (field.format === 'url') {
    return z.url({ protocol: /^https?$/, error: requiredOr(() => 'Adresse web invalide : elle doit commencer par https:// ou http://.') });
  }
  let schema = applyPattern(z.string({ error: textExpected }), field.pattern);
  if (field.maxLength !== undefined) schema = schema.max(field.maxLength, `${field.maxLength} caractères au plus.`);
  if (field.checksum === 'siren') {
    return schema.superRefine((value, context) => {
      const problem = findSirenProblem(value);
      if (problem !== undefined) context.addIssue({ code: 'custom', input: value, message: `Numéro SIREN invalide : ${describeIdentifierProblem(problem, 9)}` });
    });
  }
  return schema;
}

/** Reads numbers that a CMS saved as text (`'14999.50'`); other text stays text and is refused. */
function toNumberInput(value: unknown): unknown {
  return typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;
}

function numberSchema(field: NumberField, context: ModelContext): z.ZodType {
  let schema = z.number({ error: requiredOr((input) => `Nombre attendu (ex. 14999.50), pas ${describe(input)}.`) });
  if (field.integer) schema = schema.int('Nombre entier attendu.');
  if (field.min !== undefined) schema = schema.gte(field.min, `Le nombre doit être au moins ${formatNumber(field.min)}.`);
  const max = resolveMax(field, context);
  if (max !== undefined) {
    const message =
      field.max === 'ceiling'
        ? `Montant supérieur au plafond du programme (${formatEurosHt(max)}).`
        : `Le nombre doit être au plus ${formatNumber(max)}.`;
    schema = schema.lte(max, message);
  }
  return z.preprocess(toNumberInput, schema);
}

function selectSchema(field: SelectField, context: ModelContext): z.ZodType {
  const values = resolveOptions(field, context).map((option) => option.value);
  const choice = z.string({ error: textExpected }).refine((value) => values.includes(value), {
    error: (issue) => `Valeur inconnue « ${String(issue.input)} » : choisissez parmi ${values.map((value) => `« ${value} »`).join(', ')}.`,
  });
  if (!field.multiple) return choice;
  const list = z.array(choice, { error: requiredOr(() => 'Liste de valeurs attendue.') });
  return field.required && field.minItems ? list.min(field.minItems, `Choisissez au moins ${field.minItems} valeur(s).`) : list;
}

/** Messages of the media rules, shared with the editors' guide. */
export const MEDIA_MESSAGES = {
  missing: (path: string) => `Fichier introuvable : ${path} n’a pas été téléversé (ou a été supprimé). Choisissez l’image à nouveau dans le CMS.`,
  altRequired: 'Texte alternatif obligatoire quand une image est choisie : décrivez ce qu’elle montre (ex. « Logo d’Acme Robotique »).',
} as const;

function imageSchema(context: ModelContext): z.ZodType {
  const path = applyPattern(z.string({ error: textExpected }), UPLOAD_PATTERN);
  const { mediaExists } = context;
  return mediaExists ? path.refine(mediaExists, { error: (issue) => MEDIA_MESSAGES.missing(String(issue.input)) }) : path;
}

/**
 * The Zod schema of one field: blank values normalised, then the field's rule.
 * Lists and flags that are absent get their default (`[]`, the flag's default).
 */
export function fieldToZod(field: FieldDefinition, context: ModelContext): z.ZodType {
  switch (field.kind) {
    case 'string':
      return withPresence(field, hygienicText(readOneLineText, stringSchema(field)));
    case 'text': {
      const text = z.string();
      return withPresence(field, hygienicText(readFreeText, field.maxLength === undefined ? text : text.max(field.maxLength, `${field.maxLength} caractères au plus.`)));
    }
    case 'number':
      return withPresence(field, numberSchema(field, context));
    case 'boolean':
      return z.preprocess(
        (value) => (isBlank(value) ? undefined : value),
        z.boolean({ error: 'Oui ou non attendu (true ou false).' }).default(field.default),
      );
    case 'date':
      return withPresence(
        field,
        z.preprocess(toCalendarDateInput, z.iso.date({ error: requiredOr(() => 'Date attendue au format AAAA-MM-JJ (ex. 2025-03-15).') })),
      );
    case 'select':
      return field.multiple && !field.required
        ? z.preprocess((value) => (isBlank(value) ? undefined : value), selectSchema(field, context).default([]))
        : withPresence(field, selectSchema(field, context));
    case 'string-list': {
      const list = z.array(hygienicText(readOneLineText, z.string().min(1, 'Valeur vide dans la liste.')), {
        error: requiredOr(() => 'Liste de textes attendue.'),
      });
      return z.preprocess((value) => (isBlank(value) ? undefined : value), field.required ? list : list.default([]));
    }
    case 'object-list': {
      const list = z.array(fieldsToZodObject(field.fields, context), { error: requiredOr(() => 'Liste attendue.') });
      return withPresence(field, field.minItems ? list.min(field.minItems, `Au moins ${field.minItems} élément(s) attendu(s).`) : list);
    }
    case 'relation':
      // The file slug that Decap's relation widget stores, read as the entry's URL slug (`entry-slug.ts`).
      return withPresence(field, applyPattern(z.string({ error: textExpected }), FILE_SLUG_PATTERN).transform(urlSlugOf));
    case 'image':
      return withPresence(field, imageSchema(context));
    default:
      return assertNever(field);
  }
}

function assertNever(field: never): never {
  throw new Error(`Unknown field kind: ${JSON.stringify(field)}`);
}

/**
 * A strict object schema for a list of fields: unknown keys are refused with
 * their names, so a typo in front matter fails the build instead of being ignored.
 */
export function fieldsToZodObject(fields: readonly FieldDefinition[], context: ModelContext): z.ZodType {
  const shape = Object.fromEntries(fields.map((field) => [field.name, fieldToZod(field, context)]));
  const images = fields.filter((field) => field.kind === 'image');
  return z
    .strictObject(shape, {
      error: (issue) =>
        issue.code === 'unrecognized_keys' ? `Champ inconnu : ${issue.keys.join(', ')}. Vérifiez l’orthographe ou supprimez-le.` : undefined,
    })
    .superRefine((data: Record<string, unknown>, refinement) => {
      // An image without a description fails RGAA criterion 1.1: the alternative text is then required.
      for (const image of images) {
        if (data[image.name] !== undefined && data[image.altField] === undefined) {
          refinement.addIssue({ code: 'custom', path: [image.altField], message: MEDIA_MESSAGES.altRequired });
        }
      }
      for (const name of sampleOnlyAddresses(fields, data)) {
        refinement.addIssue({ code: 'custom', path: [name], message: SAMPLE_ONLY_EMAIL_MESSAGE });
      }
    });
}
