/**
 * The timing of a run of hires of one department (goal-seek's block of Field
 * Sales hires): once a hire has settled on a quarter, the hires chosen before it
 * each try that quarter first, and their plans run ahead in the same passes
 * (firstMeeting's `ahead`), here cut short when the next hire misses. Every timing
 * entry still reads as the trial plan run alone on its prefix, hire after hire in
 * turn. (The passes saved are measured by bench/goalSeek.ts: on the baseline, seven
 * Field Sales hires settle on one quarter.)
 */
import { describe, expect, it } from 'vitest';
import { goalSeek, planHires } from '../../src/experiments/index.ts';
import { DEPARTMENTS, type Department, type Scenario } from '../../src/scenario/types.ts';
import { inlineRunner } from '../../src/runner/index.ts';
import { wilsonInterval } from '../../src/montecarlo/binomial.ts';
import { jacksonScenario, type NetworkSpec } from '../support/scenarios.ts';

const NO_RAMP = { marketing: 0, insideSales: 0, fieldSales: 0, customerSuccess: 0 };
// Field Sales limits wins (goalSeekSteps.test.ts's blocks): a gap of several Field Sales hires.
const spec: NetworkSpec = { lambda: 16, is: { servers: 24, mu: 1, sqlRate: 0.25 }, fs: { servers: 1, mu: 0.5, winRate: 0.5 }, cs: { servers: 2, mu: 0.5 }, horizonDays: 200, warmupDays: 60, replications: 40, seed: 'goal-seek-timing' };
const target = { measure: 'won' as const, atLeast: 300 };

describe('goal-seek timing of a run of hires of one department', () => {
  it('reads each hire as tried in turn, the ones run ahead too', async () => {
    const scenario = jacksonScenario(spec);
    const r = await goalSeek({ scenario, target, maxPerDepartment: { marketing: 0, insideSales: 0, fieldSales: 12, customerSuccess: 0 }, rampDays: NO_RAMP, minReplications: 20, maxReplications: 40, verifyReplications: 10 }, { runner: inlineRunner });
    expect(r.status).toBe('met');
    expect(r.added.fieldSales).toBeGreaterThanOrEqual(3);
    const rampDays = Object.fromEntries(DEPARTMENTS.map((d) => [d, 0])) as Record<Department, number>;
    const rampShape = Object.fromEntries(DEPARTMENTS.map((d) => [d, scenario[d].rampShape])) as Record<Department, Scenario['fieldSales']['rampShape']>;
    // The plan before the timing: one entry per person, on day 0; each hire, the last first, takes its entries in turn.
    let plan = Array.from({ length: r.added.fieldSales }, () => ({ department: 'fieldSales' as const, day: 0 }));
    let entry = 0;
    for (let i = plan.length - 1; i >= 0; i--) {
      let lastDay = Infinity;
      while (entry < r.timing.length) {
        const t = r.timing[entry];
        if (t.day >= lastDay) break;
        lastDay = t.day;
        entry++;
        const trial = plan.map((h, j) => (j === i ? { ...h, day: t.day } : h));
        const n = t.after.replications;
        const alone = await inlineRunner.run({ ...scenario, hiring: [...scenario.hiring, ...planHires(trial, rampDays, rampShape)] }, { replications: n });
        const successes = alone.values.measures.won.filter((v) => v >= target.atLeast).length;
        expect(t.after.probability, `entry ${entry - 1}`).toEqual(wilsonInterval(successes, n, 0.85));
        if (t.met) {
          plan = trial;
          break;
        }
      }
    }
    expect(entry, 'every timing entry belongs to a hire, latest quarter first').toBe(r.timing.length);
    expect(planHires(plan, rampDays, rampShape)).toEqual(r.plan);
    // A hire settled on a quarter, and the one before it tried that quarter first (its plan run ahead).
    expect(r.timing.filter((t) => t.met).length).toBeGreaterThan(0);
    expect(r.timing.some((t, k) => k > 0 && r.timing[k - 1].met && t.day === r.timing[k - 1].day)).toBe(true);
  }, 180_000);
});
