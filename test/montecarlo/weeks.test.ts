/**
 * Weekly series cover whole weeks: a horizon of 365 days (52 weeks and a day) gives
 * 52 weekly points, and the last is a full week, not a one-day cliff.
 */
import { describe, expect, it } from 'vitest';
import { runInline } from '../../src/runner/inline.ts';
import { wholeWeeks } from '../../src/montecarlo/layout.ts';
import type { SeriesSummary } from '../../src/montecarlo/aggregate.ts';
import { scenarioOf } from '../support/scenarios.ts';

const run = (horizonDays: number) => runInline(scenarioOf({ version: 1, horizonDays, replications: 20, seed: 'weeks' })).result;

/** Every series summary under `node` whose name ends in ByWeek. */
function weekly(node: unknown, path = ''): [string, SeriesSummary][] {
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([k, v]): [string, SeriesSummary][] =>
    k.endsWith('ByWeek') ? [[`${path}${k}`, v as SeriesSummary]] : weekly(v, `${path}${k}.`),
  );
}

describe('weekly series', () => {
  it('whole weeks of a horizon', () => {
    expect([wholeWeeks(365), wholeWeeks(364), wholeWeeks(7), wholeWeeks(13)]).toEqual([52, 52, 1, 1]);
  });

  it('365 days give 52 weekly points, the last a full week (no cliff)', () => {
    const r = run(365);
    const series = weekly(r.measures);
    expect(series.map(([k]) => k)).toEqual(expect.arrayContaining(['insideSales.queueByWeek', 'funnel.leadsByWeek', 'funnel.wonByWeek']));
    for (const [name, s] of series) expect(s.mean, name).toHaveLength(52);
    // The lead rate is constant: the last week's mean leads sit within three
    // half-widths of its 95% interval of the mean of the other weeks.
    const leads = r.measures.funnel.leadsByWeek;
    const others = leads.mean.slice(0, -1).reduce((a, b) => a + b, 0) / (leads.mean.length - 1);
    const half = (leads.ciHigh[51] - leads.ciLow[51]) / 2;
    expect(Math.abs(leads.mean[51] - others)).toBeLessThan(3 * half);
  });

  it('with a horizon of whole weeks, the weekly counts add up to the period totals', () => {
    const r = run(364);
    const f = r.measures.funnel;
    for (const [series, total] of [[f.leadsByWeek, f.leads], [f.mqlsByWeek, f.mqls], [f.wonByWeek, f.won]] as const) {
      expect(series.mean).toHaveLength(52);
      expect(series.mean.reduce((a, b) => a + b, 0)).toBeCloseTo(total.mean, 6);
    }
  });
});
