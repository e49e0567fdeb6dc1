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
