/** The one shape every experiment takes: a runner, cancellation, progress and partial results. */
import { RunCancelled, type PartialRun, type Runner, type RunProgress } from '../runner/types.ts';

/** How far an experiment is: the run in progress (`step` of `steps`, from 0) and its replications. */
export interface ExperimentProgress extends RunProgress {
  /** The run in progress, from 0. */
  step: number;
  /** Runs the experiment makes in all. */
  steps: number;
}

/** What every experiment is given. */
export interface ExperimentOptions {
  /** Runs the replications (the worker pool, or the inline runner in tests). */
  runner: Runner;
  /** Aborting rejects the experiment (with the runner's RunCancelled); nothing is delivered after. */
  signal?: AbortSignal;
  onProgress?: (progress: ExperimentProgress) => void;
  /** Aggregates while a run goes on, each with the scenario it was computed from. */
  onPartial?: (partial: PartialRun) => void;
}

/** An experiment: an async function of its input over a runner. */
export type Experiment<In, Out> = (input: In, options: ExperimentOptions) => Promise<Out>;

/** The run options of step `step` of `steps`, forwarding progress with the step attached. */
export function stepOptions(options: ExperimentOptions, step: number, steps: number, partials = false) {
  const { signal, onProgress, onPartial } = options;
  return {
    signal,
    onProgress: onProgress && ((p: RunProgress) => onProgress({ ...p, step, steps })),
    onPartial: partials ? onPartial : undefined,
  };
}

/**
 * Resolves in a later task, or rejects with RunCancelled if `signal` was aborted
 * meanwhile. An experiment whose answer takes several parts of work after its
 * runs (on the main thread, in the app) awaits this between them, so no one task
 * holds the page for all of them.
 */
export async function nextTask(signal?: AbortSignal): Promise<void> {
  await new Promise<void>((resolve) => setTimeout(resolve, 0));
  if (signal?.aborted) throw new RunCancelled('the experiment was cancelled');
}
