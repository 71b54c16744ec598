/**
 * The pool's time left against the time a run really took, on workers whose pace
 * is known: each replication takes PER_REPLICATION_MS of a worker's time, and a
 * worker's first chunk in a run carries a start-up (booting, the engine compiling).
 * Before 2026-11-26's fifth update the pool read its pace from the count of
 * replications aggregated, which moves in jumps when workers answer side by side:
 * in Chromium its first time left was 1 s for 10 s, 2 s for 4.2 s, or 30 s for 10 s.
 * Simulated time (fake timers), so the figures are exact and the test is quick.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Remote } from 'comlink';
import { SimPool, type WorkerHandle } from '../../src/workers/pool.ts';
import type { SimWorkerApi } from '../../src/workers/simWorker.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import type { RunProgress } from '../../src/runner/types.ts';
import { packResults } from '../../src/runner/rows.ts';
import { packChunk } from '../../src/workers/wire.ts';
import { simulateReplication } from '../../src/engine/simulate.ts';
import { libraryScenarios } from '../support/scenarios.ts';

const baseline = libraryScenarios().find((s) => s.file === 'baseline.json')!.scenario;
const small: Scenario = { ...baseline, replications: 200, horizonDays: 60, warmupDays: 30 };
// One replication's result, repeated: what the rows hold does not matter here, only when they come.
const one = simulateReplication(small, 0);

const PER_REPLICATION_MS = 40;
/** A worker's start-up: its boot, and the extra time of its first chunk in a run. */
const BOOT_MS = 150;
const FIRST_CHUNK_EXTRA_MS = 120;

/** A worker in simulated time: a chunk of n replications answers after n x PER_REPLICATION_MS (more for its first). */
function fakeWorker(): WorkerHandle {
  let chunks = 0;
  const api = {
    runChunk: (s: Scenario, from: number, to: number) =>
      new Promise((resolve) => {
        const ms = (to - from) * PER_REPLICATION_MS + (chunks++ === 0 ? FIRST_CHUNK_EXTRA_MS : 0);
        setTimeout(() => resolve(packChunk([packResults(Array.from({ length: to - from }, () => one), s.horizonDays, from)])), ms);
      }),
  };
  return {
    api: api as unknown as Remote<SimWorkerApi>,
    terminate: () => {},
    onFailure: () => {},
    ready: new Promise((resolve) => setTimeout(resolve, BOOT_MS)),
  };
}

/** Runs `small` on `workers` fake workers: every progress report with its simulated time, and when the run ended. */
async function timedRun(workers: number): Promise<{ seen: (RunProgress & { at: number })[]; end: number }> {
  const pool = new SimPool({ size: workers, create: fakeWorker, idleMs: 0, now: () => Date.now() });
  const seen: (RunProgress & { at: number })[] = [];
  let ended = false;
  const run = pool.run(small, { onProgress: (p) => seen.push({ ...p, at: Date.now() }) }).finally(() => (ended = true));
  while (!ended) await vi.advanceTimersByTimeAsync(5);
  await run;
  return { seen, end: Date.now() };
}

describe("the pool's time left", () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  for (const workers of [1, 2, 4]) {
    it(`${workers} worker(s): the first time left shown, and each one after, is within 15% of the time the run really took from then`, async () => {
      const { seen, end } = await timedRun(workers);
      const shown = seen.filter((p) => Number.isFinite(p.etaMs) && p.done < p.total);
      expect(shown.length).toBeGreaterThan(3);
      // Shown early: in the first half of the run.
      expect(shown[0].at).toBeLessThan(end / 2);
      for (const p of shown) {
        const really = end - p.at;
        // 15%, or one replication's time for the last few.
        expect(Math.abs(p.etaMs - really), `at ${p.at} ms (${p.done} done): ${p.etaMs} ms shown, ${really} ms really`).toBeLessThanOrEqual(Math.max(0.15 * really, PER_REPLICATION_MS));
      }
    });
  }
});
