/**
 * The nearest-rank percentile of a list of measurements (the benchmarks' p50
 * and p95): the smallest value at or above `fraction` of them.
 * @param values measurements, in any order and any unit (returned in the same unit); at least one
 * @param fraction between 0 (excluded) and 1: 0.5 for the median (of 3 runs, the middle one), 0.95 for p95
 */
export function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}
