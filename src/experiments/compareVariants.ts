/**
 * Comparison of variants: the baseline and each variant run with the same seed,
 * so replication r of each is a pair (common random numbers), and each variant's
 * differences estimated from the pairs (montecarlo/compare.ts).
 */
import type { Scenario } from '../scenario/types.ts';
import type { Run } from '../runner/types.ts';
import { compareValues, unpairedReason, type ComparedMeasure, type PairedDifference } from '../montecarlo/compare.ts';
import { stepOptions, type ExperimentOptions } from './types.ts';
import { GrowingRun, growArms } from '../runner/rows.ts';
import { sharesWarmup } from '../engine/fork.ts';

/** One variant against the baseline: its run and differences, or why it cannot be paired (then it is not run). */
export type VariantComparison =
  | { scenario: Scenario; run: Run; differences: Record<ComparedMeasure, PairedDifference>; unpaired: null }
  | { scenario: Scenario; run: null; differences: null; unpaired: string };

/** The baseline's run and each variant against it, in the order given. */
export interface Comparison {
  base: Run;
  variants: VariantComparison[];
}

/**
 * Runs `baseline` (unless `base`, a run of it, is given), then every variant that
 * can be paired with it: in one pass sharing each replication's warm-up when
 * they all share the baseline's (plans that differ only from day 0 on: see
 * engine/fork.ts) and the runner can, else one after the other. Partial results
 * are the baseline's; the differences are the same either way.
 */
export async function compareVariants(
  { baseline, variants, base }: { baseline: Scenario; variants: readonly Scenario[]; base?: Run },
  options: ExperimentOptions,
): Promise<Comparison> {
  const paired = variants.filter((v) => unpairedReason(baseline, v) === null);
  const onePass = options.runner.runArms !== undefined && paired.length > 0 && paired.every((v) => sharesWarmup(baseline, v));
  const steps = (onePass ? 1 : paired.length) + (base ? 0 : 1);
  let step = 0;
  const baseRun = base ?? (await options.runner.run(baseline, stepOptions(options, step++, steps, true)));
  const runs = new Map<Scenario, Run>();
  if (onePass) {
    const grown = paired.map((v) => new GrowingRun(v));
    await growArms(options.runner, grown, { from: 0, to: baseline.replications, ...stepOptions(options, step++, steps) });
    paired.forEach((v, i) => runs.set(v, grown[i].run()));
  }
  const out: VariantComparison[] = [];
  for (const scenario of variants) {
    const unpaired = unpairedReason(baseline, scenario);
    if (unpaired !== null) {
      out.push({ scenario, run: null, differences: null, unpaired });
      continue;
    }
    const run = runs.get(scenario) ?? (await options.runner.run(scenario, stepOptions(options, step++, steps)));
    out.push({ scenario, run, differences: compareValues(baseRun.values, run.values), unpaired: null });
  }
  return { base: baseRun, variants: out };
}
