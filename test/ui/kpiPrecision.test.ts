/** The KPI table's ± column: never a bare "±0%" for a figure whose half-width is 0 or rounds to it, in either language. */
import { describe, expect, it } from 'vitest';
import { kpiPrecisionText } from '../../src/ui/precisionText.ts';
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
