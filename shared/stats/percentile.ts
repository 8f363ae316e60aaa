/** Nearest-rank percentile: the smallest value with at least p % of the values at or below it. */
export function nearestRank(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  // p × n first: (0.9 × 70) in floating point is 63.000…01, whose ceiling would be one rank too high.
  const rank = Math.max(1, Math.ceil((p * sorted.length) / 100));
  return sorted[rank - 1]!;
}
