/**
 * Experiments: analyses made of runs. Each is an async function
 * `(input, { runner, signal, onProgress, onPartial }) => Promise<output>` (see
 * types.ts): it asks a Runner (src/runner/) for runs and never knows whether they
 * go to worker threads, web workers or this thread. Progress always says which run
 * (`step` of `steps`) and how far it is; cancellation is the AbortSignal, passed
 * down to every run.
 *
 * Adding one (goal-seek, sensitivity, the workshop replay, ...):
 * 1. a file here exporting `async function myExperiment(input, options: ExperimentOptions)`,
 *    which runs scenarios with `options.runner.run(s, stepOptions(options, step, steps))`
 *    and returns a plain, typed result; export it below;
 * 2. a test with `inlineRunner` (src/runner/inline.ts);
 * 3. to offer it in the app: submit a job to the job queue
 *    (src/ui/state/jobQueue.ts) whose `start` calls it, and show its result;
 *    in the CLI: an option in src/cli/main.ts that calls it with the pool.
 * The scheduler, the runners and the status display need no change.
 */
export type { Experiment, ExperimentOptions, ExperimentProgress } from './types.ts';
export { stepOptions } from './types.ts';
export { singleRun } from './singleRun.ts';
export { compareVariants, type Comparison, type VariantComparison } from './compareVariants.ts';
export { nextBestHire, nextHireSteps } from './nextHire.ts';
export { replay, replayPair, distribution, withHire, type Replay } from './replay.ts';
export { goalSeek, GOAL_MEASURES, SERVICE_TARGETS, DEFAULT_CONFIDENCE, planHires, type GoalSeekInput, type GoalSeekResult, type GoalSeekPartial, type GoalSeekProgress, type GoalSeekTask, type GoalSeekStep, type GoalTarget, type ServiceTargets, type PlanReading } from './goalSeek.ts';
export { hiringCalendar, calendarOf, type CalendarEntry, type CalendarOptions } from '../montecarlo/hiringCalendar.ts';
export { sensitivity, withInput, scaleDist, SENSITIVITY_INPUTS, type SensitivityInput, type SensitivityRow } from './sensitivity.ts';
