/**
 * The inline runner behind the Runner interface: the same run as runInline, a
 * replication count that runs a prefix, partials that carry their scenario, and
 * cancellation; the time-left estimate from the measured pace.
 */
import { describe, expect, it } from 'vitest';
import { EtaEstimator, InlineRunner, RunCancelled, runInline, type PartialRun, type RunProgress } from '../../src/runner/index.ts';
import { libraryScenarios } from '../support/scenarios.ts';

const baseline = libraryScenarios().find((s) => s.file === 'baseline.json')!.scenario;
const small = { ...baseline, replications: 6, horizonDays: 90, warmupDays: 30 };

describe('inline runner', () => {
  it('gives the same run as runInline, with the scenario it was computed from', async () => {
    const run = await new InlineRunner().run(small);
    const reference = runInline(small);
    expect(JSON.stringify(run.result)).toBe(JSON.stringify(reference.result));
    expect(run.values).toEqual(reference.values);
    expect(run.scenario).toEqual(small);
  });

  it('runs the first n replications when asked: the same as a scenario of n replications', async () => {
    const run = await new InlineRunner().run(small, { replications: 3 });
    expect(run.scenario.replications).toBe(3);
    expect(JSON.stringify(run.result)).toBe(JSON.stringify(runInline({ ...small, replications: 3 }).result));
    expect(run.values.measures.won).toEqual(runInline(small).values.measures.won.slice(0, 3));
  });

  it('reports progress per replication and partials every k, each with its scenario, then the final one', async () => {
    const progress: RunProgress[] = [];
    const partials: PartialRun[] = [];
    const run = await new InlineRunner(2).run(small, { onProgress: (p) => progress.push(p), onPartial: (p) => partials.push(p) });
    expect(progress.map((p) => p.done)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(progress.at(-1)!.etaMs).toBe(0);
    expect(partials.map((p) => p.result.scenario.replications)).toEqual([2, 4, 6]);
    expect(partials.every((p) => p.scenario === run.scenario)).toBe(true);
    expect(partials.at(-1)!.result).toEqual(run.result);
  });

  it('an abort rejects with RunCancelled and delivers nothing after it', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const run = new InlineRunner().run(small, {
      signal: controller.signal,
      onProgress: (p) => {
        seen.push(p.done);
        if (p.done === 2) controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(RunCancelled);
    expect(seen).toEqual([1, 2]);
  });
});

describe('time left', () => {
  it('is unknown until a pace is measured, and leaves the start-up out of the pace', () => {
    const eta = new EtaEstimator(100);
    // The first replication came after 10 s of start-up, then 1 s per replication;
    // elapsed / done (the estimate before issue 13) would open at 990 s.
    expect(eta.update(1, 10_000)).toBeNaN();
    expect(eta.update(11, 20_000)).toBe(89 * 1000);
    expect(eta.update(51, 60_000)).toBe(49 * 1000);
    expect(eta.update(100, 70_000)).toBe(0);
  });

  it('with several workers, waits for the first round (one replication each) before measuring', () => {
    const eta = new EtaEstimator(100, 4);
    expect(eta.update(1, 10_000)).toBeNaN();
    expect(eta.update(3, 10_100)).toBeNaN();
    expect(eta.update(4, 10_200)).toBeNaN();
    // From then on, 4 replications a second.
    expect(eta.update(12, 12_200)).toBe(22 * 1000);
  });

  it('gives no time left until the pace rests on 8 replications or 5 s after the start-up', () => {
    // As in Chromium: replication 0 carries the start-up, the next ones run while
    // the engine compiles (300 ms, then 200 ms), later ones take 150 ms.
    const eta = new EtaEstimator(200);
    expect(eta.update(1, 330)).toBeNaN();
    expect(eta.update(3, 930)).toBeNaN(); // 2 measured: would say 59 s for about 30 s
    expect(eta.update(7, 1_730)).toBeNaN(); // 6 measured
    // 14 measured: the pace of the later half of them (replications 7-14), 29 s for about 28 s; from replication 1 it would say 35 s.
    expect(eta.update(15, 3_000)).toBeCloseTo(((3_000 - 1_730) / 8) * 185, 6);
    // A slow scenario: 2 replications in 6 s of measurement are enough.
    const slow = new EtaEstimator(50);
    expect(slow.update(1, 4_000)).toBeNaN();
    expect(slow.update(2, 7_000)).toBeNaN();
    expect(slow.update(3, 10_000)).toBe(3_000 * 47);
  });

  it('follows the pace of the later half of the replications measured, not the slow first seconds', () => {
    const eta = new EtaEstimator(100);
    expect(eta.update(4, 10_000)).toBeNaN();
    expect(eta.update(8, 20_000)).toBe(((20_000 - 10_000) / 4) * 92); // 0.4 per second so far
    // Then 1.6 per second: judged on the time since the middle (20 s), 76 left take 47.5 s.
    expect(eta.update(24, 30_000)).toBe(47_500);
  });
});
