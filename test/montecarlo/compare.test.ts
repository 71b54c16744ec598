/** Comparisons with common random numbers, and the next best hire. */
import { describe, expect, it } from 'vitest';
import { COMPARED_MEASURES, compareValues, directionOf, MIN_CONTROLLED_PAIRS, pairedDifference, pairShares, readComparison, readDifference, returnPerYen, type ComparedValues } from '../../src/montecarlo/compare.ts';
import { nextBestHire } from '../../src/experiments/nextHire.ts';
import { inlineRunner } from '../../src/runner/inline.ts';
import { libraryScenarios } from '../support/scenarios.ts';

const library = Object.fromEntries(libraryScenarios().map(({ file, scenario }) => [file, scenario]));

describe('paired differences', () => {
  it('mean of the pairs, its interval, and the share of pairs where the variant is better', () => {
    const d = pairedDifference([1, 2, 3, 4], [2, 2, 5, 5], 'higher');
    expect(d.mean).toBe(1);
    expect(d.pBetter).toBe(0.75);
    expect(d.ciLow).toBeLessThan(1);
    expect(d.ciHigh).toBeGreaterThan(1);
  });
});

/** Compared values with no service scalars (these tests read none). */
const noService: ComparedValues['service'] = { isWaitP90Days: [], bookCoverageEnd: [], fsQueueEnd: [], fsArrivalsPerDay: [] };

describe('compared values', () => {
  /** Synthetic runs of `n` pairs: each measure is noise the controls explain, plus a shift of 1 in the variant. */
  const runs = (n: number) => {
    const control = (j: number, shift: number) => Array.from({ length: n }, (_, r) => Math.sin(r * (j + 1) + shift));
    const run = (shift: number): ComparedValues => {
      const controls = [0, 1, 2, 3, 4].map((j) => control(j, shift));
      const values = Array.from({ length: n }, (_, r) => 100 + shift + 5 * controls[0][r] + ((r * 0.618) % 1) * 0.01);
      return { measures: Object.fromEntries(COMPARED_MEASURES.map((k) => [k, values])) as ComparedValues['measures'], controls, service: noService };
    };
    return compareValues(run(0), run(1));
  };

  it(`uses the control variates from ${MIN_CONTROLLED_PAIRS} pairs, and the plain paired mean below`, () => {
    expect(MIN_CONTROLLED_PAIRS).toBe(36);
    const many = runs(MIN_CONTROLLED_PAIRS).arrEndYen, few = runs(MIN_CONTROLLED_PAIRS - 1).arrEndYen;
    expect(many.controlsUsed).toBe(5);
    expect(few.controlsUsed).toBe(0);
    expect(many.mean).toBeCloseTo(1, 2);
    expect(many.ciHigh - many.ciLow).toBeLessThan((few.ciHigh - few.ciLow) / 50);
  });
});

describe('next best hire', () => {
  const cases: [string, string][] = [
    ['marketing-too-strong.json', 'insideSales'],
    ['is-too-strong.json', 'fieldSales'],
    ['fs-too-strong.json', 'customerSuccess'],
  ];
  for (const [file, expected] of cases) {
    it(`${file}: one more person in ${expected} adds the most ARR`, async () => {
      const result = await nextBestHire({ scenario: { ...library[file], replications: 30 } }, { runner: inlineRunner });
      expect(result.ranked[0].department).toBe(expected);
      expect(result.ranked[0].differences.arrEndYen.ciLow).toBeGreaterThan(0);
      expect(result.bottleneckNow.department).toBe(expected);
    });
  }
});

describe('reading a difference', () => {
  const d = (mean: number, half: number) => ({ mean, ciLow: mean - half, ciHigh: mean + half, pBetter: NaN, n: 30, controlsUsed: 0 });
  it('better or worse only when clearly not zero and material', () => {
    expect(readDifference(d(100, 10), 'higher', 50)).toBe('better');
    expect(readDifference(d(100, 10), 'lower', 50)).toBe('worse');
    expect(readDifference(d(-100, 10), 'higher', 50)).toBe('worse');
    // Clearly above zero but trivial: +1万円 on 11億円 is the same.
    expect(readDifference(d(1e4, 1e3), 'higher', 0.005 * 1.1e9)).toBe('same');
    // Not clear, and could be material.
    expect(readDifference(d(10, 100), 'higher', 50)).toBe('unclear');
    // Not clear, but the whole interval is within the threshold.
    expect(readDifference(d(0, 10), 'higher', 50)).toBe('same');
    expect(readDifference(d(0, 0), 'higher', 0)).toBe('same');
  });

  it('a neutral measure reads more or fewer, never better or worse; the same and not clear as any other', () => {
    expect(readDifference(d(100, 10), 'neutral', 50)).toBe('more');
    expect(readDifference(d(-100, 10), 'neutral', 50)).toBe('fewer');
    expect(readDifference(d(10, 5), 'neutral', 50)).toBe('same');
    expect(readDifference(d(10, 100), 'neutral', 50)).toBe('unclear');
    expect(pairShares([1, 1, 1, 1], [2, 0, 3, 1], 'neutral', 0)).toEqual({ more: 0.5, same: 0.25, fewer: 0.25 });
    expect(pairedDifference([1, 2], [2, 3], 'neutral').pBetter).toBeNaN();
  });

  it('shares of pairs: ties and differences within the threshold are the same', () => {
    expect(pairShares([1, 2, 3, 4], [1, 2, 3, 5], 'higher', 0)).toEqual({ better: 0.25, same: 0.75, worse: 0 });
    expect(pairShares([100, 100, 100, 100], [100.4, 99.6, 110, 90], 'higher', 0.5)).toEqual({ better: 0.25, same: 0.5, worse: 0.25 });
    expect(pairShares([1, 1], [2, 0], 'lower', 0)).toEqual({ better: 0.5, same: 0, worse: 0.5 });
  });

  it('losses while waiting are better when fewer; losses on the merits (IS disqualified, deal lost, base churn, not qualified) read more or fewer (MODEL.md, Measures)', () => {
    const n = 40;
    const values = (scale: number): ComparedValues => ({
      measures: Object.fromEntries(COMPARED_MEASURES.map((k) => [k, Array.from({ length: n }, (_, r) => scale * (100 + (r % 7)))])) as ComparedValues['measures'],
      controls: [],
      service: noService,
    });
    const r = readComparison(values(1), values(2));
    for (const k of ['lost.notQualified', 'lost.isDisqualified', 'lost.dealLost', 'lost.churnBase'] as const) {
      expect(r[k].reading, k).toBe('more');
      expect(r[k].shares, k).toEqual({ more: 1, same: 0, fewer: 0 });
    }
    for (const k of ['lostWhileWaiting', 'lost.isAbandoned', 'lost.isCold', 'lost.fsAbandoned', 'lost.fsCold', 'lost.csAbandoned', 'lost.churnOverload', 'backlogEnd', 'costYen', 'cacYen'] as const) {
      expect(r[k].reading, k).toBe('worse');
      expect(r[k].shares, k).toEqual({ better: 0, same: 0, worse: 1 });
    }
    for (const k of ['arrEndYen', 'won', 'bookingsYen'] as const) expect(r[k].reading, k).toBe('better');
    expect(COMPARED_MEASURES.filter((k) => directionOf(k) === 'neutral')).toEqual(['lost.notQualified', 'lost.isDisqualified', 'lost.dealLost', 'lost.churnBase']);
  });

  it('a comparison reads each measure against 0.5% of the baseline, and the return per yen of cost', () => {
    const values = (arr: number[], cost: number[]): ComparedValues => ({
      measures: Object.fromEntries(COMPARED_MEASURES.map((k) => [k, k === 'arrEndYen' ? arr : k === 'costYen' ? cost : arr.map(() => 0)])) as ComparedValues['measures'],
      controls: [],
      service: noService,
    });
    const base = values([1e9, 1.1e9, 0.9e9, 1e9], [5e8, 5e8, 5e8, 5e8]);
    const variant = values([1e9 + 1e4, 1.1e9 + 2e4, 0.9e9 + 1e4, 1e9 + 2e4], [5.4e8, 5.4e8, 5.4e8, 5.4e8]);
    const r = readComparison(base, variant);
    expect(r.arrEndYen.threshold).toBeCloseTo(5e6);
    expect(r.arrEndYen.reading).toBe('same');
    expect(r.arrEndYen.shares).toEqual({ better: 0, same: 1, worse: 0 });
    expect(r.costYen.reading).toBe('worse');
    expect(r.won.reading).toBe('same');
    expect(returnPerYen(r.arrEndYen.difference, r.costYen.difference)).toBeCloseTo(1.5e4 / 4e7);
    expect(returnPerYen(r.costYen.difference, r.arrEndYen.difference)).toBeCloseTo(4e7 / 1.5e4);
    expect(returnPerYen(r.arrEndYen.difference, { ...r.costYen.difference, mean: 0 })).toBeNull();
  });
});
