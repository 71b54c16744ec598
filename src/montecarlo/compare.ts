/**
 * Comparing scenarios with common random numbers: replication r of every variant
 * uses the same seed and the same per-lead streams as replication r of the
 * baseline, so the difference of each pair is free of most of the noise that two
 * independent runs would carry. Differences are estimated from the pairs with
 * control variates (the replications' mean-zero control sums, see ControlSums),
 * with a 95% confidence interval and the probability (share of pairs) that the
 * variant is better.
 */
import { DEPARTMENTS, type Department, type Scenario } from '../scenario/types.ts';
import { lossCause, WAITING_LOSS_CAUSES } from '../domain/lossCauses.ts';
import { LOSS_CAUSES, type LossCause } from '../engine/results.ts';
import { controlBasis, controlledMean, MIN_RESIDUAL_DF, type ControlBasis } from './controlVariates.ts';
import type { RunAccumulator } from './accumulator.ts';
import type { BottleneckVerdict } from './bottleneck.ts';

/** Losses that waiting caused (the ones capacity can avoid). */
export const WAITING_LOSSES: readonly LossCause[] = WAITING_LOSS_CAUSES;

/**
 * Which way a compared measure is better: when higher, when lower, or neither
 * ('neutral': a count that grows with the work done, such as losses on the merits,
 * read as more or fewer and never as better or worse).
 */
export type Direction = 'higher' | 'lower' | 'neutral';

interface ComparedSpec {
  /** Scalar measures (paths in a replication result) whose sum is the measure. */
  paths: readonly (readonly string[])[];
  direction: Direction;
}

/*
 * A loss waiting caused is better when lower: capacity avoids it. A loss on the merits
 * (not qualified, disqualified by IS, deal lost, base churn) is neither: IS that works
 * twice the leads disqualifies more of them, and that is the work done, not a harm.
 */
const lossSpecs = Object.fromEntries(
  LOSS_CAUSES.map((c): [string, ComparedSpec] => [`lost.${c}`, { paths: [['funnel', 'lost', c]], direction: lossCause(c).whileWaiting ? 'lower' : 'neutral' }]),
) as Record<`lost.${LossCause}`, ComparedSpec>;

/** The measures a comparison reports, as sums of per-replication scalars, and which way is better (declared here only). */
export const COMPARED = {
  arrEndYen: { paths: [['revenue', 'arrEndYen']], direction: 'higher' },
  won: { paths: [['funnel', 'won']], direction: 'higher' },
  bookingsYen: { paths: [['revenue', 'bookingsYen']], direction: 'higher' },
  lostWhileWaiting: { paths: WAITING_LOSSES.map((c) => ['funnel', 'lost', c]), direction: 'lower' },
  ...lossSpecs,
  backlogEnd: { paths: (['insideSales', 'fieldSales', 'customerSuccess'] as const).map((d) => [d, 'queueEnd']), direction: 'lower' },
  costYen: { paths: [['revenue', 'costYen']], direction: 'lower' },
  cacYen: { paths: [['revenue', 'cacYen']], direction: 'lower' },
} satisfies Record<string, ComparedSpec>;
/** A compared measure. */
export type ComparedMeasure = keyof typeof COMPARED;
/** Which way measure `k` is better (see Direction). */
export const directionOf = (k: ComparedMeasure): Direction => (COMPARED[k] as ComparedSpec).direction;
/** Every compared measure, in report order. */
export const COMPARED_MEASURES = Object.keys(COMPARED) as ComparedMeasure[];
/** The control variates a comparison regresses on (see ControlSums), as result paths. */
const CONTROL_PATHS = (['sqlYen', 'wonYen', 'renewalYen', 'sqls', 'won'] as const).map((k) => ['controls', k]);
/**
 * Per-replication scalars that goal-seek's service targets are read from, by name
 * (see serviceEstimate in experiments/goalSeek.ts): kept per replication so a
 * service target, like the main target, can be read on a run's first n
 * replications rather than on everything the run holds.
 */
export const SERVICE_PATHS = {
  isWaitP90Days: ['insideSales', 'waitP90Days'],
  bookCoverageEnd: ['bookCoverageEnd'],
  fsQueueEnd: ['fieldSales', 'queueEnd'],
  fsArrivalsPerDay: ['fieldSales', 'arrivalsPerDay'],
} as const satisfies Record<string, readonly string[]>;
/** A per-replication scalar a service target reads. */
export type ServiceValue = keyof typeof SERVICE_PATHS;
/** Pairs from which a comparison uses its control variates (below, the plain paired mean). */
export const MIN_CONTROLLED_PAIRS = MIN_RESIDUAL_DF + 1 + CONTROL_PATHS.length;

/** Per-replication values of every compared measure and of every control, replications in order. */
export interface ComparedValues {
  measures: Record<ComparedMeasure, number[]>;
  /** One column per control variate (mean zero by construction). */
  controls: number[][];
  /** The scalars service targets read (SERVICE_PATHS), per replication. */
  service: Record<ServiceValue, number[]>;
}

/** A difference (variant minus baseline) over paired replications. */
export interface PairedDifference {
  mean: number;
  ciLow: number;
  ciHigh: number;
  /** Share of pairs in which the variant is strictly better (NaN for a neutral measure, which is never better). */
  pBetter: number;
  /** Pairs with a defined difference. */
  n: number;
  /** Control variates the estimate used (0: the plain mean of the pairs). */
  controlsUsed: number;
}

/**
 * The paired difference of `variant` against `base`, both per replication in the
 * same order. With `controls` (per control, the variant's value minus the
 * baseline's, per pair), the mean and its interval are the control-variate estimate;
 * the share of pairs better is always counted on the raw pairs. `prepared`: the
 * controls' basis (controlBasis), made once for the measures of one comparison.
 */
export function pairedDifference(base: number[], variant: number[], direction: Direction, controls: readonly number[][] = [], prepared?: ControlBasis): PairedDifference {
  const diffs = base.map((b, i) => variant[i] - b);
  const m = controlledMean(diffs, controls, prepared);
  const defined = diffs.filter(Number.isFinite);
  const better = defined.filter((d) => (direction === 'higher' ? d > 0 : d < 0)).length;
  const pBetter = defined.length && direction !== 'neutral' ? better / defined.length : NaN;
  return { mean: m.mean, ciLow: m.ciLow, ciHigh: m.ciHigh, pBetter, n: m.n, controlsUsed: m.controlsUsed };
}

const sumOfPaths = (acc: RunAccumulator, paths: readonly (readonly string[])[]) => {
  const sum = new Array<number>(acc.count).fill(0);
  for (const path of paths) {
    const v = acc.values(acc.scalarIndex([...path]));
    for (let r = 0; r < acc.count; r++) sum[r] += v[r];
  }
  return sum;
};

/** The compared values of the replications an accumulator holds. */
export function comparedValuesOf(acc: RunAccumulator): ComparedValues {
  const measures = Object.fromEntries(COMPARED_MEASURES.map((k) => [k, sumOfPaths(acc, COMPARED[k].paths)])) as Record<ComparedMeasure, number[]>;
  const service = Object.fromEntries(Object.entries(SERVICE_PATHS).map(([k, path]) => [k, sumOfPaths(acc, [path])])) as Record<ServiceValue, number[]>;
  return { measures, controls: CONTROL_PATHS.map((path) => sumOfPaths(acc, [path])), service };
}

/**
 * Differences of every compared measure, variant against base, each estimated with
 * the differences of the control variates (which remove the noise of the individual
 * conversion, win and renewal draws that pairing leaves).
 */
export function compareValues(base: ComparedValues, variant: ComparedValues): Record<ComparedMeasure, PairedDifference> {
  const controls = base.controls.map((b, j) => b.map((x, r) => variant.controls[j][r] - x));
  // Every measure regresses on the same controls over the same pairs: their basis is made once.
  const prepared = controlBasis(controls, base.measures.arrEndYen.length);
  return Object.fromEntries(
    COMPARED_MEASURES.map((k) => [k, pairedDifference(base.measures[k], variant.measures[k], directionOf(k), controls, prepared)]),
  ) as Record<ComparedMeasure, PairedDifference>;
}

/**
 * Why two scenarios' replications cannot be paired, or null when they can: pairs
 * share a seed, a replication count and the same calendar (horizon and warm-up).
 */
export function unpairedReason(base: Scenario, variant: Scenario): string | null {
  if (base.seed !== variant.seed) return `seed: the variant uses "${variant.seed}", the baseline "${base.seed}"`;
  if (base.replications !== variant.replications) return `replications: the variant runs ${variant.replications}, the baseline ${base.replications}`;
  if (base.horizonDays !== variant.horizonDays) return `horizonDays: the variant runs ${variant.horizonDays} days, the baseline ${base.horizonDays}`;
  if (base.warmupDays !== variant.warmupDays) return `warmupDays: the variant warms up ${variant.warmupDays} days, the baseline ${base.warmupDays}`;
  return null;
}

/**
 * The scenario with `change` people joining `department` on day 0, ramping up over
 * `rampDays` (by default the department's own usual ramp and its shape, as the
 * editor shows them). A what-if is a decision taken at day 0: expressed as a hire, it leaves
 * the warm-up (the business up to day 0) exactly as in the baseline, so paired
 * replications share their whole history until the decision.
 */
export function withHire(s: Scenario, department: Department, change: number, rampDays: number = s[department].rampDays): Scenario {
  return { ...s, hiring: [...s.hiring, { department, day: 0, change, rampDays, rampShape: s[department].rampShape, from: 'start' }] };
}

/** One candidate hire, with what it changes. */
export interface HireOption {
  department: Department;
  differences: Record<ComparedMeasure, PairedDifference>;
}

/** The marginal value of one more person in each department, best first, and where the bottleneck goes next. */
export interface NextHire {
  replications: number;
  ranked: HireOption[];
  /** The bottleneck now, decided by the ranking when the best hire clearly adds ARR (see verdictFromHires). */
  bottleneckNow: BottleneckVerdict;
  /** The bottleneck after the best hire. */
  bottleneckAfter: BottleneckVerdict;
}

/**
 * The bottleneck as the marginal value of capacity says: the department whose one
 * more person adds the most ARR at the horizon, when that gain is clearly positive
 * (its 95% interval above zero); Marketing there means demand limits the funnel.
 * Otherwise (no hire clearly helps) the verdict judged from load stands. A
 * department whose extra person would add nothing is not the bottleneck.
 */
export function verdictFromHires(load: BottleneckVerdict, ranked: readonly HireOption[]): BottleneckVerdict {
  const best = ranked[0];
  if (!best || !(best.differences.arrEndYen.ciLow > 0)) return load;
  return {
    ...load,
    department: best.department,
    limit: best.department === 'marketing' ? 'demand' : 'capacity',
    basis: 'nextHire',
    hireGainYen: best.differences.arrEndYen.mean,
  };
}

/** Departments a hire can go to, in the order of the funnel. */
export const HIRE_DEPARTMENTS: readonly Department[] = DEPARTMENTS;

/** A difference smaller than this share of the baseline's value is too small to matter, by default (0.5%). */
export const DEFAULT_MATERIAL_SHARE = 0.005;

/**
 * How a difference reads: clearly better or worse by a material amount (a neutral
 * measure: clearly more or fewer), the same within the threshold, or not clear.
 */
export type Reading = 'better' | 'worse' | 'more' | 'fewer' | 'same' | 'unclear';

/**
 * Shares of pairs in which the variant is better, the same (within the threshold,
 * ties included) or worse; for a neutral measure, more, the same or fewer (then
 * `better` and `worse` are absent, and for a directed one `more` and `fewer`).
 */
export type PairShares = { better: number; same: number; worse: number } | { more: number; same: number; fewer: number };

/** A difference with how to read it: its threshold of materiality, the shares of pairs, and the reading. */
export interface ReadDifference {
  difference: PairedDifference;
  /** Mean of the baseline's values (the scale the difference is read against). */
  baseMean: number;
  /** Mean of the variant's values. */
  variantMean: number;
  /** Differences at most this large (in the measure's units) do not matter. */
  threshold: number;
  shares: PairShares;
  reading: Reading;
}

const meanOf = (xs: readonly number[]) => {
  const ok = xs.filter(Number.isFinite);
  return ok.length ? ok.reduce((a, b) => a + b, 0) / ok.length : NaN;
};

/**
 * Shares of pairs better, the same (|difference| <= `tie`) and worse, over pairs
 * with a defined difference; for a neutral measure, more, the same and fewer.
 */
export function pairShares(base: readonly number[], variant: readonly number[], direction: Direction, tie: number): PairShares {
  let more = 0;
  let fewer = 0;
  let n = 0;
  for (let i = 0; i < base.length; i++) {
    const d = variant[i] - base[i];
    if (!Number.isFinite(d)) continue;
    n++;
    if (Math.abs(d) <= tie) continue;
    if (d > 0) more++;
    else fewer++;
  }
  const [up, same, down] = n ? [more / n, (n - more - fewer) / n, fewer / n] : [NaN, NaN, NaN];
  if (direction === 'neutral') return { more: up, same, fewer: down };
  return direction === 'higher' ? { better: up, same, worse: down } : { better: down, same, worse: up };
}

/**
 * Reads a difference: better or worse (a neutral measure: more or fewer) only when
 * its 95% interval excludes zero AND its mean is material (at least `threshold`);
 * the same when the interval excludes zero but the mean is below the threshold, or
 * when the whole interval lies within ±threshold; otherwise not clear. A real but
 * trivial gain (1万円 on 11億円) is "the same", not "better".
 */
export function readDifference(d: PairedDifference, direction: Direction, threshold: number): Reading {
  if (!Number.isFinite(d.ciLow) || !Number.isFinite(d.ciHigh)) return 'unclear';
  const clear = d.ciLow > 0 || d.ciHigh < 0;
  if (clear) {
    if (Math.abs(d.mean) < threshold) return 'same';
    if (direction === 'neutral') return d.mean > 0 ? 'more' : 'fewer';
    return d.mean > 0 === (direction === 'higher') ? 'better' : 'worse';
  }
  return d.ciLow >= -threshold && d.ciHigh <= threshold ? 'same' : 'unclear';
}

/**
 * Every compared measure of `variant` against `base`, read against a threshold of
 * `materialShare` of the baseline's mean (0.5% by default).
 */
export function readComparison(base: ComparedValues, variant: ComparedValues, materialShare = DEFAULT_MATERIAL_SHARE): Record<ComparedMeasure, ReadDifference> {
  const differences = compareValues(base, variant);
  return Object.fromEntries(
    COMPARED_MEASURES.map((k) => {
      const direction = directionOf(k);
      const baseMean = meanOf(base.measures[k]);
      const threshold = Number.isFinite(baseMean) ? materialShare * Math.abs(baseMean) : 0;
      const difference = differences[k];
      return [k, { difference, baseMean, variantMean: meanOf(variant.measures[k]), threshold, shares: pairShares(base.measures[k], variant.measures[k], direction, threshold), reading: readDifference(difference, direction, threshold) }];
    }),
  ) as Record<ComparedMeasure, ReadDifference>;
}

/**
 * ARR added per yen of added cost (null when the variant costs no more): how
 * much of a spend comes back as recurring revenue at the horizon.
 */
export function returnPerYen(arr: PairedDifference, cost: PairedDifference): number | null {
  return cost.mean > 0 && Number.isFinite(arr.mean) ? arr.mean / cost.mean : null;
}
