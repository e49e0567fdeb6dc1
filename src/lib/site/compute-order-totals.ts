/**
 * Totals of the orders placed, by year and by kind, for the home page and the
 * results page. Computed from the published orders at build time.
 */
import type { OrderData } from '../content-model/collections.ts';
import { ORDER_KINDS } from '../content-model/collections.ts';
import { yearOf } from '../format/calendar-date.ts';

/** Number of orders and their sum in euros HT (rounded to the cent). */
export interface OrderTotal {
  readonly orders: number;
  readonly amountHt: number;
}

/** Totals of one year (calendar year of the order date, Europe/Paris). */
export interface YearTotal extends OrderTotal {
  readonly year: number;
}

/** Totals of one kind of order (`prototype`, `etude`, `pilote`). */
export interface KindTotal extends OrderTotal {
  readonly kind: OrderData['kind'];
}

/** Totals by year (most recent first) and by kind (every kind, in the model's order, zero included). */
export interface OrderTotals {
  readonly byYear: readonly YearTotal[];
  readonly byKind: readonly KindTotal[];
}

function total(orders: readonly Pick<OrderData, 'amount_ht'>[]): OrderTotal {
  // Sum in cents so that 0.1 + 0.2 stays 0.30 €.
  const cents = orders.reduce((sum, order) => sum + Math.round(order.amount_ht * 100), 0);
  return { orders: orders.length, amountHt: cents / 100 };
}

/**
 * Compute the totals of placed orders.
 * @param orders published orders (`ordered_on` a `YYYY-MM-DD` calendar date, `amount_ht` euros HT)
 * @returns years that have at least one order; every kind, with zero when none
 */
export function computeOrderTotals(orders: readonly Pick<OrderData, 'kind' | 'amount_ht' | 'ordered_on'>[]): OrderTotals {
  const years = [...new Set(orders.map((order) => yearOf(order.ordered_on)))].sort((left, right) => right - left);
  return {
    byYear: years.map((year) => ({ year, ...total(orders.filter((order) => yearOf(order.ordered_on) === year)) })),
    byKind: ORDER_KINDS.map(({ value }) => ({ kind: value, ...total(orders.filter((order) => order.kind === value)) })),
  };
}
