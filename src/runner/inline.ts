/**
 * The inline runner: every replication in this thread, in order. It is the
 * reference the worker pool must reproduce byte for byte, and what tests use.
 */
import type { Scenario } from '../scenario/types.ts';
import { simulateReplication } from '../engine/simulate.ts';
import type { ReplicationResult } from '../engine/results.ts';
import { accumulatorFor, addResult, type Measures } from '../montecarlo/aggregate.ts';
import type { RunAccumulator } from '../montecarlo/accumulator.ts';
import { EtaEstimator } from './eta.ts';
import { partialOf, runOf } from './outcome.ts';
import { RunCancelled, withReplications, type ArmsOptions, type Run, type Runner, type RunOptions } from './types.ts';
import { simulateArms } from '../engine/fork.ts';
import { packResults, type Rows } from './rows.ts';
import { precisionCheck, type PrecisionTarget } from '../montecarlo/precision.ts';
import { traceOf, type ReplicationTrace } from './trace.ts';

/** Runs replications [from, to) of `s` in this thread, results kept whole (the queueing tests read them). */
export function simulateRange(s: Scenario, from: number, to: number): ReplicationResult[] {
  const out: ReplicationResult[] = [];
  for (let r = from; r < to; r++) out.push(simulateReplication(s, r));
  return out;
}

/**
 * Runs replications 0..s.replications-1 into one accumulator, calling `each` after
 * each one, and stops early once `precision` is reached (checked after each one).
 */
function accumulate(s: Scenario, each?: (acc: RunAccumulator<Measures>) => void, precision?: PrecisionTarget): RunAccumulator<Measures> {
  let acc: RunAccumulator<Measures> | null = null;
  let precise: (() => boolean) | null = null;
  for (let r = 0; r < s.replications; r++) {
    const result = simulateReplication(s, r);
    acc ??= accumulatorFor(result, s.horizonDays);
    addResult(acc, result);
    each?.(acc);
    if (precision) precise ??= precisionCheck(acc, precision);
    if (precise?.()) break;
  }
  if (!acc) throw new Error(`runInline: expected at least one replication, got ${s.replications}`);
  return acc;
}

/**
 * Replications [from, to) of `base` and its arms in this thread (one warm-up per
 * replication for the arms that share it): rows per scenario, `[base, ...arms]`.
 */
export function runArmsInline(base: Scenario, arms: readonly Scenario[], { from, to, signal, onProgress, onRows }: ArmsOptions): Rows[] {
  if (!(to > from)) throw new Error(`runArms: expected a range of at least one replication, got [${from}, ${to})`);
  const cancelled = () => (signal?.reason instanceof RunCancelled ? signal.reason : new RunCancelled());
  const started = performance.now();
  const eta = new EtaEstimator(to - from);
  const results: ReplicationResult[][] = [base, ...arms].map(() => []);
  for (let r = from; r < to; r++) {
    if (signal?.aborted) throw cancelled();
    simulateArms(base, arms, r).forEach((x, i) => results[i].push(x));
    const now = performance.now();
    onProgress?.({ done: r + 1 - from, total: to - from, elapsedMs: now - started, etaMs: eta.update(r + 1 - from, now) });
  }
  const rows = results.map((rs) => packResults(rs, base.horizonDays, from));
  if (!onRows) return rows;
  onRows(rows);
  return [];
}

/**
 * Runs every replication of `s` (or its first `replications`) in this thread, at
 * once; with `precision`, only until it is reached (the scenario of the run says how many).
 */
export function runInline(s: Scenario, replications?: number, precision?: PrecisionTarget): Run {
  const asked = withReplications(s, replications);
  const acc = accumulate(asked, undefined, precision);
  const scenario = withReplications(asked, acc.count);
  return runOf(partialOf(scenario, acc), acc);
}

/**
 * The inline runner behind the Runner interface. It works in the caller's task
 * without yielding, so an abort is seen between replications only when a
 * callback (or the code before the call) aborted.
 */
export class InlineRunner implements Runner {
  /** @param partialEvery a partial aggregate every this many replications (0: only the final one). */
  constructor(private readonly partialEvery = 0) {}

  async run(s: Scenario, options: RunOptions = {}): Promise<Run> {
    const { signal, onProgress, onPartial } = options;
    const scenario = withReplications(s, options.replications);
    const cancelled = () => (signal?.reason instanceof RunCancelled ? signal.reason : new RunCancelled());
    if (signal?.aborted) throw cancelled();
    const started = performance.now();
    const eta = new EtaEstimator(scenario.replications);
    const acc = accumulate(
      scenario,
      (a) => {
        if (signal?.aborted) throw cancelled();
        const now = performance.now();
        onProgress?.({ done: a.count, total: scenario.replications, elapsedMs: now - started, etaMs: eta.update(a.count, now) });
        if (onPartial && this.partialEvery > 0 && a.count < scenario.replications && a.count % this.partialEvery === 0) onPartial(partialOf(scenario, a));
      },
      options.precision,
    );
    const ran = withReplications(scenario, acc.count);
    if (ran !== scenario) onProgress?.({ done: acc.count, total: acc.count, elapsedMs: performance.now() - started, etaMs: 0 });
    const final = partialOf(ran, acc);
    onPartial?.(final);
    return runOf(final, acc);
  }

  async runArms(base: Scenario, arms: readonly Scenario[], options: ArmsOptions): Promise<Rows[]> {
    return runArmsInline(base, arms, options);
  }

  async trace(s: Scenario, replication: number, signal?: AbortSignal): Promise<ReplicationTrace> {
    if (signal?.aborted) throw signal.reason instanceof RunCancelled ? signal.reason : new RunCancelled();
    return traceOf(s, replication);
  }
}

/** The inline runner without partial aggregates but the final one. */
export const inlineRunner: Runner = new InlineRunner();
