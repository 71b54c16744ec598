/** Worker threads for the pool in Node (the CLI and tests), on comlink's node adapter. */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { SimWorkerApi } from './simWorker.ts';
import { SimPool, type PoolOptions, type WorkerFactory } from './pool.ts';

const BOOT = new URL('./nodeBoot.mjs', import.meta.url);

/** A factory of Node worker threads running `entry` (a .ts file URL; default: the simulation worker). */
export function nodeWorkerFactory(entry?: URL): WorkerFactory {
  return () => {
    const worker = new Worker(BOOT, { workerData: entry ? { entry: entry.href } : undefined });
    const api = Comlink.wrap<SimWorkerApi>(nodeEndpoint(worker as unknown as Parameters<typeof nodeEndpoint>[0]));
    let terminated = false;
    const failures: ((e: Error) => void)[] = [];
    worker.on('error', (e) => failures.forEach((f) => f(new Error(`worker crashed: ${e.message}`))));
    worker.on('exit', (code) => {
      if (!terminated) failures.forEach((f) => f(new Error(`worker exited unexpectedly with code ${code}`)));
    });
    // The worker answers only once it has booted (tsx compiled it and it listens).
    const ready = api.ping().then(() => undefined);
    ready.catch(() => {}); // a worker that fails to start is reported through the pool's wait
    return {
      api,
      ready,
      terminate() {
        terminated = true;
        api[Comlink.releaseProxy]();
        void worker.terminate();
      },
      onFailure: (f) => failures.push(f),
    };
  };
}

/** A pool of Node worker threads; `size` defaults to the number of cores. */
export function nodePool(options: Partial<PoolOptions> & { entry?: URL } = {}): SimPool {
  return new SimPool({ ...options, size: options.size ?? availableParallelism(), create: options.create ?? nodeWorkerFactory(options.entry) });
}
