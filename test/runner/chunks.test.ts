/**
 * How the pool deals replications (workers/pool.ts chunkPlan): every replication
 * once, in order; with several workers the first 10 in equal shares (one
 * replication first, then doubling, with one worker); a chunk ending at 10. And what it changes:
 * nothing in the result (byte-identical to the inline run with 1, 2 and 4
 * workers), and the first picture resting on 10 is summarised at once, whatever
 * the pacing of partial results.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { chunkPlan, FIRST_STEADY_PICTURE } from '../../src/workers/pool.ts';
import { nodePool } from '../../src/workers/nodeWorkers.ts';
import { runInline } from '../../src/runner/inline.ts';
import { libraryScenarios } from '../support/scenarios.ts';

const baseline = libraryScenarios().find((s) => s.file === 'baseline.json')!.scenario;
const small = { ...baseline, replications: 30, horizonDays: 120, warmupDays: 60 };
const pools: ReturnType<typeof nodePool>[] = [];
afterAll(() => pools.forEach((p) => p.terminate()));

describe('the chunk plan', () => {
  it('covers every replication once, in order, with a chunk ending at the 10th', () => {
    for (const total of [1, 2, 3, 9, 10, 11, 40, 200, 1000])
      for (const workers of [1, 2, 3, 4, 8])
        for (const maxChunk of [1, 3, 25]) {
          const plan = chunkPlan(total, workers, maxChunk);
          expect(plan[0][0]).toBe(0);
          expect(plan.at(-1)![1]).toBe(total);
          plan.forEach(([from, to], i) => {
            expect(to).toBeGreaterThan(from);
            if (i > 0) expect(from).toBe(plan[i - 1][1]);
            if (from >= FIRST_STEADY_PICTURE) expect(to - from).toBeLessThanOrEqual(maxChunk);
          });
          if (total > FIRST_STEADY_PICTURE) expect(plan.some(([, to]) => to === FIRST_STEADY_PICTURE)).toBe(true);
        }
  });

  it('with several workers, deals the first 10 in equal shares, one per worker, with nothing before them', () => {
    const sizes = (total: number, workers: number) => chunkPlan(total, workers, 25).map(([from, to]) => to - from);
    // Until the fifth update: [1, 1, 4, 4] and [1, 1, 1, 1, 2, 2, 1, 1] (a first round of one replication each).
    expect(sizes(200, 2).slice(0, 4)).toEqual([5, 5, 10, 20]);
    expect(sizes(200, 4).slice(0, 4)).toEqual([3, 3, 2, 2]);
    // One worker has nothing to balance: doubling chunks give pictures at 1, 3, 7 and 10.
    expect(sizes(200, 1).slice(0, 4)).toEqual([1, 2, 4, 3]);
  });

  it('shrinks towards the end, so no worker idles long while another finishes a large chunk', () => {
    const plan = chunkPlan(200, 2, 25);
    expect(plan.at(-1)![1] - plan.at(-1)![0]).toBe(1);
    expect(Math.max(...plan.filter(([from]) => from >= 150).map(([from, to]) => to - from))).toBeLessThanOrEqual(7);
  });
});

describe('dealt by the plan', () => {
  const inline = JSON.stringify(runInline(small).result);

  for (const size of [1, 2, 4]) {
    it(`${size} worker(s): byte-identical to the inline run`, async () => {
      const p = nodePool({ size, idleMs: 0 });
      pools.push(p);
      expect(JSON.stringify((await p.run(small)).result)).toBe(inline);
    });
  }

  it('summarises the first picture resting on 10 at once, however long the gap between partials', async () => {
    // One worker: chunks come back in order (1, 3, 7, 10, ...), each drained on its own.
    const p = nodePool({ size: 1, idleMs: 0, partialEveryMs: 600_000 });
    pools.push(p);
    const counts: number[] = [];
    await p.run(small, { onPartial: (x) => counts.push(x.result.scenario.replications) });
    expect(counts).toEqual([1, FIRST_STEADY_PICTURE, small.replications]);
  });
});
