/** The Wilson interval against published values, and its edges. */
import { describe, expect, it } from 'vitest';
import { probabilityAtLeastWithInterval, wilsonInterval } from '../../src/montecarlo/binomial.ts';

describe('Wilson score interval', () => {
  it('matches published values (8 of 10 and 0 of 20 at 95%: Brown, Cai and DasGupta 2001; Newcombe 1998)', () => {
    const a = wilsonInterval(8, 10, 0.95);
    expect(a.low).toBeCloseTo(0.4902, 4);
    expect(a.high).toBeCloseTo(0.9433, 4);
    const b = wilsonInterval(0, 20, 0.95);
    expect(b.low).toBe(0);
    expect(b.high).toBeCloseTo(0.1611, 4);
    expect(wilsonInterval(20, 20).high).toBe(1);
  });

  it('narrows with a lower level and with more trials; counts values at least the threshold', () => {
    expect(wilsonInterval(85, 100, 0.85).high - wilsonInterval(85, 100, 0.85).low).toBeLessThan(wilsonInterval(85, 100, 0.95).high - wilsonInterval(85, 100, 0.95).low);
    expect(wilsonInterval(850, 1000).high - wilsonInterval(850, 1000).low).toBeLessThan(wilsonInterval(85, 100).high - wilsonInterval(85, 100).low);
    expect(probabilityAtLeastWithInterval([1, 2, 3, NaN], 2)).toMatchObject({ successes: 2, n: 4, p: 0.5 });
    expect(() => wilsonInterval(3, 2)).toThrow(/0 <= successes <= n/);
  });
});
