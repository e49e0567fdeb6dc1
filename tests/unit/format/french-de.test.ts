import { describe, expect, it } from 'vitest';
import { deName } from '../../../src/lib/format/french-de.ts';

describe('deName', () => {
  it.each([
    ['Atelier Numérique Rhénan', 'd’Atelier Numérique Rhénan'],
    ['Élan Robotique', 'd’Élan Robotique'],
    ['industrie Plus', 'd’industrie Plus'],
    ['Œuvre commune', 'd’Œuvre commune'],
    ['Yvelines Numérique', 'd’Yvelines Numérique'],
    ['Rhin Logiciels', 'de Rhin Logiciels'],
    ['Haguenau Tech', 'de Haguenau Tech'],
    ['3D Alsace', 'de 3D Alsace'],
    ['« Mulhouse Alsace »', 'de « Mulhouse Alsace »'],
  ])('%s → %s', (name, expected) => {
    expect(deName(name)).toBe(expected);
  });
});
