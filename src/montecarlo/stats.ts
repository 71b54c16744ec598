/**
 * Statistics across replications: mean, percentiles and the 95% confidence
 * interval of the mean. Non-finite values (a rate with nothing to divide) are left
 * out and counted, never averaged in.
 */
import { normalQuantile } from '../engine/special.ts';

/** A measure summarised over replications. */
export interface Summary {
  /** Replications with a finite value. */
  n: number;
  mean: number;
  sd: number;
  p10: number;
  p50: number;
  p90: number;
  /** 95% confidence interval of the mean (Student t). */
  ciLow: number;
  ciHigh: number;
}

/** Type-7 percentile (linear between order statistics) of ascending values. */
export { quantileSorted as percentileSorted } from '../engine/stage.ts';
import { quantileSorted as percentileSorted } from '../engine/stage.ts';

/**
 * Student t quantile by the Cornish-Fisher expansion around the normal (Abramowitz
 * and Stegun 26.7.5); within 1e-3 of the exact value from 3 degrees of freedom up.
 */
export function tQuantile(p: number, df: number): number {
  const z = normalQuantile(p);
  const z3 = z ** 3, z5 = z ** 5, z7 = z ** 7, z9 = z ** 9;
  return (
    z +
    (z3 + z) / (4 * df) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3) +
    (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * df ** 4)
  );
}

/** Summarises the finite values among `values`. */
export function summarize(values: ArrayLike<number>): Summary {
  const moments = new RunningMoments();
  const finite: number[] = [];
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) continue;
    finite.push(values[i]);
    moments.add(values[i]);
  }
  return summaryOf(moments, Float64Array.from(finite).sort());
}

/**
 * Count, mean and sum of squared deviations of finite values added one by one
 * (Welford: stable for large yen sums). The same additions in the same order give
 * the same bits, so a streaming summary equals the summary of the stored values.
 */
export class RunningMoments {
  n = 0;
  mean = 0;
  m2 = 0;

  /** Adds `x` (callers pass finite values only). */
  add(x: number): void {
    const d = x - this.mean;
    this.n++;
    this.mean += d / this.n;
    this.m2 += d * (x - this.mean);
  }
}

/** The Summary of values with these moments, whose finite values are `sorted` (ascending). */
export function summaryOf(moments: RunningMoments, sorted: ArrayLike<number>): Summary {
  const { n, mean, m2 } = moments;
  if (n === 0) return { n, mean: NaN, sd: NaN, p10: NaN, p50: NaN, p90: NaN, ciLow: NaN, ciHigh: NaN };
  const sd = n > 1 ? Math.sqrt(m2 / (n - 1)) : 0;
  const half = n > 1 ? tQuantile(0.975, n - 1) * (sd / Math.sqrt(n)) : NaN;
  return {
    n,
    mean,
    sd,
    p10: percentileSorted(sorted, 0.1),
    p50: percentileSorted(sorted, 0.5),
    p90: percentileSorted(sorted, 0.9),
    ciLow: mean - half,
    ciHigh: mean + half,
  };
}

/** Share of finite values at or above `threshold`. */
export function probabilityAtLeast(values: ArrayLike<number>, threshold: number): number {
  let hit = 0, n = 0;
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) continue;
    n++;
    if (values[i] >= threshold) hit++;
  }
  return n ? hit / n : NaN;
}

/** Least-squares slope of `ys` against their index (change per point); NaN with fewer than 2 finite points. */
export function slopeOf(ys: ArrayLike<number>): number {
  let n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (let i = 0; i < ys.length; i++) {
    const y = ys[i];
    if (!Number.isFinite(y)) continue;
    n++;
    sx += i;
    sy += y;
    sxx += i * i;
    sxy += i * y;
  }
  const d = n * sxx - sx * sx;
  return n >= 2 && d > 0 ? (n * sxy - sx * sy) / d : NaN;
}
