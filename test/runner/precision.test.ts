/**
 * Stopping on precision (issue 13): the rule reads only the replications so far,
 * in order, so a run that stopped at n is the run of its first n replications;
 * the worker pool's version is checked in test/workers/pool.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { InlineRunner, runInline, type RunProgress } from '../../src/runner/index.ts';
import { DEFAULT_MIN_REPLICATIONS, relativeHalfWidth } from '../../src/montecarlo/precision.ts';
import { RunningMoments, tQuantile } from '../../src/montecarlo/stats.ts';
import { libraryScenarios } from '../support/scenarios.ts';

const baseline = libraryScenarios().find((s) => s.file === 'baseline.json')!.scenario;
const small = { ...baseline, replications: 40, horizonDays: 120, warmupDays: 60 };
const ARR = ['revenue', 'arrEndYen'];
/** The precision asked of ARR's mean: reached after the minimum of replications and before the 40th (see below). */
const TARGET = 0.012;

/** The relative half-width of the 95% interval of the mean of `xs`, computed directly. */
function direct(xs: number[]): number {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1));
  return (tQuantile(0.975, n - 1) * sd) / Math.sqrt(n) / Math.abs(mean);
}

describe('relative half-width', () => {
  it('is the 95% Student-t half-width over the absolute mean', () => {
    const xs = [10, 12, 9, 11, 13, 8];
    const m = new RunningMoments();
    xs.forEach((x) => m.add(x));
    expect(relativeHalfWidth(m)).toBeCloseTo(direct(xs), 12);
    const negative = new RunningMoments();
    xs.forEach((x) => negative.add(-x));
    expect(relativeHalfWidth(negative)).toBeCloseTo(direct(xs), 12);
  });

  it('is infinite with fewer than 2 values or a mean of 0', () => {
    expect(relativeHalfWidth({ n: 1, mean: 5, m2: 0 })).toBe(Infinity);
    expect(relativeHalfWidth({ n: 4, mean: 0, m2: 3 })).toBe(Infinity);
  });
});

describe('a run that stops on precision', () => {
  const full = runInline(small);
  const arr = full.values.measures.arrEndYen;
  // The first n from the minimum on where ARR's mean is within ±1.2% (found directly). The target is
  // chosen so that this n lies past the minimum and before the last replication: 13 with engine 7
  // (engine 6's draws reached ±1.5% at 16; engine 7's reach it already at the minimum, 10).
  const expected = arr.findIndex((_, i) => i + 1 >= DEFAULT_MIN_REPLICATIONS && direct(arr.slice(0, i + 1)) <= TARGET) + 1;

  it('stops at the first n, in replication order, where the mean is as precise as asked', () => {
    expect(expected).toBeGreaterThan(DEFAULT_MIN_REPLICATIONS);
    expect(expected).toBeLessThan(small.replications);
    const run = runInline(small, undefined, { path: ARR, relative: TARGET });
    expect(run.scenario.replications).toBe(expected);
    expect(run.result.scenario.replications).toBe(expected);
    const { mean, ciLow, ciHigh } = run.result.measures.revenue.arrEndYen;
    expect((ciHigh - ciLow) / 2 / mean).toBeLessThanOrEqual(TARGET);
  });

  it('is the run of its first n replications, byte for byte', () => {
    const run = runInline(small, undefined, { path: ARR, relative: TARGET });
    const reference = runInline(small, expected);
    expect(JSON.stringify(run.result)).toBe(JSON.stringify(reference.result));
    expect(run.values).toEqual(reference.values);
  });

  it('runs every replication asked for when the precision is never reached', () => {
    const run = runInline(small, 15, { path: ARR, relative: 1e-6 });
    expect(run.scenario.replications).toBe(15);
    expect(JSON.stringify(run.result)).toBe(JSON.stringify(runInline(small, 15).result));
  });

  it('is not checked before the minimum number of replications', () => {
    const run = runInline(small, undefined, { path: ARR, relative: 0.5, minReplications: 7 });
    expect(run.scenario.replications).toBe(7);
  });

  it('through the inline runner: the same stop, and the last progress says n of n', async () => {
    const progress: RunProgress[] = [];
    const run = await new InlineRunner().run(small, { precision: { path: ARR, relative: TARGET }, onProgress: (p) => progress.push(p) });
    expect(run.scenario.replications).toBe(expected);
    expect(JSON.stringify(run.result)).toBe(JSON.stringify(runInline(small, expected).result));
    expect(progress.at(-1)).toMatchObject({ done: expected, total: expected, etaMs: 0 });
  });

  it('refuses a precision that is not a positive share, and a measure that does not exist', () => {
    expect(() => runInline(small, 12, { path: ARR, relative: 0 })).toThrow(/positive/);
    expect(() => runInline(small, 12, { path: ['revenue', 'nothing'], relative: 0.01 })).toThrow(/no scalar/);
  });
});
