/**
 * Goal-seek against known answers: the least c of an M/M/c queue with a service
 * target is Erlang C's; on the library's imbalanced scenarios the first hire is
 * where next best hire points; a target already met hires nobody; an impossible
 * one says so; and the verified probability of the plan found is consistent with
 * the confidence asked, over several seeds.
 */
import { describe, expect, it } from 'vitest';
import { goalSeek, nextBestHire, planHires, type GoalSeekPartial } from '../../src/experiments/index.ts';
import { DEPARTMENTS, type Department } from '../../src/scenario/types.ts';
import { inlineRunner, RunCancelled, type Run, type Runner } from '../../src/runner/index.ts';
import { erlangC } from '../../src/engine/erlang.ts';
import { wilsonInterval } from '../../src/montecarlo/binomial.ts';
import { jacksonScenario, libraryScenarios, goalSeekMmc, type NetworkSpec } from '../support/scenarios.ts';
import type { Scenario } from '../../src/scenario/types.ts';

/** Hires take effect at once: the queue the test reads is the M/M/c of the new head count from day 0. */
const NO_RAMP = { marketing: 0, insideSales: 0, fieldSales: 0, customerSuccess: 0 };

/** The inline runner with each (scenario, replications) run once: experiments asked the same run share it. */
function cachingRunner(): Runner & { runs: number } {
  const cache = new Map<string, Promise<Run>>();
  const runner = {
    runs: 0,
    run(s: Scenario, o: Parameters<Runner['run']>[1] = {}) {
      const key = JSON.stringify([s, o.replications ?? s.replications]);
      let hit = cache.get(key);
      if (!hit) {
        runner.runs++;
        hit = inlineRunner.run(s, { replications: o.replications, signal: o.signal });
        cache.set(key, hit);
      }
      return hit;
    },
  };
  return runner;
}

const mmc = (servers: number, seed = 'goal-seek-mmc'): NetworkSpec => goalSeekMmc(servers, seed);

describe('goal-seek: one M/M/c queue with a service target', () => {
  // P(wait > 12 hours) <= 10%: Erlang C gives 0.20 with 6 reps and 0.06 with 7.
  const waitLimitDays = 0.5;
  const spec = mmc(5);
  const leastC = (() => {
    for (let c = spec.is.servers; ; c++) {
      if (c * spec.is.mu <= spec.lambda) continue;
      const q = erlangC(c, spec.lambda, spec.is.mu);
      if (q.pWait * Math.exp(-(c * spec.is.mu - spec.lambda) * waitLimitDays) <= 0.1) return c;
    }
  })();

  it(`hires Inside Sales up to the least c Erlang C gives (${leastC}), nobody elsewhere`, async () => {
    const partials: GoalSeekPartial[] = [];
    const r = await goalSeek(
      { scenario: jacksonScenario(spec), target: null, service: { isWaitP90Hours: waitLimitDays * 24 }, rampDays: NO_RAMP, minReplications: 10, maxReplications: 40, verifyReplications: 20, searchTiming: false, onStep: (p) => partials.push(p) },
      { runner: cachingRunner() },
    );
    expect(r.status).toBe('met');
    expect(r.added).toEqual({ marketing: 0, insideSales: leastC - spec.is.servers, fieldSales: 0, customerSuccess: 0 });
    expect(r.plan).toEqual([{ department: 'insideSales', day: 0, change: leastC - spec.is.servers, rampDays: 0, rampShape: 'linear', from: 'start' }]);
    expect(r.path.map((s) => s.department)).toEqual(Array(leastC - spec.is.servers).fill('insideSales'));
    expect(r.path.at(-1)!.after.met).toBe(true);
    expect(r.path.slice(0, -1).every((s) => !s.after.met)).toBe(true);
    expect(partials.map((p) => p.path.length)).toEqual(r.path.map((_, i) => i + 1));
    expect(r.verification.service[0].met).toBe(true);
    expect(r.costYenPerYear).toBe((leastC - spec.is.servers) * jacksonScenario(spec).insideSales.costPerHeadYen);
  }, 120_000);

  it('hires nobody when the target is already met', async () => {
    const runner = cachingRunner();
    const r = await goalSeek({ scenario: jacksonScenario(mmc(9)), target: { measure: 'won', atLeast: 0 }, service: { isWaitP90Hours: 12 }, minReplications: 10, maxReplications: 20 }, { runner });
    expect(r.status).toBe('alreadyMet');
    expect(r.reached).toBe(true);
    expect(r.plan).toEqual([]);
    expect(r.path).toEqual([]);
    expect(r.costYenPerYear).toBe(0);
    expect(r.verification.probability!.p).toBe(1);
  }, 60_000);

  it('says so when no plan within the bounds reaches the target, and returns the best found', async () => {
    const runner = cachingRunner();
    const s = jacksonScenario(mmc(5));
    const r = await goalSeek({ scenario: s, target: { measure: 'won', atLeast: 10_000 }, maxPerDepartment: 1, rampDays: NO_RAMP, minReplications: 10, maxReplications: 20, verifyReplications: 10 }, { runner });
    expect(r.reached).toBe(false);
    expect(['bounds', 'noGain']).toContain(r.status);
    expect(r.verification.probability!.p).toBe(0);
    // The best found adds wins: its last step has more of them than the scenario as it is.
    expect(r.path.length).toBeGreaterThan(0);
    expect(r.timing).toEqual([]);
  }, 60_000);

  it('stops on abort with the runner\'s RunCancelled', async () => {
    const controller = new AbortController();
    const promise = goalSeek(
      { scenario: jacksonScenario(mmc(5)), target: null, service: { isWaitP90Hours: 12 }, minReplications: 5, maxReplications: 10 },
      { runner: inlineRunner, signal: controller.signal, onProgress: () => controller.abort(new RunCancelled()) },
    );
    await expect(promise).rejects.toBeInstanceOf(RunCancelled);
  });
});

describe('goal-seek: the verified probability over several seeds', () => {
  // Field Sales limits wins: 1 AE at 0.5 deals a day, half won; the target needs about 2 more.
  for (const seed of ['verify-a', 'verify-b', 'verify-c']) {
    it(`seed ${seed}: P(target) of the plan, verified with another seed, is >= 85% within its 95% interval`, async () => {
      const spec = { ...mmc(6, seed), fs: { servers: 1, mu: 0.5, winRate: 0.5 }, horizonDays: 200 };
      const r = await goalSeek(
        { scenario: jacksonScenario(spec), target: { measure: 'won', atLeast: 95 }, rampDays: NO_RAMP, minReplications: 20, maxReplications: 40, verifyReplications: 100, searchTiming: false },
        { runner: cachingRunner() },
      );
      expect(r.reached).toBe(true);
      expect(r.added.fieldSales).toBeGreaterThan(0);
      const v = r.verification.probability!;
      expect(r.verification.seed).not.toBe(seed);
      expect(v.n).toBe(100);
      expect(v).toEqual(wilsonInterval(v.successes, 100, 0.95));
      expect(v.high, `verified ${v.successes}/100 [${v.low.toFixed(3)}, ${v.high.toFixed(3)}]`).toBeGreaterThanOrEqual(0.85);
    }, 120_000);
  }
});

describe('goal-seek on the library\'s imbalanced scenarios', () => {
  for (const file of ['is-too-strong.json', 'marketing-too-strong.json']) {
    it(`${file}: the first hire is where next best hire points`, async () => {
      const scenario = { ...libraryScenarios().find((s) => s.file === file)!.scenario, replications: 12 };
      const runner = cachingRunner();
      const hire = await nextBestHire({ scenario }, { runner });
      expect(hire.ranked[0].differences.arrEndYen.ciLow, 'next best hire is clear').toBeGreaterThan(0);
      const arr = (await runner.run(scenario)).values.measures.arrEndYen;
      const mean = arr.reduce((a, b) => a + b, 0) / arr.length;
      const r = await goalSeek({ scenario, target: { measure: 'arrEndYen', atLeast: 1.1 * mean }, maxHires: 1, minReplications: 12, maxReplications: 12, verifyReplications: 2, searchTiming: false }, { runner });
      expect(r.path[0].department).toBe(hire.ranked[0].department);
    }, 180_000);
  }
});

describe('goal-seek on a runner that shares warm-ups (runArms) gives the same answer', () => {
  const runOnly = (): Runner => ({ run: (s, o) => inlineRunner.run(s, o) });
  const answer = (r: Awaited<ReturnType<typeof goalSeek>>) => JSON.stringify({ ...r, runs: 0 });
  const cases: [string, Parameters<typeof goalSeek>[0]][] = [
    ['a service target (M/M/c)', { scenario: jacksonScenario(mmc(5)), target: null, service: { isWaitP90Hours: 12 }, rampDays: NO_RAMP, minReplications: 10, maxReplications: 40, verifyReplications: 10, searchTiming: false }],
    ['a reachable target, with the timing', { scenario: jacksonScenario({ ...mmc(6, 'verify-a'), fs: { servers: 1, mu: 0.5, winRate: 0.5 }, horizonDays: 200 }), target: { measure: 'won', atLeast: 95 }, rampDays: NO_RAMP, minReplications: 10, maxReplications: 40, verifyReplications: 10 }],
    ['an impossible target', { scenario: jacksonScenario(mmc(5)), target: { measure: 'won', atLeast: 10_000 }, maxPerDepartment: 2, rampDays: NO_RAMP, minReplications: 10, maxReplications: 20, verifyReplications: 10 }],
  ];
  for (const [name, input] of cases) {
    it(name, async () => {
      const shared = await goalSeek(input, { runner: inlineRunner });
      expect(answer(shared)).toBe(answer(await goalSeek(input, { runner: runOnly() })));
    }, 120_000);
  }

  it('decides an impossible target from the bound plan, without walking: the path is the bound plan, one person per department in turn', async () => {
    const r = await goalSeek(
      { scenario: jacksonScenario(mmc(5)), target: { measure: 'won', atLeast: 10_000 }, maxPerDepartment: { marketing: 1, insideSales: 2, fieldSales: 1, customerSuccess: 0 }, rampDays: NO_RAMP, minReplications: 10, maxReplications: 20, verifyReplications: 10 },
      { runner: inlineRunner },
    );
    expect(r.status).toBe('bounds');
    expect(r.added).toEqual({ marketing: 1, insideSales: 2, fieldSales: 1, customerSuccess: 0 });
    expect(r.path.map((s) => s.department)).toEqual(['marketing', 'insideSales', 'fieldSales', 'insideSales']);
    expect(r.path.at(-1)!.after.probability!.high).toBeLessThan(0.85);
    expect(r.verification.probability!.p).toBe(0);
  }, 60_000);
});

describe('goal-seek timing: a hire\'s quarters tried side by side read as each tried in turn', () => {
  it('each hire tries its quarters latest first, stops at the first that meets, and every reading is that of the trial plan run alone on its prefix', async () => {
    const scenario = jacksonScenario({ ...mmc(6, 'verify-b'), fs: { servers: 1, mu: 0.5, winRate: 0.5 }, horizonDays: 200 });
    const target = { measure: 'won' as const, atLeast: 95 };
    const r = await goalSeek({ scenario, target, rampDays: NO_RAMP, minReplications: 10, maxReplications: 40, verifyReplications: 10 }, { runner: inlineRunner });
    expect(r.reached).toBe(true);
    expect(r.timing.length).toBeGreaterThan(0);
    const rampDays = Object.fromEntries(DEPARTMENTS.map((d) => [d, 0])) as Record<Department, number>;
    const rampShape = Object.fromEntries(DEPARTMENTS.map((d) => [d, scenario[d].rampShape])) as Record<Department, Scenario['fieldSales']['rampShape']>;
    // The plan before the timing, in the order chosen, all on day 0; each hire, the last first, takes its entries.
    let plan = r.path.map((s) => ({ department: s.department, day: 0 }));
    let entry = 0;
    for (let i = plan.length - 1; i >= 0; i--) {
      let lastDay = Infinity;
      while (entry < r.timing.length) {
        const t = r.timing[entry];
        if (t.department !== plan[i].department || t.day >= lastDay) break;
        lastDay = t.day;
        entry++;
        const trial = plan.map((h, j) => (j === i ? { ...h, day: t.day } : h));
        const n = t.after.replications;
        const alone = await inlineRunner.run({ ...scenario, hiring: [...scenario.hiring, ...planHires(trial, rampDays, rampShape)] }, { replications: n });
        const successes = alone.values.measures.won.filter((v) => v >= target.atLeast).length;
        expect(t.after.probability).toEqual(wilsonInterval(successes, n, 0.85));
        if (t.met) {
          plan = trial;
          break;
        }
      }
    }
    expect(entry, 'every timing entry belongs to a hire, latest quarter first').toBe(r.timing.length);
    expect(planHires(plan, rampDays, rampShape)).toEqual(r.plan);
  }, 120_000);
});
