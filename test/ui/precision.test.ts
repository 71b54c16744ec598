/**
 * The app's stop rule and what the screen says about precision (issue 13): the
 * stored choice, the target a run is given (none while comparing), the KPI
 * table's ± read from a summary, and the "rests on" line.
 */
import { describe, expect, it } from 'vitest';
import { WorkspaceStore } from '../../src/ui/state/workspaceStore.ts';
import { PRECISION_KEY, formatShare, loadPrecision, precisionTarget, savePrecision, stoppedCount } from '../../src/ui/state/runPrecision.ts';
import { arrPrecisionOf, precisionProgressText, restsOnText } from '../../src/ui/precisionText.ts';
import { ARR_AT_HORIZON, summaryRelativeHalfWidth } from '../../src/montecarlo/precision.ts';
import { summarize } from '../../src/montecarlo/stats.ts';
import { runInline } from '../../src/runner/index.ts';
import { libraryScenarios } from '../support/scenarios.ts';

function memoryStore(): { store: WorkspaceStore; data: Map<string, string> } {
  const data = new Map<string, string>();
  const storage = { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), removeItem: (k: string) => void data.delete(k) };
  return { store: new WorkspaceStore(storage as never), data };
}

describe('the stored stop rule', () => {
  it('round-trips a precision and the count', () => {
    const { store, data } = memoryStore();
    expect(loadPrecision(store)).toBeNull();
    savePrecision(store, 0.01);
    expect(data.get(PRECISION_KEY)).toBe('0.01');
    expect(loadPrecision(store)).toBe(0.01);
    savePrecision(store, null);
    expect(loadPrecision(store)).toBeNull();
  });

  it('ignores a precision it does not offer', () => {
    const { store, data } = memoryStore();
    data.set(PRECISION_KEY, '0.3');
    expect(loadPrecision(store)).toBeNull();
    data.set(PRECISION_KEY, 'abc');
    expect(loadPrecision(store)).toBeNull();
  });
});

describe('the target a run is given', () => {
  it('is ARR at the horizon at the chosen share for a lone scenario', () => {
    expect(precisionTarget(0.01, 1)).toEqual({ path: [...ARR_AT_HORIZON], relative: 0.01 });
  });
  it('is none for the count, or while variants are open (pairs need every replication)', () => {
    expect(precisionTarget(null, 1)).toBeUndefined();
    expect(precisionTarget(0.01, 2)).toBeUndefined();
  });
});

describe('formatShare', () => {
  it('writes a precision as people read it', () => {
    expect(formatShare(0.01)).toBe('1%');
    expect(formatShare(0.014)).toBe('1.4%');
    expect(formatShare(0.0098)).toBe('0.98%');
    expect(formatShare(0.005)).toBe('0.5%');
    expect(formatShare(0.123)).toBe('12%');
    expect(formatShare(NaN)).toBe('–');
    // A nearly fixed figure (the cost of a fixed staff) is not "±0%" unless it is exactly fixed.
    expect(formatShare(0.00001)).toBe('<0.01%');
    expect(formatShare(0)).toBe('0%');
  });
});

describe('the precision of a summary', () => {
  it('is the 95% half-width over the absolute mean', () => {
    const s = summarize([10, 12, 9, 11, 13, 8]);
    expect(summaryRelativeHalfWidth(s)).toBeCloseTo((s.ciHigh - s.mean) / s.mean, 14);
    const neg = summarize([-10, -12, -9, -11, -13, -8]);
    expect(summaryRelativeHalfWidth(neg)).toBeCloseTo(summaryRelativeHalfWidth(s), 14);
  });
  it('is unknown for one value, a fixed input or a mean of 0', () => {
    expect(summaryRelativeHalfWidth(summarize([5]))).toBeNaN();
    expect(summaryRelativeHalfWidth({ n: 1, mean: 5, sd: 0, p10: 5, p50: 5, p90: 5, ciLow: 5, ciHigh: 5 })).toBeNaN();
    expect(summaryRelativeHalfWidth(summarize([-1, 1]))).toBeNaN();
  });
});

describe('what the screen says about a run that stops on precision', () => {
  const baseline = libraryScenarios().find((s) => s.file === 'baseline.json')!.scenario;
  const small = { ...baseline, replications: 40, horizonDays: 120, warmupDays: 60 };
  // Reached after the minimum of replications and before the 40th (13 with engine 7; test/runner/precision.test.ts).
  const target = 0.012;
  const stopped = runInline(small, undefined, { path: [...ARR_AT_HORIZON], relative: target });
  const n = stopped.result.scenario.replications;

  it('reads the precision reached from the result, within the target (and not one replication earlier)', () => {
    expect(n).toBeLessThan(small.replications);
    expect(arrPrecisionOf(stopped)).toBeLessThanOrEqual(target);
    expect(arrPrecisionOf(runInline(small, n - 1))).toBeGreaterThan(target);
  });

  it('says how many replications the result rests on and why it stopped, in both languages', () => {
    const reached = formatShare(arrPrecisionOf(stopped));
    expect(restsOnText(stopped, small.replications, target, 'en')).toBe(
      `Rests on ${n} replications: the run stopped once ARR at the horizon was within ±${reached} at 95% (asked ±1.2%).`,
    );
    expect(restsOnText(stopped, small.replications, target, 'ja')).toBe(`${n}回の試行に基づく結果です。期末ARRが95%で±${reached}以内(目標 ±1.2%)に達した時点で停止しました。`);
    const full = runInline(small);
    expect(restsOnText(full, small.replications, null, 'ja')).toBe('40回の試行に基づく結果です。');
  });

  it('says nothing of a partial result (the partial marker does) and shows progress toward the target', () => {
    const partial = { scenario: small, result: runInline(small, 12).result };
    expect(restsOnText(partial, small.replications, target, 'en')).toBeNull();
    expect(precisionProgressText(partial, 12, 0.01, 'ja')).toMatch(/^精度 ±[\d.]+% → 目標 ±1%$/);
    expect(precisionProgressText(null, 0, 0.01, 'en')).toBe('precision → target ±1%');
    // The previous run's result, still on screen as a new run starts, does not stand for this run's precision.
    expect(precisionProgressText(runInline(small), 0, 0.01, 'en')).toBe('precision → target ±1%');
    expect(precisionProgressText(partial, 3, 0.01, 'en')).toBe('precision → target ±1%');
  });
});

describe('the count a shared scenario carries', () => {
  const shown = (n: number) => ({ result: { scenario: { replications: n } } });
  it('is the count a finished run stopped at, when it stopped before the count asked for', () => {
    expect(stoppedCount(200, shown(36), true)).toBe(36);
  });
  it('is none for a whole run, a run still going, or nothing on screen', () => {
    expect(stoppedCount(200, shown(200), true)).toBeNull();
    expect(stoppedCount(200, shown(36), false)).toBeNull();
    expect(stoppedCount(200, null, true)).toBeNull();
  });
});
