/**
 * SIREN and SIRET checks: the one rule for the content's SIREN (startup
 * entries) and the forms' SIRET (applications, order requests, commitments).
 *
 * Rule sources:
 * - INSEE, définition « Numéro SIREN / SIRET » (insee.fr, Sirene): a SIREN is 9
 *   digits whose Luhn key (« clé 1-2 ») is valid; a SIRET is the SIREN followed by
 *   a 5-digit establishment number (NIC), and the 14 digits pass the Luhn key too.
 * - La Poste (SIREN 356000000) has too many establishments for the Luhn key, so
 *   the SIRETs of its establishments are valid when the sum of their 14 digits is
 *   a multiple of 5; its head office (356 000 000 00048) keeps an ordinary key.
 * - INSEE allocates SIREN numbers one after the other, as plain sequence numbers
 *   (« un simple numéro d'ordre »); `000000000` passes the Luhn key (its sum is 0)
 *   but names no legal unit: it is what a person types to get past the field, so
 *   it is refused, and with it the all-zeros SIRET.
 */

/** SIREN of La Poste, the one organisation exempt from the SIRET Luhn key. */
export const LA_POSTE_SIREN = '356000000';

/** SIRET of La Poste's head office, which follows the ordinary Luhn rule. */
export const LA_POSTE_HEAD_OFFICE_SIRET = '35600000000048';

/**
 * Why an identifier is refused: `format` (not 9 or 14 ASCII digits),
 * `siren-key` (the SIREN, alone or as the first nine digits of a SIRET, fails
 * its Luhn key), `establishment-key` (the SIREN is valid but the 14 digits fail
 * the SIRET's key, or La Poste's digit sum: the establishment number, NIC, does
 * not match it), `unallocated` (passes the key but INSEE allocates no such
 * number: all zeros).
 */
export type IdentifierProblem = 'format' | 'siren-key' | 'establishment-key' | 'unallocated';

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
 * What is wrong with a SIREN, if anything. No spaces are accepted here: callers
 * strip display spaces first (`compactIdentifier`).
 * @returns `undefined` for a valid SIREN, else the problem
 */
export function findSirenProblem(value: string): IdentifierProblem | undefined {
  if (!/^\d{9}$/.test(value)) return 'format';
  if (!hasValidLuhnChecksum(value)) return 'siren-key';
  return /^0+$/.test(value) ? 'unallocated' : undefined;
}

/**
 * What is wrong with a SIRET, if anything: 14 ASCII digits whose first nine are
 * a valid SIREN, with a valid Luhn key over the 14 digits, or, for La Poste's
 * establishments (SIREN 356000000), digits adding up to a multiple of 5.
 * @returns `undefined` for a valid SIRET, else the problem
 */
export function findSiretProblem(value: string): IdentifierProblem | undefined {
  if (!/^\d{14}$/.test(value)) return 'format';
  const sirenProblem = findSirenProblem(value.slice(0, 9));
  if (sirenProblem !== undefined) return sirenProblem;
  if (value.startsWith(LA_POSTE_SIREN) && value !== LA_POSTE_HEAD_OFFICE_SIRET) {
    const digitSum = [...value].reduce((sum, digit) => sum + Number(digit), 0);
    return digitSum % 5 === 0 ? undefined : 'establishment-key';
  }
  return hasValidLuhnChecksum(value) ? undefined : 'establishment-key';
}

/** Digits of an identifier typed with spaces or dots (`732 829 320 00074`, `732.829.320`). */
export function compactIdentifier(text: string): string {
  return text.replace(/[\s\u00a0\u202f.]/g, '');
}

/**
 * Why a number is refused, in plain French (no « clé de Luhn »), naming the
 * part that is wrong: the SIREN (the nine first digits of a SIRET) or the
 * establishment number (NIC, its last five); the same words for forms and
 * content. The caller says which field (`Numéro SIRET : …`, `Numéro SIREN invalide : …`).
 * @param digits 9 for a SIREN field, 14 for a SIRET field
 */
export function describeIdentifierProblem(problem: IdentifierProblem, digits: 9 | 14): string {
  switch (problem) {
    case 'format':
      return `${digits} chiffres attendus.`;
    case 'siren-key':
      return digits === 9
        ? 'un chiffre est sans doute faux ou inversé ; recopiez les 9 chiffres depuis annuaire-entreprises.data.gouv.fr.'
        : 'les 9 premiers chiffres (le SIREN de l’entreprise) ne forment pas un SIREN valide ; un chiffre est sans doute faux ou inversé.';
    case 'establishment-key':
      return 'les 5 derniers chiffres (le numéro d’établissement, ou NIC) ne correspondent pas aux 9 premiers (le SIREN) ; un chiffre est sans doute faux ou inversé.';
    case 'unallocated':
      return 'une suite de zéros n’est attribuée à aucune entreprise par l’INSEE.';
  }
}
