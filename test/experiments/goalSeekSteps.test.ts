/**
 * Goal-seek's larger steps and its step back, against known answers: with
 * removals allowed, an over-staffed M/M/c queue with a service target gives back
 * people down to the least c Erlang C gives; a department the target does not
 * depend on gives back all but one person; without the option nobody is taken
 * off; a gap of many hires' worth is closed in blocks, and the plan the step back
 * leaves has no hire to spare; an impossible target is said before its path.
 */
import { describe, expect, it } from 'vitest';
import { goalSeek, type GoalSeekPartial } from '../../src/experiments/index.ts';
import { inlineRunner } from '../../src/runner/index.ts';
import { erlangC } from '../../src/engine/erlang.ts';
import { jacksonScenario, goalSeekMmc, type NetworkSpec } from '../support/scenarios.ts';

const NO_RAMP = { marketing: 0, insideSales: 0, fieldSales: 0, customerSuccess: 0 };
/** Only the named departments may change. */
const only = (bounds: Partial<Record<'marketing' | 'insideSales' | 'fieldSales' | 'customerSuccess', number>>) => ({ marketing: 0, insideSales: 0, fieldSales: 0, customerSuccess: 0, ...bounds });

const mmc = (servers: number, seed = 'goal-seek-steps'): NetworkSpec => goalSeekMmc(servers, seed);

describe('goal-seek removals (allowRemovals)', () => {
  // P(wait > 12 hours) <= 10%, as in goalSeek.test.ts: Erlang C's least c.
  const waitLimitDays = 0.5;
  const leastC = (() => {
    for (let c = 5; ; c++) {
      if (c <= 4.5) continue;
      const q = erlangC(c, 4.5, 1);
      if (q.pWait * Math.exp(-(c - 4.5) * waitLimitDays) <= 0.1) return c;
    }
  })();
  const servers = leastC + 2;

  it(`an over-staffed Inside Sales (${servers} people) gives back people down to the least c Erlang C gives (${leastC})`, async () => {
    const s = jacksonScenario(mmc(servers));
    const r = await goalSeek(
      { scenario: s, target: null, service: { isWaitP90Hours: waitLimitDays * 24 }, allowRemovals: true, maxPerDepartment: only({ insideSales: 5 }), rampDays: NO_RAMP, minReplications: 10, maxReplications: 40, verifyReplications: 20 },
      { runner: inlineRunner },
    );
    expect(r.status).toBe('met');
    expect(r.added).toEqual(only({ insideSales: leastC - servers }));
    expect(r.plan).toEqual([{ department: 'insideSales', day: 0, change: leastC - servers, rampDays: 0, rampShape: 'linear', from: 'start' }]);
    // Each person taken off is a step of the path, and the plan still meets the target after each.
    expect(r.path.map((p) => [p.department, p.change, p.after.met])).toEqual(Array(servers - leastC).fill(['insideSales', -1, true]));
    expect(r.costYenPerYear).toBe((leastC - servers) * s.insideSales.costPerHeadYen);
    expect(r.verification.service[0].met).toBe(true);
    // Nobody to time: a removal takes effect on day 0.
    expect(r.timing).toEqual([]);
  }, 120_000);

  it('without the option, the same scenario keeps its people: the target is already met', async () => {
    const r = await goalSeek(
      { scenario: jacksonScenario(mmc(servers)), target: null, service: { isWaitP90Hours: waitLimitDays * 24 }, maxPerDepartment: only({ insideSales: 5 }), rampDays: NO_RAMP, minReplications: 10, maxReplications: 20, verifyReplications: 10 },
      { runner: inlineRunner },
    );
    expect(r.status).toBe('alreadyMet');
    expect(r.plan).toEqual([]);
    expect(r.path).toEqual([]);
  }, 60_000);

  it('a department the target does not depend on (Customer Success, for deals won) gives back all but one person', async () => {
    const spec = { ...mmc(7), cs: { servers: 4, mu: 0.5 } };
    const s = jacksonScenario(spec);
    const base = await inlineRunner.run(s, { replications: 20 });
    const won = base.values.measures.won;
    const atLeast = Math.floor(0.9 * won.reduce((a, b) => a + b, 0) / won.length);
    const r = await goalSeek(
      { scenario: s, target: { measure: 'won', atLeast }, allowRemovals: true, maxPerDepartment: only({ customerSuccess: 10 }), rampDays: NO_RAMP, minReplications: 10, maxReplications: 20, verifyReplications: 10 },
      { runner: inlineRunner },
    );
    expect(r.status).toBe('met');
    expect(r.added).toEqual(only({ customerSuccess: 1 - spec.cs.servers }));
    expect(r.costYenPerYear).toBe((1 - spec.cs.servers) * s.customerSuccess.costPerHeadYen);
    expect(r.costYenInHorizon).toBeCloseTo((r.costYenPerYear * s.horizonDays) / 365, 6);
  }, 120_000);
});

describe('goal-seek blocks and the step back', () => {
  // Field Sales limits wins: 1 AE at 0.5 deals a day against 4 opportunities a day, half won; 300 wins in 200 days take about 6 more.
  const spec: NetworkSpec = { lambda: 16, is: { servers: 24, mu: 1, sqlRate: 0.25 }, fs: { servers: 1, mu: 0.5, winRate: 0.5 }, cs: { servers: 2, mu: 0.5 }, horizonDays: 200, warmupDays: 60, replications: 40, seed: 'goal-seek-blocks' };
  const target = { measure: 'won' as const, atLeast: 300 };

  it('closes a gap of many hires in blocks, and the plan left has no hire to spare', async () => {
    const scenario = jacksonScenario(spec);
    const partials: GoalSeekPartial[] = [];
    const r = await goalSeek(
      { scenario, target, maxPerDepartment: only({ fieldSales: 12, insideSales: 2 }), rampDays: NO_RAMP, minReplications: 20, maxReplications: 40, verifyReplications: 40, searchTiming: false, onStep: (p) => partials.push(p) },
      { runner: inlineRunner },
    );
    expect(r.status).toBe('met');
    const added = r.path.filter((p) => (p.change ?? 1) > 0);
    expect(added.some((p) => (p.change ?? 1) > 1), `steps ${r.path.map((p) => p.change).join(', ')}`).toBe(true);
    expect(added.length, 'fewer steps than people').toBeLessThan(r.added.fieldSales);
    // The step back's answer: one Field Sales hire fewer (the same seed, every replication) misses the target.
    const fewer = { ...scenario, hiring: [...scenario.hiring, { department: 'fieldSales' as const, day: 0, change: r.added.fieldSales - 1, rampDays: 0, rampShape: 'linear' as const, from: 'start' as const }] };
    const run = await inlineRunner.run(fewer, { replications: 40 });
    const p = run.values.measures.won.filter((w) => w >= target.atLeast).length / 40;
    expect(p).toBeLessThan(0.85);
    expect(r.verification.probability!.high).toBeGreaterThanOrEqual(0.85);
    expect(partials.at(-1)!.path).toEqual(r.path);
  }, 180_000);
});

describe('goal-seek: an impossible target is said before its path', () => {
  it('the first partial answer carries the decision and the bound plan, with no path yet', async () => {
    const partials: GoalSeekPartial[] = [];
    const r = await goalSeek(
      { scenario: jacksonScenario(mmc(5)), target: { measure: 'won', atLeast: 10_000 }, maxPerDepartment: 1, rampDays: NO_RAMP, minReplications: 20, maxReplications: 40, verifyReplications: 10, onStep: (p) => partials.push(p) },
      { runner: inlineRunner },
    );
    expect(r.status).toBe('bounds');
    expect(partials[0].decided).toBe('bounds');
    expect(partials[0].path).toEqual([]);
    expect(partials[0].plan).toEqual(r.plan);
    // Decided on the first look (10 replications): nothing is within reach.
    expect(r.path.at(-1)!.after.replications).toBe(10);
    expect(r.baseline.replications).toBe(10);
  }, 60_000);
});
