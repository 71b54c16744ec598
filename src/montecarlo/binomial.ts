/**
 * Intervals for a probability estimated from replications: the share of
 * replications in which something happened (a target reached). The Wilson score
 * interval keeps its coverage near the nominal level even for shares near 0 or 1
 * and for a few dozen replications, where the normal (Wald) interval does not
 * (Brown, Cai and DasGupta 2001).
 */
import { normalQuantile } from '../engine/special.ts';

/** A probability estimated from `n` trials with its interval. */
export interface ProbabilityEstimate {
  successes: number;
  n: number;
  /** successes / n (NaN when n is 0). */
  p: number;
  low: number;
  high: number;
  /** Two-sided level of the interval (0.95: 95%). */
  level: number;
}

/** The Wilson score interval of `successes` out of `n` at two-sided `level` (0 < level < 1). */
export function wilsonInterval(successes: number, n: number, level = 0.95): ProbabilityEstimate {
  if (!(level > 0 && level < 1)) throw new Error(`wilsonInterval: expected a level in (0, 1), got ${level}`);
  if (!(n >= 0 && successes >= 0 && successes <= n)) throw new Error(`wilsonInterval: expected 0 <= successes <= n, got ${successes} of ${n}`);
  if (n === 0) return { successes, n, p: NaN, low: 0, high: 1, level };
  const z = normalQuantile(1 - (1 - level) / 2);
  const p = successes / n;
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n));
  // At 0 or n successes the bound on that side is exactly 0 or 1 (rounding could leave 1e-17).
  return { successes, n, p, low: successes === 0 ? 0 : Math.max(0, centre - half), high: successes === n ? 1 : Math.min(1, centre + half), level };
}

/** The share of `values` at least `threshold`, with its Wilson interval (non-finite values count as misses). */
export function probabilityAtLeastWithInterval(values: readonly number[], threshold: number, level = 0.95): ProbabilityEstimate {
  let hits = 0;
  for (const v of values) if (v >= threshold) hits++;
  return wilsonInterval(hits, values.length, level);
}
