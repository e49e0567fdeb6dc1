/**
 * Phone numbers (issue 12): full numbering plans on the server (libphonenumber
 * metadata "max"), overseas numbers typed nationally stored with their own
 * country code (ARCEP national numbering plan), E.164 stored, national form shown.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import examples from 'libphonenumber-js/examples.mobile.json';
import { getCountryCallingCode, type CountryCode } from 'libphonenumber-js/max';
import { formatPhoneNumber, readPhoneNumber } from '../../../src/lib/phone-number/read-phone-number.ts';
import { readPhoneNumber as readInBrowser } from '../../../src/lib/phone-number/read-phone-number-in-browser.ts';
import { phoneNumberMessage } from '../../../src/lib/phone-number/phone-shape.ts';

describe('readPhoneNumber: stored in E.164 (ITU-T E.164)', () => {
  it.each([
    ['03 89 12 34 56', '+33389123456', 'French fixed line, national form'],
    ['0389123456', '+33389123456', 'without separators'],
    ['03.89.12.34.56', '+33389123456', 'dots'],
    ['03-89-12-34-56', '+33389123456', 'hyphens'],
    ['03\u00a089\u202f12 34 56', '+33389123456', 'no-break spaces'],
    ['+33 3 89 12 34 56', '+33389123456', 'international form'],
    ['0033 3 89 12 34 56', '+33389123456', '00, the international prefix dialled from France'],
    ['06 12 34 56 78', '+33612345678', 'French mobile'],
    ['+41 61 123 45 67', '+41611234567', 'Swiss number'],
    ['+49 761 1234567', '+497611234567', 'German number'],
    // ARCEP plan: overseas numbers typed with ten digits keep their own country code.
    ['0694 20 30 40', '+594694203040', 'French Guiana mobile (GF, 0694)'],
    ['0594 29 12 34', '+594594291234', 'French Guiana fixed (GF, 0594)'],
    ['0262 12 34 56', '+262262123456', 'Réunion fixed (RE, 0262)'],
    ['0692 12 34 56', '+262692123456', 'Réunion mobile (RE, 0692)'],
    ['0590 27 12 34', '+590590271234', 'Guadeloupe fixed (GP, 0590)'],
    ['0690 12 34 56', '+590690123456', 'Guadeloupe mobile (GP, 0690)'],
    ['0596 61 23 45', '+596596612345', 'Martinique fixed (MQ, 0596), not metropolitan +33 596'],
    ['0696 12 34 56', '+596696123456', 'Martinique mobile (MQ, 0696)'],
    ['0269 61 12 34', '+262269611234', 'Mayotte fixed (YT, 0269), not +33 269'],
    ['0639 01 23 45', '+262639012345', 'Mayotte mobile (YT, 0639)'],
    ['0508 41 12 34', '+508411234', 'Saint-Pierre-et-Miquelon (PM, 0508), not +33 508'],
    ['+594 694 20 30 40', '+594694203040', 'overseas number in international form'],
    ['+33 (0)3 89 12 34 56', '+33389123456', 'bracketed trunk zero after the country code'],
  ])('%j → %j (%s)', (text, e164) => {
    expect(readPhoneNumber(text)).toEqual({ ok: true, number: e164 });
  });

  it.each([
    ['07 00 00 00 00', 'not-allocated', 'French range 070 not allocated (ARCEP plan; min metadata accepted it)'],
    ['+33 0 00 00 00 00', 'not-allocated', 'no such French number'],
    ['+33 6 94 12 34 56', 'not-allocated', '+33 694 does not exist: 0694 is French Guiana'],
    ['03 89 12 34 5', 'not-allocated', 'one digit missing'],
    ['03 89 12 34 56 7', 'not-allocated', 'one digit too many'],
    ['+1 555 0100', 'not-allocated', 'too short for the North American plan'],
    ['', 'shape', 'empty'],
    ['12', 'shape', 'too short for any E.164 number'],
    ['téléphone', 'shape', 'letters'],
    ['Tél. : 03 89 12 34 56', 'shape', 'a word before the number'],
    ['03 89 12 34 56 poste 12', 'shape', 'an extension'],
    ['++33 3 89 12 34 56', 'shape', 'two plus signs'],
    ['1234567890123456789', 'shape', 'more than 17 digits'],
  ])('%j is refused: %s (%s)', (text, reason) => {
    expect(readPhoneNumber(text)).toEqual({ ok: false, reason });
  });

  it.each([
    ['shape', 'Téléphone : numéro invalide, chiffres seulement, avec l’indicatif (+41…) pour un numéro étranger (ex. 03 89 12 34 56).'],
    ['not-allocated', 'Téléphone : ce numéro n’existe pas dans le plan de numérotation, vérifiez les chiffres (ex. 03 89 12 34 56 ; +41 61 123 45 67 pour l’étranger).'],
  ] as const)('the %s message names the field, in French', (reason, message) => {
    expect(phoneNumberMessage(reason, 'Téléphone')).toBe(message);
  });
});

describe('formatPhoneNumber: the national form where it is shown (e-mails, CLI, CSV)', () => {
  it.each([
    ['+33389123456', '03 89 12 34 56'],
    ['+33612345678', '06 12 34 56 78'],
    ['+594694203040', '0694 20 30 40'],
    ['+262262123456', '0262 12 34 56'],
    ['+590590271234', '0590 27 12 34'],
    ['+596596612345', '0596 61 23 45'],
    ['+262269611234', '0269 61 12 34'],
    ['+508411234', '0508 41 12 34'],
    ['+41611234567', '+41 61 123 45 67'],
    ['pas un numéro', 'pas un numéro'],
  ])('%j → %j', (e164, shown) => {
    expect(formatPhoneNumber(e164)).toBe(shown);
  });

  it.each(['03 89 12 34 56', '0694 20 30 40', '0508 41 12 34', '0269 61 12 34', '+41 61 123 45 67'])('the shown form of %j reads back as the same number', (text) => {
    const stored = readPhoneNumber(text);
    expect(stored.ok).toBe(true);
    if (stored.ok) expect(readPhoneNumber(formatPhoneNumber(stored.number))).toEqual(stored);
  });
});

describe('the browser never refuses what the server accepts', () => {
  it('for the example mobile number of every country, typed internationally (libphonenumber examples)', () => {
    const accepted = Object.entries(examples as Record<string, string>).filter(([country, national]) => {
      const text = `+${getCountryCallingCode(country as CountryCode)} ${national}`;
      const server = readPhoneNumber(text);
      if (server.ok) expect(readInBrowser(text).ok, country).toBe(true);
      return server.ok;
    });
    expect(accepted.length).toBeGreaterThan(200);
  });

  it('for any text made of digits, separators, + and letters', () => {
    const character = fc.constantFrom(...'0123456789 .-+()/ abx'.split(''));
    fc.assert(
      fc.property(fc.array(character, { maxLength: 24 }).map((chars) => chars.join('')), fc.constantFrom('', '0', '+33', '0033', '+594', '06'), (tail, head) => {
        const text = `${head}${tail}`;
        if (readPhoneNumber(text).ok) expect(readInBrowser(text).ok).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
