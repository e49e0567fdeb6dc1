import { describe, expect, it } from 'vitest';
import { formatCount, formatEurosHt } from '../../../src/lib/format/money.ts';

const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe('formatEurosHt', () => {
  it.each([
    [15000, `15${NNBSP}000${NBSP}€${NBSP}HT`],
    [14999.5, `14${NNBSP}999,50${NBSP}€${NBSP}HT`],
    [0, `0${NBSP}€${NBSP}HT`],
    [1234567.891, `1${NNBSP}234${NNBSP}567,89${NBSP}€${NBSP}HT`],
  ])('%d → %j', (amount, expected) => {
    expect(formatEurosHt(amount)).toBe(expected);
  });
});

describe('formatCount', () => {
  it.each([
    [0, '0'],
    [10000, `10${NNBSP}000`],
  ])('%d → %j', (count, expected) => {
    expect(formatCount(count)).toBe(expected);
  });
});
