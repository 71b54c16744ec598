/**
 * Replications packed as flat rows (see montecarlo/layout.ts): what a worker
 * hands back, and what a run is accumulated from, in replication order.
 */
import type { Scenario } from '../scenario/types.ts';
import type { ReplicationResult } from '../engine/results.ts';
import { flattenScalars, layoutOf, seriesOf, type Layout, type Measures } from '../montecarlo/layout.ts';
import { RunAccumulator } from '../montecarlo/accumulator.ts';
import { comparedValuesOf, type ComparedValues } from '../montecarlo/compare.ts';
import { partialOf, runOf } from './outcome.ts';
import { withReplications, type ArmsOptions, type Run, type Runner } from './types.ts';

/** Replications [from, to) as flat rows: `scalars` is (to - from) x layout.scalarCount, row-major. */
export interface Rows {
  from: number;
  to: number;
  layout: Layout<Measures>;
  scalars: Float64Array;
  /** One array per series leaf, (to - from) x series length, row-major. */
  series: Float64Array[];
  /** Events the engine handled in these replications. */
  events: number;
}

/** Packs the results of replications from, from + 1, ... of a scenario over `horizonDays`. */
export function packResults(results: readonly ReplicationResult[], horizonDays: number, from: number): Rows {
  if (results.length === 0) throw new Error(`packResults: expected at least one replication from ${from}, got none`);
  const count = results.length;
  const layout = layoutOf(results[0], horizonDays);
  const scalars = new Float64Array(count * layout.scalarCount);
  const series = seriesOf(layout, results[0]).map((s) => new Float64Array(count * s.length));
  let events = 0;
  results.forEach((result, i) => {
    events += result.events;
    flattenScalars(layout, result, scalars, i * layout.scalarCount);
    seriesOf(layout, result).forEach((s, j) => series[j].set(s, i * s.length));
  });
  return { from, to: from + count, layout, scalars, series, events };
}

/**
 * Adds the replications of `rows` to `acc`, in order; with `stop`, asked after each
 * one, only until it says so. Returns whether `stop` ended it.
 */
export function addRows(acc: RunAccumulator<Measures>, rows: Rows, stop?: () => boolean): boolean {
  const count = rows.to - rows.from;
  // Without a stop, as one block: the series kept as the views they are, not one per replication.
  if (!stop) {
    acc.addBlock(rows.scalars, rows.series, count);
    return false;
  }
  const width = rows.layout.scalarCount;
  for (let r = 0; r < count; r++) {
    acc.add(
      rows.scalars.subarray(r * width, (r + 1) * width),
      rows.series.map((s) => {
        const len = s.length / count;
        return s.subarray(r * len, (r + 1) * len);
      }),
    );
    if (stop?.()) return true;
  }
  return false;
}

/** Consecutive rows as one (parts in replication order, each starting where the last ended). */
export function concatRows(parts: readonly Rows[]): Rows {
  if (parts.length === 1) return parts[0];
  for (let i = 1; i < parts.length; i++) if (parts[i].from !== parts[i - 1].to) throw new Error(`concatRows: expected rows from ${parts[i - 1].to}, got from ${parts[i].from}`);
  const cat = (arrays: Float64Array[]) => {
    const out = new Float64Array(arrays.reduce((a, x) => a + x.length, 0));
    let at = 0;
    for (const a of arrays) { out.set(a, at); at += a.length; }
    return out;
  };
  return {
    from: parts[0].from,
    to: parts[parts.length - 1].to,
    layout: parts[0].layout,
    scalars: cat(parts.map((p) => p.scalars)),
    series: parts[0].series.map((_, j) => cat(parts.map((p) => p.series[j]))),
    events: parts.reduce((a, p) => a + p.events, 0),
  };
}

/**
 * A run built up from rows in replication order: replications [0, n) and later
 * [n, m) make the run of [0, m), exactly as one run of m would (same rows, same order).
 */
export class GrowingRun {
  private acc: RunAccumulator<Measures> | null = null;
  private made: Run | null = null;
  /** The compared values of the replications so far, once read (pairing, then run(), read them once). */
  private compared: ComparedValues | null = null;

  constructor(readonly scenario: Scenario) {}

  /** Replications added so far. */
  get count(): number {
    return this.acc?.count ?? 0;
  }

  /** Adds the next replications (they must start at `count`). */
  add(rows: Rows): void {
    if (rows.from !== this.count) throw new Error(`GrowingRun.add: expected replications from ${this.count}, got from ${rows.from}`);
    this.acc ??= new RunAccumulator(rows.layout);
    addRows(this.acc, rows);
    this.made = null;
    this.compared = null;
  }

  /** Each replication's compared values so far, without summarising the run (for pairing: cheaper than run().values). */
  values(): ComparedValues {
    if (!this.acc) throw new Error('GrowingRun.values: no replications yet');
    this.compared ??= comparedValuesOf(this.acc);
    return this.compared;
  }

  /** Does the larger part of run()'s summary now (RunAccumulator.settle), so that run() can follow in another task. */
  settle(): void {
    this.acc?.settle();
  }

  /** The run of the replications so far (its scenario says how many). */
  run(): Run {
    if (!this.acc) throw new Error('GrowingRun.run: no replications yet');
    this.made ??= runOf(partialOf(withReplications(this.scenario, this.acc.count), this.acc), this.acc, this.values());
    return this.made;
  }
}

/**
 * Runs replications [from, to) of every run's scenario in one pass (the first
 * the base, the others its arms: Runner.runArms) and adds them to `runs` as
 * they come, batch by batch, rather than all at once when the pass ends (each
 * must hold exactly `from` replications). A runner that hands the rows back at
 * the end instead is read the same way.
 */
export async function growArms(runner: Runner, runs: readonly GrowingRun[], options: Omit<ArmsOptions, 'onRows'>): Promise<void> {
  if (!runner.runArms) throw new Error('growArms: expected a runner with runArms');
  const add = (rows: Rows[]) => rows.forEach((r, i) => runs[i].add(r));
  add(await runner.runArms(runs[0].scenario, runs.slice(1).map((g) => g.scenario), { ...options, onRows: add }));
}
