/**
 * Sensitivity: which inputs move ARR at the horizon most. Each input is set to
 * its low and its high value (by default 10% below and above, a head count one
 * person or 10% either way, whichever is more), every run with the scenario's seed,
 * so each is paired with the baseline replication by replication (common random
 * numbers and control variates, as in compare.ts). Rows come sorted by swing
 * (high minus low), the order of a tornado chart.
 *
 * Rates and deal sizes are the departments' own; with segments, the segments'
 * rates are what the engine uses, and they are not varied here.
 */
import type { DistSpec, Scenario } from '../scenario/types.ts';
import { compareValues, type PairedDifference } from '../montecarlo/compare.ts';
import type { ExperimentOptions } from './types.ts';
import { stepOptions } from './types.ts';

/** The inputs varied, in a stable order. */
export const SENSITIVITY_INPUTS = [
  'marketing.leadsPerHeadPerWeek',
  'marketing.programBudgetYenPerMonth',
  'insideSales.sqlRate',
  'fieldSales.winRate',
  'fieldSales.acvYen',
  'customerSuccess.churnRate',
  'marketing.headcount',
  'insideSales.headcount',
  'fieldSales.headcount',
  'customerSuccess.headcount',
] as const;
/** An input sensitivity varies. */
export type SensitivityInput = (typeof SENSITIVITY_INPUTS)[number];

/** A distribution scaled by `f` (every value it can take times f). */
export function scaleDist(d: DistSpec, f: number): DistSpec {
  if (typeof d === 'number') return d * f;
  switch (d.kind) {
    case 'fixed':
      return { ...d, value: d.value * f };
    case 'uniform':
      return { ...d, min: d.min * f, max: d.max * f };
    case 'triangular':
      return { ...d, min: d.min * f, mode: d.mode * f, max: d.max * f };
    case 'empirical':
      return { ...d, values: d.values.map((v) => v * f) };
    case 'lognormal':
    case 'gamma':
      return { ...d, mean: d.mean * f, ...(d.p90 !== undefined ? { p90: d.p90 * f } : {}) };
    default:
      return { ...d, mean: d.mean * f };
  }
}

const rate = (x: number, f: number) => Math.min(1, x * f);
const heads = (x: number, f: number) => Math.max(0, f > 1 ? Math.max(x + 1, Math.round(x * f)) : Math.min(x - 1, Math.round(x * f)));

/** The scenario with `input` scaled by `f` (>1: high, <1: low). */
export function withInput(s: Scenario, input: SensitivityInput, f: number): Scenario {
  const [dept, field] = input.split('.') as [keyof Scenario & ('marketing' | 'insideSales' | 'fieldSales' | 'customerSuccess'), string];
  const d = s[dept] as unknown as Record<string, unknown>;
  const old = d[field];
  const value =
    field === 'acvYen' ? scaleDist(old as DistSpec, f) : field === 'headcount' ? heads(old as number, f) : field.endsWith('Rate') ? rate(old as number, f) : (old as number) * f;
  return { ...s, [dept]: { ...d, [field]: value } };
}

/** One input at its low and high value: the paired change in ARR at the horizon, and the swing. */
export interface SensitivityRow {
  input: SensitivityInput;
  low: PairedDifference;
  high: PairedDifference;
  /** high.mean - low.mean. */
  swing: number;
  /** The swing estimated from the pairs themselves (the high run against the low run), with its 95% interval. */
  swingPaired: PairedDifference;
}

/** What sensitivity is asked. */
export interface SensitivityAsk {
  scenario: Scenario;
  /** How far each input moves either way (default 0.1: 10%). */
  share?: number;
  /** Paired replications of every run (default: the scenario's own count). */
  replications?: number;
  /** Rows already computed for this same ask (a run interrupted and started again): not run again. */
  known?: readonly SensitivityRow[];
  /** Called as each input's pair finishes (and for each known row), with the baseline's mean ARR at the horizon. */
  onRow?: (row: SensitivityRow, baselineArrYen: number) => void;
}

/**
 * Every input's row, largest |swing| first. Steps: the baseline, then low and high
 * of each input in SENSITIVITY_INPUTS order (a known input's steps are skipped).
 */
export async function sensitivity({ scenario, share = 0.1, replications, known = [], onRow }: SensitivityAsk, options: ExperimentOptions): Promise<SensitivityRow[]> {
  const steps = 1 + 2 * SENSITIVITY_INPUTS.length;
  let step = 0;
  const run = async (s: Scenario) => options.runner.run(s, { ...stepOptions(options, step++, steps), replications });
  const base = await run(scenario);
  const baseArr = base.values.measures.arrEndYen;
  const baselineArrYen = baseArr.reduce((a, b) => a + b, 0) / baseArr.length;
  const rows: SensitivityRow[] = [];
  for (const input of SENSITIVITY_INPUTS) {
    const done = known.find((r) => r.input === input);
    if (done) {
      step += 2;
      rows.push(done);
      onRow?.(done, baselineArrYen);
      continue;
    }
    const [lo, hi] = [1 - share, 1 + share].map((f) => withInput(scenario, input, f));
    const [loRun, hiRun] = [await run(lo), await run(hi)];
    const low = compareValues(base.values, loRun.values).arrEndYen;
    const high = compareValues(base.values, hiRun.values).arrEndYen;
    const row = { input, low, high, swing: high.mean - low.mean, swingPaired: compareValues(loRun.values, hiRun.values).arrEndYen };
    rows.push(row);
    onRow?.(row, baselineArrYen);
  }
  return rows.sort(bySwing);
}

/** The tornado's order: largest |swing| first (a stable sort keeps SENSITIVITY_INPUTS order among ties). */
export const bySwing = (a: SensitivityRow, b: SensitivityRow) => Math.abs(b.swing) - Math.abs(a.swing);
