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
    // A text that starts with punctuation follows an element (`**Titre** : texte`).
    [' : texte', `${NBSP}: texte`],
    ['? Oui', `${NNBSP}? Oui`],
    // Amounts never wrap.
    ['jusqu’à 15 000 € HT', `jusqu’à 15${NNBSP}000${NBSP}€${NBSP}HT`],
    ['100 000€', `100${NNBSP}000${NBSP}€`],
    ['1 234 567 habitants', `1${NNBSP}234${NNBSP}567 habitants`],
    // Left alone: years side by side, phone numbers, postcodes.
    ['en 2024 2025', 'en 2024 2025'],
    ['03 89 12 34 56', '03 89 12 34 56'],
    ['68100 Mulhouse', '68100 Mulhouse'],
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

  it('spaces a text asked for again the same way, before and after it has forgotten the texts it kept', () => {
    const text = 'Prix indicatif : 4 400 € HT';
    const expected = `Prix indicatif${NBSP}: 4${NNBSP}400${NBSP}€${NBSP}HT`;
    expect(applyFrenchSpacing(text)).toBe(expected);
    expect(applyFrenchSpacing(text)).toBe(expected);
    // More texts than it keeps (10 000): it forgets them all once, then spaces each anew.
    const others = Array.from({ length: 10_001 }, (_, index) => applyFrenchSpacing(`Fiche n° ${index} : exemple`));
    expect(others.at(-1)).toBe(`Fiche n° 10000${NBSP}: exemple`);
    expect(applyFrenchSpacing(text)).toBe(expected);
  });
});
