/**
 * The workshop replay: one replication of a scenario with its trace, to play back
 * lead by lead (src/ui/workshop/), a pair of them for before and after with the
 * same leads, and the Monte Carlo distribution a prediction is revealed against.
 */
import type { Scenario } from '../scenario/types.ts';
import type { ReplicationTrace } from '../runner/trace.ts';
import { unpairedReason, type ComparedMeasure } from '../montecarlo/compare.ts';
import { stepOptions, type ExperimentOptions } from './types.ts';

export { PLACES, TRANSITION_KINDS, PLACE_LOST, PLACE_NEW, type Place, type TransitionKind } from '../runner/trace.ts';
export type { ReplicationTrace };

/** A replication to replay: its scenario and trace. */
export interface Replay {
  scenario: Scenario;
  trace: ReplicationTrace;
}

/** Replication `replication` of `scenario` with its trace (the runner must be able to trace). */
export async function replay(input: { scenario: Scenario; replication: number }, options: ExperimentOptions): Promise<Replay> {
  const { runner, signal } = options;
  if (!runner.trace) throw new Error('replay: this runner cannot record a trace');
  return { scenario: input.scenario, trace: await runner.trace(input.scenario, input.replication, signal) };
}

/**
 * The same replication of two scenarios, before and after a change: with one seed
 * and one calendar the two start from the same leads (common random numbers), so a
 * lead that goes cold on the left can be followed on the right.
 */
export async function replayPair(input: { before: Scenario; after: Scenario; replication: number }, options: ExperimentOptions): Promise<[Replay, Replay]> {
  const why = unpairedReason(input.before, input.after);
  if (why) throw new Error(`replayPair: the two scenarios do not share their leads (${why})`);
  const before = await replay({ scenario: input.before, replication: input.replication }, options);
  const after = await replay({ scenario: input.after, replication: input.replication }, options);
  return [before, after];
}

/** Every replication's value of `measure` in a run of `scenario` (the distribution a prediction is marked on). */
export async function distribution(input: { scenario: Scenario; measure: ComparedMeasure; replications?: number }, options: ExperimentOptions): Promise<number[]> {
  const run = await options.runner.run(input.scenario, { ...stepOptions(options, 0, 1), replications: input.replications });
  return run.values.measures[input.measure];
}

/** A what-if as a hire on day 0 (the warm-up untouched), so a pair replays the same history up to the decision. */
export { withHire } from '../montecarlo/compare.ts';
