/**
 * A worker for fault tests: behaves like the simulation worker except for
 * scenarios named "throw" (throws), "hang" (never answers) or "die" (exits).
 */
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { api } from '../../src/workers/simWorker.ts';
import type { Scenario } from '../../src/scenario/types.ts';

const faulty = {
  ...api,
  runChunk(scenario: Scenario, from: number, to: number) {
    if (scenario.name === 'throw') throw new Error('boom in the engine');
    if (scenario.name === 'hang') for (;;);
    if (scenario.name === 'die') process.exit(3);
    return api.runChunk(scenario, from, to);
  },
};

Comlink.expose(faulty, nodeEndpoint(parentPort as unknown as Parameters<typeof nodeEndpoint>[0]));
