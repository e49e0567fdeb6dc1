/**
 * Key figures of the programme shown on the home page, computed from content.
 */
import type { Site } from './assemble-site.ts';

/** Counts of published entries and the total ordered, in euros HT. */
export interface KeyFigures {
  /** Published real startups: fictional sample entries are not counted (issue 14). */
  readonly startups: number;
  /** Published fictional sample entries (shown with an "Exemple" badge), counted apart. */
  readonly sampleStartups: number;
  /** Published committed buyers. */
  readonly buyers: number;
  /** Published placed orders. */
  readonly orders: number;
  /** Sum of the published orders' amounts, euros HT, rounded to the cent. */
  readonly totalOrderedHt: number;
}

/** Compute the key figures of a published site. */
export function computeKeyFigures(site: Site): KeyFigures {
  const totalCents = site.orders.reduce((sum, order) => sum + Math.round(order.amount_ht * 100), 0);
  return {
    startups: site.startups.filter((startup) => !startup.sample).length,
    sampleStartups: site.startups.filter((startup) => startup.sample).length,
    buyers: site.buyers.length,
    orders: site.orders.length,
    totalOrderedHt: totalCents / 100,
  };
}
