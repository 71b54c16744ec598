/**
 * Goal-seek reads a service target, like the main target, on a run's first n
 * replications. Before, a service reading was the summary of every replication the
 * plan had run so far, so within one step a plan run further (the step's base,
 * re-read on 40) was compared with candidates read on 10.
 */
import { describe, expect, it } from 'vitest';
import { goalSeek, planHires } from '../../src/experiments/index.ts';
import { serviceEstimate, SERVICE_TARGETS, type ServiceTarget } from '../../src/experiments/goalSeek.ts';
import { inlineRunner } from '../../src/runner/index.ts';
import { tQuantile, type Summary } from '../../src/montecarlo/stats.ts';
import type { RunResult } from '../../src/montecarlo/run.ts';
import { DEPARTMENTS, type Department, type Scenario } from '../../src/scenario/types.ts';
import { goalSeekMmc, jacksonScenario } from '../support/scenarios.ts';

const NO_RAMP = { marketing: 0, insideSales: 0, fieldSales: 0, customerSuccess: 0 };

/** What a run's summary says of a service target: the reading as it was made before (from RunResult.measures). */
function fromSummary(result: RunResult, target: ServiceTarget, level: number): { mean: number; half: number } {
  const m = result.measures;
  const t = (s: Summary) => (s.n > 1 ? tQuantile(1 - (1 - level) / 2, s.n - 1) * (s.sd / Math.sqrt(s.n)) : Infinity);
  if (target === 'isWaitP90Hours') return { mean: m.insideSales.waitP90Days.mean * 24, half: t(m.insideSales.waitP90Days) * 24 };
  if (target === 'csCoverageMax') return { mean: m.bookCoverageEnd.mean, half: t(m.bookCoverageEnd) };
  const perWeek = m.fieldSales.arrivalsPerDay.mean * 7;
  return { mean: m.fieldSales.queueEnd.mean / perWeek, half: t(m.fieldSales.queueEnd) / perWeek };
}

describe('goal-seek reads service targets on a prefix of replications', () => {
  // Inside Sales at load 0.9 (5 reps): waits, backlog and coverage all vary from replication to replication.
  const scenario = jacksonScenario(goalSeekMmc(5, 'prefix'));

  it('on all of a run it is the run summary\'s reading, to the bit; on its first n, that of a run of n', async () => {
    const long = await inlineRunner.run(scenario, { replications: 16 });
    const short = await inlineRunner.run(scenario, { replications: 8 });
    for (const target of SERVICE_TARGETS) {
      for (const level of [0.85, 0.95]) {
        expect(serviceEstimate(long.values, target, level, 16), `${target} on all 16`).toEqual(fromSummary(long.result, target, level));
        const prefix = serviceEstimate(long.values, target, level, 8);
        expect(prefix, `${target} on the first 8 of 16`).toEqual(fromSummary(short.result, target, level));
        // The prefix is a different reading from the whole run's (else this test could not tell them apart).
        expect(prefix.mean, target).not.toBe(fromSummary(long.result, target, level).mean);
      }
    }
  }, 60_000);

  // A guard, not a reproduction: a step's own reading was already made on its race's prefix before the fix (this
  // passes on the old code too); what the fix changed is the base's reading inside the race (valueOf), pinned above.
  it('every step of the search with service targets reads as its plan run alone on as many replications', async () => {
    const input = { searchTiming: false, scenario, target: { measure: 'won' as const, atLeast: 0 }, service: { isWaitP90Hours: 10, fsBacklogWeeks: 2 }, rampDays: NO_RAMP, minReplications: 10, maxReplications: 40, verifyReplications: 10 };
    const r = await goalSeek(input, { runner: inlineRunner });
    expect(r.reached).toBe(true);
    const rampShape = Object.fromEntries(DEPARTMENTS.map((d) => [d, scenario[d].rampShape])) as Record<Department, Scenario['fieldSales']['rampShape']>;
    const aloneReading = async (hires: Scenario['hiring'], n: number, target: ServiceTarget) =>
      fromSummary((await inlineRunner.run({ ...scenario, hiring: [...scenario.hiring, ...hires] }, { replications: n })).result, target, 0.85);
    // The search's steps: each step's plan is the steps so far, all on day 0.
    let plan: { department: Department; day: number }[] = [];
    for (const step of r.path) {
      // The step back (a person taken off) is read the same way; the steps up to it suffice here.
      if ((step.change ?? 1) < 0) break;
      plan = [...plan, ...Array.from({ length: step.change ?? 1 }, () => ({ department: step.department, day: 0 }))];
      for (const s of step.after.service) {
        const e = await aloneReading(planHires(plan, NO_RAMP, rampShape), step.after.replications, s.target);
        expect(s.mean, `${s.target} after adding ${step.department}`).toBe(e.mean);
        expect(s.high, `${s.target} after adding ${step.department}`).toBeCloseTo(e.mean + e.half, 9);
      }
    }
    expect(r.path.length, 'the search took at least one step').toBeGreaterThan(0);
  }, 180_000);
});
