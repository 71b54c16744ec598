/** Comparisons with common random numbers, and the next best hire. */
import { describe, expect, it } from 'vitest';
import { COMPARED_MEASURES, compareValues, MIN_CONTROLLED_PAIRS, pairedDifference, type ComparedValues } from '../../src/montecarlo/compare.ts';
import { nextBestHire } from '../../src/experiments/nextHire.ts';
import { inlineRunner } from '../../src/runner/inline.ts';
import { libraryScenarios } from '../support/scenarios.ts';

const library = Object.fromEntries(libraryScenarios().map(({ file, scenario }) => [file, scenario]));

describe('paired differences', () => {
  it('mean of the pairs, its interval, and the share of pairs where the variant is better', () => {
    const d = pairedDifference([1, 2, 3, 4], [2, 2, 5, 5], true);
    expect(d.mean).toBe(1);
    expect(d.pBetter).toBe(0.75);
    expect(d.ciLow).toBeLessThan(1);
    expect(d.ciHigh).toBeGreaterThan(1);
  });
});

describe('compared values', () => {
  /** Synthetic runs of `n` pairs: each measure is noise the controls explain, plus a shift of 1 in the variant. */
  const runs = (n: number) => {
    const control = (j: number, shift: number) => Array.from({ length: n }, (_, r) => Math.sin(r * (j + 1) + shift));
    const run = (shift: number): ComparedValues => {
      const controls = [0, 1, 2, 3, 4].map((j) => control(j, shift));
      const values = Array.from({ length: n }, (_, r) => 100 + shift + 5 * controls[0][r] + ((r * 0.618) % 1) * 0.01);
      return { measures: Object.fromEntries(COMPARED_MEASURES.map((k) => [k, values])) as ComparedValues['measures'], controls };
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
