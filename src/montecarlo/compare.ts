/**
 * Comparing scenarios with common random numbers: replication r of every variant
 * uses the same seed and the same per-lead streams as replication r of the
 * baseline, so the difference of each pair is free of most of the noise that two
 * independent runs would carry. Differences are reported as the mean of the paired
 * differences with its 95% confidence interval and the probability (share of
 * pairs) that the variant is better.
 */
import type { Department, Scenario } from '../scenario/types.ts';
import { DEFAULT_RAMP_DAYS } from '../scenario/defaults.ts';
import { simulateReplication } from '../engine/simulate.ts';
import type { ReplicationResult } from '../engine/results.ts';
import { summarize } from './stats.ts';
import { accumulatorFor, addResult } from './aggregate.ts';
import { bottleneckVerdict, type BottleneckVerdict } from './bottleneck.ts';
import type { Aggregated, Measures } from './aggregate.ts';

/** The measures a comparison reports, per replication, and which way is better. */
export const COMPARED = {
  arrEndYen: { pick: (r: ReplicationResult) => r.revenue.arrEndYen, higherIsBetter: true },
  won: { pick: (r: ReplicationResult) => r.funnel.won, higherIsBetter: true },
  lostWhileWaiting: {
    pick: (r: ReplicationResult) => {
      const l = r.funnel.lost;
      return l.isAbandoned + l.isCold + l.fsAbandoned + l.fsCold + l.csAbandoned + l.churnOverload;
    },
    higherIsBetter: false,
  },
  backlogEnd: { pick: (r: ReplicationResult) => r.insideSales.queueEnd + r.fieldSales.queueEnd + r.customerSuccess.queueEnd, higherIsBetter: false },
  costYen: { pick: (r: ReplicationResult) => r.revenue.costYen, higherIsBetter: false },
  cacYen: { pick: (r: ReplicationResult) => r.revenue.cacYen, higherIsBetter: false },
} as const;
/** A compared measure. */
export type ComparedMeasure = keyof typeof COMPARED;

/** A difference (variant minus baseline) over paired replications. */
export interface PairedDifference {
  mean: number;
  ciLow: number;
  ciHigh: number;
  /** Share of pairs in which the variant is strictly better. */
  pBetter: number;
  /** Pairs with a defined difference. */
  n: number;
}

/** The paired difference of `variant` against `base`, both per replication in the same order. */
export function pairedDifference(base: number[], variant: number[], higherIsBetter: boolean): PairedDifference {
  const diffs = base.map((b, i) => variant[i] - b);
  const s = summarize(diffs);
  const defined = diffs.filter(Number.isFinite);
  const better = defined.filter((d) => (higherIsBetter ? d > 0 : d < 0)).length;
  return { mean: s.mean, ciLow: s.ciLow, ciHigh: s.ciHigh, pBetter: defined.length ? better / defined.length : NaN, n: s.n };
}

/** Per-replication values of every compared measure for `s` (replications 0..R-1). */
export function comparedValues(s: Scenario, replications: number): { values: Record<ComparedMeasure, number[]>; results: ReplicationResult[] } {
  const values = Object.fromEntries(Object.keys(COMPARED).map((k) => [k, [] as number[]])) as Record<ComparedMeasure, number[]>;
  const results: ReplicationResult[] = [];
  for (let r = 0; r < replications; r++) {
    const result = simulateReplication(s, r);
    results.push(result);
    for (const k of Object.keys(COMPARED) as ComparedMeasure[]) values[k].push(COMPARED[k].pick(result));
  }
  return { values, results };
}

/** Differences of every compared measure, variant against base. */
export function compareValues(base: Record<ComparedMeasure, number[]>, variant: Record<ComparedMeasure, number[]>): Record<ComparedMeasure, PairedDifference> {
  return Object.fromEntries(
    (Object.keys(COMPARED) as ComparedMeasure[]).map((k) => [k, pairedDifference(base[k], variant[k], COMPARED[k].higherIsBetter)]),
  ) as Record<ComparedMeasure, PairedDifference>;
}

/**
 * The scenario with `change` people joining `department` on day 0, ramping up over
 * `rampDays`. A what-if is a decision taken at day 0: expressed as a hire, it leaves
 * the warm-up (the business up to day 0) exactly as in the baseline, so paired
 * replications share their whole history until the decision.
 */
export function withHire(s: Scenario, department: Department, change: number, rampDays: number = DEFAULT_RAMP_DAYS[department]): Scenario {
  return { ...s, hiring: [...s.hiring, { department, day: 0, change, rampDays }] };
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
  bottleneckNow: BottleneckVerdict;
  /** The bottleneck after the best hire. */
  bottleneckAfter: BottleneckVerdict;
}

function verdictOf(results: ReplicationResult[]): BottleneckVerdict {
  const acc = accumulatorFor(results[0]);
  for (const r of results) addResult(acc, r);
  return bottleneckVerdict(acc.summary() as Aggregated<Measures>);
}

/**
 * Ranks one more person in each department (hired on day 0 with the department's
 * usual ramp) by the paired gain in ARR at the horizon, then by losses while
 * waiting avoided, with common random numbers.
 */
export function nextBestHire(s: Scenario, replications = s.replications): NextHire {
  const base = comparedValues(s, replications);
  const departments: Department[] = ['marketing', 'insideSales', 'fieldSales', 'customerSuccess'];
  const options = departments.map((department) => {
    const run = comparedValues(withHire(s, department, 1), replications);
    return { department, differences: compareValues(base.values, run.values), results: run.results };
  });
  options.sort((a, b) => b.differences.arrEndYen.mean - a.differences.arrEndYen.mean || a.differences.lostWhileWaiting.mean - b.differences.lostWhileWaiting.mean);
  return {
    replications,
    ranked: options.map(({ department, differences }) => ({ department, differences })),
    bottleneckNow: verdictOf(base.results),
    bottleneckAfter: verdictOf(options[0].results),
  };
}
