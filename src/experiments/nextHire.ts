/**
 * Where should the next hire go: one more person in each department (hired on
 * day 0 with its usual ramp), each paired with the baseline.
 */
import type { Scenario } from '../scenario/types.ts';
import type { Run } from '../runner/types.ts';
import { GrowingRun, growArms } from '../runner/rows.ts';
import { compareValues, HIRE_DEPARTMENTS, verdictFromHires, withHire, type ComparedValues, type HireOption, type NextHire } from '../montecarlo/compare.ts';
import type { BottleneckVerdict } from '../montecarlo/bottleneck.ts';
import { nextTask, stepOptions, type ExperimentOptions } from './types.ts';

/**
 * The runs next best hire makes: one pass of every hire (and the baseline, unless
 * a run of it is given) sharing each replication's warm-up, on a runner that can
 * (`shared`, the default: both runners of the project); else one run per scenario.
 */
export function nextHireSteps(withBase: boolean, shared = true): number {
  return shared ? 1 : HIRE_DEPARTMENTS.length + (withBase ? 0 : 1);
}

/**
 * Ranks one more person in each department by the paired gain in ARR at the
 * horizon, then by losses while waiting avoided, with common random numbers.
 * `base` may be a run of `scenario` already made; otherwise it is run too. With a
 * runner that has `runArms`, every hire (and the baseline) runs in one pass, each
 * replication's warm-up shared (a hire on day 0 changes nothing before it); else
 * the steps are the runs: the baseline (if run), then the hires in
 * HIRE_DEPARTMENTS order. The answer is the same either way.
 */
export async function nextBestHire({ scenario, base }: { scenario: Scenario; base?: Run }, options: ExperimentOptions): Promise<NextHire> {
  const hiredScenarios = HIRE_DEPARTMENTS.map((d) => withHire(scenario, d, 1));
  let baseline: Run;
  /** Per hire, its compared values, a head start on its summary (one-pass runners) and, asked only of the best, where its bottleneck is. */
  let hired: { values: () => ComparedValues; settle?: () => void; bottleneck: () => BottleneckVerdict }[];
  const runner = options.runner;
  if (runner.runArms) {
    // Any of them can carry the shared warm-up: the baseline if it must run, else the first hire.
    const all = (base ? hiredScenarios : [scenario, ...hiredScenarios]).map((s) => new GrowingRun(s));
    await growArms(runner, all, { from: 0, to: scenario.replications, ...stepOptions(options, 0, 1) });
    baseline = base ?? all[0].run();
    // Only the best hire's run is summarised (for its bottleneck): the others are read by their pairs alone.
    hired = (base ? all : all.slice(1)).map((g) => ({ values: () => g.values(), settle: () => g.settle(), bottleneck: () => g.run().result.bottleneck }));
  } else {
    const steps = nextHireSteps(base !== undefined, false);
    let step = 0;
    baseline = base ?? (await runner.run(scenario, stepOptions(options, step++, steps)));
    hired = [];
    for (const s of hiredScenarios) {
      const run = await runner.run(s, stepOptions(options, step++, steps));
      hired.push({ values: () => run.values, bottleneck: () => run.result.bottleneck });
    }
  }
  // Each hire's pairing, then the best one's summary, in tasks of their own (see nextTask).
  const hires: (HireOption & { option: (typeof hired)[number] })[] = [];
  for (const [i, department] of HIRE_DEPARTMENTS.entries()) {
    await nextTask(options.signal);
    hires.push({ department, differences: compareValues(baseline.values, hired[i].values()), option: hired[i] });
  }
  hires.sort((a, b) => b.differences.arrEndYen.mean - a.differences.arrEndYen.mean || a.differences.lostWhileWaiting.mean - b.differences.lostWhileWaiting.mean);
  const ranked = hires.map(({ department, differences }) => ({ department, differences }));
  await nextTask(options.signal);
  hires[0].option.settle?.();
  await nextTask(options.signal);
  const bottleneckAfter = hires[0].option.bottleneck();
  // What the answer's receiver does with it (the app draws the ranking) starts a task of its own too.
  await nextTask(options.signal);
  return {
    replications: scenario.replications,
    ranked,
    bottleneckNow: verdictFromHires(baseline.result.bottleneck, ranked),
    bottleneckAfter,
  };
}
