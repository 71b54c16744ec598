/**
 * Streaming aggregation of replications, fed in replication order whatever the
 * chunking, so a run's result depends on its scenario and seed alone. Scalars keep
 * one number per replication for exact percentiles. Series keep exact values for
 * the first EXACT_SERIES_REPLICATIONS replications, then P-square estimates of
 * P10, P50 and P90 and running moments: memory stays bounded for 10,000 runs.
 */
import { P2_START_VALUES, P2Quantile } from './p2.ts';
import { percentileSorted, RunningMoments, slopeOf, summaryOf, tQuantile, type Summary } from './stats.ts';
import { rebuild, type Aggregated, type Layout, type SeriesSummary } from './layout.ts';

/** Replications up to which series percentiles are exact. */
export const EXACT_SERIES_REPLICATIONS = 256;
const LEVELS = [0.1, 0.5, 0.9] as const;

/**
 * Merges the ascending `fresh` into the ascending `out[start..start + size)`, which
 * has room for them after it, in place from the back, in the order
 * Float64Array.prototype.sort gives (-0 before +0): percentiles read from the
 * result equal those of a sort of all the values. Ties keep the older value
 * first; equal values are the same number, except -0 and +0.
 */
function mergeSorted(out: Float64Array, start: number, size: number, fresh: Float64Array): void {
  let a = start + size - 1, b = fresh.length - 1, k = start + size + fresh.length - 1;
  while (b >= 0) {
    const x = a >= start ? out[a] : -Infinity, y = fresh[b];
    // The older value goes last when it is larger, or +0 against a fresh -0.
    if (a >= start && (x > y || (x === y && x === 0 && 1 / x > 1 / y))) out[k--] = out[a--];
    else out[k--] = fresh[b--];
  }
}

/** Room per point the exact values start with: doubled as replications come, up to EXACT_SERIES_REPLICATIONS. */
const FIRST_ROOM = 8;
/** Rows a series holds unfolded at most (the memory of one exact phase). */
const PENDING_ROWS = EXACT_SERIES_REPLICATIONS;
/** A point's values added since its last sort, sorted here before they are merged (one point at a time). */
const FRESH = new Float64Array(EXACT_SERIES_REPLICATIONS);

/**
 * One series (weekly or monthly) summarised point by point. Rows are copied as
 * they come and folded in when asked (see add). While exact, each point's finite
 * values are kept in one buffer shared by the points (point i at i x room, the
 * room doubling with the replications): the values sorted so far, then those
 * folded in since, which a summary (or the switch to estimates) sorts and merges
 * in, rather than an insertion per point and replication. An arm never summarised
 * (next best hire's and goal-seek's arms are read by their scalars) never sorts,
 * and an arm's first rows allocate a few small arrays, not one per point.
 */
class SeriesAccumulator {
  private count: Float64Array;
  private mean: Float64Array;
  private m2: Float64Array;
  /** Point i's finite values at [i x room, i x room + stored[i]), ascending up to sortedTo[i] (exact phase only). */
  private exact: Float64Array | null;
  /** Values each point has room for in `exact` (a point gets at most one a replication). */
  private room = Math.min(FIRST_ROOM, EXACT_SERIES_REPLICATIONS);
  private stored: Uint16Array;
  private sortedTo: Uint16Array;
  private replications = 0;
  /** Replications whose values are all sorted in (sortedTo caught up with stored). */
  private sortedReplications = 0;
  /**
   * Each point's estimates once estimating (null before the switch). A point with
   * fewer than P2_START_VALUES values at the switch (undefined in most replications)
   * has none yet: it stays exact, its values in `few`, until it has that many, and
   * its estimates start from them then, as the others' did from theirs at the
   * switch. So a summary reads exact percentiles for as long as the estimator
   * could not start, memory stays bounded (fewer than 5 values a point), and no
   * series can make the switch fail.
   */
  private sketches: (P2Quantile[] | null)[] | null = null;
  /** Finite values of the points without estimates yet (see sketches), in the order they came. */
  private few: number[][] = [];
  /** Each replication's least-squares slope (one number a replication: the warm-up check's drift test). */
  private readonly slopes: number[] = [];
  /**
   * Rows added but not yet folded in, in replication order, as given (adding
   * copies nothing): blocks of consecutive rows, so that a worker's chunk is kept
   * as one view, not one object per replication that the page's garbage
   * collector would have to mark.
   */
  private pending: { values: ArrayLike<number>; rows: number }[] = [];
  private pendingRows = 0;

  constructor(readonly length: number) {
    this.count = new Float64Array(length);
    this.mean = new Float64Array(length);
    this.m2 = new Float64Array(length);
    this.exact = new Float64Array(length * this.room);
    this.stored = new Uint16Array(length);
    this.sortedTo = new Uint16Array(length);
  }

  /**
   * Adds the next replication's row, which must not change afterwards: it is
   * kept, and folded in (moments, slope, exact values or estimates) when a
   * summary or the slopes are asked, or when PENDING_ROWS wait. On the main
   * thread, where a worker's rows for several arms come in one message, this
   * keeps the message's task short, and an arm never summarised (read by its
   * scalars alone) never folds beyond the bound.
   */
  add(row: ArrayLike<number>): void {
    this.addBlock(row, 1);
  }

  /** Adds the next `rows` replications' rows, one after the other in `values` (as add: kept, must not change). */
  addBlock(values: ArrayLike<number>, rows: number): void {
    this.pending.push({ values, rows });
    this.pendingRows += rows;
    if (this.pendingRows >= PENDING_ROWS) this.fold();
  }

  /** Folds the pending rows in, in replication order (what adding each would have done then). */
  private fold(): void {
    if (this.pending.length === 0) return;
    // Room for them all at once, rather than doubling as they go.
    if (!this.sketches) this.grow(Math.min(EXACT_SERIES_REPLICATIONS, this.replications + this.pendingRows));
    for (const { values, rows } of this.pending) for (let r = 0; r < rows; r++) this.foldRow(rows === 1 ? values : rowOf(values, r * this.length, this.length));
    this.pending = [];
    this.pendingRows = 0;
  }

  private foldRow(row: ArrayLike<number>): void {
    this.slopes.push(slopeOf(row));
    for (let i = 0; i < this.length; i++) {
      const x = row[i];
      if (!Number.isFinite(x)) continue;
      const c = ++this.count[i];
      const d = x - this.mean[i];
      this.mean[i] += d / c;
      this.m2[i] += d * (x - this.mean[i]);
    }
    if (this.sketches) {
      for (let i = 0; i < this.length; i++) {
        const x = row[i];
        if (!Number.isFinite(x)) continue;
        const sketch = this.sketches[i];
        if (sketch) for (const s of sketch) s.add(x);
        else if (this.few[i].push(x) === P2_START_VALUES) {
          this.sketches[i] = startSketches(Float64Array.from(this.few[i]).sort());
          this.few[i] = [];
        }
      }
      return;
    }
    const exact = this.exact!;
    const room = this.room;
    for (let i = 0; i < this.length; i++) {
      const x = row[i];
      if (Number.isFinite(x)) exact[i * room + this.stored[i]++] = x;
    }
    if (++this.replications === EXACT_SERIES_REPLICATIONS) {
      this.sort();
      this.sketches = [];
      for (let i = 0; i < this.length; i++) {
        const sorted = this.column(i);
        const enough = sorted.length >= P2_START_VALUES;
        this.sketches.push(enough ? startSketches(sorted) : null);
        this.few.push(enough ? [] : Array.from(sorted));
      }
      this.exact = null;
    }
  }

  /** Doubles every point's room until it holds `values` (each point's values kept, at its new start). */
  private grow(values: number): void {
    let room = this.room;
    while (room < values) room = Math.min(2 * room, EXACT_SERIES_REPLICATIONS);
    if (room === this.room) return;
    const grown = new Float64Array(this.length * room);
    for (let i = 0; i < this.length; i++) grown.set(this.exact!.subarray(i * this.room, i * this.room + this.stored[i]), i * room);
    this.exact = grown;
    this.room = room;
  }

  /** Sorts each point's values added since the last sort and merges them in. */
  private sort(): void {
    if (!this.exact || this.sortedReplications === this.replications) return;
    const exact = this.exact!;
    for (let i = 0; i < this.length; i++) {
      const start = i * this.room;
      const sorted = this.sortedTo[i];
      const n = this.stored[i] - sorted;
      if (n === 0) continue;
      const fresh = FRESH.subarray(0, n);
      for (let k = 0; k < n; k++) fresh[k] = exact[start + sorted + k];
      fresh.sort();
      mergeSorted(exact, start, sorted, fresh);
      this.sortedTo[i] = this.stored[i];
    }
    this.sortedReplications = this.replications;
  }

  /** Point i's values, ascending once sorted (sort). */
  private column(i: number): Float64Array {
    return this.exact!.subarray(i * this.room, i * this.room + this.stored[i]);
  }

  /** Folds in the rows added so far and sorts the exact values: what a summary would do first. */
  settle(): void {
    this.fold();
    this.sort();
  }

  /** Each replication's least-squares slope so far, in replication order. */
  slopesSoFar(): readonly number[] {
    this.fold();
    return this.slopes;
  }

  summary(): SeriesSummary {
    const out: SeriesSummary = { mean: [], p10: [], p50: [], p90: [], ciLow: [], ciHigh: [] };
    this.settle();
    // Points mostly share their count: the t quantile is computed once per count.
    let tFor = -1;
    let t = NaN;
    for (let i = 0; i < this.length; i++) {
      const n = this.count[i];
      const mean = n > 0 ? this.mean[i] : NaN;
      if (n > 1 && n !== tFor) {
        tFor = n;
        t = tQuantile(0.975, n - 1);
      }
      const half = n > 1 ? t * Math.sqrt(this.m2[i] / (n - 1) / n) : NaN;
      let p: number[];
      const sketch = this.sketches?.[i];
      if (sketch) p = sketch.map((s) => s.value);
      else {
        const sorted = this.sketches ? Float64Array.from(this.few[i]).sort() : this.column(i);
        p = LEVELS.map((l) => percentileSorted(sorted, l));
      }
      out.mean.push(mean);
      out.p10.push(p[0]);
      out.p50.push(p[1]);
      out.p90.push(p[2]);
      out.ciLow.push(mean - half);
      out.ciHigh.push(mean + half);
    }
    return out;
  }
}

/** Values [at, at + length) of `values`: a view of a typed array (short-lived: made as a row is folded in), a copy otherwise. */
function rowOf(values: ArrayLike<number>, at: number, length: number): ArrayLike<number> {
  return values instanceof Float64Array ? values.subarray(at, at + length) : Array.prototype.slice.call(values, at, at + length);
}

/** Estimates of a point's P10, P50 and P90 continuing from its ascending values `sorted` (at least P2_START_VALUES). */
function startSketches(sorted: ArrayLike<number>): P2Quantile[] {
  return LEVELS.map((p) => new P2Quantile(p, sorted));
}

const NO_VALUES = new Float64Array(0);

/**
 * One scalar's finite values in ascending order, brought up to date only when a
 * summary asks: the values added since are sorted alone and merged in, so each
 * summary costs O(n) rather than a sort of everything.
 */
class SortedValues {
  /** Empty until the first summary (an arm's first rows allocate nothing per scalar here). */
  private sorted = NO_VALUES;
  size = 0;

  /** Merges `fresh` (finite, any order) in. */
  merge(fresh: Float64Array): void {
    if (fresh.length === 0) return;
    fresh.sort();
    const total = this.size + fresh.length;
    if (total > this.sorted.length) {
      const grown = new Float64Array(total * 2);
      grown.set(this.view());
      this.sorted = grown;
    }
    // Merged in place: a summary during a run allocates nothing per scalar.
    mergeSorted(this.sorted, 0, this.size, fresh);
    this.size = total;
  }

  view(): Float64Array {
    return this.sorted.subarray(0, this.size);
  }
}

const scalarIndexCache = new WeakMap<Layout, Map<string, number>>();

/** Each scalar leaf's index by its dotted path, made once per layout (a comparison reads dozens per run). */
function scalarIndexes(layout: Layout): Map<string, number> {
  let byKey = scalarIndexCache.get(layout);
  if (!byKey) {
    byKey = new Map(layout.leaves.filter((l) => !l.series).map((l) => [l.path.join('.'), l.index]));
    scalarIndexCache.set(layout, byKey);
  }
  return byKey;
}

/** Aggregates replications of shape T given as flat rows (see layout.ts), in replication order. */
export class RunAccumulator<T = unknown> {
  private scalars: Float64Array;
  private series: SeriesAccumulator[] | null = null;
  private readonly moments: RunningMoments[];
  private readonly sorted: SortedValues[];
  /** Replications already merged into `sorted`. */
  private sortedCount = 0;
  count = 0;

  constructor(readonly layout: Layout<T>) {
    this.scalars = new Float64Array(64 * layout.scalarCount);
    this.moments = Array.from({ length: layout.scalarCount }, () => new RunningMoments());
    this.sorted = Array.from({ length: layout.scalarCount }, () => new SortedValues());
  }

  /** Adds the next replication: its scalars (layout order, copied) and its series (kept, not copied: they must not change afterwards). */
  add(scalars: ArrayLike<number>, series: ArrayLike<number>[]): void {
    this.addBlock(scalars, series, 1);
  }

  /**
   * Adds the next `rows` replications at once: `scalars` holds their scalars one
   * replication after the other (copied), each of `series` their rows of that
   * series (kept, as by add). The same as adding each in turn.
   */
  addBlock(scalars: ArrayLike<number>, series: ArrayLike<number>[], rows: number): void {
    const width = this.layout.scalarCount;
    let room = this.scalars.length;
    while ((this.count + rows) * width > room) room *= 2;
    if (room > this.scalars.length) {
      const next = new Float64Array(room);
      next.set(this.scalars);
      this.scalars = next;
    }
    for (let r = 0; r < rows; r++) {
      for (let i = 0; i < width; i++) {
        const x = scalars[r * width + i];
        this.scalars[(this.count + r) * width + i] = x;
        if (Number.isFinite(x)) this.moments[i].add(x);
      }
    }
    this.series ??= series.map((s) => new SeriesAccumulator(s.length / rows));
    series.forEach((s, j) => this.series![j].addBlock(s, rows));
    this.count += rows;
  }

  /** The values of scalar `index` over all replications so far. */
  values(index: number): Float64Array {
    const width = this.layout.scalarCount;
    const out = new Float64Array(this.count);
    for (let r = 0; r < this.count; r++) out[r] = this.scalars[r * width + index];
    return out;
  }

  /** Count, mean and sum of squared deviations of scalar `index`'s finite values so far (read only). */
  momentsOf(index: number): Readonly<RunningMoments> {
    return this.moments[index];
  }

  /** Index of the scalar at `path` (e.g. ['revenue', 'arrEndYen']). */
  scalarIndex(path: string[]): number {
    const key = path.join('.');
    const index = scalarIndexes(this.layout).get(key);
    if (index === undefined) throw new Error(`no scalar measure at ${key}`);
    return index;
  }

  /** Each replication's least-squares slope (change per point) of the series at `path`, in replication order. */
  seriesSlopes(path: string[]): Float64Array {
    const key = path.join('.');
    const leaf = this.layout.leaves.find((l) => l.series && l.path.join('.') === key);
    if (!leaf) throw new Error(`no series at ${key}`);
    return Float64Array.from(this.series?.[leaf.index].slopesSoFar() ?? []);
  }

  /**
   * Brings every series up to date (the rows added so far folded in, sorted), the
   * larger part of a summary's work: a caller on the main thread may do it in a
   * task before the one that summarises.
   */
  settle(): void {
    this.series?.forEach((s) => s.settle());
  }

  /** Summaries of every measure, in the result's shape. */
  summary(): Aggregated<T> {
    const width = this.layout.scalarCount;
    const scalars: Summary[] = [];
    const fresh = new Float64Array(this.count - this.sortedCount);
    for (let i = 0; i < width; i++) {
      let n = 0;
      for (let r = this.sortedCount; r < this.count; r++) {
        const x = this.scalars[r * width + i];
        if (Number.isFinite(x)) fresh[n++] = x;
      }
      this.sorted[i].merge(fresh.subarray(0, n));
      scalars.push(summaryOf(this.moments[i], this.sorted[i].view()));
    }
    this.sortedCount = this.count;
    return rebuild(this.layout, scalars, (this.series ?? []).map((s) => s.summary()));
  }
}
