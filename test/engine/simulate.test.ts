/**
 * The engine's bookkeeping: an event trace on a tiny case, conservation of leads,
 * determinism, and common random numbers.
 */
import { describe, expect, it } from 'vitest';
import { simulateReplication } from '../../src/engine/simulate.ts';
import { LIVE_STATES, LOSS_CAUSES } from '../../src/engine/results.ts';
import { runInline } from '../../src/runner/inline.ts';
import { libraryScenarios, scenarioOf } from '../support/scenarios.ts';

/** One IS rep working one MQL at a time: qualification 1 day, work 2 days, nothing converts. */
const tiny = scenarioOf({
  version: 1,
  horizonDays: 10,
  seed: 'trace',
  marketing: { headcount: 1, leadsPerHeadPerWeek: 7, programBudgetYenPerMonth: 0, mix: { buyingNow: 1, later: 0, never: 0 }, qualificationDays: 1 },
  insideSales: { headcount: 1, concurrentPerHead: 1, workDays: 2, sqlRate: 0, recycleShare: 0, decay: { kind: 'none' } },
  customerSuccess: { initialAccounts: 0 },
});

describe('event trace', () => {
  it('a single IS slot serves MQLs first come first served: MQL 1 day after arrival, done 2 days after start', () => {
    const trace: [number, string, number][] = [];
    simulateReplication(tiny, 0, { trace: (t, kind, id) => trace.push([t, kind, id]) });
    const arrivals = trace.filter((e) => e[1] === 'arrival').map((e) => e[0]);
    expect(arrivals.length).toBeGreaterThan(3);
    // The expected trace, computed by hand from the arrival times.
    const expected: [number, string, number][] = [];
    let free = 0;
    arrivals.forEach((t, id) => {
      expected.push([t, 'arrival', -1]);
      const mql = t + 1;
      if (mql <= 10) expected.push([mql, 'mqlReady', id]);
      const start = Math.max(free, mql);
      free = start + 2;
      if (mql <= 10 && free <= 10) expected.push([free, 'serviceEnd', id]);
    });
    const order = (a: [number, string, number], b: [number, string, number]) => a[0] - b[0] || rank(a[1]) - rank(b[1]);
    const rank = (k: string) => ['serviceEnd', 'arrival', 'mqlReady'].indexOf(k);
    expected.sort(order);
    const actual = trace.filter((e) => ['arrival', 'mqlReady', 'serviceEnd'].includes(e[1]));
    expect(actual.map(([t, k, id]) => [+t.toFixed(9), k, id])).toEqual(expected.map(([t, k, id]) => [+t.toFixed(9), k, id]));
  });

  it('a service ending at the same instant as an arrival frees its slot first (release before seize)', () => {
    const trace: string[] = [];
    simulateReplication(tiny, 0, { trace: (_t, kind) => trace.push(kind) });
    const result = simulateReplication(tiny, 0);
    expect(result.insideSales.starts).toBe(result.insideSales.completions + result.insideSales.wipEnd);
    expect(trace.length).toBe(result.events);
  });
});

describe('conservation of leads', () => {
  for (const { file, scenario } of libraryScenarios()) {
    it(`${file}: every lead created is in exactly one place at the horizon, in every replication`, () => {
      for (let r = 0; r < 4; r++) {
        const res = simulateReplication(scenario, r);
        const p = res.population;
        const live = LIVE_STATES.reduce((a, k) => a + p.live[k], 0);
        const lost = LOSS_CAUSES.reduce((a, c) => a + p.lost[c], 0);
        expect(p.created).toBeGreaterThan(0);
        expect(live + lost).toBe(p.created);
        // The stages' own counts agree with where the leads say they are.
        expect(p.live.isQueue).toBe(res.insideSales.queueEnd);
        expect(p.live.isService).toBe(res.insideSales.wipEnd);
        expect(p.live.fsQueue).toBe(res.fieldSales.queueEnd);
        expect(p.live.fsService).toBe(res.fieldSales.wipEnd);
        expect(p.live.csQueue).toBe(res.customerSuccess.queueEnd);
        expect(p.live.csService).toBeLessThanOrEqual(res.customerSuccess.wipEnd);
      }
    });
  }
});

describe('determinism and common random numbers', () => {
  const base = libraryScenarios().find((s) => s.file === 'baseline.json')!.scenario;
  const small = { ...base, replications: 3 };

  it('the same scenario and seed give byte-identical JSON', () => {
    expect(JSON.stringify(runInline(small).result)).toBe(JSON.stringify(runInline(structuredClone(small)).result));
  });

  it('another seed gives a different result', () => {
    expect(JSON.stringify(runInline({ ...small, seed: 'other' }).result)).not.toBe(JSON.stringify(runInline(small).result));
  });

  it('doubling Inside Sales leaves every lead arrival, and every first MQL time, unchanged', () => {
    const capture = (s: typeof base) => {
      const arrivals: number[] = [];
      const firstMql = new Map<number, number>();
      simulateReplication(s, 1, {
        trace: (t, kind, id) => {
          if (kind === 'arrival') arrivals.push(t);
          if (kind === 'mqlReady' && !firstMql.has(id)) firstMql.set(id, t);
        },
      });
      return { arrivals, firstMql };
    };
    const a = capture(base);
    const b = capture({ ...base, insideSales: { ...base.insideSales, headcount: base.insideSales.headcount * 2 } });
    expect(a.arrivals.length).toBeGreaterThan(1000);
    expect(b.arrivals).toEqual(a.arrivals);
    // First MQL times depend only on each lead's own stream, not on capacity.
    expect(a.firstMql.size).toBeGreaterThan(100);
    expect(b.firstMql).toEqual(a.firstMql);
  });
});
