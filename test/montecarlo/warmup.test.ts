/**
 * The warm-up adequacy check: MSER-5 and the drift test on synthetic series (a
 * flat series passes, a ramp or a transient is flagged), and on the baseline, whose
 * one-year warm-up leaves MQLs per week rising through the reported year.
 */
import { describe, expect, it } from 'vitest';
import { DRIFT_MATERIAL, mser5, seriesDrift, varyingInputs } from '../../src/montecarlo/warmup.ts';
import { slopeOf, summarize } from '../../src/montecarlo/stats.ts';
import type { SeriesSummary } from '../../src/montecarlo/aggregate.ts';
import { runInline } from '../../src/runner/inline.ts';
import { libraryScenarios, scenarioOf } from '../support/scenarios.ts';

/** A small deterministic generator (mulberry32) for synthetic noise. */
function uniforms(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal noise by Box-Muller. */
const normal = (u: () => number) => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());

/** `reps` replications of 52 weeks: shape(week) plus normal noise of sd `sd`. */
function replications(shape: (week: number) => number, sd: number, reps = 30, seed = 1): number[][] {
  const u = uniforms(seed);
  return Array.from({ length: reps }, () => Array.from({ length: 52 }, (_, w) => shape(w) + sd * normal(u)));
}

/** The evidence the check reads from a run, built from synthetic replications. */
function evidence(rows: number[][], scale?: number) {
  const columns = rows[0].map((_, w) => summarize(rows.map((r) => r[w])));
  const summary: SeriesSummary = {
    mean: columns.map((c) => c.mean),
    p10: columns.map((c) => c.p10),
    p50: columns.map((c) => c.p50),
    p90: columns.map((c) => c.p90),
    ciLow: columns.map((c) => c.ciLow),
    ciHigh: columns.map((c) => c.ciHigh),
  };
  return { series: 'synthetic', summary, slopes: rows.map(slopeOf), scale };
}

describe('slope and MSER-5', () => {
  it('least-squares slope per point', () => {
    expect(slopeOf([1, 3, 5, 7])).toBeCloseTo(2, 12);
    expect(slopeOf([4, NaN, 4, 4])).toBe(0);
    expect(slopeOf([1])).toBeNaN();
  });

  it('drops nothing from a flat series, half from a ramp, and the transient from a settling series', () => {
    expect(mser5(Array.from({ length: 52 }, () => 7))).toBe(0);
    expect(mser5(Array.from({ length: 52 }, (_, w) => w))).toBe(25);
    const u = uniforms(3);
    const settling = Array.from({ length: 52 }, (_, w) => 10 + 100 * Math.exp(-w / 3) + normal(u));
    const dropped = mser5(settling);
    expect(dropped).toBeGreaterThanOrEqual(5);
    expect(dropped).toBeLessThanOrEqual(20);
  });
});

/** A seed whose noise pushes the estimate of a 4% rise past 5% (found by trying seeds in order). */
const SEED_OVER_5 = 5;

describe('drift test', () => {
  it('a flat noisy series passes', () => {
    for (const seed of [1, 2, 3]) {
      const d = seriesDrift(evidence(replications(() => 100, 10, 30, seed)));
      expect(d.drifts, `seed ${seed}`).toBe(false);
      expect(Math.abs(d.relativeChange)).toBeLessThan(DRIFT_MATERIAL);
    }
  });

  it('a ramp like the baseline MQLs (92 to 107 a week) is flagged, with its size', () => {
    const d = seriesDrift(evidence(replications((w) => 92 + (15 * w) / 51, 10)));
    expect(d.drifts).toBe(true);
    expect(d.relativeChange).toBeGreaterThan(0.1);
    expect(d.slopePerWeek.ciLow).toBeGreaterThan(0);
  });

  it('a transient queue settling after the warm-up is flagged', () => {
    const d = seriesDrift(evidence(replications((w) => 10 + 100 * Math.exp(-w / 4), 3), 120));
    expect(d.drifts).toBe(true);
    expect(d.mserWeeks).toBeGreaterThan(0);
  });

  it('a drift that is clearly not zero but immaterial passes', () => {
    const d = seriesDrift(evidence(replications((w) => 100 + 0.02 * w, 1, 200)));
    expect(d.slopePerWeek.ciLow).toBeGreaterThan(0);
    expect(d.drifts).toBe(false);
  });

  it('a drift whose estimate passes 5% but whose interval does not (few noisy replications) is not flagged', () => {
    // A true rise of 4% across the year, seen through 8 replications of heavy noise.
    const d = seriesDrift(evidence(replications((w) => 100 + (4 * w) / 51, 25, 8, SEED_OVER_5)));
    const half = (d.slopePerWeek.ciHigh - d.slopePerWeek.mean) * 51 / d.scale;
    // This seed's estimate is past 5% and its interval excludes zero: the old rule flagged it.
    expect(d.relativeChange).toBeGreaterThanOrEqual(DRIFT_MATERIAL);
    expect(d.slopePerWeek.ciLow).toBeGreaterThan(0);
    expect(d.relativeChange - half).toBeLessThan(DRIFT_MATERIAL);
    expect(d.drifts).toBe(false);
  });

  it('inputs that change over the period by design are not checked', () => {
    expect(varyingInputs(scenarioOf({ version: 1 }))).toEqual([]);
    expect(varyingInputs(scenarioOf({ version: 1, marketing: { seasonality: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1.5] } }))).toEqual(['seasonality']);
    expect(varyingInputs(scenarioOf({ version: 1, hiring: [{ department: 'fieldSales', day: 0, change: 1, rampDays: 90 }] }))).toEqual(['hiring']);
  });
});

describe('warm-up check of a run', () => {
  const baseline = libraryScenarios().find((l) => l.file === 'baseline.json')!.scenario;

  it('baseline with a one-year warm-up: MQLs per week still rise, the warm-up is too short', () => {
    const r = runInline({ ...baseline, warmupDays: 365, replications: 20 }).result;
    expect(r.warmup.status).toBe('checked');
    expect(r.warmup.steady).toBe(false);
    const mqls = r.warmup.series.find((x) => x.series === 'funnel.mqlsByWeek')!;
    expect(mqls.drifts).toBe(true);
    expect(mqls.relativeChange).toBeGreaterThan(0.1);
  }, 120_000);

  it('baseline with a three-year warm-up: steady', () => {
    const r = runInline({ ...baseline, warmupDays: 3 * 365, replications: 20 }).result;
    expect(r.warmup.steady).toBe(true);
    expect(r.warmup.series.every((x) => !x.drifts)).toBe(true);
  }, 120_000);
});
