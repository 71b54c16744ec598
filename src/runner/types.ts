/**
 * What a runner is: something that runs every replication of a scenario and
 * hands back the aggregate with the scenario it was computed from. The worker
 * pool (workers/pool.ts) and the inline runner (inline.ts) are the two
 * implementations; experiments (src/experiments/) only ever see this interface.
 */
import type { Scenario } from '../scenario/types.ts';
import type { RunResult } from '../montecarlo/run.ts';
import type { ComparedValues } from '../montecarlo/compare.ts';
import type { PrecisionTarget } from '../montecarlo/precision.ts';
import type { ReplicationTrace } from './trace.ts';
import type { Rows } from './rows.ts';

export type { ReplicationTrace };

/** How far a run is, delivered while it goes on. */
export interface RunProgress {
  /** Replications aggregated so far (always a prefix 0..done-1). */
  done: number;
  total: number;
  elapsedMs: number;
  /** Time left from the measured pace (NaN until there is a pace to measure: see eta.ts). */
  etaMs: number;
}

/**
 * An aggregate and the scenario it was computed from. A chart draws `result`
 * next to inputs read from `scenario`, never from a newer edit (issue 12, item 6).
 */
export interface PartialRun {
  /** The scenario as run (with the replication count actually asked for). */
  scenario: Scenario;
  /** The aggregate of the replications done so far (`result.scenario.replications` of them). */
  result: RunResult;
}

/** A finished run: the aggregate, and each replication's compared values for pairing variants. */
export interface Run extends PartialRun {
  values: ComparedValues;
}

/** Options of one run. */
export interface RunOptions {
  /** Replications to run (the first n, 0..n-1); default: the scenario's own count. With `precision`, the most to run. */
  replications?: number;
  /**
   * Stop at the first n replications, in order, whose mean of one measure is as
   * precise as asked (see montecarlo/precision.ts); the run is then the run of n
   * (its scenario says n). Without it, every replication asked for is run.
   */
  precision?: PrecisionTarget;
  /**
   * Aborting rejects the run with RunCancelled; nothing is delivered after that. The
   * worker pool first hands over, synchronously inside the abort, the progress and the
   * partial aggregate of every replication finished in order before it (when they are
   * more than the last partial's), so a stopped run keeps all its finished work.
   */
  signal?: AbortSignal;
  onProgress?: (progress: RunProgress) => void;
  /** Aggregates of the replications so far, at most every so often (runner specific), and the final one. */
  onPartial?: (partial: PartialRun) => void;
}

/** Options of a run of a base scenario and its arms over a range of replications. */
export interface ArmsOptions {
  /** Replications [from, to). */
  from: number;
  to: number;
  signal?: AbortSignal;
  /** `done` counts replications of the range done (each one of the base and every arm). */
  onProgress?: (progress: RunProgress) => void;
  /**
   * The replications as they are complete, in order from `from`, as rows per
   * scenario (`[base, ...arms]`). With it the runner keeps nothing and the promise
   * resolves with no rows: the caller adds each batch as it comes, so the page's
   * thread never adds a whole range in one task.
   */
  onRows?: (rows: Rows[]) => void;
}

/** Runs the replications of a scenario. */
export interface Runner {
  run(scenario: Scenario, options?: RunOptions): Promise<Run>;
  /**
   * Replications [from, to) of `base` and of each arm, as rows per scenario
   * (`[base, ...arms]`). Arms that share the base's warm-up (engine/fork.ts)
   * continue from one warm-up per replication; results are exactly those of
   * separate runs. Runners without it are run one scenario at a time.
   */
  runArms?(base: Scenario, arms: readonly Scenario[], options: ArmsOptions): Promise<Rows[]>;
  /** Replication `replication` of `scenario` with its trace, for the workshop replay (runners that can animate). */
  trace?(scenario: Scenario, replication: number, signal?: AbortSignal): Promise<ReplicationTrace>;
}

/** The error of a cancelled or superseded run. */
export class RunCancelled extends Error {
  constructor(reason = 'the run was cancelled') {
    super(reason);
    this.name = 'AbortError';
  }
}

/** `scenario` with `replications` replications, when given (a run of its first n). */
export function withReplications(scenario: Scenario, replications: number | undefined): Scenario {
  return replications === undefined || replications === scenario.replications ? scenario : { ...scenario, replications };
}
