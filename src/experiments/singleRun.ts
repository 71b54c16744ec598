/** The single run: every replication of one scenario, with partial results as they come. */
import type { Scenario } from '../scenario/types.ts';
import type { Run } from '../runner/types.ts';
import { stepOptions, type ExperimentOptions } from './types.ts';

/** Runs `scenario` once (all its replications); partial aggregates go to `onPartial`. */
export function singleRun(scenario: Scenario, options: ExperimentOptions): Promise<Run> {
  return options.runner.run(scenario, stepOptions(options, 0, 1, true));
}
