/**
 * A replication result as flat numbers: the scalar leaves in a fixed order and the
 * series leaves as arrays. Flat rows cross worker boundaries as typed arrays and
 * feed the accumulator; `rebuild` puts summaries back in the result's shape.
 */
import type { ReplicationResult } from '../engine/results.ts';

/** One leaf of a result: its path, and its index among the scalars or the series. */
interface Leaf {
  path: string[];
  series: boolean;
  index: number;
}

/** Paths of a result's leaves, in the result's own order. */
export interface Layout {
  leaves: Leaf[];
  scalarCount: number;
  seriesCount: number;
}

function walk(node: unknown, path: string[], layout: Layout): void {
  if (typeof node === 'number') layout.leaves.push({ path, series: false, index: layout.scalarCount++ });
  else if (Array.isArray(node)) layout.leaves.push({ path, series: true, index: layout.seriesCount++ });
  else for (const key of Object.keys(node as object)) walk((node as Record<string, unknown>)[key], [...path, key], layout);
}

/** The layout of a replication result (its `replication` index is not a measure). */
export function layoutOf(result: ReplicationResult): Layout {
  const layout: Layout = { leaves: [], scalarCount: 0, seriesCount: 0 };
  const { replication: _replication, ...measures } = result;
  walk(measures, [], layout);
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

/** The series leaves of `result`, in layout order. */
export function seriesOf(layout: Layout, result: ReplicationResult): number[][] {
  return layout.leaves.filter((l) => l.series).map((l) => at(result, l.path) as number[]);
}

/** A nested object in the result's shape with scalars[i] and series[j] at their leaves. */
export function rebuild<S, T>(layout: Layout, scalars: S[], series: T[]): unknown {
  const root: Record<string, unknown> = {};
  for (const leaf of layout.leaves) {
    let node = root;
    for (let i = 0; i < leaf.path.length - 1; i++) node = (node[leaf.path[i]] ??= {}) as Record<string, unknown>;
    node[leaf.path[leaf.path.length - 1]] = leaf.series ? series[leaf.index] : scalars[leaf.index];
  }
  return root;
}
