/**
 * The shape of a typed phone number, without numbering-plan metadata, so that
 * the form pages stay small: the browser checks only this, the functions check
 * this and then the full numbering plans (`read-phone-number.ts`). Whatever the
 * functions accept therefore passes in the browser too.
 */

/** Why a phone number is refused. */
export type PhoneRefusal = 'shape' | 'not-allocated';

/**
 * The verdict on a typed number. `number` is E.164 (`+33389123456`) from the
 * functions; the browser's shape check gives the compact typed digits (its
 * value is not sent: the form posts what was typed).
 */
export type PhoneReading = { readonly ok: true; readonly number: string } | { readonly ok: false; readonly reason: PhoneRefusal };

/** Separators people type between digits: spaces (no-break ones too), dots, hyphens, slashes, brackets. */
const SEPARATORS = /[ \u00a0\u202f.\-/()]/g;

/**
 * The digits of a typed number, with `+` (international form) or `00` (the
 * international prefix dialled from France) kept in front: `03 89 12 34 56` →
 * `0389123456`; `+33 (0)3 89…` → `+3303…` (the numbering plans drop that trunk zero).
 * E.164 (ITU-T) numbers have at most 15 digits; the shortest ones in use, 6.
 * @returns the compact number, or `undefined` for anything else (letters, extensions, several `+`)
 */
export function compactPhoneNumber(text: string): string | undefined {
  const compact = text.trim().replace(SEPARATORS, '');
  const match = /^(\+|00)?(\d+)$/.exec(compact);
  if (!match) return undefined;
  const digits = match[2]!.length;
  return digits >= 6 && digits <= 15 + (match[1] === undefined ? 2 : 0) ? compact : undefined;
}

/** The browser's check: the shape only (see the module comment). */
export function readPhoneShape(text: string): PhoneReading {
  const compact = compactPhoneNumber(text);
  return compact === undefined ? { ok: false, reason: 'shape' } : { ok: true, number: compact };
}

/** The French message of a refusal, starting with the field's label. */
export function phoneNumberMessage(reason: PhoneRefusal, label: string): string {
  return reason === 'shape'
    ? `${label} : numéro invalide, chiffres seulement, avec l’indicatif (+41…) pour un numéro étranger (ex. 03 89 12 34 56).`
    : `${label} : ce numéro n’existe pas dans le plan de numérotation, vérifiez les chiffres (ex. 03 89 12 34 56 ; +41 61 123 45 67 pour l’étranger).`;
}
