/**
 * Where should the next hire go: one more person in each department (hired on
 * day 0 with its usual ramp), each paired with the baseline.
 */
import type { Scenario } from '../scenario/types.ts';
import type { Run } from '../runner/types.ts';
import { compareValues, HIRE_DEPARTMENTS, verdictFromHires, withHire, type HireOption, type NextHire } from '../montecarlo/compare.ts';
import type { BottleneckVerdict } from '../montecarlo/bottleneck.ts';
import { stepOptions, type ExperimentOptions } from './types.ts';

/** The runs next best hire makes: one per department, and the baseline's unless a run of it is given. */
export function nextHireSteps(withBase: boolean): number {
  return HIRE_DEPARTMENTS.length + (withBase ? 0 : 1);
}

/**
 * Ranks one more person in each department by the paired gain in ARR at the
 * horizon, then by losses while waiting avoided, with common random numbers.
 * `base` may be a run of `scenario` already made; otherwise it is the first step.
 * Steps are the runs: the hires in HIRE_DEPARTMENTS order (after the baseline, if run).
 */
export async function nextBestHire({ scenario, base }: { scenario: Scenario; base?: Run }, options: ExperimentOptions): Promise<NextHire> {
  const steps = nextHireSteps(base !== undefined);
  let step = 0;
  const baseline = base ?? (await options.runner.run(scenario, stepOptions(options, step++, steps)));
  const hires: (HireOption & { after: BottleneckVerdict })[] = [];
  for (const department of HIRE_DEPARTMENTS) {
    const hired = await options.runner.run(withHire(scenario, department, 1), stepOptions(options, step++, steps));
    hires.push({ department, differences: compareValues(baseline.values, hired.values), after: hired.result.bottleneck });
  }
  hires.sort((a, b) => b.differences.arrEndYen.mean - a.differences.arrEndYen.mean || a.differences.lostWhileWaiting.mean - b.differences.lostWhileWaiting.mean);
  const ranked = hires.map(({ department, differences }) => ({ department, differences }));
  return {
    replications: scenario.replications,
    ranked,
    bottleneckNow: verdictFromHires(baseline.result.bottleneck, ranked),
    bottleneckAfter: hires[0].after,
  };
}
