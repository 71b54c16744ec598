/**
 * Streaming aggregation of replications, fed in replication order whatever the
 * chunking, so a run's result depends on its scenario and seed alone. Scalars keep
 * one number per replication for exact percentiles. Series keep exact values for
 * the first EXACT_SERIES_REPLICATIONS replications, then P-square estimates of
 * P10, P50 and P90 and running moments: memory stays bounded for 10,000 runs.
 */
import { P2Quantile } from './p2.ts';
import { percentileSorted, slopeOf, summarize, tQuantile, type Summary } from './stats.ts';
import { rebuild, type Aggregated, type Layout, type SeriesSummary } from './layout.ts';

/** Replications up to which series percentiles are exact. */
export const EXACT_SERIES_REPLICATIONS = 256;
const LEVELS = [0.1, 0.5, 0.9] as const;

/** One series (weekly or monthly) summarised point by point. */
class SeriesAccumulator {
  private count: Float64Array;
  private mean: Float64Array;
  private m2: Float64Array;
  private exact: Float64Array[] = [];
  private sketches: P2Quantile[][] | null = null;
  /** Each replication's least-squares slope (one number a replication: the warm-up check's drift test). */
  readonly slopes: number[] = [];

  constructor(readonly length: number) {
    this.count = new Float64Array(length);
    this.mean = new Float64Array(length);
    this.m2 = new Float64Array(length);
  }

  add(row: ArrayLike<number>): void {
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
      for (let i = 0; i < this.length; i++) if (Number.isFinite(row[i])) for (const s of this.sketches[i]) s.add(row[i]);
      return;
    }
    this.exact.push(Float64Array.from({ length: this.length }, (_, i) => row[i]));
    if (this.exact.length === EXACT_SERIES_REPLICATIONS) {
      this.sketches = [];
      for (let i = 0; i < this.length; i++) {
        const sorted = this.column(i);
        this.sketches.push(LEVELS.map((p) => new P2Quantile(p, sorted)));
      }
      this.exact = [];
    }
  }

  private column(i: number): Float64Array {
    return Float64Array.from(this.exact.map((r) => r[i]).filter(Number.isFinite)).sort();
  }

  summary(): SeriesSummary {
    const out: SeriesSummary = { mean: [], p10: [], p50: [], p90: [], ciLow: [], ciHigh: [] };
    for (let i = 0; i < this.length; i++) {
      const n = this.count[i];
      const mean = n > 0 ? this.mean[i] : NaN;
      const half = n > 1 ? tQuantile(0.975, n - 1) * Math.sqrt(this.m2[i] / (n - 1) / n) : NaN;
      let p: number[];
      if (this.sketches) p = this.sketches[i].map((s) => s.value);
      else {
        const sorted = this.column(i);
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

/** Aggregates replications of shape T given as flat rows (see layout.ts), in replication order. */
export class RunAccumulator<T = unknown> {
  private scalars: Float64Array;
  private series: SeriesAccumulator[] | null = null;
  count = 0;

  constructor(readonly layout: Layout<T>) {
    this.scalars = new Float64Array(64 * layout.scalarCount);
  }

  /** Adds the next replication: its scalars (layout order) and its series. */
  add(scalars: ArrayLike<number>, series: ArrayLike<number>[]): void {
    const width = this.layout.scalarCount;
    if ((this.count + 1) * width > this.scalars.length) {
      const next = new Float64Array(this.scalars.length * 2);
      next.set(this.scalars);
      this.scalars = next;
    }
    for (let i = 0; i < width; i++) this.scalars[this.count * width + i] = scalars[i];
    this.series ??= series.map((s) => new SeriesAccumulator(s.length));
    series.forEach((s, j) => this.series![j].add(s));
    this.count++;
  }

  /** The values of scalar `index` over all replications so far. */
  values(index: number): Float64Array {
    const width = this.layout.scalarCount;
    return Float64Array.from({ length: this.count }, (_, r) => this.scalars[r * width + index]);
  }

  /** Index of the scalar at `path` (e.g. ['revenue', 'arrEndYen']). */
  scalarIndex(path: string[]): number {
    const key = path.join('.');
    const leaf = this.layout.leaves.find((l) => !l.series && l.path.join('.') === key);
    if (!leaf) throw new Error(`no scalar measure at ${key}`);
    return leaf.index;
  }

  /** Each replication's least-squares slope (change per point) of the series at `path`, in replication order. */
  seriesSlopes(path: string[]): Float64Array {
    const key = path.join('.');
    const leaf = this.layout.leaves.find((l) => l.series && l.path.join('.') === key);
    if (!leaf) throw new Error(`no series at ${key}`);
    return Float64Array.from(this.series?.[leaf.index].slopes ?? []);
  }

  /** Summaries of every measure, in the result's shape. */
  summary(): Aggregated<T> {
    const scalars: Summary[] = [];
    for (let i = 0; i < this.layout.scalarCount; i++) scalars.push(summarize(this.values(i)));
    return rebuild(this.layout, scalars, (this.series ?? []).map((s) => s.summary()));
  }
}
