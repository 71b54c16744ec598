/**
 * The engine's parts alone: the compiled scenario, the population count over a
 * lead table, and the money measures from given window counters.
 */
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/engine/compile.ts';
import { createLeadTable, addLead, SMALL_COLUMNS_MAX } from '../../src/engine/leadTable.ts';
import { LOSS_CAUSES } from '../../src/engine/results.ts';
import { LIMITS } from '../../src/scenario/limits.ts';
import { money, population } from '../../src/engine/summary.ts';
import { LOST } from '../../src/engine/replication.ts';
import { scenarioOf } from '../support/scenarios.ts';

const twoSegments = scenarioOf({
  version: 1,
  horizonDays: 365,
  warmupDays: 100,
  seed: 'parts',
  segments: [
    { name: 'smb', share: 0.25, sqlRate: 0.4, winRate: 0.3, skipFieldSales: true },
    { name: 'ent', share: 0.75, sqlRate: 0.2, winRate: 0.2 },
  ],
  insideSales: { headcount: 4, concurrentPerHead: 2 },
  hiring: [{ department: 'fieldSales', day: 30, change: 2, rampDays: 60 }],
  customerSuccess: { contractMonths: 12 },
});

describe('compileScenario', () => {
  it('cumulates segment shares, shifts hiring by the warm-up, and turns the contract into days', () => {
    const c = compileScenario(twoSegments);
    expect(c.t0).toBe(100);
    expect(c.tEnd).toBe(465);
    expect(c.segments.map((g) => g.skipFieldSales)).toEqual([true, false]);
    expect(c.segmentCut).toEqual([0.25, 1]);
    expect(c.contractDays).toBeCloseTo(365, 9);
    expect(c.plans[1].changes).toEqual([{ day: 130, change: 2, rampDays: 60 }]);
    expect(c.plans[0]).toEqual({ base: 4, changes: [] });
    expect(c.concurrent[0]).toBe(2);
    // Patience defaults to none in IS; CS never recycles those who give up.
    expect(c.abandonRecycleShare[2]).toBe(0);
  });

  it('makes one segment "all" from the departments when the scenario has none', () => {
    const s = scenarioOf({ version: 1, horizonDays: 100, insideSales: { sqlRate: 0.37 }, fieldSales: { winRate: 0.19 } });
    const c = compileScenario(s);
    expect(c.segments).toHaveLength(1);
    expect(c.segments[0]).toMatchObject({ share: 1, sqlRate: 0.37, winRate: 0.19, skipFieldSales: false });
    expect(c.segmentCut).toEqual([1]);
  });
});

describe('population', () => {
  it('counts live leads by state, leaves out accounts carried in, and sums the cohort ARR kept', () => {
    const L = createLeadTable(2);
    const lead = (state: number, initial = 0, cohort = 0, arr = 0) => {
      const id = addLead(L, 0, 0);
      L.state[id] = state;
      L.initial[id] = initial;
      L.cohortArrYen[id] = cohort;
      L.arrYen[id] = arr;
    };
    lead(0); // marketing
    lead(2); // waiting for IS
    lead(8, 0, 100, 150); // a customer that expanded
    lead(8, 1, 200, 120); // an account carried in that contracted
    lead(LOST + 3, 0, 50, 50); // churned
    const p = population(L);
    expect(p.live).toMatchObject({ marketing: 1, isQueue: 1, customer: 1, nurture: 0 });
    expect(p.cohortStartArr).toBe(350);
    expect(p.cohortEndArr).toBe(270);
    expect(p.cohortKeptArr).toBe(220);
  });
});

describe('money', () => {
  it('CAC is acquisition cost over wins, LTV is margin over annual churn, churn is per renewal decision', () => {
    const s = scenarioOf({
      version: 1,
      horizonDays: 365,
      marketing: { headcount: 2, costPerHeadYen: 10, programBudgetYenPerMonth: 1, campaigns: [] },
      insideSales: { headcount: 1, costPerHeadYen: 20 },
      fieldSales: { headcount: 1, costPerHeadYen: 30 },
      customerSuccess: { headcount: 1, costPerHeadYen: 40, contractMonths: 12, grossMargin: 0.8 },
    });
    const m = money(s, { wonW: 10, bookingsW: 1000, renewalsW: 90, cancelledW: 10, churnedAccountsW: 20 });
    // One year: heads x cost; programmes 12 a year.
    expect(m.headcountCostYen).toBeCloseTo(2 * 10 + 20 + 30 + 40, 9);
    expect(m.programCostYen).toBeCloseTo(12, 9);
    expect(m.cacYen).toBeCloseTo((20 + 20 + 30 + 12) / 10, 9);
    expect(m.meanAcvYen).toBe(100);
    expect(m.annualChurn).toBeCloseTo(0.2, 12);
    expect(m.ltvYen).toBeCloseTo((100 * 0.8) / 0.2, 9);
    expect(m.paybackMonths).toBeCloseTo(m.cacYen / ((100 / 12) * 0.8), 9);
  });
});

describe('the lead table', () => {
  it("holds in its byte columns the largest state, segment index and stage the engine writes", () => {
    const L = createLeadTable(4);
    const id = addLead(L, 1, 2);
    // The last lost state, the last of the most segments a scenario may have, the last stage; and -1 (not in a stage).
    const largest = { state: LOST + LOSS_CAUSES.length - 1, segment: LIMITS.segments - 1, stage: 2 };
    expect(Math.max(...Object.values(largest))).toBeLessThanOrEqual(SMALL_COLUMNS_MAX);
    for (const [column, value] of Object.entries(largest) as [keyof typeof largest, number][]) {
      L[column][id] = value;
      expect(L[column][id], column).toBe(value);
    }
    L.stage[id] = -1;
    expect(L.stage[id]).toBe(-1);
  });
});
