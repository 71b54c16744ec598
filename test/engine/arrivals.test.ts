/**
 * Issue 11, items 1 and 2 in the engine: ramp capacity steps and the thinning
 * bound cost what the run needs, not what the numbers say.
 */
import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { arrivalTimes, expectedLeadCount, leadRate } from '../../src/engine/arrivals.ts';
import { capacityUpdateTimes, effectiveHeadcount, maxHeadcount } from '../../src/engine/staffing.ts';
import { scenarioOf } from '../support/scenarios.ts';

describe('ramps', () => {
  it('a ramp of 1e12 days lists one capacity step per day of the run, not of the ramp', () => {
    const plan = { base: 1, changes: [{ day: 0, change: 1, rampDays: 1e12 }] };
    expect(capacityUpdateTimes(plan, 100)).toEqual(Array.from({ length: 101 }, (_, d) => d));
  });

  it('the largest headcount comes from the corners of the plan, a ramp still running at the end included', () => {
    const plan = { base: 0, changes: [{ day: 0, change: 10, rampDays: 100 }, { day: 20, change: -1, rampDays: 0 }] };
    // At 50.5 the ramp has reached 5.05 people, minus the one removed: 4.05 (not 4.0 at day 50).
    expect(maxHeadcount(plan, 50.5)).toBe(effectiveHeadcount(plan, 50.5));
    expect(maxHeadcount(plan, 300)).toBe(9);
    expect(maxHeadcount({ base: 3, changes: [{ day: 0, change: 1, rampDays: 1e12 }] }, 7300)).toBeCloseTo(3 + 7300 / 1e12, 12);
  });
});

/** A uniform generator that counts its draws. */
function counted(seed: string) {
  const rng = seedrandom(seed);
  const u = () => {
    u.draws++;
    return rng();
  };
  u.draws = 0;
  return u;
}

describe('campaigns', () => {
  const burst = (durationDays: number, extraLeads: number) =>
    scenarioOf({ version: 1, horizonDays: 365, marketing: { headcount: 1, leadsPerHeadPerWeek: 7, programBudgetYenPerMonth: 0, seasonality: Array(12).fill(1), campaigns: [{ startDay: 100, durationDays, extraLeads }] } });

  it('the expected lead count holds every lead of a campaign shorter than a day', () => {
    // 365 days at 1 lead a day, plus the one-hour burst's 2,000.
    expect(expectedLeadCount(burst(1 / 24, 2000))).toBeCloseTo(365 + 2000, 6);
  });

  it('a one-hour burst raises the thinning bound only during its hour', () => {
    const rate = leadRate(burst(1 / 24, 2000));
    expect(rate.pieces.map((p) => [p.from, p.to, p.bound])).toEqual([
      [0, 100, 1],
      [100, 100 + 1 / 24, 1 + 2000 * 24],
      [100 + 1 / 24, 365, 1],
    ]);
    // Candidates: about 365 + 2,000, two draws each; a bound of 48,001 leads a day over the year would need 35 million.
    const u = counted('burst');
    const next = arrivalTimes(rate, 365, u);
    let n = 0;
    while (next() < Infinity) n++;
    expect(n).toBeGreaterThan(2000);
    expect(u.draws).toBeLessThan(10_000);
  });

  it('arrivals by thinning piece by piece: the burst and the rest each get their expected count (99.9% CI over 400 runs)', () => {
    const rate = leadRate(burst(0.5, 60));
    let inBurst = 0, outside = 0;
    const runs = 400;
    for (let r = 0; r < runs; r++) {
      const next = arrivalTimes(rate, 365, seedrandom(`thin-${r}`));
      for (let t = next(); t < Infinity; t = next()) if (t >= 100 && t < 100.5) inBurst++; else outside++;
    }
    // Poisson counts: burst mean 60 + 0.5, rest 364.5; sd of the mean sqrt(mean / runs); z = 3.29.
    const within = (total: number, mean: number) => expect(Math.abs(total / runs - mean)).toBeLessThan(3.29 * Math.sqrt(mean / runs));
    within(inBurst, 60.5);
    within(outside, 364.5);
  });
});

describe('a constant lead rate', () => {
  const roster = (fixed: number) => ({ fixed, spells: [], leaveTimes: [], drawn: false });
  const flat = (over: Record<string, unknown> = {}) =>
    scenarioOf({ version: 1, horizonDays: 730, warmupDays: 60, marketing: { headcount: 3, leadsPerHeadPerWeek: 9.5, programBudgetYenPerMonth: 1_234_567, seasonality: Array(12).fill(0.8), campaigns: [], ...over } });

  it('is stated when no staffing change, campaign or seasonality moves it, and equals at(t) to the bit', () => {
    const rate = leadRate(flat(), roster(3));
    expect(rate.constant).toBeGreaterThan(0);
    for (let t = 0; t < 790; t += 0.37) expect(Object.is(rate.at(t), rate.constant)).toBe(true);
  });

  it('is not stated when seasonality, a campaign or the plan (no roster drawn) may move the rate', () => {
    const seasonal = Array.from({ length: 12 }, (_, i) => (i === 6 ? 1.2 : 0.8));
    expect(leadRate(flat({ seasonality: seasonal }), roster(3)).constant).toBeUndefined();
    expect(leadRate(flat({ campaigns: [{ startDay: 10, durationDays: 5, extraLeads: 50 }] }), roster(3)).constant).toBeUndefined();
    expect(leadRate(flat()).constant).toBeUndefined();
  });
});
