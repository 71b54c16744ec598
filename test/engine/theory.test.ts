/** Reference formulas and small helpers: Erlang C and A, decay curves, staffing ramps. */
import { describe, expect, it } from 'vitest';
import { erlangA, erlangC } from '../../src/engine/erlang.ts';
import { compileDecay, logLogCurve } from '../../src/engine/decay.ts';
import { capacityUpdateTimes, effectiveHeadcount, paidPersonDays } from '../../src/engine/staffing.ts';

describe('Erlang C', () => {
  it('M/M/1 at rho 0.8: P(wait) 0.8, mean wait rho / (mu - lambda) = 4 days', () => {
    const q = erlangC(1, 0.8, 1);
    expect(q.pWait).toBeCloseTo(0.8, 12);
    expect(q.meanWait).toBeCloseTo(4, 12);
  });
  it('M/M/2 at rho 0.8: P(wait) = 2 rho^2 / (1 + rho) = 0.7111', () => {
    expect(erlangC(2, 1.6, 1).pWait).toBeCloseTo((2 * 0.64) / 1.8, 12);
  });
  it('M/M/5 at rho 0.8: P(wait) 0.5541 from the textbook sum', () => {
    const a = 4, c = 5;
    let sum = 0, term = 1;
    for (let k = 0; k < c; k++) { if (k > 0) term *= a / k; sum += term; }
    const top = (term * a / c) * (c / (c - a));
    expect(erlangC(c, a, 1).pWait).toBeCloseTo(top / (sum + top), 12);
    expect(erlangC(c, a, 1).pWait).toBeCloseTo(0.5541, 4);
  });
  it('refuses rho >= 1 with the values received', () => {
    expect(() => erlangC(2, 3, 1)).toThrow('rho 1.5');
  });
});

describe('Erlang A', () => {
  it('with patience rate equal to the service rate, the number in system is Poisson: P(wait) = P(Poisson(a) >= c)', () => {
    const a = 4, c = 3;
    let below = 0, term = Math.exp(-a);
    for (let k = 0; k < c; k++) { below += term; term *= a / (k + 1); }
    expect(erlangA(c, a, 1, 1).pWait).toBeCloseTo(1 - below, 10);
  });
  it('with almost no abandonment it approaches Erlang C', () => {
    const A = erlangA(5, 4, 1, 1e-9), C = erlangC(5, 4, 1);
    expect(A.pWait).toBeCloseTo(C.pWait, 6);
    expect(A.meanWait).toBeCloseTo(C.meanWait, 5);
  });
  it('is stable above rho 1 (abandonment keeps the queue finite) and P(abandon) = theta Lq / lambda', () => {
    const q = erlangA(5, 6, 1, 0.5);
    expect(q.pAbandon).toBeGreaterThan(1 / 6);
    expect(q.pAbandon).toBeCloseTo((0.5 * q.meanQueue) / 6, 12);
    expect(q.utilisation).toBeCloseTo((6 * (1 - q.pAbandon)) / 5, 10);
  });
});

describe('decay', () => {
  it('half-life 14 days: half at 14 days, a quarter at 28', () => {
    const d = compileDecay({ kind: 'halfLife', halfLifeDays: 14 });
    expect(d(14)).toBeCloseTo(0.5, 12);
    expect(d(28)).toBeCloseTo(0.25, 12);
  });
  it('a curve is a power law between its points (log-log) and flat outside them', () => {
    const d = logLogCurve([[1, 1], [100, 0.01]]);
    expect(d(0.5)).toBe(1);
    expect(d(10)).toBeCloseTo(0.1, 12);
    expect(d(1000)).toBeCloseTo(0.01, 12);
  });
  it('the speed-to-lead preset is 1 within the hour and 1/62 at 24 hours (HBR: 60x)', () => {
    const d = compileDecay({ kind: 'preset', name: 'speedToLead' });
    expect(d(0.5 / 24)).toBe(1);
    expect(1 / d(1)).toBeCloseTo(62.0, 0);
    expect(d(2 / 24)).toBeCloseTo(Math.pow(2, -1.3), 10);
  });
});

describe('staffing', () => {
  const plan = { base: 4, changes: [{ day: 10, change: 2, rampDays: 20 }, { day: 50, change: -1, rampDays: 0 }] };
  it('a hire ramps linearly: 2 hires on day 10 with a 20-day ramp count 1 on day 20', () => {
    expect([0, 10, 20, 30, 49, 50].map((t) => effectiveHeadcount(plan, t))).toEqual([4, 4, 5, 6, 6, 5]);
  });
  it('people are paid from their first day: person-days from 0 to 60', () => {
    expect(paidPersonDays(plan, 0, 60)).toBe(4 * 10 + 6 * 40 + 5 * 10);
  });
  it('capacity is recomputed daily through a ramp and on each change', () => {
    expect(capacityUpdateTimes(plan, 100)).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 50]);
  });
});
