/**
 * A worker for the time-limit tests: it boots slowly (BOOT_MS, like a busy
 * machine starting a worker), then behaves like the simulation worker, except
 * that scenarios named "slow" take at least PER_REPLICATION_MS per replication.
 */
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { api } from '../../src/workers/simWorker.ts';
import type { Scenario } from '../../src/scenario/types.ts';

/** How long the worker takes to boot. */
export const BOOT_MS = 2000;
/**
 * The least time a replication of a "slow" scenario takes. Large next to the real
 * replication's own time: a limit of 2.5 x this must hold a first chunk (one sleep
 * plus a fresh worker's first replication, still in V8's slow tiers). At 400 the
 * 1,000 ms limit was missed at load 20 on 2 cores.
 */
export const PER_REPLICATION_MS = 800;

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

if (parentPort) {
  sleep(BOOT_MS);
  const slow = {
    ...api,
    runChunk(scenario: Scenario, from: number, to: number) {
      if (scenario.name === 'slow') sleep(PER_REPLICATION_MS * (to - from));
      return api.runChunk(scenario, from, to);
    },
  };
  Comlink.expose(slow, nodeEndpoint(parentPort as unknown as Parameters<typeof nodeEndpoint>[0]));
}
