/**
 * What the key figures say, in French (issue 14): only true figures, never a
 * row of zeros. Fictional sample startups are never counted; while there is no
 * real startup the directory "opens", and while no order is recorded a sentence
 * says so instead of « 0 bon de commande » and « 0 € HT ».
 */
import { formatCount, formatEurosHt } from '../format/money.ts';
import type { KeyFigures } from './compute-key-figures.ts';

/** One figure: its value as shown (« 12 », « 15 000 € HT ») and what it counts. */
export interface KeyFigureItem {
  readonly value: string;
  readonly label: string;
}

/** The figures worth showing, and the sentences that replace the others. */
export interface KeyFiguresText {
  readonly items: readonly KeyFigureItem[];
  readonly notes: readonly string[];
}

/** Sentence shown while only sample startups are published. */
export const DIRECTORY_OPENING = 'L’annuaire ouvre : les premières startups du DAS numérique y seront présentées dès leur admission.';

/** Sentence shown while no order is recorded. */
export const NO_ORDER_YET = 'Aucun bon de commande n’est encore enregistré sur ce site : les premiers seront publiés ici dès leur signature.';

/**
 * Choose the figures and sentences of the key figures block.
 * @param figures counts of published entries (samples apart) and the total ordered in euros HT
 */
export function describeKeyFigures(figures: KeyFigures): KeyFiguresText {
  const items: KeyFigureItem[] = [];
  const notes: string[] = [];
  if (figures.startups > 0) {
    items.push({ value: formatCount(figures.startups), label: figures.startups > 1 ? 'startups du DAS numérique' : 'startup du DAS numérique' });
  } else {
    notes.push(DIRECTORY_OPENING);
  }
  if (figures.buyers > 0) {
    items.push({ value: formatCount(figures.buyers), label: figures.buyers > 1 ? 'acheteurs engagés' : 'acheteur engagé' });
  }
  if (figures.orders > 0) {
    items.push({ value: formatCount(figures.orders), label: figures.orders > 1 ? 'bons de commande passés' : 'bon de commande passé' });
    items.push({ value: formatEurosHt(figures.totalOrderedHt), label: 'commandés au total' });
  } else {
    notes.push(NO_ORDER_YET);
  }
  if (figures.sampleStartups > 0) {
    const samples = figures.sampleStartups > 1 ? `${formatCount(figures.sampleStartups)} fiches d’exemple fictives` : 'Une fiche d’exemple fictive';
    const counted = figures.sampleStartups > 1 ? 'ne sont pas comptées' : 'n’est pas comptée';
    notes.push(`${samples}, signalée${figures.sampleStartups > 1 ? 's' : ''} par le badge « Exemple », ${counted}.`);
  }
  return { items, notes };
}
