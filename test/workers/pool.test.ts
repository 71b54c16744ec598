/**
 * The worker pool in Node: determinism across parallelism and chunking, equality
 * with the inline runner, cancellation and supersession, and faults.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { nodePool } from '../../src/workers/nodeWorkers.ts';
import { RunCancelled, type PartialRun, type RunProgress } from '../../src/runner/types.ts';
import { runInline, simulateRange } from '../../src/runner/inline.ts';
import { packResults, type Rows } from '../../src/runner/rows.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { withHire } from '../../src/montecarlo/compare.ts';
import { libraryScenarios } from '../support/scenarios.ts';
import { BOOT_MS, PER_REPLICATION_MS } from './slowWorker.ts';

const baseline = libraryScenarios().find((s) => s.file === 'baseline.json')!.scenario;
const small = { ...baseline, replications: 12, horizonDays: 120, warmupDays: 60 };
const pools: ReturnType<typeof nodePool>[] = [];
const pool = (options: Parameters<typeof nodePool>[0]) => {
  const p = nodePool({ idleMs: 0, ...options });
  pools.push(p);
  return p;
};
afterAll(() => pools.forEach((p) => p.terminate()));

describe('determinism across parallelism', () => {
  const inline = JSON.stringify(runInline(small).result);

  for (const [size, maxChunk] of [[1, 25], [2, 25], [4, 3], [2, 1]] as const) {
    it(`${size} worker(s), chunks up to ${maxChunk}: byte-identical to the inline run`, async () => {
      const { result } = await pool({ size, maxChunk }).run(small);
      expect(JSON.stringify(result)).toBe(inline);
    });
  }
});

describe('layouts sent once per worker (wire.ts): passes of different shapes on the same workers', () => {
  // Each shape's layout crosses once per worker, then as its number: a number read against another
  // worker's layouts, or a replaced worker's against its predecessor's, gives rows another shape's layout
  // (the values still fit: the series lengths cross with every chunk), so every batch's rows are compared whole.
  const shapes = [small, { ...small, horizonDays: 365, seed: 'shape-365' }, { ...small, horizonDays: 70, seed: 'shape-70' }];
  const json = (x: unknown) => JSON.stringify(x, (_, v: unknown) => (v instanceof Float64Array ? Array.from(v) : v));
  /** Replications [0, 16) of `shape` and one hire, batch by batch: each batch's rows against those packed from separate runs. */
  const pass = async (p: ReturnType<typeof pool>, shape: Scenario) => {
    const scenarios = [shape, withHire(shape, 'fieldSales', 1)];
    const batches: Rows[][] = [];
    await p.runArms(shape, scenarios.slice(1), { from: 0, to: 16, onRows: (b) => batches.push(b) });
    expect(batches.length).toBeGreaterThan(2);
    for (const b of batches) expect(b.map(json)).toEqual(scenarios.map((s) => json(packResults(simulateRange(s, b[0].from, b[0].to), s.horizonDays, b[0].from))));
  };

  for (const [size, maxChunk] of [[1, 3], [2, 2], [4, 1]] as const) {
    it(`${size} worker(s): every batch of every pass, shapes alternating, is the rows of separate runs, layout included`, async () => {
      const p = pool({ size, maxChunk, idleMs: 60_000 });
      for (const k of [0, 1, 0, 2, 1]) await pass(p, shapes[k]);
    }, 120_000);
  }

  it('a worker replaced after a fault starts with no layouts: its first text is read as its own', async () => {
    const p = pool({ size: 1, maxChunk: 3, entry: new URL('./faultyWorker.ts', import.meta.url), idleMs: 60_000 });
    await pass(p, shapes[0]);
    await expect(p.run({ ...small, name: 'die' })).rejects.toThrow(/exited unexpectedly/);
    for (const k of [1, 0]) await pass(p, shapes[k]);
  }, 120_000);
});

describe('stopping on precision', () => {
  const asked = { ...small, replications: 40 };
  const precision = { path: ['revenue', 'arrEndYen'], relative: 0.015 };
  const inline = runInline(asked, undefined, precision);

  it('stops where the inline runner stops, whatever the workers and chunks', async () => {
    expect(inline.scenario.replications).toBeLessThan(asked.replications);
    for (const [size, maxChunk] of [[1, 25], [2, 3], [4, 1]] as const) {
      const run = await pool({ size, maxChunk }).run(asked, { precision });
      expect(run.scenario.replications).toBe(inline.scenario.replications);
      expect(JSON.stringify(run.result)).toBe(JSON.stringify(inline.result));
      expect(run.values).toEqual(inline.values);
    }
  });

  it('the next run on the same workers waits for the chunks the stopped run left in flight, and is exact', async () => {
    const p = pool({ size: 2, maxChunk: 25, idleMs: 60_000 });
    const progress: RunProgress[] = [];
    const stopped = await p.run(asked, { precision, onProgress: (u) => progress.push(u) });
    expect(progress.at(-1)).toMatchObject({ done: stopped.scenario.replications, total: stopped.scenario.replications, etaMs: 0 });
    const next = await p.run(small);
    expect(JSON.stringify(next.result)).toBe(JSON.stringify(runInline(small).result));
    expect(p.liveWorkers).toBe(2);
  });
});

describe('paired runs', () => {
  it('keep each replication\'s compared measures, in order, exactly as the inline runner does', async () => {
    const variant = withHire(small, 'insideSales', 2);
    const p = pool({ size: 2, maxChunk: 2 });
    for (const s of [small, variant]) {
      const paired = await p.run(s);
      const inline = runInline(s);
      expect(paired.values).toEqual(inline.values);
      expect(JSON.stringify(paired.result)).toBe(JSON.stringify(inline.result));
      expect(paired.values.measures.arrEndYen).toHaveLength(small.replications);
      expect(paired.values.controls.every((c) => c.length === small.replications)).toBe(true);
    }
  });
});

describe('streaming, cancellation and supersession', () => {
  it('reports progress with partial aggregates while the run goes on', async () => {
    // Progress and partials come apart now; with partialEveryMs 0 each update has its partial.
    // One worker and chunks of one replication: each chunk is its own message, so updates come one by one.
    // (Two workers with chunks of 2 could finish all 12 before the page drained the first: CI once saw one update.)
    const updates: (RunProgress & { partial?: PartialRun })[] = [];
    const p = pool({ size: 1, maxChunk: 1, partialEveryMs: 0 });
    await p.run(small, { onProgress: (u) => updates.push(u), onPartial: (partial) => (updates.at(-1)!.partial = partial) });
    expect(updates.length).toBeGreaterThan(2);
    expect(updates.map((u) => u.done)).toEqual([...updates.map((u) => u.done)].sort((a, b) => a - b));
    expect(updates.at(-1)!.done).toBe(small.replications);
    expect(updates[0].partial?.result.scenario.replications).toBe(updates[0].done);
  });

  it('a chunk ends at the 10th replication, so a picture resting on 10 comes as soon as they are done', async () => {
    const dones: number[] = [];
    const run = await pool({ size: 1, maxChunk: 25, partialEveryMs: 0 }).run({ ...small, replications: 16 }, { onProgress: (u) => dones.push(u.done) });
    expect(dones.slice(0, 4)).toEqual([1, 3, 7, 10]);
    expect(JSON.stringify(run.result)).toBe(JSON.stringify(runInline({ ...small, replications: 16 }).result));
  });

  it('a superseded run delivers nothing after the new run starts, and rejects as cancelled', async () => {
    const p = pool({ size: 2, maxChunk: 1, partialEveryMs: 0 });
    const events: string[] = [];
    const first = p.run({ ...small, replications: 40 }, { onProgress: () => events.push('old') });
    await new Promise((r) => setTimeout(r, 300));
    events.push('new started');
    const second = p.run(small, { onProgress: () => events.push('new') });
    await expect(first).rejects.toBeInstanceOf(RunCancelled);
    await second;
    expect(events.slice(events.indexOf('new started'))).not.toContain('old');
    expect(events).toContain('new');
  });

  it('an aborted run rejects and releases its workers', async () => {
    const p = pool({ size: 2, maxChunk: 1 });
    const controller = new AbortController();
    const run = p.run({ ...small, replications: 40 }, { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 300));
    controller.abort();
    await expect(run).rejects.toBeInstanceOf(RunCancelled);
    await new Promise((r) => setTimeout(r, 50));
    expect(p.liveWorkers).toBe(0);
  });
});

describe('faults', () => {
  const faulty = new URL('./faultyWorker.ts', import.meta.url);
  // The hang limit until a replication is measured. A run's first chunk is up to 5
  // replications (the picture on 10 shared by 2 workers) in a fresh worker, still in
  // V8's slow tiers: at load 10 on 2 cores that took over 1.5 s (2 failures in 10
  // runs of this block), so the limit leaves room for it.
  const HANG_MS = 6000;
  for (const [name, message] of [
    ['throw', /threw: boom in the engine/],
    ['hang', new RegExp(`did not answer within ${HANG_MS} ms`)],
    ['die', /exited unexpectedly with code 3/],
  ] as const) {
    it(`a worker that is made to ${name} fails the run with a clear error, and the pool works afterwards`, async () => {
      // Start-up (tsx compiles the worker: over 1.5 s on a loaded 2-core machine)
      // has its own limit, so the hang limit can be short.
      const p = pool({ size: 2, entry: faulty, chunkTimeoutMs: HANG_MS });
      await expect(p.run({ ...small, name })).rejects.toThrow(message);
      const ok = await p.run(small);
      expect(ok.result.scenario.replications).toBe(small.replications);
    });
  }
});

describe('time limits: start-up apart from work, and a hang limit that follows the work', () => {
  const slow = new URL('./slowWorker.ts', import.meta.url);

  it(`a worker that takes ${BOOT_MS} ms to boot is not a hang, even with a shorter chunk limit`, async () => {
    const p = pool({ size: 1, entry: slow, chunkTimeoutMs: BOOT_MS / 2 });
    const { result } = await p.run(small);
    expect(JSON.stringify(result)).toBe(JSON.stringify(runInline(small).result));
  });

  it('a worker that does not say it is ready within the start-up limit fails the run, naming start-up', async () => {
    const p = pool({ size: 1, entry: slow, startTimeoutMs: BOOT_MS / 4 });
    await expect(p.run(small)).rejects.toThrow(`simulation worker did not start within ${BOOT_MS / 4} ms; it was stopped`);
  });

  it('chunks that take longer than the base limit, in proportion to the replications measured, are not hangs', async () => {
    // 12 replications on one worker come in chunks of 1, 2, 3, ...: a chunk of 3 takes
    // at least 3 x PER_REPLICATION_MS, over the base limit; the first chunk fits in it.
    const limit = Math.round(2.5 * PER_REPLICATION_MS);
    const p = pool({ size: 1, entry: slow, chunkTimeoutMs: limit });
    const scenario = { ...small, name: 'slow' };
    const { result } = await p.run(scenario);
    expect(JSON.stringify(result)).toBe(JSON.stringify(runInline(scenario).result));
  });
});

describe('a worker that ends without an error event', () => {
  it('during start-up fails the run at once, not after the start-up limit', async () => {
    const p = pool({ size: 2, entry: new URL('./exitAtBootWorker.ts', import.meta.url), startTimeoutMs: 10 * 60_000 });
    await expect(p.run(small)).rejects.toThrow(/exited unexpectedly with code 0/);
  }, 30_000);
});
