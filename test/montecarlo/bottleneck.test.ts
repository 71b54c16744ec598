/**
 * The bottleneck verdict agrees with the marginal value of capacity: on a sweep
 * where Inside Sales and Field Sales saturate together, the department the verdict
 * names is the one whose +1 hire adds the most ARR, whenever that gain is clearly
 * positive; and the paired hire values, when known, decide the verdict.
 */
import { describe, expect, it } from 'vitest';
import { verdictFromHires, type HireOption } from '../../src/montecarlo/compare.ts';
import { nextBestHire } from '../../src/experiments/nextHire.ts';
import { inlineRunner, runInline } from '../../src/runner/inline.ts';
import type { BottleneckVerdict } from '../../src/montecarlo/bottleneck.ts';
import type { PairedDifference } from '../../src/montecarlo/compare.ts';
import { scenarioOf } from '../support/scenarios.ts';

/**
 * The default business with `leadFactor` times the leads and the given IS and FS
 * headcounts; IS concurrency and CS as the sweep was designed on (12 MQLs a rep, 10
 * CSMs), so that later changes to the defaults leave its points where they were.
 */
function sweepPoint(leadFactor: number, isHeads: number, fsHeads: number, discipline: 'fifo' | 'newestFirst') {
  return scenarioOf({
    version: 1,
    name: `leads x${leadFactor}, IS ${isHeads}, FS ${fsHeads}, IS ${discipline}`,
    horizonDays: 365,
    warmupDays: 365,
    replications: 8,
    seed: 'sweep',
    marketing: { leadsPerHeadPerWeek: 30 * leadFactor },
    insideSales: { headcount: isHeads, concurrentPerHead: 12, discipline },
    fieldSales: { headcount: fsHeads },
    customerSuccess: { headcount: 10, initialAccounts: 600 },
  });
}

describe('bottleneck verdict against the next best hire', () => {
  // Leads and IS/FS headcounts scaled so that IS and FS saturate together (and, in
  // the last point, CS is near full as well). The first is the case of issue 10:
  // leads x2 with IS working newest-first.
  const sweep: [number, number, number, 'fifo' | 'newestFirst'][] = [
    [2, 8, 12, 'newestFirst'],
    [1.5, 8, 10, 'fifo'],
    [1.5, 8, 12, 'fifo'],
    [1.25, 6, 10, 'fifo'],
    [2, 12, 16, 'fifo'],
  ];

  it('names the department whose +1 hire adds the most ARR whenever that gain is clearly positive', async () => {
    let decisive = 0;
    const seen: string[] = [];
    for (const [f, is, fs, discipline] of sweep) {
      const s = sweepPoint(f, is, fs, discipline);
      const base = runInline(s);
      const hire = await nextBestHire({ scenario: s, base }, { runner: inlineRunner });
      const best = hire.ranked[0];
      const load = base.result.bottleneck;
      seen.push(`${s.name}: verdict ${load.department}, best hire ${best.department} ${best.differences.arrEndYen.ciLow.toFixed(0)}..${best.differences.arrEndYen.ciHigh.toFixed(0)}`);
      if (!(best.differences.arrEndYen.ciLow > 0)) continue;
      decisive++;
      expect(load.department, seen.join('\n')).toBe(best.department);
      expect(load.limit).toBe(best.department === 'marketing' ? 'demand' : 'capacity');
      expect(load.basis).toBe('load');
      // With the hire values known they decide, and say so.
      expect(hire.bottleneckNow.department).toBe(best.department);
      expect(hire.bottleneckNow.basis).toBe('nextHire');
    }
    // The sweep must test something: most points have a clearly useful hire.
    expect(decisive, seen.join('\n')).toBeGreaterThanOrEqual(4);
  }, 600_000);

  it('a saturated IS upstream of a saturated FS is held back by FS, not the bottleneck', () => {
    const base = runInline(sweepPoint(2, 8, 12, 'newestFirst'));
    const is = base.result.bottleneck.evidence.find((e) => e.department === 'insideSales')!;
    expect(is.congested).toBe(true);
    expect(is.passOnRatio).toBeGreaterThanOrEqual(0.9);
    expect(is.blockedBy).toBe('fieldSales');
    expect(base.result.bottleneck.department).toBe('fieldSales');
  }, 120_000);
});

describe('verdict from the paired hire values', () => {
  const diff = (mean: number, half: number): PairedDifference => ({ mean, ciLow: mean - half, ciHigh: mean + half, pBetter: 0.5, n: 30, controlsUsed: 0 });
  const option = (department: HireOption['department'], mean: number, half: number) =>
    ({ department, differences: { arrEndYen: diff(mean, half) } }) as unknown as HireOption;
  const load: BottleneckVerdict = { department: 'insideSales', limit: 'capacity', basis: 'load', evidence: [] };

  it('the best hire decides when its gain is clearly positive', () => {
    const v = verdictFromHires(load, [option('fieldSales', 60e6, 10e6), option('insideSales', -30e6, 5e6)]);
    expect(v).toMatchObject({ department: 'fieldSales', limit: 'capacity', basis: 'nextHire', hireGainYen: 60e6 });
  });

  it('one more marketer adding the most means demand limits the funnel', () => {
    expect(verdictFromHires(load, [option('marketing', 5e6, 1e6)])).toMatchObject({ department: 'marketing', limit: 'demand', basis: 'nextHire' });
  });

  it('when no hire clearly adds ARR, the verdict from load stands', () => {
    expect(verdictFromHires(load, [option('fieldSales', 3e6, 7e6)])).toBe(load);
  });
});
