/**
 * SIREN and SIRET checks.
 *
 * Rule source: INSEE, "Le numéro SIREN / SIRET" — a SIREN is 9 digits whose Luhn
 * checksum is valid; a SIRET is the SIREN followed by a 5-digit establishment
 * number (NIC), and the 14 digits pass the Luhn checksum too. Exception: La Poste
 * (SIREN 356000000) has too many establishments for the Luhn key, so the SIRETs of
 * its establishments are valid when the sum of their 14 digits is a multiple of 5;
 * its head office (356 000 000 00048) keeps an ordinary Luhn key.
 */

/** SIREN of La Poste, the one organisation exempt from the SIRET Luhn key. */
export const LA_POSTE_SIREN = '356000000';

/** SIRET of La Poste's head office, which follows the ordinary Luhn rule. */
export const LA_POSTE_HEAD_OFFICE_SIRET = '35600000000048';

/**
 * Luhn checksum over a string of ASCII digits.
 * @param digits only `0`–`9`, any length ≥ 1
 * @returns true when the checksum is a multiple of 10
 */
export function hasValidLuhnChecksum(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    const digit = Number(digits[digits.length - 1 - index]);
    const weighted = index % 2 === 1 ? digit * 2 : digit;
    sum += weighted > 9 ? weighted - 9 : weighted;
  }
  return sum % 10 === 0;
}

/**
 * True when `value` is a SIREN: exactly 9 ASCII digits with a valid Luhn key.
 * No spaces are accepted here; callers strip display spaces first.
 */
export function isValidSiren(value: string): boolean {
  return /^\d{9}$/.test(value) && hasValidLuhnChecksum(value);
}

/**
 * True when `value` is a SIRET: exactly 14 ASCII digits whose first nine are a
 * valid SIREN, with a valid Luhn key over the 14 digits, or, for La Poste's
 * establishments (SIREN 356000000), digits adding up to a multiple of 5.
 */
export function isValidSiret(value: string): boolean {
  if (!/^\d{14}$/.test(value) || !isValidSiren(value.slice(0, 9))) return false;
  if (value.startsWith(LA_POSTE_SIREN) && value !== LA_POSTE_HEAD_OFFICE_SIRET) {
    const digitSum = [...value].reduce((sum, digit) => sum + Number(digit), 0);
    return digitSum % 5 === 0;
  }
  return hasValidLuhnChecksum(value);
}
