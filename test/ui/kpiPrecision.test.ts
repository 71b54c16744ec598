/** The KPI table's ± column: never a bare "±0%" for a figure whose half-width is 0 or rounds to it, in either language. */
import { describe, expect, it } from 'vitest';
import { kpiPrecisionColumn, kpiPrecisionText } from '../../src/ui/precisionText.ts';
import { summarize } from '../../src/montecarlo/stats.ts';
import { runInline } from '../../src/runner/index.ts';
import { libraryScenarios } from '../support/scenarios.ts';

describe("the KPI table's ± text", () => {
  it('says a figure the same in every replication is exact, in both languages', () => {
    const same = summarize([235_000_000, 235_000_000, 235_000_000]);
    expect(kpiPrecisionText(same, 'ja')).toBe('±0(毎回同じ)');
    expect(kpiPrecisionText(same, 'en')).toBe('±0 (same every time)');
  });

  it('shows a tiny half-width as tiny, never as 0', () => {
    // Half-width about 0.0008% of the mean.
    const tiny = summarize([1_000_000, 1_000_010, 999_990, 1_000_005, 999_995]);
    expect(kpiPrecisionText(tiny, 'ja')).toBe('±<0.01%');
    const small = summarize([100, 100.02, 99.98, 100.01, 99.99]);
    expect(kpiPrecisionText(small, 'en')).toMatch(/^±0\.0[1-9]%$/);
  });

  it('keeps the usual share and the dash', () => {
    expect(kpiPrecisionText(summarize([90, 110, 100, 95, 105]), 'en')).toBe('±9.8%');
    expect(kpiPrecisionText(summarize([42]), 'ja')).toBe('–');
    expect(kpiPrecisionText(summarize([0, 0, 0]), 'en')).toBe('–');
  });

  it('the baseline’s total cost (people and programme, no attrition) is the same in every replication: ±0 (same every time), not ±0%', () => {
    const baseline = libraryScenarios().find((s) => s.file === 'baseline.json')!.scenario;
    const run = runInline({ ...baseline, replications: 12 });
    const text = kpiPrecisionText(run.result.measures.revenue.costYen, 'ja');
    expect(text).not.toBe('±0%');
    expect(text).toBe('±0(毎回同じ)');
  });
});

describe("the KPI table's ± column", () => {
  /** A summary of mean 100 whose 95% interval's half-width is `r` of the mean. */
  const withShare = (r: number) => ({ ...summarize([90, 110, 100]), mean: 100, ciLow: 100 - 100 * r, ciHigh: 100 + 100 * r });

  it('gives every share the same decimals, those its smallest needs: ±0.20% beside ±0.21%, never ±0.2% beside ±0.21%', () => {
    expect(kpiPrecisionColumn([withShare(0.002), withShare(0.0021), withShare(0.014)], 'ja')).toEqual(['±0.20%', '±0.21%', '±1.40%']);
    expect(kpiPrecisionColumn([withShare(0.2), withShare(0.0098)], 'en')).toEqual(['±20.00%', '±0.98%']);
  });

  it('one decimal when every share is 1% or more; none from 10%', () => {
    expect(kpiPrecisionColumn([withShare(0.012), withShare(0.05)], 'en').every((x) => /^±\d\.\d%$/.test(x))).toBe(true);
    expect(kpiPrecisionColumn([withShare(0.12), withShare(0.3)], 'en').every((x) => /^±\d\d%$/.test(x))).toBe(true);
  });

  it('keeps the words of the exact, the tiny and the unknown, which set no decimals', () => {
    const same = summarize([235_000_000, 235_000_000, 235_000_000]);
    const tiny = summarize([1_000_000, 1_000_010, 999_990, 1_000_005, 999_995]);
    const column = kpiPrecisionColumn([same, tiny, summarize([42]), withShare(0.014)], 'ja');
    expect(column).toEqual(['±0(毎回同じ)', '±<0.01%', '–', expect.stringMatching(/^±1\.\d%$/)]);
  });
});
