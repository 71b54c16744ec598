/**
 * The aggregated shape of a run: every number of a ReplicationResult becomes a
 * Summary and every weekly or monthly series a SeriesSummary (the same statistics
 * at each point in time).
 */
import type { ReplicationResult } from '../engine/results.ts';
import { RunAccumulator } from './accumulator.ts';
import { flattenScalars, layoutOf, seriesOf, type Measures } from './layout.ts';

export type { Aggregated, Measures, SeriesSummary } from './layout.ts';

/** Adds one replication result to `acc` (replications must come in order). */
export function addResult(acc: RunAccumulator<Measures>, result: ReplicationResult): void {
  const row = new Float64Array(acc.layout.scalarCount);
  flattenScalars(acc.layout, result, row, 0);
  acc.add(row, seriesOf(acc.layout, result));
}

/** An empty accumulator for results shaped like `example`, over a horizon of `horizonDays`. */
export function accumulatorFor(example: ReplicationResult, horizonDays: number): RunAccumulator<Measures> {
  return new RunAccumulator(layoutOf(example, horizonDays));
}
