/** Model features on small cases: hiring with ramp, seasonality and campaigns, routing, CS overload. */
import { describe, expect, it } from 'vitest';
import { simulateReplication } from '../../src/engine/simulate.ts';
import { leadRate } from '../../src/engine/arrivals.ts';
import { scenarioOf } from '../support/scenarios.ts';

describe('hiring plan', () => {
  it('2 reps plus 4 hires on day 30 with a 60-day ramp, 2 MQLs each: 4 slots on day 7, 8 on day 60, 12 from day 90', () => {
    const base = { version: 1, insideSales: { headcount: 2, concurrentPerHead: 2 }, customerSuccess: { initialAccounts: 0 }, seed: 'hire' };
    const at = (horizonDays: number) =>
      simulateReplication(scenarioOf({ ...base, horizonDays, hiring: [{ department: 'insideSales', day: 30, change: 4, rampDays: 60 }] }), 0).insideSales.slotsEnd;
    expect([at(7), at(60), at(120)]).toEqual([4, 8, 12]);
  });
});

describe('lead arrivals', () => {
  it('seasonality doubles the lead rate in its month, and a campaign adds its leads over its days', () => {
    const s = scenarioOf({
      version: 1,
      marketing: { headcount: 1, leadsPerHeadPerWeek: 7, programBudgetYenPerMonth: 0, startMonth: 1, seasonality: [1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], campaigns: [{ startDay: 100, durationDays: 10, extraLeads: 50 }] },
    });
    const rate = leadRate(s);
    expect(rate.at(10)).toBeCloseTo(1, 12); // January
    expect(rate.at(40)).toBeCloseTo(2, 12); // February
    expect(rate.at(105)).toBeCloseTo(6, 12); // April, during the campaign
    expect(rate.max).toBeCloseTo(7, 12);
  });
});

describe('routing and Customer Success', () => {
  it('an IS-complete segment never reaches Field Sales, yet wins deals', () => {
    const s = scenarioOf({ version: 1, seed: 'route', segments: [{ name: 'SMB', share: 1, skipFieldSales: true }], customerSuccess: { initialAccounts: 0 } });
    const r = simulateReplication(s, 0);
    expect(r.fieldSales.arrivals).toBe(0);
    expect(r.funnel.won).toBeGreaterThan(20);
  });

  it('a book over CS capacity churns from overload; enough CSMs remove that churn', () => {
    const run = (headcount: number) =>
      simulateReplication(scenarioOf({ version: 1, seed: 'cs', horizonDays: 365, customerSuccess: { headcount, initialAccounts: 600, accountsPerHead: 100 } }), 0);
    const thin = run(3);
    const full = run(12);
    expect(thin.bookCoverageEnd).toBeGreaterThan(1.5);
    expect(thin.funnel.lost.churnOverload).toBeGreaterThan(50);
    expect(full.funnel.lost.churnOverload).toBe(0);
    expect(full.revenue.nrr).toBeGreaterThan(thin.revenue.nrr);
  });

  it('no CSMs and no overload effect: the book still churns at the base rate (not 0 x infinite overload)', () => {
    const r = simulateReplication(scenarioOf({ version: 1, seed: 'cs0', horizonDays: 365, customerSuccess: { headcount: 0, overloadChurnPerUnit: 0, initialAccounts: 600, churnRate: 0.1 } }), 0);
    // 600 renewals in the year at 10%: 60 expected, sd about 7.
    expect(r.funnel.lost.churnBase).toBeGreaterThan(35);
    expect(r.funnel.lost.churnBase).toBeLessThan(85);
    expect(r.funnel.lost.churnOverload).toBe(0);
    expect(Number.isFinite(r.controls.renewalYen)).toBe(true);
  });
});
