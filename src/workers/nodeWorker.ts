/** Node worker-thread entry: exposes the simulation API to the parent thread. */
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { api } from './simWorker.ts';

if (!parentPort) throw new Error('nodeWorker.ts must run in a worker thread');
Comlink.expose(api, nodeEndpoint(parentPort as unknown as Parameters<typeof nodeEndpoint>[0]));
