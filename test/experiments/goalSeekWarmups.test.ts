/**
 * Warm-ups kept across passes (engine/fork.ts, for goal-seek's many passes over
 * the same replications): a later pass over a replication forks the warm-up an
 * earlier pass kept, even when that pass had another plan as its base, and every
 * result is byte for byte the run of its own scenario from the start; a pass over
 * another scenario in between does not leak into it.
 */
import { describe, expect, it } from 'vitest';
import { simulateArms } from '../../src/engine/fork.ts';
import { simulateReplication } from '../../src/engine/simulate.ts';
import type { Department, Hire, Scenario } from '../../src/scenario/types.ts';
import { libraryScenarios } from '../support/scenarios.ts';

const json = (x: unknown) => JSON.stringify(x);
const baseline = libraryScenarios().find((x) => x.file === 'baseline.json')!.scenario;
/** Attrition with backfill everywhere, so that rosters are drawn at random. */
const churn = (s: Scenario): Scenario => {
  const dep = (d: Department) => ({ ...s[d], attritionPerYear: 0.25, backfill: true });
  return { ...s, marketing: dep('marketing'), insideSales: dep('insideSales'), fieldSales: dep('fieldSales'), customerSuccess: dep('customerSuccess') } as Scenario;
};
const hire = (s: Scenario, department: Department, change: number, day = 0): Hire => ({ department, day, change, rampDays: s[department].rampDays, rampShape: s[department].rampShape, from: 'start' });
const plus = (s: Scenario, ...hires: Hire[]): Scenario => ({ ...s, hiring: [...s.hiring, ...hires] });

/** Each result of a pass against the scenario's own run from the start. */
function expectOwnRuns(scenarios: Scenario[], replication: number) {
  const [base, ...arms] = scenarios;
  const got = simulateArms(base, arms, replication);
  scenarios.forEach((s, i) => expect(json(got[i]), `scenario ${i}, replication ${replication}`).toBe(json(simulateReplication(s, replication))));
}

describe('warm-ups kept across passes give the runs from the start', () => {
  const s = churn(baseline);
  const a = plus(s, hire(s, 'fieldSales', 2));
  const b = plus(s, hire(s, 'insideSales', 1), hire(s, 'fieldSales', 1, 91));
  const c = plus(s, hire(s, 'marketing', 3, 182));

  it('a second pass with another base, in another order, and after a pass over another scenario', () => {
    for (const r of [0, 1, 2]) expectOwnRuns([a, b, c], r);
    // The same replications again, the base now one of the earlier arms: each forks the warm-up kept above.
    for (const r of [2, 0, 1]) expectOwnRuns([b, s, a], r);
    // Another scenario (another seed) takes the place of the kept warm-ups; then the first again.
    const other = { ...a, seed: 'warm-other' };
    expectOwnRuns([other, { ...c, seed: 'warm-other' }], 1);
    for (const r of [1, 0]) expectOwnRuns([c, a], r);
  }, 120_000);
});
