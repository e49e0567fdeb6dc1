/**
 * Zod building blocks for the public forms. Every message starts with the
 * field's French label, so a visitor knows which field to fix even in a list of
 * errors far from the form.
 */
import { z } from 'zod';
import { isValidSiret } from '../../identifiers/siren.ts';
import { formatEurosHt } from '../../format/money.ts';
import { toParisCalendarDate } from '../../format/calendar-date.ts';
import { emailAddressMessage, readEmailAddress } from '../../email-address/read-email-address.ts';
import { readPhoneNumber } from '#phone-rule';
import { phoneNumberMessage } from '../../phone-number/phone-shape.ts';
import { readTypedDate } from './read-typed-date.ts';
import { compactDigits, hasControlCharacter, readFrenchAmount } from './form-values.ts';

/** Blank text, `null` and a missing value all mean "not filled in". */
function blankToUndefined(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  return typeof value === 'string' && value.trim() === '' ? undefined : value;
}

function textInput(label: string) {
  return z.string({
    error: (issue) => (issue.input === undefined ? `${label} : ce champ est obligatoire.` : `${label} : texte attendu.`),
  });
}

/** A required field: blank values are refused with "ce champ est obligatoire". */
function required<Schema extends z.ZodType>(schema: Schema) {
  return z.preprocess(blankToUndefined, schema);
}

/** Makes a field optional: blank values (`''`, `null`, missing) become `undefined`. */
export function optional<Schema extends z.ZodType>(schema: Schema) {
  return z.preprocess(blankToUndefined, schema.optional());
}

/** One-line text: trimmed, at most `max` characters, no line break or NUL (header injection). */
export function oneLineText(label: string, { max = 200 } = {}) {
  return required(
    textInput(label)
      .refine((value) => !hasControlCharacter(value), `${label} : le texte doit tenir sur une ligne.`)
      .transform((value) => value.trim())
      .pipe(z.string().max(max, `${label} : ${max} caractères au plus.`)),
  );
}

/** Multi-line text: trimmed, between `min` and `max` characters, no NUL. */
export function multiLineText(label: string, { min = 1, max = 4000 } = {}) {
  return required(
    textInput(label)
      .refine((value) => !value.includes('\0'), `${label} : caractère interdit.`)
      .transform((value) => value.trim().replace(/\r\n?/g, '\n'))
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
    textInput(label)
      // Line breaks and NUL get the message of every one-line field (header injection).
      .refine((value) => !hasControlCharacter(value), { message: `${label} : le texte doit tenir sur une ligne.`, abort: true })
      .transform((value, context) => {
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
 * A SIRET (14 digits, spaces allowed when typed), checked with the INSEE rules
 * (Luhn key; La Poste's establishments: digit sum multiple of 5).
 */
export function siret(label: string) {
  return required(
    textInput(label)
      .transform(compactDigits)
      .pipe(
        z
          .string()
          .regex(/^\d{14}$/, { message: `${label} : 14 chiffres attendus (ex. 732 829 320 00074).`, abort: true })
          .refine(isValidSiret, `${label} : numéro invalide, la clé de contrôle ne correspond pas.`),
      ),
  );
}

/** A French postcode: five digits, kept as text. */
export function postcode(label: string) {
  return required(
    textInput(label)
      .transform((value) => value.trim())
      .pipe(z.string().regex(/^\d{5}$/, `${label} : 5 chiffres attendus (ex. 68100).`)),
  );
}

/** An http(s) address; `www.exemple.fr` typed without scheme gets `https://`. */
export function websiteAddress(label: string) {
  return required(
    textInput(label)
      .transform((value) => value.trim())
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
    z
      .union([z.number(), textInput(label)], {
        error: (issue) => (issue.input === undefined ? `${label} : ce champ est obligatoire.` : `${label} : montant attendu (ex. 12 000 ou 12000,50).`),
      })
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
    z
      .union([z.number(), textInput(label)], {
        error: (issue) => (issue.input === undefined ? `${label} : ce champ est obligatoire.` : `${label} : nombre entier attendu.`),
      })
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
