/**
 * A run stopped by its caller keeps every replication it finished: the pool hands
 * over, inside the abort, the partial aggregate of all the replications finished in
 * order before it, not only the last partial it happened to summarise (every
 * partialEveryMs), and that partial is the run of those replications, byte for byte.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { nodePool } from '../../src/workers/nodeWorkers.ts';
import { RunCancelled, withReplications, type PartialRun, type RunProgress } from '../../src/runner/types.ts';
import { runInline } from '../../src/runner/inline.ts';
import { libraryScenarios } from '../support/scenarios.ts';

const baseline = libraryScenarios().find((s) => s.file === 'baseline.json')!.scenario;
const small = { ...baseline, replications: 40, horizonDays: 120, warmupDays: 60 };
const pools: ReturnType<typeof nodePool>[] = [];
afterAll(() => pools.forEach((p) => p.terminate()));

/** Resolves once `ok()` holds, polling every few ms. */
async function until(ok: () => boolean): Promise<void> {
  while (!ok()) await new Promise((r) => setTimeout(r, 5));
}

describe('stopping a run', () => {
  it('hands over the partial of every replication finished before the stop, though the last summary rested on fewer', async () => {
    // Partials at most every 10^9 ms: the only one made before the stop is the first (1 replication).
    const p = nodePool({ size: 1, maxChunk: 1, idleMs: 0, partialEveryMs: 1e9 });
    pools.push(p);
    const controller = new AbortController();
    const progress: RunProgress[] = [];
    const partials: PartialRun[] = [];
    const run = p.run(small, { signal: controller.signal, onProgress: (u) => progress.push(u), onPartial: (x) => partials.push(x) });
    await until(() => (progress.at(-1)?.done ?? 0) >= 3);
    const before = partials.length;
    controller.abort();
    await expect(run).rejects.toBeInstanceOf(RunCancelled);
    const done = progress.at(-1)!.done;
    expect(partials[before - 1].result.scenario.replications).toBe(1);
    expect(partials).toHaveLength(before + 1);
    const last = partials.at(-1)!;
    expect(last.result.scenario.replications).toBe(done);
    expect(done).toBeGreaterThanOrEqual(3);
    expect(done).toBeLessThan(small.replications);
    expect(JSON.stringify(last.result)).toBe(JSON.stringify(runInline(withReplications(small, done)).result));
  });

  it('hands over nothing more when the last partial already rests on every finished replication', async () => {
    const p = nodePool({ size: 1, maxChunk: 1, idleMs: 0, partialEveryMs: 0 });
    pools.push(p);
    const controller = new AbortController();
    const partials: PartialRun[] = [];
    let atStop = -1;
    // Stopped inside the partial of 2 or more replications (a partial can be skipped when the
    // one before took long to summarise: the pool waits 4x its cost), with nothing finished since.
    const run = p.run(small, {
      signal: controller.signal,
      onPartial: (x) => {
        partials.push(x);
        if (atStop < 0 && x.result.scenario.replications >= 2) {
          atStop = partials.length;
          controller.abort();
        }
      },
    });
    await expect(run).rejects.toBeInstanceOf(RunCancelled);
    expect(atStop).toBeGreaterThan(0);
    expect(partials).toHaveLength(atStop);
  });

  it('a superseded run hands over nothing: only a stop by its caller does', async () => {
    const p = nodePool({ size: 1, maxChunk: 1, idleMs: 0, partialEveryMs: 1e9 });
    pools.push(p);
    const progress: RunProgress[] = [];
    const partials: PartialRun[] = [];
    const first = p.run(small, { onProgress: (u) => progress.push(u), onPartial: (x) => partials.push(x) });
    await until(() => (progress.at(-1)?.done ?? 0) >= 3);
    const seen = partials.length;
    const second = p.run({ ...small, replications: 2 });
    await expect(first).rejects.toBeInstanceOf(RunCancelled);
    await second;
    expect(partials).toHaveLength(seen);
  });
});
