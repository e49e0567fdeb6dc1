import { describe, expect, it } from 'vitest';
import { describeKeyFigures, DIRECTORY_OPENING, NO_ORDER_YET } from '../../../src/lib/site/describe-key-figures.ts';

const none = { startups: 0, sampleStartups: 0, buyers: 0, orders: 0, totalOrderedHt: 0 };

describe('describeKeyFigures', () => {
  it.each([
    [
      'only samples and buyers (the launch state)',
      { ...none, sampleStartups: 4, buyers: 3 },
      ['3 acheteurs engagés'],
      [DIRECTORY_OPENING, NO_ORDER_YET, '4 fiches d’exemple fictives, signalées par le badge « Exemple », ne sont pas comptées.'],
    ],
    [
      'real startups, one sample, orders',
      { startups: 12, sampleStartups: 1, buyers: 1, orders: 2, totalOrderedHt: 29999.5 },
      ['12 startups du DAS numérique', '1 acheteur engagé', '2 bons de commande passés', '29 999,50 € HT commandés au total'],
      ['Une fiche d’exemple fictive, signalée par le badge « Exemple », n’est pas comptée.'],
    ],
    ['an empty programme: no zero anywhere', none, [], [DIRECTORY_OPENING, NO_ORDER_YET]],
  ])('%s', (_case, figures, items, notes) => {
    const text = describeKeyFigures(figures);
    expect(text.items.map((item) => `${item.value} ${item.label}`.replace(/[\u00a0\u202f]/g, ' '))).toEqual(items);
    expect(text.notes).toEqual(notes);
  });
});
