/** Statistics across replications: percentiles, t quantiles, intervals, streaming quantiles. */
import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { percentileSorted, probabilityAtLeast, summarize, tQuantile } from '../../src/montecarlo/stats.ts';
import { P2Quantile } from '../../src/montecarlo/p2.ts';
import { RunAccumulator, EXACT_SERIES_REPLICATIONS } from '../../src/montecarlo/accumulator.ts';

describe('percentiles and intervals', () => {
  it('type-7 percentiles match a spreadsheet: P10/P50/P90 of 1..10 are 1.9, 5.5, 9.1', () => {
    const xs = Float64Array.from({ length: 10 }, (_, i) => i + 1);
    expect([0.1, 0.5, 0.9].map((p) => percentileSorted(xs, p))).toEqual([1.9, 5.5, 9.1]);
  });

  // Exact values from numerical integration of the t density.
  const table: [number, number, number][] = [
    [0.975, 3, 3.182446], [0.975, 10, 2.228139], [0.975, 39, 2.022691], [0.995, 39, 2.707913], [0.975, 199, 1.971957], [0.9999, 40, 4.094207], [0.99984375, 39, 3.955774],
  ];
  for (const [p, df, exact] of table) {
    it(`Student t quantile ${p} with ${df} degrees of freedom is ${exact}`, () => {
      expect(tQuantile(p, df)).toBeCloseTo(exact, df < 5 ? 1 : 2);
    });
  }

  it('summary of 2, 4, 4, 4, 5, 5, 7, 9: mean 5, sd 2.138, 95% CI of the mean 5 +- 1.787', () => {
    const s = summarize([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(s.mean).toBe(5);
    expect(s.sd).toBeCloseTo(2.13809, 5);
    expect(s.ciHigh - s.mean).toBeCloseTo(2.364624 * (2.13809 / Math.sqrt(8)), 2);
    expect(s.p50).toBe(4.5);
  });

  it('undefined values (NaN) are left out and counted', () => {
    const s = summarize([1, NaN, 3]);
    expect(s.n).toBe(2);
    expect(s.mean).toBe(2);
    expect(probabilityAtLeast([1, 2, 3, NaN], 2)).toBeCloseTo(2 / 3, 12);
  });
});

describe('streaming quantiles (P-square)', () => {
  it('after 20,000 exponential draws, P10/P50/P90 estimates are within 2% of the exact quantiles', () => {
    const u = seedrandom.xor128('p2');
    const draws = Array.from({ length: 20_000 }, () => -Math.log(1 - u()));
    const start = Float64Array.from(draws.slice(0, 256)).sort();
    for (const p of [0.1, 0.5, 0.9]) {
      const sketch = new P2Quantile(p, start);
      for (const x of draws.slice(256)) sketch.add(x);
      const exact = -Math.log(1 - p);
      expect(Math.abs(sketch.value - exact) / exact).toBeLessThan(0.02);
    }
  });
});

describe('accumulator', () => {
  const layout = { leaves: [{ path: ['x'], series: false, index: 0 }, { path: ['s'], series: true, index: 0 }], scalarCount: 1, seriesCount: 1 };
  it(`series percentiles are exact up to ${EXACT_SERIES_REPLICATIONS} replications`, () => {
    const acc = new RunAccumulator(layout);
    for (let r = 0; r < 100; r++) acc.add([r], [[r, 2 * r]]);
    const s = acc.summary() as { x: { p50: number }; s: { p50: number[]; p90: number[]; mean: number[] } };
    expect(s.x.p50).toBe(49.5);
    expect(s.s.p50).toEqual([49.5, 99]);
    expect(s.s.p90).toEqual([89.10000000000001, 178.20000000000002]);
    expect(s.s.mean).toEqual([49.5, 99]);
  });
  it('beyond that, memory per series point stays fixed and the median stays close', () => {
    const acc = new RunAccumulator(layout);
    const u = seedrandom.xor128('acc');
    for (let r = 0; r < 5000; r++) acc.add([r], [[u()]]);
    const s = acc.summary() as { s: { p50: number[] } };
    expect(Math.abs(s.s.p50[0] - 0.5)).toBeLessThan(0.02);
  });
  it('summaries taken as replications stream in equal, bit for bit, those of the stored values sorted afresh (NaN, ties, -0 and +0 included)', () => {
    const acc = new RunAccumulator(layout);
    const u = seedrandom.xor128('stream');
    const pool = [NaN, -0, 0, 1, 1, 2.5, -3, 1e9 + 0.1];
    const draw = () => (u() < 0.5 ? pool[Math.floor(u() * pool.length)] : (u() - 0.5) * 100);
    const xs: number[] = [];
    const ss: number[] = [];
    for (let r = 0; r < EXACT_SERIES_REPLICATIONS; r++) {
      const x = draw(), y = draw();
      xs.push(x);
      ss.push(y);
      acc.add([x], [[y]]);
      // Summaries at irregular points, as partial results come.
      if (u() < 0.2 || r === EXACT_SERIES_REPLICATIONS - 2) {
        const s = acc.summary() as { x: unknown; s: { p10: number[]; p50: number[]; p90: number[] } };
        expect(s.x).toEqual(summarize(xs));
        const sorted = Float64Array.from(ss.filter(Number.isFinite)).sort();
        expect([s.s.p10[0], s.s.p50[0], s.s.p90[0]]).toEqual([0.1, 0.5, 0.9].map((p) => percentileSorted(sorted, p)));
      }
    }
    for (let r = 0; r < 300; r++) {
      const x = draw();
      xs.push(x);
      acc.add([x], [[draw()]]);
    }
    expect((acc.summary() as { x: unknown }).x).toEqual(summarize(xs));
  });
  it('a series of several points, some undefined in some replications, summarised at irregular points and never: each point reads the percentiles of its values sorted afresh, then the estimates started from them', () => {
    const points = 5;
    const several = { leaves: [{ path: ['s'], series: true, index: 0 }], scalarCount: 0, seriesCount: 1 };
    const often = new RunAccumulator(several);
    const never = new RunAccumulator(several);
    const u = seedrandom.xor128('points');
    const pool = [NaN, -0, 0, 1, 1, 2.5, -3];
    // Point 0 is rarely defined, point 1 half the time: points hold different counts of values.
    const draw = (i: number, r: number) => ((i === 0 && r % 40) || (i === 1 && u() < 0.5) ? NaN : u() < 0.4 ? pool[Math.floor(u() * pool.length)] : (u() - 0.5) * 100);
    const columns: number[][] = Array.from({ length: points }, () => []);
    const reference = (i: number, p: number) => percentileSorted(Float64Array.from(columns[i].filter(Number.isFinite)).sort(), p);
    for (let r = 0; r < EXACT_SERIES_REPLICATIONS; r++) {
      const row = Array.from({ length: points }, (_, i) => draw(i, r));
      row.forEach((x, i) => columns[i].push(x));
      often.add([], [row]);
      never.add([], [row]);
      if (u() < 0.15) {
        const s = (often.summary() as { s: { p10: number[]; p50: number[]; p90: number[] } }).s;
        for (let i = 0; i < points; i++) expect([s.p10[i], s.p50[i], s.p90[i]]).toEqual([0.1, 0.5, 0.9].map((p) => reference(i, p)));
      }
    }
    // From here on, estimates started from each point's values then.
    const sketches = columns.map((c) => {
      const sorted = Float64Array.from(c.filter(Number.isFinite)).sort();
      return [0.1, 0.5, 0.9].map((p) => new P2Quantile(p, sorted));
    });
    for (let r = 0; r < 100; r++) {
      const row = Array.from({ length: points }, (_, i) => draw(i, r));
      row.forEach((x, i) => Number.isFinite(x) && sketches[i].forEach((q) => q.add(x)));
      often.add([], [row]);
      never.add([], [row]);
    }
    const s = (often.summary() as { s: { p10: number[]; p50: number[]; p90: number[] } }).s;
    for (let i = 0; i < points; i++) expect([s.p10[i], s.p50[i], s.p90[i]]).toEqual(sketches[i].map((q) => q.value));
    expect(never.summary()).toEqual(often.summary());
  });
});

describe('accumulator: a series point with fewer than 5 values at the switch to estimates', () => {
  it('keeps that point exact until it has 5 values, then starts its estimates from them (never throws)', () => {
    const several = { leaves: [{ path: ['s'], series: true, index: 0 }], scalarCount: 0, seriesCount: 1 };
    const acc = new RunAccumulator(several);
    const u = seedrandom.xor128('few');
    // Point 0: defined in 2 replications before the switch, then every 50th (300, 350, ...); point 1: never; point 2: always.
    const draw = (i: number, r: number) => (i === 1 || (i === 0 && r !== 3 && r !== 100 && (r < EXACT_SERIES_REPLICATIONS || r % 50)) ? NaN : (u() - 0.5) * 100);
    const columns: number[][] = [[], [], []];
    const summaryAt = () => (acc.summary() as { s: { p10: number[]; p50: number[]; p90: number[]; mean: number[] } }).s;
    const exact = (i: number) => [0.1, 0.5, 0.9].map((p) => percentileSorted(Float64Array.from(columns[i]).sort(), p));
    let sketches: P2Quantile[] | null = null;
    for (let r = 0; r < 700; r++) {
      const row = [0, 1, 2].map((i) => draw(i, r));
      row.forEach((x, i) => Number.isFinite(x) && columns[i].push(x));
      if (sketches && Number.isFinite(row[0])) sketches.forEach((q) => q.add(row[0]));
      if (!sketches && columns[0].length === 5) sketches = [0.1, 0.5, 0.9].map((p) => new P2Quantile(p, Float64Array.from(columns[0]).sort()));
      acc.add([], [row]);
      if (r === EXACT_SERIES_REPLICATIONS + 10 || r === 380) {
        // 2, then 4 values: the point's own exact percentiles.
        const s = summaryAt();
        expect([s.p10[0], s.p50[0], s.p90[0]]).toEqual(exact(0));
        expect([s.p10[1], s.p50[1], s.p90[1]]).toEqual([NaN, NaN, NaN]);
      }
    }
    // 2 + 8 values: estimates started from its first 5 (sorted), as at the switch for the other points.
    expect(columns[0].length).toBe(10);
    const s = summaryAt();
    expect([s.p10[0], s.p50[0], s.p90[0]]).toEqual(sketches!.map((q) => q.value));
    expect(s.mean[1]).toBeNaN();
    expect(Number.isFinite(s.p50[2])).toBe(true);
  });
});

describe('accumulator: replications added in blocks', () => {
  it('blocks of irregular sizes (across the switch to estimates, NaN included) give the summaries and slopes of adding each replication, bit for bit', () => {
    const layout = { leaves: [{ path: ['x'], series: false, index: 0 }, { path: ['y'], series: false, index: 1 }, { path: ['s'], series: true, index: 0 }, { path: ['t'], series: true, index: 1 }], scalarCount: 2, seriesCount: 2 };
    const one = new RunAccumulator(layout);
    const blocks = new RunAccumulator(layout);
    const u = seedrandom.xor128('blocks');
    const value = () => (u() < 0.1 ? NaN : (u() - 0.5) * 100);
    let r = 0;
    const summaries = () => [JSON.stringify(one.summary()), JSON.stringify(one.seriesSlopes(['t']))];
    const blockSummaries = () => [JSON.stringify(blocks.summary()), JSON.stringify(blocks.seriesSlopes(['t']))];
    while (r < 600) {
      const rows = 1 + Math.floor(u() * 40);
      const scalars = Float64Array.from({ length: rows * 2 }, value);
      const s = Float64Array.from({ length: rows * 3 }, value);
      const t = Float64Array.from({ length: rows * 5 }, value);
      for (let k = 0; k < rows; k++) one.add(scalars.subarray(2 * k, 2 * k + 2), [s.subarray(3 * k, 3 * k + 3), t.subarray(5 * k, 5 * k + 5)]);
      blocks.addBlock(scalars, [s, t], rows);
      r += rows;
      if (u() < 0.2) expect(blockSummaries()).toEqual(summaries());
    }
    expect(blocks.count).toBe(one.count);
    expect(blockSummaries()).toEqual(summaries());
  });
});
