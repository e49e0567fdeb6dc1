import { describe, expect, it } from 'vitest';
import { readEmailAddress, readFrenchAmount, readPhoneNumber } from '../../../../src/lib/forms/definitions/form-values.ts';

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

describe('readEmailAddress', () => {
  it.each([
    ['Contact@Société-Verte.FR ', 'Contact@société-verte.fr'],
    ['contact@société-verte.fr', 'contact@société-verte.fr'],
    ['achats+it@exemple.fr', 'achats+it@exemple.fr'],
    ['  Jean.Dupont@EXEMPLE.fr\t', 'Jean.Dupont@exemple.fr'],
    ['ÉLODIE@exemple.fr', 'ÉLODIE@exemple.fr'],
    // Decomposed "é" (e + combining acute) is stored composed (NFC).
    ['contact@socie\u0301te\u0301.fr', 'contact@société.fr'],
    // Browsers send an `<input type="email">` domain in ASCII (punycode): it is stored as people typed it.
    ['jeanne@xn--socit-verte-ebbb.fr', 'jeanne@société-verte.fr'],
  ])('reads %j as %j', (text, address) => {
    expect(readEmailAddress(text)).toBe(address);
  });

  it('normalises once: reading a normalised address gives it back unchanged', () => {
    const once = readEmailAddress('Contact@Société-Verte.FR ');
    expect(once).toBe('Contact@société-verte.fr');
    expect(readEmailAddress(once!)).toBe(once);
  });

  it.each([
    ['', 'empty'],
    ['pas-une-adresse', 'no @'],
    ['@exemple.fr', 'no local part'],
    ['jean@', 'no domain'],
    ['jean@exemple', 'a domain without dot'],
    ['jean@localhost', 'a single label'],
    ['jean@exemple.fr.', 'a trailing dot'],
    ['jean@exemple..fr', 'an empty label'],
    ['jean@-exemple.fr', 'a label starting with a hyphen'],
    ['jean@exemple_x.fr', 'an underscore in the domain'],
    ['jean dupont@exemple.fr', 'a space in the local part'],
    ['jean@exe mple.fr', 'a space in the domain'],
    ['jean@exem\tple.fr', 'a tab in the domain'],
    ['jean@@exemple.fr', 'two @'],
    ['jean"@exemple.fr', 'a quote'],
    ['<jean@exemple.fr>', 'angle brackets'],
    ['jean@1.2.3.4', 'an IP address'],
    ['jean@[1.2.3.4]', 'an address literal'],
    [`${'a'.repeat(65)}@exemple.fr`, 'a local part over 64 characters'],
    ['jean@exemple.fr:25', 'a port after the domain'],
    ['jean@exemple.fr/chemin', 'a path after the domain'],
    ['jean@exemple.fr?cc=autre@exemple.fr', 'a query after the domain'],
    ['jean@exemple.fr#x', 'a fragment after the domain'],
    ['jean@ex%41mple.fr', 'a percent-escape in the domain'],
  ])('refuses %j (%s)', (text) => {
    expect(readEmailAddress(text)).toBeUndefined();
  });
});

describe('readPhoneNumber', () => {
  it.each([
    ['03 89 12 34 56', '+33389123456'],
    ['0389123456', '+33389123456'],
    ['03.89.12.34.56', '+33389123456'],
    ['+33 3 89 12 34 56', '+33389123456'],
    ['0033 3 89 12 34 56', '+33389123456'],
    ['06 12 34 56 78', '+33612345678'],
    ['+41 61 123 45 67', '+41611234567'],
    ['+49 761 1234567', '+497611234567'],
  ])('reads %j as %j (E.164)', (text, e164) => {
    expect(readPhoneNumber(text)).toBe(e164);
  });

  it.each([
    ['', 'empty'],
    ['12', 'too short'],
    ['03 89 12 34 5', 'one digit missing'],
    ['03 89 12 34 56 7', 'one digit too many'],
    ['téléphone', 'letters'],
    ['+33 0 00 00 00 00', 'not an allocated number'],
  ])('refuses %j (%s)', (text) => {
    expect(readPhoneNumber(text)).toBeUndefined();
  });
});
