/**
 * Readers for the values typed in the public forms, shared by the browser (for
 * hints) and the functions (for the verdict). Each returns the normalised value
 * or `undefined` when the text cannot be read; messages are added by the schemas.
 * E-mail addresses and phone numbers have their own modules (`email-address/`, `phone-number/`).
 */

const SPACES = /[\s\u00a0\u202f]+/g;

/**
 * An amount in euros typed the French way: `15000,50`, `15 000`, `15 000 €`,
 * `15000.50 € HT` → 15000.5. At most two decimals; no sign.
 * @returns euros, or `undefined` when the text is not an amount
 */
export function readFrenchAmount(text: string): number | undefined {
  const compact = text.replace(SPACES, '').replace(/(€|EUR)?(HT)?$/i, '');
  if (!/^\d+([.,]\d{1,2})?$/.test(compact)) return undefined;
  return Number(compact.replace(',', '.'));
}

/** Digits of an identifier typed with spaces or dots (`732 829 320 00074`). */
export function compactDigits(text: string): string {
  return text.replace(/[\s\u00a0\u202f.]/g, '');
}

/**
 * True when a one-line value holds a control character: line breaks and NUL
 * (header injection, pasted blocks), any other C0/C1 control, the Unicode line
 * and paragraph separators, or a bidirectional override that would reorder
 * what the team reads (U+202A–U+202E, U+2066–U+2069).
 */
export function hasControlCharacter(text: string): boolean {
  return /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/.test(text);
}
