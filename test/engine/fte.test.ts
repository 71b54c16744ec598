/**
 * Part-time people (FTE). A department of 0.5 FTE whose person works one item is
 * an M/M/1 queue served at half the rate (capacityAt: one slot at half speed), so
 * its measures are compared with Erlang C at mu / 2, inside a Student t interval of
 * the replications' mean, Bonferroni-corrected so the file's family holds at 99%
 * (as test/engine/queueing.test.ts). Cost is paid FTE x cost per head; a part-timer
 * leaves as one person; common random numbers hold when only a fraction changes.
 */
import { describe, expect, it } from 'vitest';
import { simulateRange } from '../../src/runner/inline.ts';
import { summarize, tQuantile } from '../../src/montecarlo/stats.ts';
import { erlangC } from '../../src/engine/erlang.ts';
import { capacityAt, paidAt, peopleOf, productiveAt, realiseRoster, type RosterSpec } from '../../src/engine/staffing.ts';
import { compileDist } from '../../src/engine/distributions.ts';
import { streamKey } from '../../src/engine/random.ts';
import { compileScenario } from '../../src/engine/compile.ts';
import { Replication } from '../../src/engine/replication.ts';
import { simulateReplication } from '../../src/engine/simulate.ts';
import type { ReplicationResult } from '../../src/engine/results.ts';
import { jacksonScenario, scenarioOf } from '../support/scenarios.ts';
import { expectSameDraws } from './leadDraws.ts';

/** Comparisons with theory in this file: 5 for the half-time IS, 3 for FS of 1.5 FTE x 2 items. */
const COMPARISONS = 8;
const LEVEL = 1 - 0.01 / COMPARISONS;

function expectWithinCi(label: string, results: ReplicationResult[], pick: (r: ReplicationResult) => number, theory: number) {
  const s = summarize(results.map(pick));
  const half = tQuantile(1 - (1 - LEVEL) / 2, s.n - 1) * (s.sd / Math.sqrt(s.n));
  const ok = Math.abs(theory - s.mean) <= half;
  expect(ok, `${label}: theory ${theory.toFixed(5)} outside the family-wise 99% CI [${(s.mean - half).toFixed(5)}, ${(s.mean + half).toFixed(5)}]`).toBe(true);
}

const keys = (r: number) => [streamKey('fte-test', r, 'staff/insideSales/base'), streamKey('fte-test', r, 'staff/insideSales/hire')] as const;
const spec = (over: Partial<RosterSpec>): RosterSpec => ({
  base: 0, hires: [], attritionPerYear: 0, backfill: true, timeToFill: compileDist({ kind: 'fixed', value: 30 }), rampDays: 0, rampShape: 'linear', ...over,
});

describe('a headcount in FTE is made of people', () => {
  it('2.35 is two full-timers and a 0.35 part-timer; 0.5 one half-timer; 3 three people', () => {
    expect(peopleOf(2.35)).toEqual([1, 1, 0.35]);
    expect(peopleOf(0.5)).toEqual([0.5]);
    expect(peopleOf(3)).toEqual([1, 1, 1]);
    expect(peopleOf(0)).toEqual([]);
  });

  it('capacity: whole slots, plus one slot at the part-timers\' fraction of the speed; none for whole people', () => {
    const at = (base: number, c: number) => capacityAt(realiseRoster(spec({ base }), 365, ...keys(0)), 10, c);
    expect(at(0.5, 1)).toEqual({ slots: 0, partSpeed: 0.5 });
    expect(at(1.5, 1)).toEqual({ slots: 1, partSpeed: 0.5 });
    expect(at(0.5, 19)).toEqual({ slots: 9, partSpeed: 0.5 });
    expect(at(0.5, 16)).toEqual({ slots: 8, partSpeed: 0 });
    expect(at(3, 7)).toEqual({ slots: 21, partSpeed: 0 });
  });

  it('a ramping part-timer gets no part slot until the ramp leaves room for it (capacity never exceeds productive FTE x items)', () => {
    const r = realiseRoster(spec({ base: 1, hires: [{ day: 0, change: 0.5, rampDays: 100, shape: 'linear', requisition: false }] }), 365, ...keys(0));
    for (const t of [0, 20, 50, 99, 100, 200]) {
      const c = capacityAt(r, t, 1);
      expect(c.slots + c.partSpeed).toBeLessThanOrEqual(productiveAt(r, t) + 1e-9);
    }
    expect(capacityAt(r, 50, 1)).toEqual({ slots: 1, partSpeed: 0 });
    expect(capacityAt(r, 100, 1)).toEqual({ slots: 1, partSpeed: 0.5 });
  });
});

describe('a half-time person is an M/M/1 queue at half the service rate (Erlang C at mu / 2)', () => {
  // IS: 0.5 FTE, one item at a time, exponential work of mean 0.1 day: served at 5 a day; lambda 3: rho 0.6.
  // FS: 1.5 FTE x 2 items = 3 whole slots: M/M/3 (whole slots, no part slot).
  const lambda = 3, mu = 10;
  const base = jacksonScenario({
    lambda,
    is: { servers: 1, mu, sqlRate: 0.5 },
    fs: { servers: 2, mu: 0.8, winRate: 0.5 },
    cs: { servers: 5, mu: 1 },
    horizonDays: 1500, warmupDays: 200, replications: 40, seed: 'fte-mm1',
  });
  const s = { ...base, insideSales: { ...base.insideSales, headcount: 0.5 }, fieldSales: { ...base.fieldSales, headcount: 1.5, concurrentPerHead: 2 } };
  const results = simulateRange(s, 0, 40);
  const is = erlangC(1, lambda, mu / 2);
  const fs = erlangC(3, lambda * 0.5, 0.8);

  it(`IS utilisation lambda E[S] / 0.5 = ${(lambda / mu / 0.5).toFixed(2)} within the family-wise 99% CI`, () => {
    expect(is.utilisation).toBeCloseTo(lambda / mu / 0.5, 12);
    expectWithinCi('IS utilisation', results, (r) => r.insideSales.utilisation, is.utilisation);
  });
  it(`IS mean wait ${is.meanWait.toFixed(4)} days and P(wait) ${is.pWait.toFixed(4)} within the CI`, () => {
    expectWithinCi('IS mean wait', results, (r) => r.insideSales.waitMeanDays, is.meanWait);
    expectWithinCi('IS P(wait)', results, (r) => r.insideSales.pWait, is.pWait);
  });
  it(`IS throughput lambda = ${lambda} a day, and each item holds the slot 2 E[S] = ${(2 / mu).toFixed(2)} days, within the CI`, () => {
    expectWithinCi('IS throughput', results, (r) => r.insideSales.completions / 1500, lambda);
    expectWithinCi('IS time in the slot', results, (r) => r.insideSales.workMeanDays, 2 / mu);
  });
  it(`FS of 1.5 FTE x 2 items is M/M/3: mean wait ${fs.meanWait.toFixed(4)}, P(wait) ${fs.pWait.toFixed(4)}, utilisation ${fs.utilisation.toFixed(4)} within the CI`, () => {
    expectWithinCi('FS mean wait', results, (r) => r.fieldSales.waitMeanDays, fs.meanWait);
    expectWithinCi('FS P(wait)', results, (r) => r.fieldSales.pWait, fs.pWait);
    expectWithinCi('FS utilisation', results, (r) => r.fieldSales.utilisation, fs.utilisation);
  });
  it("Little's law holds on the sample path of the half-time queue in every replication", () => {
    for (const r of results) expect(r.insideSales.queueMean * 1500).toBeCloseTo(r.insideSales.queueDays, 6);
    // Capacity at the horizon in slot-equivalents: half a slot.
    expect(results[0].insideSales.slotsEnd).toBe(0.5);
  });
});

describe('cost and attrition of part-time people', () => {
  it('cost is paid FTE x cost per head: IS of 0.5 costs half of IS of 1 over the year', () => {
    const of = (headcount: number) => scenarioOf({ version: 3, horizonDays: 365, seed: 'fte-cost', insideSales: { headcount, costPerHeadYen: 5_600_000 }, customerSuccess: { initialAccounts: 10 } });
    const cost = (headcount: number) => simulateReplication(of(headcount), 0).revenue.headcountCostYen;
    expect(cost(1) - cost(0.5)).toBeCloseTo(0.5 * 5_600_000, 3);
    expect(cost(1.5) - cost(1)).toBeCloseTo(0.5 * 5_600_000, 3);
    const res = simulateReplication(of(2.5), 0);
    expect(res.staffing.insideSales.paidEnd).toBe(2.5);
    expect(res.staffing.insideSales.paidByWeek.every((x) => Math.abs(x - 2.5) < 1e-12)).toBe(true);
  });

  it('a part-timer leaves as one person and is backfilled by a part-timer', () => {
    // Attrition high enough that the half-timer leaves within the year in this replication.
    const r = realiseRoster(spec({ base: 0.5, attritionPerYear: 3, backfill: true, timeToFill: compileDist({ kind: 'fixed', value: 10 }) }), 365, ...keys(3));
    expect(r.leaveTimes.length).toBeGreaterThan(0);
    const left = r.leaveTimes[0];
    expect(paidAt(r, left - 1e-6)).toBe(0.5);
    expect(paidAt(r, left)).toBe(0);
    expect(paidAt(r, left + 10)).toBe(0.5);
    expect(r.spells.every((s) => s.fte === 0.5 && s.count === 1)).toBe(true);
  });

  it('a removal takes a whole person: removing 1 from 1.5 leaves 0.5 or 1 (the most productive first: the full-timer, present since day 0)', () => {
    const r = realiseRoster(spec({ base: 1.5, hires: [{ day: 50, change: -1, rampDays: 0, shape: 'linear', requisition: false }] }), 365, ...keys(4));
    expect(paidAt(r, 49)).toBe(1.5);
    expect(paidAt(r, 50)).toBe(0.5);
  });
});

describe('common random numbers when only a fraction of the plan changes', () => {
  const base = {
    version: 3, horizonDays: 200, warmupDays: 30, seed: 'crn-fte',
    insideSales: { headcount: 1.5, attritionPerYear: 0.5 },
    customerSuccess: { initialAccounts: 50 },
  };
  const run = (hiring: unknown[], isHeads = 1.5) => {
    const r = new Replication(compileScenario(scenarioOf({ ...base, insideSales: { ...base.insideSales, headcount: isHeads }, hiring })), 1);
    r.run();
    return r;
  };

  it('a half-time IS hire instead of one and a half, or 2.5 people instead of 1.5, leaves every lead\'s draws and the other departments\' rosters as they were', () => {
    const a = run([{ department: 'insideSales', day: 20, change: 0.5 }]);
    const b = run([{ department: 'insideSales', day: 20, change: 1.5 }]);
    const c = run([{ department: 'insideSales', day: 20, change: 0.5 }], 2.5);
    for (const x of [b, c]) {
      const La = a.L, Lb = x.L;
      expect(Lb.size).toBe(La.size);
      let compared = 0, different = 0, draws = 0;
      for (let id = 0; id < La.size; id++) {
        expect([Lb.segment[id], Lb.noise[id], Lb.initial[id]]).toEqual([La.segment[id], La.noise[id], La.initial[id]]);
        // A lead's draws are per pass through IS: leads with one pass in both runs drew the same pass.
        if (La.mqlPasses[id] !== 1 || Lb.mqlPasses[id] !== 1) continue;
        draws += expectSameDraws(La, Lb, id);
        compared++;
        if (La.state[id] !== Lb.state[id] || La.waitedDays[id] !== Lb.waitedDays[id]) different++;
      }
      expect(compared).toBeGreaterThan(200);
      // Not an empty comparison: the compared leads drew more than one number each, on average, in both runs.
      expect(draws).toBeGreaterThan(compared);
      // The change did change what happened to some leads: the test is of the draws, not of nothing changing.
      expect(different).toBeGreaterThan(0);
      for (const k of [0, 2, 3]) expect(x.rosters[k]).toEqual(a.rosters[k]);
    }
    // The first seats (the full-timer at day 0) drew the same stay in every run.
    expect(b.rosters[1].leaveTimes[0] === a.rosters[1].leaveTimes[0] || a.rosters[1].leaveTimes.length === 0).toBe(true);
  });
});
