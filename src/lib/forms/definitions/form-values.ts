/**
 * Readers for the values typed in the public forms, shared by the browser (for
 * hints) and the functions (for the verdict). Each returns the normalised value
 * or `undefined` when the text cannot be read; messages are added by the schemas.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import punycode from 'punycode/punycode.js';

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

/**
 * An e-mail address, normalised once: trimmed, Unicode NFC, domain in lower
 * case. Accented domains (`contact@société-verte.fr`) are kept as typed; the
 * domain must be one the platform's IDNA rules can encode (checked with `URL`).
 * @returns the normalised address, or `undefined` when it is not an address
 */
export function readEmailAddress(text: string): string | undefined {
  const value = text.trim().normalize('NFC');
  const at = value.lastIndexOf('@');
  if (at < 1 || at === value.length - 1) return undefined;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1).toLowerCase();
  if (!/^[^\s@"(),:;<>[\\\]]+$/.test(local) || local.length > 64) return undefined;
  // ASCII other than letters, digits, `-` and `.` is not part of a domain, but the URL
  // parser below would drop or split on it (`exemple.fr:25`, `exemple.fr/x`, a tab).
  if (/[\x00-\x2c\x2f\x3a-\x60\x7b-\x7f]/.test(domain)) return undefined;
  let asciiDomain: string;
  try {
    asciiDomain = new URL(`http://${domain}`).hostname;
  } catch {
    return undefined;
  }
  if (!/^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z0-9-]{2,}$/.test(asciiDomain)) return undefined;
  // Browsers send the domain of an `<input type="email">` in its ASCII form
  // (`xn--socit-verte-ebbb.fr`): keep the Unicode form people recognise.
  return `${local}@${punycode.toUnicode(asciiDomain)}`;
}

/**
 * A phone number, French numbers by default (`03 89 12 34 56`), international
 * ones with their `+` prefix.
 * @returns the number in E.164 form (`+33389123456`), or `undefined` when invalid
 */
export function readPhoneNumber(text: string): string | undefined {
  const phone = parsePhoneNumberFromString(text.trim(), 'FR');
  return phone?.isValid() ? phone.number : undefined;
}
