/** Comparisons with common random numbers, and the next best hire. */
import { describe, expect, it } from 'vitest';
import { nextBestHire, pairedDifference, runPairedInline } from '../../src/montecarlo/compare.ts';
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

describe('next best hire', () => {
  const cases: [string, string][] = [
    ['marketing-too-strong.json', 'insideSales'],
    ['is-too-strong.json', 'fieldSales'],
    ['fs-too-strong.json', 'customerSuccess'],
  ];
  for (const [file, expected] of cases) {
    it(`${file}: one more person in ${expected} adds the most ARR`, async () => {
      const result = await nextBestHire({ ...library[file], replications: 30 }, async (s) => runPairedInline(s));
      expect(result.ranked[0].department).toBe(expected);
      expect(result.ranked[0].differences.arrEndYen.ciLow).toBeGreaterThan(0);
      expect(result.bottleneckNow.department).toBe(expected);
    });
  }
});
