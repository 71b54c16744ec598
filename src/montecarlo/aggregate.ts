/**
 * The aggregated shape of a run: every number of a ReplicationResult becomes a
 * Summary and every weekly or monthly series a SeriesSummary (the same statistics
 * at each point in time).
 */
import type { ReplicationResult } from '../engine/results.ts';
import type { Summary } from './stats.ts';
import { RunAccumulator } from './accumulator.ts';
import { flattenScalars, layoutOf, seriesOf } from './layout.ts';

/** A series summarised point by point. */
export interface SeriesSummary {
  mean: number[];
  p10: number[];
  p50: number[];
  p90: number[];
  ciLow: number[];
  ciHigh: number[];
}

/** The shape of T with numbers replaced by Summary and number arrays by SeriesSummary. */
export type Aggregated<T> = T extends number ? Summary : T extends number[] ? SeriesSummary : { [K in keyof T]: Aggregated<T[K]> };

/** What is aggregated: everything a replication measures but its index. */
export type Measures = Omit<ReplicationResult, 'replication'>;

/** Adds one replication result to `acc` (replications must come in order). */
export function addResult(acc: RunAccumulator, result: ReplicationResult): void {
  const row = new Float64Array(acc.layout.scalarCount);
  flattenScalars(acc.layout, result, row, 0);
  acc.add(row, seriesOf(acc.layout, result));
}

/** An empty accumulator for results shaped like `example`, over a horizon of `horizonDays`. */
export function accumulatorFor(example: ReplicationResult, horizonDays: number): RunAccumulator {
  return new RunAccumulator(layoutOf(example, horizonDays));
}
