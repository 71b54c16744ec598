/** Web Workers for the pool in the browser. */
import * as Comlink from 'comlink';
import type { SimWorkerApi } from './simWorker.ts';
import { SimPool, defaultBrowserPoolSize, type PoolOptions, type WorkerFactory } from './pool.ts';

/** A factory of module Web Workers running the simulation. */
export const browserWorkerFactory: WorkerFactory = () => {
  const worker = new Worker(new URL('./browserWorker.ts', import.meta.url), { type: 'module' });
  const api = Comlink.wrap<SimWorkerApi>(worker);
  const failures: ((e: Error) => void)[] = [];
  worker.addEventListener('error', (e) => {
    e.preventDefault();
    failures.forEach((f) => f(new Error(`worker crashed: ${e.message || 'script error'}`)));
  });
  return {
    api,
    terminate() {
      api[Comlink.releaseProxy]();
      worker.terminate();
    },
    onFailure: (f) => failures.push(f),
  };
};

/** A pool of Web Workers: hardwareConcurrency - 1 (at least 1) unless `size` says otherwise. */
export function browserPool(options: Partial<PoolOptions> = {}): SimPool {
  return new SimPool({ ...options, size: options.size ?? defaultBrowserPoolSize(), create: options.create ?? browserWorkerFactory });
}
