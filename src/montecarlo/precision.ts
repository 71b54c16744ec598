/**
 * Replications that stop when the answer is precise enough (issue 13): instead of
 * a count, a run may ask that the 95% confidence interval of one measure's mean
 * (ARR at the horizon, say) be within ±`relative` of that mean. The rule is
 * checked after each replication, in replication order, from `minReplications`
 * on, and reads nothing but the replications so far: where a run stops depends
 * on its scenario and seed alone, never on workers or chunking, and a run that
 * stopped at n is the run of its first n replications.
 */
import type { RunAccumulator } from './accumulator.ts';
import { tQuantile, type Summary } from './stats.ts';

/** Replications before the rule is first checked: a confidence interval from fewer is itself too uncertain to stop on. */
export const DEFAULT_MIN_REPLICATIONS = 10;

/** The measure a precision asked in the app is about: ARR at the horizon, the figure plans are judged by. */
export const ARR_AT_HORIZON: readonly string[] = ['revenue', 'arrEndYen'];

/** A precision to reach. */
export interface PrecisionTarget {
  /** The scalar measure judged, as in the result (e.g. ['revenue', 'arrEndYen']). */
  path: string[];
  /** The 95% confidence interval's half-width as a share of the mean: 0.01 is "within ±1%". */
  relative: number;
  /** Replications before the rule is checked (default DEFAULT_MIN_REPLICATIONS). */
  minReplications?: number;
}

/**
 * Half-width of the 95% confidence interval of the mean (Student t, as in the
 * summaries) over the absolute mean, from its moments; Infinity while undefined
 * (fewer than 2 values, or a mean of 0).
 */
export function relativeHalfWidth({ n, mean, m2 }: { n: number; mean: number; m2: number }): number {
  if (n < 2 || mean === 0) return Infinity;
  return (tQuantile(0.975, n - 1) * Math.sqrt(m2 / (n - 1) / n)) / Math.abs(mean);
}

/** A check of `target` against an accumulator, made once per run (it resolves the measure's index). */
export function precisionCheck(acc: RunAccumulator, target: PrecisionTarget): () => boolean {
  if (!(target.relative > 0)) throw new Error(`precision: relative must be a positive share (got ${target.relative})`);
  const index = acc.scalarIndex(target.path);
  const min = Math.max(2, target.minReplications ?? DEFAULT_MIN_REPLICATIONS);
  return () => acc.count >= min && relativeHalfWidth(acc.momentsOf(index)) <= target.relative;
}

/**
 * The same share read from a summary (its 95% confidence interval of the mean,
 * over the absolute mean): how precise the figure on screen is. NaN when there is
 * no interval (fewer than 2 values, a fixed input, or a mean of 0).
 */
export function summaryRelativeHalfWidth(s: Summary): number {
  if (!(s.n >= 2) || s.mean === 0 || !Number.isFinite(s.ciHigh) || !Number.isFinite(s.mean)) return NaN;
  return (s.ciHigh - s.mean) / Math.abs(s.mean);
}
