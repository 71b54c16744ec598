/**
 * Comparison of variants: the baseline and each variant run with the same seed,
 * so replication r of each is a pair (common random numbers), and each variant's
 * differences estimated from the pairs (montecarlo/compare.ts).
 */
import type { Scenario } from '../scenario/types.ts';
import type { Run } from '../runner/types.ts';
import { compareValues, unpairedReason, type ComparedMeasure, type PairedDifference } from '../montecarlo/compare.ts';
import { stepOptions, type ExperimentOptions } from './types.ts';

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
 * Runs `baseline` (unless `base`, a run of it, is given) and every variant that
 * can be paired with it, one after the other; partial results are the baseline's.
 */
export async function compareVariants(
  { baseline, variants, base }: { baseline: Scenario; variants: readonly Scenario[]; base?: Run },
  options: ExperimentOptions,
): Promise<Comparison> {
  const paired = variants.filter((v) => unpairedReason(baseline, v) === null);
  const steps = paired.length + (base ? 0 : 1);
  let step = 0;
  const baseRun = base ?? (await options.runner.run(baseline, stepOptions(options, step++, steps, true)));
  const out: VariantComparison[] = [];
  for (const scenario of variants) {
    const unpaired = unpairedReason(baseline, scenario);
    if (unpaired !== null) {
      out.push({ scenario, run: null, differences: null, unpaired });
      continue;
    }
    const run = await options.runner.run(scenario, stepOptions(options, step++, steps));
    out.push({ scenario, run, differences: compareValues(baseRun.values, run.values), unpaired: null });
  }
  return { base: baseRun, variants: out };
}
