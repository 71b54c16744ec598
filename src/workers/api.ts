/**
 * What a simulation worker does: run a chunk of replications and return them as
 * flat typed arrays (see montecarlo/layout.ts), ready to be transferred.
 */
import type { Scenario } from '../scenario/types.ts';
import { simulateReplication } from '../engine/simulate.ts';
import { flattenScalars, layoutOf, seriesOf, type Layout, type Measures } from '../montecarlo/layout.ts';

/** Replications [from, to) as flat rows: `scalars` is (to - from) x layout.scalarCount, row-major. */
export interface Chunk {
  from: number;
  to: number;
  layout: Layout<Measures>;
  scalars: Float64Array;
  /** One array per series leaf, (to - from) x series length, row-major. */
  series: Float64Array[];
  /** Events the engine handled in this chunk. */
  events: number;
}

/** Runs replications [from, to) of `scenario` and packs them (no transfer list: see transferables). */
export function runChunk(scenario: Scenario, from: number, to: number): Chunk {
  let layout: Layout<Measures> | null = null;
  let scalars = new Float64Array(0);
  let series: Float64Array[] = [];
  let events = 0;
  const count = to - from;
  for (let r = from; r < to; r++) {
    const result = simulateReplication(scenario, r);
    events += result.events;
    if (!layout) {
      layout = layoutOf(result, scenario.horizonDays);
      scalars = new Float64Array(count * layout.scalarCount);
      series = seriesOf(layout, result).map((s) => new Float64Array(count * s.length));
    }
    const i = r - from;
    flattenScalars(layout, result, scalars, i * layout.scalarCount);
    seriesOf(layout, result).forEach((s, j) => series[j].set(s, i * s.length));
  }
  if (!layout) throw new Error(`runChunk: expected at least one replication, got [${from}, ${to})`);
  return { from, to, layout, scalars, series, events };
}

/** The buffers of a chunk, to hand over without copying. */
export function transferables(chunk: Chunk): ArrayBuffer[] {
  return [chunk.scalars.buffer as ArrayBuffer, ...chunk.series.map((s) => s.buffer as ArrayBuffer)];
}
