import { describe, expect, it } from 'vitest';
import { readTypedDate } from '../../../../src/lib/forms/definitions/read-typed-date.ts';

describe('readTypedDate', () => {
  it.each([
    ['as a date picker sends it', '2027-03-15', '2027-03-15'],
    ['typed in French order', '15/03/2027', '2027-03-15'],
    ['without leading zeros', '5/3/2027', '2027-03-05'],
    ['with dots', '15.03.2027', '2027-03-15'],
    ['with dashes, day first', '15-03-2027', '2027-03-15'],
    ['with spaces around', ' 15 / 03 / 2027 ', '2027-03-15'],
    // Only the order changes: whether the date exists is the schema's check (z.iso.date).
    ['a day that does not exist', '31/02/2027', '2027-02-31'],
    ['a two-digit year: left as typed', '15/03/27', '15/03/27'],
    ['words: left as typed', 'mi-mars', 'mi-mars'],
  ])('%s: %j → %j', (_case, typed, expected) => {
    expect(readTypedDate(typed)).toBe(expected);
  });
});
