import { describe, expect, it } from 'vitest';
import { hasValidLuhnChecksum, isValidSiren, isValidSiret } from '../../../src/lib/identifiers/siren.ts';

describe('SIREN', () => {
  it.each([
    ['732829320', true],
    ['356000000', true],
    ['732829321', false],
    ['73282932', false],
    ['7328293200', false],
    ['732 829 320', false],
    ['', false],
  ])('%j is valid: %s', (value, expected) => {
    expect(isValidSiren(value)).toBe(expected);
  });
});

describe('SIRET', () => {
  it.each([
    ['73282932000074', true],
    ['73282932000075', false],
    // La Poste: Luhn does not apply, the digit sum must be a multiple of 5.
    ['35600000049837', true],
    ['35600000000001', true],
    ['35600000000002', false],
    // …except its head office, whose SIRET has an ordinary Luhn key.
    ['35600000000048', true],
    ['7328293200007', false],
    // Luhn-valid over 14 digits, but its first nine digits are not a SIREN.
    ['73282932100007', false],
    ['7328293200007a', false],
  ])('%j is valid: %s', (value, expected) => {
    expect(isValidSiret(value)).toBe(expected);
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
