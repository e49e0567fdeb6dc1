import { describe, expect, it } from 'vitest';
import { applyFrenchSpacing } from '../../../src/lib/format/french-spacing.ts';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

describe('applyFrenchSpacing', () => {
  it.each([
    ['Contact : ici', `Contact${NBSP}: ici`],
    ['Contact: ici', `Contact${NBSP}: ici`],
    ['Vraiment ? Oui !', `Vraiment${NNBSP}? Oui${NNBSP}!`],
    ['un ; deux', `un${NNBSP}; deux`],
    ['« Exemple »', `«${NBSP}Exemple${NBSP}»`],
    ['«Exemple»', `«${NBSP}Exemple${NBSP}»`],
    ['Fin :', `Fin${NBSP}:`],
    // Left alone: URLs, query strings, times, already correct text.
    ['https://exemple.fr/a?b=c', 'https://exemple.fr/a?b=c'],
    ['à 10:30', 'à 10:30'],
    [`Contact${NBSP}: ici`, `Contact${NBSP}: ici`],
  ])('%j → %j', (input, expected) => {
    expect(applyFrenchSpacing(input)).toBe(expected);
  });

  it('is idempotent', () => {
    const once = applyFrenchSpacing('Quoi ? « Ceci » : cela ; voilà !');
    expect(applyFrenchSpacing(once)).toBe(once);
  });
});
