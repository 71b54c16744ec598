/** The single run: every replication of one scenario, with partial results as they come. */
import type { Scenario } from '../scenario/types.ts';
import type { Run } from '../runner/types.ts';
import type { PrecisionTarget } from '../montecarlo/precision.ts';
import { stepOptions, type ExperimentOptions } from './types.ts';

/**
 * Runs `scenario` once (all its replications); partial aggregates go to `onPartial`.
 * With `precision`, the run stops at the first replication count (in order) at which
 * the measure is as precise as asked, the scenario's count being the most.
 */
export function singleRun(scenario: Scenario, options: ExperimentOptions, precision?: PrecisionTarget): Promise<Run> {
  return options.runner.run(scenario, { ...stepOptions(options, 0, 1, true), precision });
}
