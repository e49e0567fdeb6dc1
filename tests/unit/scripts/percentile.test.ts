import { describe, expect, it } from 'vitest';
import { percentile } from '../../../scripts/lib/percentile.ts';

describe('percentile (the benchmarks’ medians and p95)', () => {
  it('gives the middle of three runs whatever their order', () => {
    expect(percentile([50.0, 17.5, 22.7], 0.5)).toBe(22.7);
    expect(percentile([22.7, 50.0, 17.5], 0.5)).toBe(22.7);
  });

  it('gives the lower middle value of an even count (nearest rank)', () => {
    expect(percentile([4, 1, 3, 2], 0.5)).toBe(2);
  });

  it('gives the 95th value of a hundred at p95, and the largest of few', () => {
    const hundred = Array.from({ length: 100 }, (_, index) => 100 - index);
    expect(percentile(hundred, 0.95)).toBe(95);
    expect(percentile([3, 9, 1], 0.95)).toBe(9);
  });

  it('leaves the measurements in their order', () => {
    const runs = [3, 1, 2];
    percentile(runs, 0.5);
    expect(runs).toEqual([3, 1, 2]);
  });
});
