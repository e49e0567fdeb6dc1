/**
 * Zod building blocks for the public forms. Every message starts with the
 * field's French label, so a visitor knows which field to fix even in a list of
 * errors far from the form. Every typed value goes through the text hygiene of
 * `text/text-hygiene.ts` first (NFC; one-line values refuse controls, bidi and
 * invisible characters; free text drops invisible ones), in the browser and in
 * the functions alike.
 */
import { z } from 'zod';
import { compactIdentifier, describeIdentifierProblem, findSiretProblem } from '../../identifiers/siren.ts';
import { formatEurosHt } from '../../format/money.ts';
import { toParisCalendarDate } from '../../format/calendar-date.ts';
import { emailAddressMessage, readEmailAddress } from '../../email-address/read-email-address.ts';
import { readPhoneNumber } from '#phone-rule';
import { phoneNumberMessage } from '../../phone-number/phone-shape.ts';
import { readTypedDate } from './read-typed-date.ts';
import { describeTextProblem, isBlankText, readFreeText, readOneLineText, type TextVerdict } from '../../text/text-hygiene.ts';
import { readFrenchAmount } from './form-values.ts';

/** Blank text (spaces and invisible characters only), `null` and a missing value all mean "not filled in". */
function blankToUndefined(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  return typeof value === 'string' && isBlankText(value) ? undefined : value;
}

function stringInput(label: string) {
  return z.string({
    error: (issue) => (issue.input === undefined ? `${label} : ce champ est obligatoire.` : `${label} : texte attendu.`),
  });
}

/** The text as a hygiene rule reads it; a refusal becomes an issue starting with the label. */
function readHygienic(label: string, read: (text: string) => TextVerdict, value: string, context: z.core.$RefinementCtx): string {
  const verdict = read(value);
  if (verdict.ok) return verdict.text;
  context.issues.push({ code: 'custom', input: value, message: `${label} : ${describeTextProblem(verdict.problem)}` });
  return z.NEVER;
}

/** Text read by a hygiene rule (`readOneLineText`, `readFreeText`). */
function hygienicInput(label: string, read: (text: string) => TextVerdict) {
  return stringInput(label).transform((value, context) => readHygienic(label, read, value, context));
}

/** A number (a script's JSON) or one-line text; `expected` ends the message for anything else. */
function numberOrTextInput(label: string, expected: string) {
  return z
    .union([z.number(), z.string()], {
      error: (issue) => (issue.input === undefined ? `${label} : ce champ est obligatoire.` : `${label} : ${expected}`),
    })
    .transform((value, context) => (typeof value === 'number' ? value : readHygienic(label, readOneLineText, value, context)));
}

/** One-line text input: NFC, trimmed; controls, bidi and invisible characters refused (`readOneLineText`). */
function textInput(label: string) {
  return hygienicInput(label, readOneLineText);
}

/** A required field: blank values are refused with "ce champ est obligatoire". */
function required<Schema extends z.ZodType>(schema: Schema) {
  return z.preprocess(blankToUndefined, schema);
}

/** Makes a field optional: blank values (`''`, `null`, missing) become `undefined`. */
export function optional<Schema extends z.ZodType>(schema: Schema) {
  return z.preprocess(blankToUndefined, schema.optional());
}

/**
 * One-line text: NFC, trimmed, at most `max` characters (UTF-16 units, as the
 * browser's `maxlength` counts); no line break (header injection), control,
 * bidi, invisible or private-use character (`readOneLineText`).
 */
export function oneLineText(label: string, { max = 200 } = {}) {
  return required(textInput(label).pipe(z.string().max(max, `${label} : ${max} caractères au plus.`)));
}

/**
 * Multi-line text: NFC, line breaks as LF, invisible characters removed,
 * trimmed, between `min` and `max` characters; controls other than tab and
 * line breaks refused (`readFreeText`).
 */
export function multiLineText(label: string, { min = 1, max = 4000 } = {}) {
  return required(
    hygienicInput(label, readFreeText)
      .pipe(
        z
          .string()
          .min(min, `${label} : ${min} caractères au moins.`)
          .max(max, `${label} : ${max} caractères au plus.`),
      ),
  );
}

/**
 * An e-mail address under the site's one rule (`email-address/read-email-address.ts`):
 * stored with its domain in Unicode; reserved domains (`.test`, `.example`…) refused.
 * Each refusal says why in French, an accented local part with the unaccented suggestion.
 */
export function emailAddress(label: string) {
  return required(
    textInput(label).transform((value, context) => {
      const verdict = readEmailAddress(value);
      if (!verdict.ok) {
        context.issues.push({ code: 'custom', input: value, message: emailAddressMessage(verdict, label) });
        return z.NEVER;
      }
      return verdict.address;
    }),
  );
}

/**
 * A phone number, French by default, stored in E.164 (`+33389123456`). The
 * functions check it against the full numbering plans (`phone-number/read-phone-number.ts`,
 * overseas numbers typed nationally get their own country code); the browser
 * checks its shape only (`#phone-rule`, see package.json `imports`).
 */
export function phoneNumber(label: string) {
  return required(
    textInput(label).transform((value, context) => {
      const reading = readPhoneNumber(value);
      if (!reading.ok) {
        context.issues.push({ code: 'custom', input: value, message: phoneNumberMessage(reading.reason, label) });
        return z.NEVER;
      }
      return reading.number;
    }),
  );
}

/**
 * A SIRET (14 digits, spaces and dots allowed when typed), checked with the
 * shared INSEE rules of `identifiers/siren.ts` (Luhn key; La Poste's
 * establishments: digit sum multiple of 5; all zeros refused); the message
 * names the part that is wrong, the SIREN or the establishment number.
 */
export function siret(label: string) {
  return required(
    textInput(label)
      .transform(compactIdentifier)
      .pipe(
        z
          .string()
          .regex(/^\d{14}$/, { message: `${label} : 14 chiffres attendus (ex. 732 829 320 00074).`, abort: true })
          .superRefine((value, context) => {
            const problem = findSiretProblem(value);
            if (problem !== undefined) context.addIssue({ code: 'custom', input: value, message: `${label} : ${describeIdentifierProblem(problem, 14)}` });
          }),
      ),
  );
}

/** A French postcode: five digits, kept as text. */
export function postcode(label: string) {
  return required(textInput(label).pipe(z.string().regex(/^\d{5}$/, `${label} : 5 chiffres attendus (ex. 68100).`)));
}

/** An http(s) address; `www.exemple.fr` typed without scheme gets `https://`. */
export function websiteAddress(label: string) {
  return required(
    textInput(label)
      .transform((value) => (/^https?:\/\//i.test(value) ? value : `https://${value}`))
      .pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: `${label} : adresse web invalide (ex. https://exemple.fr).` })),
  );
}

/**
 * An amount in euros HT typed the French way (`15000,50`, `15 000`), strictly
 * positive and at most `ceilingHt` (the programme ceiling from settings).
 */
export function amountHt(label: string, ceilingHt: number) {
  return required(
    numberOrTextInput(label, 'montant attendu (ex. 12 000 ou 12000,50).')
      .transform((value, context) => {
        const amount = typeof value === 'number' ? value : readFrenchAmount(value);
        if (amount === undefined || !Number.isFinite(amount)) {
          context.issues.push({ code: 'custom', input: value, message: `${label} : montant attendu en euros (ex. 12 000 ou 12000,50).` });
          return z.NEVER;
        }
        return amount;
      })
      .pipe(
        z
          .number()
          .positive(`${label} : le montant doit être supérieur à 0 €.`)
          .max(ceilingHt, `${label} : au plus ${formatEurosHt(ceilingHt)}, le plafond d’un premier bon de commande.`),
      ),
  );
}

/** A whole number between `min` and `max` (e.g. a team size). */
export function wholeNumber(label: string, { min, max }: { min: number; max: number }) {
  return required(
    numberOrTextInput(label, 'nombre entier attendu.')
      .transform((value) => (typeof value === 'number' ? value : /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN))
      .pipe(
        z
          .number({ error: `${label} : nombre entier attendu.` })
          .int(`${label} : nombre entier attendu.`)
          .min(min, `${label} : au moins ${min}.`)
          .max(max, `${label} : au plus ${max}.`),
      ),
  );
}

/** One value among `values` (a `<select>` or radio group). */
export function oneOf<const Value extends string>(label: string, values: readonly Value[]) {
  return required(
    z.enum(values as unknown as [Value, ...Value[]], {
      error: (issue) => (issue.input === undefined ? `${label} : faites un choix.` : `${label} : choix invalide.`),
    }),
  );
}

/** Several values among `values` (checkboxes); a single checked box arrives as a string. */
export function someOf(label: string, values: readonly string[], { min = 0 } = {}) {
  return z.preprocess(
    (value) => {
      const list = blankToUndefined(value) === undefined ? [] : Array.isArray(value) ? value : [value];
      return list.filter((item) => !(typeof item === 'string' && item.trim() === ''));
    },
    z
      .array(z.string().refine((value) => values.includes(value), `${label} : choix invalide.`))
      .min(min, min === 1 ? `${label} : cochez au moins une case.` : `${label} : cochez au moins ${min} cases.`)
      .transform((list) => [...new Set(list)]),
  );
}

/** How the date fields' hints and messages name the format: the one French people see and type. */
export const DATE_FORMAT_HINT = 'Format : jj/mm/aaaa (ex. 15/03/2027).';

/**
 * A calendar date from `<input type="date">`, output `YYYY-MM-DD`: as a date
 * picker sends it, or typed `jj/mm/aaaa` where the browser has no picker
 * (`readTypedDate`). The message names the format people type.
 */
export function calendarDate(label: string) {
  // `abort`: a date that cannot be read is not also reported as already passed.
  return required(
    z.preprocess(
      (value) => (typeof value === 'string' ? readTypedDate(value) : value),
      z.iso.date({ error: `${label} : date invalide, attendue au format jj/mm/aaaa (ex. 15/03/2027).`, abort: true }),
    ),
  );
}

/** A calendar date that is today or later in Europe/Paris (a wished delivery date). */
export function calendarDateFromToday(label: string) {
  return calendarDate(label).refine((date) => date >= toParisCalendarDate(new Date()), `${label} : la date ne peut pas être déjà passée.`);
}

/** A consent checkbox: must be checked (`on`, `true`, `oui`). */
export function consent(label: string) {
  return z.preprocess(
    (value) => value === true || value === 'on' || value === 'true' || value === 'oui',
    z.literal(true, { error: `${label} : votre accord est nécessaire pour envoyer le formulaire.` }),
  );
}
