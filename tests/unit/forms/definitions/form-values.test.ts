import { describe, expect, it } from 'vitest';
import { compactDigits, hasControlCharacter, readFrenchAmount } from '../../../../src/lib/forms/definitions/form-values.ts';

describe('readFrenchAmount', () => {
  it.each([
    ['15000,50', 15000.5],
    ['15 000', 15000],
    ['15 000 €', 15000],
    ['15000.50 € HT', 15000.5],
    ['15\u202f000\u00a0€\u00a0HT', 15000],
    ['15000 EUR', 15000],
    ['15000€HT', 15000],
    ['12,5', 12.5],
    ['  950  ', 950],
    ['0', 0],
    ['00015', 15],
  ])('reads %j as %d', (text, euros) => {
    expect(readFrenchAmount(text)).toBe(euros);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'blank'],
    ['€', 'currency only'],
    ['HT', 'HT only'],
    ['-5', 'a sign'],
    ['+5', 'a plus sign'],
    ['1e3', 'exponent notation'],
    ['12,555', 'three decimals'],
    ['15,000.50', 'English thousands separator'],
    ['15.000,50', 'dot as thousands separator'],
    ['douze mille', 'words'],
    ['12 000 $', 'another currency'],
    ['Infinity', 'infinity'],
  ])('refuses %j (%s)', (text) => {
    expect(readFrenchAmount(text)).toBeUndefined();
  });
});

describe('hasControlCharacter', () => {
  it.each([
    ['Ville\nde Mulhouse', true],
    ['Ville\rde Mulhouse', true],
    ['Ville\r\nBcc: x@exemple.fr', true],
    ['Ville\0', true],
    ['Ville\u2028de Mulhouse', true],
    ['Ville\u2029de Mulhouse', true],
    ['Ville de Mulhouse', false],
    // Every other control character too: a tab, a vertical tab, NEL.
    ['Ville\tde Mulhouse', true],
    ['Ville\vde Mulhouse', true],
    ['Ville\u0085de Mulhouse', true],
    // Bidirectional overrides reorder the text the team reads.
    ['Ville\u202ede Mulhouse', true],
    ['Ville\u2066de\u2069 Mulhouse', true],
    ['Ville\u00a0de\u202fMulhouse', false],
    ['', false],
  ])('%j → %s', (text, expected) => {
    expect(hasControlCharacter(text)).toBe(expected);
  });
});

describe('compactDigits', () => {
  it.each([
    ['732 829 320 00074', '73282932000074'],
    ['732.829.320.00074', '73282932000074'],
    ['732\u00a0829\u202f320 00074', '73282932000074'],
    ['ABC', 'ABC'],
  ])('%j → %j', (text, digits) => {
    expect(compactDigits(text)).toBe(digits);
  });
});
