/**
 * Staffing that varies by chance: attrition, backfill after a time to fill, ramps,
 * requisition-dated hires; and common random numbers when only the plan changes.
 * Statistical checks are confidence intervals of the exact expectation (z = 3.29:
 * 99.9%, two-sided), never loose tolerances.
 */
import { describe, expect, it } from 'vitest';
import { realiseRoster, rampPersonDays, rampFraction, rosterMax, rosterProductivePersonDays, rosterPaidPersonDays, productiveAt, paidAt, type RosterSpec } from '../../src/engine/staffing.ts';
import { compileDist } from '../../src/engine/distributions.ts';
import { streamKey } from '../../src/engine/random.ts';
import { compileScenario } from '../../src/engine/compile.ts';
import { Replication } from '../../src/engine/replication.ts';
import { simulateReplication } from '../../src/engine/simulate.ts';
import { scenarioOf } from '../support/scenarios.ts';
import { expectSameDraws } from './leadDraws.ts';

const Z = 3.29;
const keys = (r: number, d = 'insideSales') => [streamKey('staff-test', r, `staff/${d}/base`), streamKey('staff-test', r, `staff/${d}/hire`)] as const;
const spec = (over: Partial<RosterSpec>): RosterSpec => ({
  base: 0, hires: [], attritionPerYear: 0, backfill: true, timeToFill: compileDist({ kind: 'fixed', value: 30 }), rampDays: 0, rampShape: 'linear', ...over,
});

describe('ramps', () => {
  it('linear and ladder fractions, and their person-days (ladder: 25/50/75/100% by quarter)', () => {
    expect([0, 25, 50, 99, 100, 200].map((x) => rampFraction('linear', 100, x))).toEqual([0, 0.25, 0.5, 0.99, 1, 1]);
    expect([0, 24.9, 25, 50, 74.9, 75, 100].map((x) => rampFraction('ladder', 100, x))).toEqual([0.25, 0.25, 0.5, 0.75, 0.75, 1, 1]);
    expect(rampPersonDays('linear', 100, 100)).toBe(50);
    expect(rampPersonDays('ladder', 100, 100)).toBe(62.5);
    expect(rampPersonDays('ladder', 100, 60)).toBeCloseTo(25 * 0.25 + 25 * 0.5 + 10 * 0.75, 12);
    expect(rampPersonDays('linear', 100, 150)).toBe(100);
    expect(rampPersonDays('linear', 0, 10)).toBe(10);
    // The integral agrees with a fine sum of the fraction.
    for (const shape of ['linear', 'ladder'] as const) {
      let sum = 0;
      for (let i = 0; i < 130_000; i++) sum += rampFraction(shape, 100, (i + 0.5) / 1000) / 1000;
      expect(sum).toBeCloseTo(rampPersonDays(shape, 100, 130), 6);
    }
  });

  it('a roster counts a planned hire from its start, paid at once and productive along its ramp', () => {
    const r = realiseRoster(spec({ base: 3, hires: [{ day: 10, change: 2, rampDays: 40, shape: 'linear', requisition: false }] }), 365, ...keys(0));
    expect([0, 10, 30, 50, 100].map((t) => productiveAt(r, t))).toEqual([3, 3, 4, 5, 5]);
    expect([0, 9.9, 10].map((t) => paidAt(r, t))).toEqual([3, 3, 5]);
    expect(rosterPaidPersonDays(r, 0, 100)).toBe(3 * 100 + 2 * 90);
    expect(rosterProductivePersonDays(r, 0, 100)).toBe(3 * 100 + 2 * (20 + 50));
  });
});

describe('attrition', () => {
  it('at a rate a a year with no backfill, each person is still there after a year with probability exp(-a) (99.9% CI)', () => {
    const a = 0.4, n = 20_000;
    const r = realiseRoster(spec({ base: n, attritionPerYear: a, backfill: false }), 365.0001, ...keys(1));
    const stayed = paidAt(r, 365);
    const p = Math.exp(-a);
    expect(Math.abs(stayed - n * p)).toBeLessThan(Z * Math.sqrt(n * p * (1 - p)));
    // Leavers are those who are gone.
    expect(r.leaveTimes.filter((t) => t <= 365).length).toBe(n - stayed);
  });

  it('through the engine: Inside Sales of 40 at 50% a year, no backfill, 30 replications: heads at the horizon in the CI of exp(-0.5), slots follow', () => {
    const s = scenarioOf({
      version: 2, horizonDays: 365, seed: 'attrition',
      marketing: { headcount: 1, leadsPerHeadPerWeek: 20, programBudgetYenPerMonth: 0 },
      insideSales: { headcount: 40, attritionPerYear: 0.5, backfill: false },
      customerSuccess: { initialAccounts: 10 },
    });
    const reps = 30, n = 40 * reps, p = Math.exp(-0.5);
    let stayed = 0, leavers = 0;
    for (let r = 0; r < reps; r++) {
      const res = simulateReplication(s, r);
      stayed += res.staffing.insideSales.paidEnd;
      leavers += res.staffing.insideSales.leavers;
      expect(res.insideSales.slotsEnd).toBe(Math.floor(res.staffing.insideSales.productiveEnd * s.insideSales.concurrentPerHead + 1e-9));
      // Other departments, with no attrition, keep their heads.
      expect(res.staffing.fieldSales.paidByWeek.every((x) => x === s.fieldSales.headcount)).toBe(true);
    }
    expect(leavers).toBe(n - stayed);
    expect(Math.abs(stayed - n * p)).toBeLessThan(Z * Math.sqrt(n * p * (1 - p)));
  });

  it('with backfill, a seat is filled again after the time to fill, and the newcomer ramps', () => {
    const r = realiseRoster(spec({ base: 200, attritionPerYear: 1, backfill: true, timeToFill: compileDist({ kind: 'fixed', value: 30 }), rampDays: 60 }), 3650, ...keys(2));
    const firstLeaves = r.spells.filter((s) => s.start === 0 && s.end < Infinity);
    expect(firstLeaves.length).toBeGreaterThan(0);
    // Every spell after the first in a seat starts 30 days after someone left, with the department's ramp.
    const later = r.spells.filter((s) => s.start > 0);
    expect(later.length).toBeGreaterThan(0);
    for (const s of later) {
      expect(s.rampDays).toBe(60);
      expect(r.leaveTimes.some((t) => Math.abs(t + 30 - s.start) < 1e-9)).toBe(true);
    }
  });
});

describe('time to fill and ramp', () => {
  it('a requisition-dated hire: productive person-days over a year match E[ramp integral of (365 - time to fill)] (99.9% CI)', () => {
    const n = 20_000, H = 365, mean = 45, R = 90;
    const r = realiseRoster(
      spec({ hires: [{ day: 0, change: n, rampDays: R, shape: 'linear', requisition: true }], timeToFill: compileDist({ kind: 'exponential', mean }) }),
      H, ...keys(3),
    );
    // Per person (each its own spell: different start days).
    const days = r.spells.map((s) => rampPersonDays(s.shape, s.rampDays, Math.max(0, H - s.start)) * s.count);
    expect(r.spells.reduce((a, s) => a + s.count, 0)).toBe(n);
    const m = days.reduce((a, x) => a + x, 0) / n;
    const sd = Math.sqrt(days.reduce((a, x) => a + (x - m) ** 2, 0) / (n - 1));
    // Exact expectation by quadrature: E[g(H - S)], S exponential with mean `mean` (g = 0 when S > H).
    let expected = 0;
    const steps = 200_000, h = H / steps;
    for (let i = 0; i < steps; i++) {
      const sMid = (i + 0.5) * h;
      expected += (Math.exp(-sMid / mean) / mean) * rampPersonDays('linear', R, H - sMid) * h;
    }
    expect(Math.abs(m - expected)).toBeLessThan(Z * sd / Math.sqrt(n));
    // And the roster's own integral agrees with the per-person sum.
    expect(rosterProductivePersonDays(r, 0, H)).toBeCloseTo(m * n, 3);
  });

  it('a ladder ramp of 100 days gives 62.5 productive person-days over its ramp', () => {
    const r = realiseRoster(spec({ hires: [{ day: 20, change: 1, rampDays: 100, shape: 'ladder', requisition: false }] }), 365, ...keys(4));
    expect(rosterProductivePersonDays(r, 20, 120)).toBe(62.5);
    expect(rosterPaidPersonDays(r, 20, 120)).toBe(100);
  });

  it('a removal takes the most productive person first and cancels an open requisition when nobody is left', () => {
    const r = realiseRoster(spec({
      base: 1,
      hires: [
        { day: 0, change: 1, rampDays: 100, shape: 'linear', requisition: false },
        { day: 10, change: 1, rampDays: 0, shape: 'linear', requisition: true },
        { day: 20, change: -3, rampDays: 0, shape: 'linear', requisition: false },
      ],
      timeToFill: compileDist({ kind: 'fixed', value: 30 }),
    }), 365, ...keys(5));
    expect(productiveAt(r, 19)).toBeCloseTo(1.19, 12);
    expect([20, 39, 40, 100].map((t) => paidAt(r, t))).toEqual([0, 0, 0, 0]);
  });
});

describe('common random numbers when only the plan changes', () => {
  const base = {
    version: 2, horizonDays: 200, warmupDays: 30, seed: 'crn-plan',
    marketing: { attritionPerYear: 0.3 },
    insideSales: { attritionPerYear: 0.5, headcount: 2 },
    fieldSales: { attritionPerYear: 0.3 },
    customerSuccess: { initialAccounts: 50 },
  };
  const run = (hiring: unknown[]) => {
    const r = new Replication(compileScenario(scenarioOf({ ...base, hiring })), 2);
    const arrivals: number[] = [];
    // Arrival times, read through the trace.
    (r as unknown as { trace: (t: number, kind: string) => void }).trace = (t, kind) => { if (kind === 'arrival') arrivals.push(t); };
    r.run();
    return { r, arrivals };
  };

  it('a plan that adds FS and IS people leaves the arrivals, every lead draw and every other seat as they were', () => {
    const a = run([]);
    const b = run([{ department: 'fieldSales', day: 20, change: 5 }, { department: 'insideSales', day: 50, change: 3, from: 'requisition' }]);
    expect(b.arrivals).toEqual(a.arrivals);
    expect(a.arrivals.length).toBeGreaterThan(500);
    // Same leads, same first draws; leads with one pass in both runs drew the same pass.
    const La = a.r.L, Lb = b.r.L;
    expect(Lb.size).toBe(La.size);
    let compared = 0, differentOutcome = 0, draws = 0;
    for (let id = 0; id < La.size; id++) {
      expect([Lb.segment[id], Lb.noise[id], Lb.initial[id]]).toEqual([La.segment[id], La.noise[id], La.initial[id]]);
      if (La.mqlPasses[id] === 1 && Lb.mqlPasses[id] === 1) {
        compared++;
        draws += expectSameDraws(La, Lb, id);
        if (La.state[id] !== Lb.state[id] || La.waitedDays[id] !== Lb.waitedDays[id]) differentOutcome++;
      }
    }
    expect(compared).toBeGreaterThan(200);
    // Not an empty comparison: the compared leads drew more than one number each, on average, in both runs.
    expect(draws).toBeGreaterThan(compared);
    // The plan did change what happened to some leads (the test can fail on the draws, not on nothing changing).
    expect(differentOutcome).toBeGreaterThan(0);
    // Marketing's and Customer Success's staffing are untouched; IS and FS keep every seat they had, the new ones come after.
    expect(b.r.rosters[0]).toEqual(a.r.rosters[0]);
    expect(b.r.rosters[3]).toEqual(a.r.rosters[3]);
    for (const k of [1, 2]) {
      expect(b.r.rosters[k].spells.slice(0, a.r.rosters[k].spells.length)).toEqual(a.r.rosters[k].spells);
      for (const t of a.r.rosters[k].leaveTimes) expect(b.r.rosters[k].leaveTimes).toContain(t);
    }
  });
});

describe("Marketing's people set the lead rate", () => {
  it('marketers leaving at rate a, no backfill: leads in the CI of 1 a day x N x (1 - e^-a) / a over a year; the thinning bound holds', () => {
    const s = scenarioOf({
      version: 2, horizonDays: 365, seed: 'marketing-attrition',
      marketing: { headcount: 20, leadsPerHeadPerWeek: 7, programBudgetYenPerMonth: 0, attritionPerYear: 1, backfill: false },
      customerSuccess: { initialAccounts: 0 },
    });
    const reps = 40;
    const leads = Array.from({ length: reps }, (_, r) => simulateReplication(s, r).funnel.leads);
    const m = leads.reduce((a, x) => a + x, 0) / reps;
    const sd = Math.sqrt(leads.reduce((a, x) => a + (x - m) ** 2, 0) / (reps - 1));
    const expected = 1 * 20 * 365 * (1 - Math.exp(-1));
    expect(Math.abs(m - expected)).toBeLessThan(Z * sd / Math.sqrt(reps));
    // The bound of a drawn roster is never below its productive headcount.
    const r = realiseRoster(spec({ base: 50, attritionPerYear: 2, rampDays: 30, hires: [{ day: 5, change: 10, rampDays: 50, shape: 'ladder', requisition: true }] }), 365, ...keys(6));
    expect(r.drawn).toBe(true);
    const bound = rosterMax(r, 365);
    for (let t = 0; t <= 365; t += 0.25) expect(productiveAt(r, t)).toBeLessThanOrEqual(bound);
  });
});
