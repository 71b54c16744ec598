/**
 * The result of a run: R replications of a scenario, aggregated, with what is
 * judged from them (target, bottleneck, warm-up). Runners (src/runner/) make it.
 */
import type { Scenario } from '../scenario/types.ts';
import type { Aggregated, Measures } from './aggregate.ts';
import type { RunAccumulator } from './accumulator.ts';
import { probabilityAtLeast } from './stats.ts';
import { bottleneckVerdict, type BottleneckVerdict } from './bottleneck.ts';
import { ENGINE_VERSION } from '../engine/version.ts';
import { warmupCheck, type WarmupCheck } from './warmup.ts';

/** The aggregated result of a run: the `--json` output of the CLI. */
export interface RunResult {
  format: 'funnel-result';
  formatVersion: 1;
  /** The engine that made the numbers (see engine/version.ts). */
  engineVersion: number;
  scenario: { name: string; version: number; seed: string; replications: number; horizonDays: number; warmupDays: number };
  measures: Aggregated<Measures>;
  /** Probability that ARR at the horizon reaches the scenario's target (null: no target). */
  target: { arrYen: number; probability: number } | null;
  bottleneck: BottleneckVerdict;
  /** Whether the period after the warm-up looks like a steady state (drift and MSER-5 on the weekly series). */
  warmup: WarmupCheck;
}

/** The run result of scenario `s` from an accumulator holding its replications. */
export function summarizeRun(s: Scenario, acc: RunAccumulator<Measures>): RunResult {
  const measures = acc.summary();
  const arrEnd = acc.values(acc.scalarIndex(['revenue', 'arrEndYen']));
  return {
    format: 'funnel-result',
    formatVersion: 1,
    engineVersion: ENGINE_VERSION,
    scenario: { name: s.name, version: s.version, seed: s.seed, replications: acc.count, horizonDays: s.horizonDays, warmupDays: s.warmupDays },
    measures,
    target: s.targets.arrYen === null ? null : { arrYen: s.targets.arrYen, probability: probabilityAtLeast(arrEnd, s.targets.arrYen) },
    bottleneck: bottleneckVerdict(measures),
    warmup: warmupCheck(s, measures, acc),
  };
}
