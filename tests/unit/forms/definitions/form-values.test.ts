import { describe, expect, it } from 'vitest';
import { readFrenchAmount } from '../../../../src/lib/forms/definitions/form-values.ts';

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
