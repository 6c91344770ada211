/**
 * Holm's (1979) step-down adjustment of a family of p-values: sort ascending, multiply the i-th
 * smallest (from 1) by m − i + 1, keep the running maximum, cap at 1. Nulls (tests not run) stay
 * null and do not count in m. Rejecting where the adjusted p < α keeps the chance of any false
 * "significant" in the family ≤ α, whatever the dependence between the tests.
 */
export function holmAdjust(pValues: readonly (number | null)[]): (number | null)[] {
  const order: number[] = [];
  pValues.forEach((p, i) => {
    if (p === null) return;
    if (!(p >= 0 && p <= 1)) throw new RangeError(`sonde: p-values must lie in [0, 1] (got ${p} at [${i}])`);
    order.push(i);
  });
  order.sort((i, j) => pValues[i]! - pValues[j]!);
  const adjusted: (number | null)[] = pValues.map(() => null);
  let running = 0;
  order.forEach((i, rank) => {
    running = Math.max(running, Math.min(1, (order.length - rank) * pValues[i]!));
    adjusted[i] = running;
  });
  return adjusted;
}
