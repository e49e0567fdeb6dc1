import { describe, expect, it } from 'vitest';
import { computeOrderTotals } from '../../../src/lib/site/compute-order-totals.ts';

describe('computeOrderTotals', () => {
  it('sums orders by year (most recent first) and by kind (every kind), in cents', () => {
    const totals = computeOrderTotals([
      { kind: 'etude', amount_ht: 0.1, ordered_on: '2025-12-31' },
      { kind: 'etude', amount_ht: 0.2, ordered_on: '2025-01-01' },
      { kind: 'prototype', amount_ht: 15000, ordered_on: '2024-06-30' },
    ]);
    expect(totals).toEqual({
      byYear: [
        { year: 2025, orders: 2, amountHt: 0.3 },
        { year: 2024, orders: 1, amountHt: 15000 },
      ],
      byKind: [
        { kind: 'prototype', orders: 1, amountHt: 15000 },
        { kind: 'etude', orders: 2, amountHt: 0.3 },
        { kind: 'pilote', orders: 0, amountHt: 0 },
      ],
    });
  });

  it('has no year and zero for every kind without orders', () => {
    expect(computeOrderTotals([])).toEqual({
      byYear: [],
      byKind: [
        { kind: 'prototype', orders: 0, amountHt: 0 },
        { kind: 'etude', orders: 0, amountHt: 0 },
        { kind: 'pilote', orders: 0, amountHt: 0 },
      ],
    });
  });
});
