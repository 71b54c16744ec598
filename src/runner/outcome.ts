/** Turning an accumulator into what runners hand back. */
import type { Scenario } from '../scenario/types.ts';
import type { RunAccumulator } from '../montecarlo/accumulator.ts';
import type { Measures } from '../montecarlo/aggregate.ts';
import { summarizeRun } from '../montecarlo/run.ts';
import { comparedValuesOf, type ComparedValues } from '../montecarlo/compare.ts';
import type { PartialRun, Run } from './types.ts';

/** The aggregate of the replications `acc` holds so far, with its scenario. */
export function partialOf(scenario: Scenario, acc: RunAccumulator<Measures>): PartialRun {
  return { scenario, result: summarizeRun(scenario, acc) };
}

/** The finished run: `final` (the summary already made of `acc`) plus each replication's compared values (`values` if already read from `acc`). */
export function runOf(final: PartialRun, acc: RunAccumulator<Measures>, values: ComparedValues = comparedValuesOf(acc)): Run {
  return { ...final, values };
}
