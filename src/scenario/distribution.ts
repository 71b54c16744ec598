/**
 * Distribution specifications in business terms, as they appear in scenario files.
 * A plain number is shorthand for a fixed value. Times are in days, money in yen.
 */
export type DistSpec =
  | number
  | { kind: 'fixed'; value: number }
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'triangular'; min: number; mode: number; max: number }
  | { kind: 'exponential'; mean: number }
  /** Gamma by its mean and either its P90 or its coefficient of variation (sd / mean). */
  | { kind: 'gamma'; mean: number; p90?: number; cv?: number }
  /** Erlang-k: the sum of k exponential phases with the given total mean. */
  | { kind: 'erlang'; mean: number; k: number }
  /** Lognormal by its mean and either its P90 or its coefficient of variation. */
  | { kind: 'lognormal'; mean: number; p90?: number; cv?: number }
  /** Observed values, each drawn with equal probability. */
  | { kind: 'empirical'; values: number[] };
