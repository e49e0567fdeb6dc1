/**
 * Phone numbers as the functions read and show them, with the full numbering
 * plans (`libphonenumber-js/max`, Google's libphonenumber metadata): numbers
 * that are not allocated (`07 00 00 00 00`) are refused, not only those of the
 * wrong length. Never imported by the form pages (about 40 KB gzip of
 * metadata): the browser checks the shape only (`phone-shape.ts`, chosen by
 * the `#phone-rule` import of package.json).
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { compactPhoneNumber, type PhoneReading } from './phone-shape.ts';

/**
 * French overseas departments and communities with their own country code
 * whose numbers are typed, in France, with ten digits starting with `0`: the
 * national prefixes of the ARCEP numbering plan (décision n° 2012-0856, plan
 * national de numérotation). `0694 12 34 56` is a Guianese mobile, +594 694…,
 * not a non-existent +33 694…; `0596…` is in Martinique even though +33 596…
 * would be a valid metropolitan number in the metadata.
 */
const OVERSEAS_PREFIXES: readonly { readonly country: CountryCode; readonly prefixes: readonly string[] }[] = [
  { country: 'GP', prefixes: ['0590', '0690', '0691'] },
  { country: 'GF', prefixes: ['0594', '0694'] },
  { country: 'MQ', prefixes: ['0596', '0696', '0697'] },
  { country: 'RE', prefixes: ['0262', '0263', '0692', '0693'] },
  { country: 'YT', prefixes: ['0269', '0639'] },
];

/** Saint-Pierre-et-Miquelon: `0508` then the six digits of its own plan (+508 41 12 34). */
const SAINT_PIERRE_PREFIX = '0508';

function overseasNumber(compact: string): string | undefined {
  if (!/^0\d{9}$/.test(compact)) return undefined;
  if (compact.startsWith(SAINT_PIERRE_PREFIX)) {
    const phone = parsePhoneNumberFromString(`+508${compact.slice(SAINT_PIERRE_PREFIX.length)}`);
    return phone?.isValid() ? phone.number : undefined;
  }
  const territory = OVERSEAS_PREFIXES.find(({ prefixes }) => prefixes.some((prefix) => compact.startsWith(prefix)));
  if (territory === undefined) return undefined;
  const phone = parsePhoneNumberFromString(compact, territory.country);
  return phone?.isValid() ? phone.number : undefined;
}

/**
 * Reads a typed number: French by default (`03 89 12 34 56`, `0033 3…`),
 * overseas numbers typed nationally with their own country code, international
 * ones with `+`. Separators allowed: spaces, dots, hyphens, slashes, brackets.
 * @returns the number in E.164 (`+33389123456`, `+594694123456`), or why it is refused:
 *   `shape` (not a phone number), `not-allocated` (no such number in the plan)
 */
export function readPhoneNumber(text: string): PhoneReading {
  const compact = compactPhoneNumber(text);
  if (compact === undefined) return { ok: false, reason: 'shape' };
  const overseas = overseasNumber(compact);
  if (overseas !== undefined) return { ok: true, number: overseas };
  const phone = parsePhoneNumberFromString(compact, 'FR');
  if (phone?.isValid()) return { ok: true, number: phone.number };
  return { ok: false, reason: 'not-allocated' };
}

/**
 * How a stored number is shown to the team (e-mails, CLI, CSV): French and
 * overseas numbers in their national form (`03 89 12 34 56`, `0694 12 34 56`),
 * others in the international form (`+41 61 123 45 67`).
 * @param e164 a stored number; anything else is returned unchanged
 */
export function formatPhoneNumber(e164: string): string {
  const phone = parsePhoneNumberFromString(e164);
  if (!phone?.isValid()) return e164;
  const national = `0${phone.nationalNumber}`;
  if (phone.country === 'PM') return `${SAINT_PIERRE_PREFIX} ${phone.nationalNumber.replace(/(\d{2})(?=\d)/g, '$1 ')}`;
  const isOverseas = OVERSEAS_PREFIXES.some(({ prefixes }) => prefixes.some((prefix) => national.startsWith(prefix)));
  return phone.country === 'FR' || isOverseas ? phone.formatNational() : phone.formatInternational();
}
