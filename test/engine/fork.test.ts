/**
 * The shared warm-up (engine/fork.ts): an arm that differs from the base only in
 * hires from day 0 on, continued from the base's warm-up, gives byte for byte the
 * result of its own run from the start.
 */
import { describe, expect, it } from 'vitest';
import { sharesWarmup, simulateArms } from '../../src/engine/fork.ts';
import { simulateReplication } from '../../src/engine/simulate.ts';
import { compileScenario, DEPARTMENT_KEYS } from '../../src/engine/compile.ts';
import { realiseRoster } from '../../src/engine/staffing.ts';
import { streamKey } from '../../src/engine/random.ts';
import type { Department, Hire, Scenario } from '../../src/scenario/types.ts';
import { libraryScenarios } from '../support/scenarios.ts';

const hire = (s: Scenario, department: Department, change: number, day = 0, from: Hire['from'] = 'start'): Hire => ({
  department, day, change, rampDays: s[department].rampDays, rampShape: s[department].rampShape, from,
});
const plus = (s: Scenario, ...hires: Hire[]): Scenario => ({ ...s, name: `${s.name} +`, hiring: [...s.hiring, ...hires] });

/** Arms of every kind: a hire on day 0 in each department, later hires, requisitions, a removal, several at once. */
function armsOf(s: Scenario): Scenario[] {
  return [
    plus(s, hire(s, 'marketing', 1)),
    plus(s, hire(s, 'insideSales', 1)),
    plus(s, hire(s, 'fieldSales', 2, 45)),
    plus(s, hire(s, 'customerSuccess', 1, 0, 'requisition')),
    plus(s, hire(s, 'marketing', 3, 120, 'requisition'), hire(s, 'insideSales', -1, 200)),
    plus(s, { ...hire(s, 'insideSales', 2), rampDays: 0 }, hire(s, 'fieldSales', 1, 0, 'requisition'), hire(s, 'marketing', -1, 30)),
    // Part-time hires (format 3): a half-time IS rep from day 0, a quarter-time CSM later.
    plus(s, hire(s, 'insideSales', 0.5), hire(s, 'customerSuccess', 0.25, 60)),
  ];
}

/** Attrition with backfill in every department (rosters drawn at random). */
function withChurn(s: Scenario): Scenario {
  const dep = (d: Department) => ({ ...s[d], attritionPerYear: 0.25, backfill: true });
  return { ...s, marketing: dep('marketing'), insideSales: dep('insideSales'), fieldSales: dep('fieldSales'), customerSuccess: dep('customerSuccess') } as Scenario;
}

const json = (x: unknown) => JSON.stringify(x);
const library = libraryScenarios();

describe('a forked replication is the arm run from the start', () => {
  const cases: [string, Scenario][] = [
    ...library.map(({ file, scenario }) => [file, scenario] as [string, Scenario]),
    ['baseline.json with attrition and backfill', withChurn(library.find((x) => x.file === 'baseline.json')!.scenario)],
    ['is-complete.json with attrition and backfill', withChurn(library.find((x) => x.file === 'is-complete.json')!.scenario)],
  ];
  for (const [name, scenario] of cases) {
    it(name, () => {
      const arms = armsOf(scenario);
      for (const arm of arms) expect(sharesWarmup(scenario, arm)).toBe(true);
      for (const [r, seed] of [[0, scenario.seed], [3, 'fork-b']] as const) {
        const base = { ...scenario, seed };
        const armsSeeded = arms.map((a) => ({ ...a, seed }));
        const forked = simulateArms(base, armsSeeded, r);
        expect(json(forked[0])).toBe(json(simulateReplication(base, r)));
        armsSeeded.forEach((a, i) => expect(json(forked[i + 1]), `arm ${i}`).toBe(json(simulateReplication(a, r))));
      }
    });
  }
});

describe('sharesWarmup', () => {
  const base = library.find((x) => x.file === 'baseline.json')!.scenario;
  it('is true for a plan of hires from day 0, false for any other difference', () => {
    expect(sharesWarmup(base, plus(base, hire(base, 'fieldSales', 1)))).toBe(true);
    expect(sharesWarmup(base, { ...base, name: 'other', replications: 7 })).toBe(true);
    expect(sharesWarmup(base, { ...base, insideSales: { ...base.insideSales, headcount: base.insideSales.headcount + 1 } })).toBe(false);
    expect(sharesWarmup(base, { ...base, seed: 'other' })).toBe(false);
    expect(sharesWarmup(base, plus(base, hire(base, 'fieldSales', 1, -30)))).toBe(false);
    expect(sharesWarmup({ ...base, warmupDays: 0 }, plus({ ...base, warmupDays: 0 }, hire(base, 'fieldSales', 1)))).toBe(false);
  });

  it('an arm that does not share is run from the start', () => {
    const other = { ...base, insideSales: { ...base.insideSales, headcount: 7 } };
    const [b, o] = simulateArms(base, [other], 1);
    expect(json(b)).toBe(json(simulateReplication(base, 1)));
    expect(json(o)).toBe(json(simulateReplication(other, 1)));
  });
});

describe('a roster with more hires from day 0 on is the base roster before day 0', () => {
  const base = withChurn(library.find((x) => x.file === 'baseline.json')!.scenario);
  for (const arm of armsOf(base)) {
    it(arm.hiring.map((h) => `${h.department} ${h.change} on ${h.day} (${h.from})`).join(', '), () => {
      const cb = compileScenario(base), ca = compileScenario(arm);
      for (let r = 0; r < 3; r++) {
        DEPARTMENT_KEYS.forEach((d, i) => {
          const keys = [streamKey(base.seed, r, `staff/${d}/base`), streamKey(base.seed, r, `staff/${d}/hire`)] as const;
          // People before t0, one by one (spells of people hired together are merged differently), and leaves.
          const before = (x: ReturnType<typeof realiseRoster>) =>
            json({
              fixed: x.fixed + x.spells.filter((s) => s.start <= 0 && s.end >= cb.t0 && s.rampDays <= 0).reduce((a, s) => a + s.count, 0),
              spells: x.spells
                .filter((s) => s.start < cb.t0 && !(s.start <= 0 && s.end >= cb.t0 && s.rampDays <= 0))
                .flatMap((s) => Array.from({ length: s.count }, () => [s.start, Math.min(s.end, cb.t0), s.rampDays, s.shape]))
                .sort(),
              leaves: x.leaveTimes.filter((t) => t < cb.t0),
            });
          expect(before(realiseRoster(ca.rosters[i], ca.tEnd, ...keys))).toBe(before(realiseRoster(cb.rosters[i], cb.tEnd, ...keys)));
        });
      }
    });
  }
});
