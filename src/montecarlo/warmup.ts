/**
 * Is the warm-up long enough? Figures reported after a warm-up are meant to be a
 * steady state; a business that is still filling its nurture pool, its queues or
 * its book drifts through the reported period instead (on the default business a
 * one-year warm-up leaves MQLs per week rising by about a sixth across the year).
 *
 * Two checks on the weekly series after the warm-up:
 * - a drift test: the least-squares slope of each replication's series; the mean
 *   slope over the (independent) replications with its 95% confidence interval.
 *   A series drifts when the change the slope makes across the period is material
 *   (at least DRIFT_MATERIAL of the series' scale) over the whole interval: with 95%
 *   confidence, not only on the point estimate.
 * - MSER-5 (White 1997) on the median path: how many leading weeks a truncation
 *   rule would drop as the transient. It says how far from steady the start is,
 *   but alone it does not flag (it always picks some truncation on noise).
 * A run whose inputs change over the period by design (seasonality, a campaign or a
 * hire inside it) is not checked: its drift is the scenario, not the warm-up.
 */
import { QUEUE_DEPARTMENTS, type Scenario } from '../scenario/types.ts';
import { summarize } from './stats.ts';
import type { Aggregated, Measures, SeriesSummary } from './aggregate.ts';
import type { RunAccumulator } from './accumulator.ts';

/** A drift smaller than this share of the series' scale across the period is immaterial. */
export const DRIFT_MATERIAL = 0.05;
/** Batch size of MSER-5. */
const MSER_BATCH = 5;

/**
 * MSER-5 truncation, in points: the series is cut into batch means of 5; the rule
 * drops the d leading batches (d at most half of them) that minimise the squared
 * standard error of the mean of the rest, sum((Z_j - mean)^2) / (m - d)^2.
 */
export function mser5(series: readonly number[]): number {
  const m = Math.floor(series.length / MSER_BATCH);
  const z = Array.from({ length: m }, (_, j) => series.slice(j * MSER_BATCH, (j + 1) * MSER_BATCH).reduce((a, b) => a + b, 0) / MSER_BATCH);
  let best = 0, bestValue = NaN;
  for (let d = 0; d <= Math.floor(m / 2) && m - d >= 2; d++) {
    const rest = z.slice(d);
    const mean = rest.reduce((a, b) => a + b, 0) / rest.length;
    const value = rest.reduce((a, b) => a + (b - mean) ** 2, 0) / rest.length ** 2;
    // Strictly smaller: on a flat series every d ties and nothing is dropped.
    if (d === 0 || value < bestValue - 1e-12 * Math.abs(bestValue)) {
      best = d;
      bestValue = value;
    }
  }
  return best * MSER_BATCH;
}

/** The check of one weekly series. */
export interface SeriesDrift {
  /** The series, as a result path (e.g. funnel.mqlsByWeek). */
  series: string;
  /** Weekly points checked. */
  weeks: number;
  /** Mean level of the series over the period. */
  level: number;
  /** The level a change is measured against (for a queue: items in the department, waiting or in work). */
  scale: number;
  /** Mean least-squares slope per week over replications, with its 95% CI. */
  slopePerWeek: { mean: number; ciLow: number; ciHigh: number; n: number };
  /** Change across the period the mean slope makes, as a share of the scale. */
  relativeChange: number;
  /** Leading weeks MSER-5 drops from the median path as a transient. */
  mserWeeks: number;
  /** Drift material with 95% confidence: the whole interval of the change is at least DRIFT_MATERIAL. */
  drifts: boolean;
}

/** Whether the reported period looks like a steady state. */
export interface WarmupCheck {
  /** checked: judged; notChecked: the inputs change over the period by design (see reasons). */
  status: 'checked' | 'notChecked';
  /** Why it was not checked: seasonality, campaign, hiring. */
  reasons: ('seasonality' | 'campaign' | 'hiring')[];
  warmupDays: number;
  /** False when some checked series drifts: the warm-up is too short (or a queue never settles); null when not checked. */
  steady: boolean | null;
  series: SeriesDrift[];
}

/** One replication's weekly values, the slopes over replications, and the scale for one series. */
export interface SeriesEvidence {
  series: string;
  /** The series summarised point by point (its median path goes to MSER-5). */
  summary: SeriesSummary;
  /** Each replication's least-squares slope per week. */
  slopes: ArrayLike<number>;
  /** What a change is measured against; defaults to the series' mean level. */
  scale?: number;
}

const average = (xs: readonly number[]) => {
  const f = xs.filter(Number.isFinite);
  return f.length ? f.reduce((a, b) => a + b, 0) / f.length : NaN;
};

/** The drift check of one series. */
export function seriesDrift(e: SeriesEvidence): SeriesDrift {
  const weeks = e.summary.mean.length;
  const level = average(e.summary.mean);
  const scale = Math.abs(e.scale ?? level);
  const s = summarize(e.slopes);
  const relativeChange = scale > 0 ? (s.mean * Math.max(0, weeks - 1)) / scale : 0;
  // The least change the interval allows: a drift must be material with 95% confidence,
  // or a run of few replications (the app's first partial results) flags noise.
  const span = Math.max(0, weeks - 1);
  const leastChange = s.n > 1 && scale > 0 ? (s.ciLow > 0 ? s.ciLow : s.ciHigh < 0 ? -s.ciHigh : 0) * span / scale : 0;
  return {
    series: e.series,
    weeks,
    level,
    scale,
    slopePerWeek: { mean: s.mean, ciLow: s.ciLow, ciHigh: s.ciHigh, n: s.n },
    relativeChange,
    mserWeeks: mser5(e.summary.p50),
    drifts: leastChange >= DRIFT_MATERIAL,
  };
}

/** What in the scenario changes over the reported period by design. */
export function varyingInputs(s: Scenario): WarmupCheck['reasons'] {
  const reasons: WarmupCheck['reasons'] = [];
  const season = s.marketing.seasonality;
  if (season.some((x) => x !== season[0])) reasons.push('seasonality');
  if (s.marketing.campaigns.some((c) => c.startDay < s.horizonDays && c.startDay + c.durationDays > -s.warmupDays)) reasons.push('campaign');
  if (s.hiring.some((h) => h.day < s.horizonDays && h.day + h.rampDays > 0)) reasons.push('hiring');
  return reasons;
}

/** The weekly series the check looks at: MQLs and wins per week, and each department's queue. */
const FLOW_SERIES = ['mqlsByWeek', 'wonByWeek'] as const;
const QUEUES = QUEUE_DEPARTMENTS;

/** Checks the warm-up of a run from its aggregated measures and the per-replication slopes its accumulator keeps. */
export function warmupCheck(s: Scenario, m: Aggregated<Measures>, acc: RunAccumulator): WarmupCheck {
  const reasons = varyingInputs(s);
  const evidence: SeriesEvidence[] = [
    ...FLOW_SERIES.map((k) => ({ series: `funnel.${k}`, summary: m.funnel[k], slopes: acc.seriesSlopes(['funnel', k]) })),
    // A queue's change is measured against the items in the department (waiting or
    // in work) or its slots, whichever is more, so that a queue moving from 0 to 1
    // beside 90 items in work is not drift.
    ...QUEUES.map((d) => ({
      series: `${d}.queueByWeek`,
      summary: m[d].queueByWeek,
      slopes: acc.seriesSlopes([d, 'queueByWeek']),
      scale: Math.max(average(m[d].queueByWeek.mean) + average(m[d].wipByWeek.mean), m[d].slotsEnd.p50),
    })),
  ];
  const series = evidence.map(seriesDrift);
  const status = reasons.length ? 'notChecked' : 'checked';
  return { status, reasons, warmupDays: s.warmupDays, steady: status === 'notChecked' ? null : !series.some((x) => x.drifts), series };
}
