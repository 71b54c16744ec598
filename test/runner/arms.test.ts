/**
 * Runner.runArms: a base and its arms over replications [from, to), one warm-up
 * per replication, give exactly the rows of separate runs, inline and on the
 * worker pool with 1, 2 and 4 workers and any chunking; and runs grown from
 * consecutive ranges are the runs of the whole range.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { nodePool } from '../../src/workers/nodeWorkers.ts';
import { GrowingRun, inlineRunner, packResults, runArmsInline, runInline, simulateRange, type Rows } from '../../src/runner/index.ts';
import { concatRows, growArms } from '../../src/runner/rows.ts';
import { withHire } from '../../src/montecarlo/compare.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { libraryScenarios } from '../support/scenarios.ts';

const base: Scenario = { ...libraryScenarios().find((s) => s.file === 'is-too-strong.json')!.scenario, horizonDays: 120, warmupDays: 200, replications: 7 };
// Three that share the warm-up (a hire on day 0, a later requisition, Marketing growing) and one that does not (another headcount).
const arms: Scenario[] = [
  withHire(base, 'fieldSales', 1),
  { ...base, hiring: [{ department: 'customerSuccess', day: 30, change: 2, rampDays: 20, rampShape: 'ladder', from: 'requisition' }] },
  withHire(base, 'marketing', 2),
  { ...base, insideSales: { ...base.insideSales, headcount: base.insideSales.headcount + 1 } },
];
const separate = (s: Scenario, from: number, to: number): Rows => packResults(simulateRange(s, from, to), s.horizonDays, from);
const json = (x: unknown) => JSON.stringify(x, (_, v: unknown) => (v instanceof Float64Array ? Array.from(v) : v));

const pools: ReturnType<typeof nodePool>[] = [];
afterAll(() => pools.forEach((p) => p.terminate()));

describe('runArms', () => {
  const expected = [base, ...arms].map((s) => json(separate(s, 2, 7)));

  it('inline: rows of replications [2, 7) of each scenario are those of separate runs', async () => {
    const rows = await inlineRunner.runArms!(base, arms, { from: 2, to: 7 });
    expect(rows.map(json)).toEqual(expected);
  });

  for (const [size, maxChunk] of [[1, 25], [2, 2], [4, 1]] as const) {
    it(`pool of ${size}, chunks up to ${maxChunk}: the same rows`, async () => {
      const p = nodePool({ idleMs: 0, size, maxChunk });
      pools.push(p);
      const progress: number[] = [];
      const rows = await p.runArms(base, arms, { from: 2, to: 7, onProgress: (x) => progress.push(x.done) });
      expect(rows.map(json)).toEqual(expected);
      expect(progress.at(-1)).toBe(5);
    }, 120_000);
  }

  it('with onRows, the pool hands each batch on in replication order as it is complete, keeps none, and the batches are the same rows', async () => {
    const p = nodePool({ idleMs: 0, size: 2, maxChunk: 2 });
    pools.push(p);
    const batches: Rows[][] = [];
    const rows = await p.runArms(base, arms, { from: 2, to: 7, onRows: (b) => batches.push(b) });
    expect(rows).toEqual([]);
    expect(batches.length).toBeGreaterThan(1);
    batches.forEach((b, k) => expect(b[0].from).toBe(k === 0 ? 2 : batches[k - 1][0].to));
    expect([base, ...arms].map((_, i) => json(concatRows(batches.map((b) => b[i]))))).toEqual(expected);
  }, 120_000);

  it('growArms: runs grown batch by batch (pool and inline) are the runs of the whole range, and their compared values need no summary', async () => {
    const p = nodePool({ idleMs: 0, size: 2, maxChunk: 2 });
    pools.push(p);
    for (const runner of [p, inlineRunner]) {
      const grown = [base, arms[0]].map((s) => new GrowingRun(s));
      await growArms(runner, grown, { from: 0, to: 7 });
      expect(json(grown[1].values())).toBe(json(runInline(arms[0], 7).values));
      expect(json(grown[0].run())).toBe(json(runInline(base, 7)));
    }
  }, 120_000);

  it('a run grown from [0, 3) then [3, 7) is the run of 7', () => {
    for (const s of [base, arms[0]]) {
      const grown = new GrowingRun(s);
      grown.add(runArmsInline(base, arms, { from: 0, to: 3 })[s === base ? 0 : 1]);
      grown.add(runArmsInline(base, arms, { from: 3, to: 7 })[s === base ? 0 : 1]);
      expect(json(grown.run())).toBe(json(runInline(s, 7)));
    }
  });

  it("a grown run's compared values are read once: run() hands back those values() read for pairing, until rows are added", () => {
    const grown = new GrowingRun(arms[0]);
    grown.add(runArmsInline(base, arms, { from: 0, to: 3 })[1]);
    const paired = grown.values();
    expect(grown.run().values).toBe(paired);
    expect(grown.values()).toBe(paired);
    grown.add(runArmsInline(base, arms, { from: 3, to: 7 })[1]);
    expect(grown.values()).not.toBe(paired);
    expect(json(grown.run().values)).toBe(json(runInline(arms[0], 7).values));
  });

  it('rejects a range in the wrong order, and a row added out of order', () => {
    expect(() => runArmsInline(base, arms, { from: 3, to: 3 })).toThrow(/range/);
    const grown = new GrowingRun(base);
    expect(() => grown.add(separate(base, 1, 2))).toThrow(/from 0/);
  });
});
