import { describe, expect, it } from 'vitest';
import { comparableEmail } from '../../../src/lib/email-address/read-email-address.ts';

describe('comparableEmail', () => {
  it.each([
    ['Jeanne@Exemple.FR', 'jeanne@exemple.fr'],
    ['  jeanne@exemple.fr ', 'jeanne@exemple.fr'],
    ['JEANNE@EXEMPLE.FR.', 'jeanne@exemple.fr'],
    ['jeanne@société-verte.fr', 'jeanne@xn--socit-verte-ebbb.fr'],
    ['jeanne@socie\u0301te\u0301-verte.fr', 'jeanne@xn--socit-verte-ebbb.fr'],
    ['jeanne@XN--SOCIT-VERTE-EBBB.FR', 'jeanne@xn--socit-verte-ebbb.fr'],
    ['jeanne+essai@exemple.fr', 'jeanne+essai@exemple.fr'],
    ['sans-arobase', 'sans-arobase'],
  ])('%s → %s', (address, key) => {
    expect(comparableEmail(address)).toBe(key);
  });
});
