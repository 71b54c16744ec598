/** A chart is redrawn only when its numbers changed (issue 13): sameSeries compares two series summaries by value. */
import { describe, expect, it } from 'vitest';
import { sameSeries } from '../../src/ui/sameSeries.ts';
import type { SeriesSummary } from '../../src/montecarlo/layout.ts';

const series = (p50: number[]): SeriesSummary => ({ mean: [...p50], p10: [...p50], p50: [...p50], p90: [...p50], ciLow: p50.map(() => NaN), ciHigh: p50.map(() => NaN) });

describe('sameSeries', () => {
  it('is true for equal numbers in other arrays, NaN included', () => {
    expect(sameSeries(series([1, 2, 3]), series([1, 2, 3]))).toBe(true);
  });
  it('is false when one number, or the length, differs', () => {
    expect(sameSeries(series([1, 2, 3]), series([1, 2, 4]))).toBe(false);
    expect(sameSeries(series([1, 2, 3]), series([1, 2]))).toBe(false);
    const b = series([1, 2, 3]);
    b.ciHigh[1] = 5;
    expect(sameSeries(series([1, 2, 3]), b)).toBe(false);
  });
});
