import { describe, expect, it } from 'vitest';
import {
  compactIdentifier,
  describeIdentifierProblem,
  findSirenProblem,
  findSiretProblem,
  hasValidLuhnChecksum,
} from '../../../src/lib/identifiers/siren.ts';

// Rules: INSEE (SIREN 9 digits, SIRET = SIREN + NIC, Luhn key « 1-2 »); La Poste's exception; all zeros allocated to no one.
describe('SIREN', () => {
  it.each([
    ['732829320', undefined, 'INSEE example, Luhn key valid'],
    ['356000000', undefined, 'La Poste'],
    ['732829321', 'siren-key', 'Luhn key does not match'],
    ['73282932', 'format', '8 digits'],
    ['7328293200', 'format', '10 digits'],
    ['732 829 320', 'format', 'spaces are stripped by callers, not here'],
    ['７３２８２９３２０', 'format', 'full-width digits are not ASCII'],
    ['', 'format', 'empty'],
    // Luhn sum 0 is a multiple of 10, but INSEE numbers legal units in sequence: 000 000 000 names none.
    ['000000000', 'unallocated', 'all zeros pass the key but are not allocated'],
  ])('%j → %s (%s)', (value, problem, _reason) => {
    expect(findSirenProblem(value)).toBe(problem);
  });
});

describe('SIRET', () => {
  it.each([
    ['73282932000074', undefined, 'INSEE example'],
    ['73282932000075', 'establishment-key', 'valid SIREN, the Luhn key of the 14 digits does not match: the NIC is wrong'],
    // La Poste: Luhn does not apply, the digit sum must be a multiple of 5.
    ['35600000049837', undefined, 'La Poste establishment, digit sum 35'],
    ['35600000000001', undefined, 'La Poste establishment, digit sum 15'],
    ['35600000000002', 'establishment-key', 'La Poste establishment, digit sum 16'],
    // …except its head office, whose SIRET has an ordinary Luhn key.
    ['35600000000048', undefined, 'La Poste head office, Luhn'],
    ['7328293200007', 'format', '13 digits'],
    // Luhn-valid over 14 digits, but its first nine digits are not a SIREN.
    ['73282932100007', 'siren-key', 'SIREN part invalid'],
    ['7328293200007a', 'format', 'a letter'],
    ['00000000000000', 'unallocated', 'all zeros: SIREN 000000000 is allocated to no one'],
    ['00000000000018', 'unallocated', 'a Luhn-valid NIC on the all-zeros SIREN'],
  ])('%j → %s (%s)', (value, problem, _reason) => {
    expect(findSiretProblem(value)).toBe(problem);
  });
});

describe('Luhn checksum', () => {
  it.each([
    ['0', true],
    ['18', true],
    ['79927398713', true],
    ['79927398710', false],
  ])('%j → %s', (digits, expected) => {
    expect(hasValidLuhnChecksum(digits)).toBe(expected);
  });
});

describe('identifiers typed with separators', () => {
  it.each([
    ['732 829 320 00074', '73282932000074'],
    ['732.829.320.00074', '73282932000074'],
    ['732\u00a0829\u202f320 00074', '73282932000074'],
    ['ABC', 'ABC'],
  ])('%j → %j', (text, digits) => {
    expect(compactIdentifier(text)).toBe(digits);
  });
});

describe('French reasons, shared by forms and content: plain words, naming the wrong part', () => {
  it.each([
    ['format', 9, '9 chiffres attendus.'],
    ['format', 14, '14 chiffres attendus.'],
    ['siren-key', 9, 'un chiffre est sans doute faux ou inversé ; recopiez les 9 chiffres depuis annuaire-entreprises.data.gouv.fr.'],
    ['siren-key', 14, 'les 9 premiers chiffres (le SIREN de l’entreprise) ne forment pas un SIREN valide ; un chiffre est sans doute faux ou inversé.'],
    ['establishment-key', 14, 'les 5 derniers chiffres (le numéro d’établissement, ou NIC) ne correspondent pas aux 9 premiers (le SIREN) ; un chiffre est sans doute faux ou inversé.'],
    ['unallocated', 9, 'une suite de zéros n’est attribuée à aucune entreprise par l’INSEE.'],
  ] as const)('%s (%i digits) → %s', (problem, digits, message) => {
    expect(describeIdentifierProblem(problem, digits)).toBe(message);
  });
});
