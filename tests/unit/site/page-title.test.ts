import { describe, expect, it } from 'vitest';
import { composePageTitle, describeDirectoryState, describeFormErrorState, describeSearchState } from '../../../src/lib/site/page-title.ts';

const SITE = 'Premiers bons de commande';

describe('page titles', () => {
  it.each([
    [[], 'Premiers bons de commande'],
    [['Rechercher'], 'Rechercher — Premiers bons de commande'],
    [['', 'Startups'], 'Startups — Premiers bons de commande'],
  ] as const)('composePageTitle(%j)', (parts, expected) => {
    expect(composePageTitle(parts, SITE)).toBe(expected);
  });

  it.each([
    ['annuaire', 12, '«\u00a0annuaire\u00a0»\u00a0: 12 résultats'],
    ['capteurs', 1, '«\u00a0capteurs\u00a0»\u00a0: 1 résultat'],
    ['zzz', 0, '«\u00a0zzz\u00a0»\u00a0: aucun résultat'],
    ['annuaire', undefined, 'Recherche indisponible'],
  ])('describeSearchState(%j, %j)', (words, total, expected) => {
    expect(describeSearchState(words, total)).toBe(expected);
  });

  it.each([
    [0, 'Startups filtrées\u00a0: aucun résultat'],
    [1, 'Startups filtrées\u00a0: 1 résultat'],
    [1200, 'Startups filtrées\u00a0: 1\u202f200 résultats'],
  ])('describeDirectoryState(%i)', (matching, expected) => {
    expect(describeDirectoryState(matching)).toBe(expected);
  });

  it.each([
    [1, 'Erreur\u00a0: 1 champ à corriger'],
    [2, 'Erreur\u00a0: 2 champs à corriger'],
  ])('describeFormErrorState(%i)', (count, expected) => {
    expect(describeFormErrorState(count)).toBe(expected);
  });
});

it('puts a state before a page’s own title (the search page)', () => {
  expect(composePageTitle(['« annuaire » : 12 résultats'], 'Rechercher — Premiers bons de commande')).toBe('« annuaire » : 12 résultats — Rechercher — Premiers bons de commande');
});
