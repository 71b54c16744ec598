/**
 * A replication result as flat numbers: the scalar leaves in a fixed order and the
 * series leaves as arrays. Flat rows cross worker boundaries as typed arrays and
 * feed the accumulator; `rebuild` puts summaries back in the result's shape.
 *
 * Weekly series (named ...ByWeek) keep whole weeks only: a horizon that is not a
 * multiple of 7 days ends in a partial week (365 days: 52 weeks and 1 day), whose
 * count would fall to a seventh and draw a false cliff. The days after the last
 * whole week still count in every period total; they are only left out of the
 * weekly series.
 */
import type { ReplicationResult } from '../engine/results.ts';
import type { Summary } from './stats.ts';

/** What is aggregated: everything a replication measures but its index. */
export type Measures = Omit<ReplicationResult, 'replication'>;

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

/** One leaf of a result: its path, and its index among the scalars or the series. */
interface Leaf {
  path: string[];
  series: boolean;
  index: number;
  /** Points a series keeps (whole weeks of a weekly series); undefined: all. */
  keep?: number;
}

/**
 * Paths of a result's leaves, in the result's own order. `T` is the shape the
 * leaves were read from (never stored: it only carries the type from layoutOf to
 * the accumulator's summary, across the worker boundary).
 */
export interface Layout<T = unknown> {
  leaves: Leaf[];
  scalarCount: number;
  seriesCount: number;
  /** Type only: the shape of the measures (always undefined at run time). */
  readonly shape?: T;
}

/** Whole weeks in a horizon of `horizonDays` days (a partial last week is not one). */
export function wholeWeeks(horizonDays: number): number {
  return Math.floor(horizonDays / 7 + 1e-9);
}

function walk(node: unknown, path: string[], layout: Layout, weeks: number): void {
  if (typeof node === 'number') layout.leaves.push({ path, series: false, index: layout.scalarCount++ });
  else if (Array.isArray(node)) {
    const weekly = path[path.length - 1].endsWith('ByWeek');
    layout.leaves.push({ path, series: true, index: layout.seriesCount++, ...(weekly ? { keep: Math.min(weeks, node.length) } : {}) });
  } else for (const key of Object.keys(node as object)) walk((node as Record<string, unknown>)[key], [...path, key], layout, weeks);
}

/** The layout of a replication result over `horizonDays` (its `replication` index is not a measure). */
export function layoutOf(result: ReplicationResult, horizonDays: number): Layout<Measures> {
  const layout: Layout<Measures> = { leaves: [], scalarCount: 0, seriesCount: 0 };
  const { replication: _replication, ...measures } = result;
  walk(measures, [], layout, wholeWeeks(horizonDays));
  return layout;
}

function at(node: unknown, path: string[]): unknown {
  let x = node;
  for (const key of path) x = (x as Record<string, unknown>)[key];
  return x;
}

/** Writes the scalar leaves of `result` into `out` from `offset`, in layout order. */
export function flattenScalars(layout: Layout, result: ReplicationResult, out: Float64Array, offset: number): void {
  for (const leaf of layout.leaves) if (!leaf.series) out[offset + leaf.index] = at(result, leaf.path) as number;
}

/** The series leaves of `result`, in layout order, weekly ones cut to whole weeks. */
export function seriesOf(layout: Layout, result: ReplicationResult): number[][] {
  return layout.leaves.filter((l) => l.series).map((l) => {
    const s = at(result, l.path) as number[];
    return l.keep === undefined ? s : s.slice(0, l.keep);
  });
}

/**
 * The summaries in the shape of T: scalars[i] and series[j] at their leaves. The
 * one place the shape is asserted rather than checked: the layout's leaves were
 * read from a T by layoutOf, so putting a Summary at each scalar leaf and a
 * SeriesSummary at each series leaf makes an Aggregated<T>.
 */
export function rebuild<T>(layout: Layout<T>, scalars: Summary[], series: SeriesSummary[]): Aggregated<T> {
  const root: Record<string, unknown> = {};
  for (const leaf of layout.leaves) {
    let node = root;
    for (let i = 0; i < leaf.path.length - 1; i++) node = (node[leaf.path[i]] ??= {}) as Record<string, unknown>;
    node[leaf.path[leaf.path.length - 1]] = leaf.series ? series[leaf.index] : scalars[leaf.index];
  }
  return root as Aggregated<T>;
}
