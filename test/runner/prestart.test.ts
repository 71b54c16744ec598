/**
 * SimPool.prestart: workers started ahead of a run (during an edit's pause) are
 * the ones the run uses, change nothing in its result, and are released after
 * the idle time when no run comes.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { nodePool, nodeWorkerFactory } from '../../src/workers/nodeWorkers.ts';
import { runInline } from '../../src/runner/inline.ts';
import { libraryScenarios } from '../support/scenarios.ts';

const baseline = libraryScenarios().find((s) => s.file === 'baseline.json')!.scenario;
const small = { ...baseline, replications: 12, horizonDays: 120, warmupDays: 60 };
const pools: ReturnType<typeof nodePool>[] = [];
afterAll(() => pools.forEach((p) => p.terminate()));

describe('starting workers ahead of a run', () => {
  it('starts every worker, and the run that follows uses them and is byte-identical to the inline run', async () => {
    let created = 0;
    const factory = nodeWorkerFactory();
    const p = nodePool({ size: 2, idleMs: 60_000, create: () => (created++, factory()) });
    pools.push(p);
    p.prestart();
    expect(p.liveWorkers).toBe(2);
    expect(created).toBe(2);
    const run = await p.run(small);
    expect(created).toBe(2);
    expect(JSON.stringify(run.result)).toBe(JSON.stringify(runInline(small).result));
  });

  it('releases workers that got no run after the idle time', async () => {
    const p = nodePool({ size: 2, idleMs: 200 });
    pools.push(p);
    p.prestart();
    expect(p.liveWorkers).toBe(2);
    await new Promise((r) => setTimeout(r, 600));
    expect(p.liveWorkers).toBe(0);
  });
});
