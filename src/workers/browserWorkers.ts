/** Web Workers for the pool in the browser. */
import * as Comlink from 'comlink';
import { HOLDING_LIFE_LOCK, type SimWorkerApi } from './simWorker.ts';
import { SimPool, defaultBrowserPoolSize, type PoolOptions, type WorkerFactory } from './pool.ts';

let started = 0;

/** A name no other worker of this origin has (lock names are shared by all tabs of the origin). */
function uniqueName(): string {
  const id = typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${performance.timeOrigin}-${++started}`;
  return `funnel-sim-worker-${id}`;
}

/**
 * A factory of module Web Workers running the simulation. A worker is ready when
 * it answers a ping; from then on the page waits for the worker's life lock,
 * which is granted only when the worker has ended, so a worker that ends without
 * an error event (close(), stopped by the browser) fails the run at once.
 */
export const browserWorkerFactory: WorkerFactory = () => {
  const name = uniqueName();
  const worker = new Worker(new URL('./browserWorker.ts', import.meta.url), { type: 'module', name });
  const api = Comlink.wrap<SimWorkerApi>(worker);
  const failures: ((e: Error) => void)[] = [];
  const fail = (e: Error) => failures.forEach((f) => f(e));
  let terminated = false;
  const stopWatching = new AbortController();
  worker.addEventListener('error', (e) => {
    e.preventDefault();
    fail(new Error(`worker crashed: ${e.message || 'script error'}`));
  });
  const ready = api.ping().then((answer) => {
    if (answer !== HOLDING_LIFE_LOCK || terminated) return;
    navigator.locks
      .request(name, { signal: stopWatching.signal }, () => {
        if (!terminated) fail(new Error('worker ended without an error (it closed, or the browser stopped it)'));
      })
      .catch(() => {}); // the watch was called off: the pool stopped the worker
  });
  ready.catch(() => {}); // a worker that fails to start is reported through the pool's wait
  return {
    api,
    ready,
    terminate() {
      terminated = true;
      stopWatching.abort();
      api[Comlink.releaseProxy]();
      worker.terminate();
    },
    onFailure: (f) => failures.push(f),
  };
};

/**
 * How long the page keeps idle workers (unless `idleMs` says otherwise). A fresh
 * worker pays V8's warm-up: its first replications run several times slower than
 * a warm worker's (ARCHITECTURE.md, "Worker boot"), while an idle worker costs no
 * CPU and about 20 MB. So a user who pauses to think, or to talk, for up to this
 * long comes back to warm workers; until 2026-11-26 they were released after 30 s.
 */
export const BROWSER_IDLE_MS = 10 * 60_000;

/** A pool of Web Workers: one per core (defaultBrowserPoolSize) unless `size` says otherwise, idle ones kept BROWSER_IDLE_MS. */
export function browserPool(options: Partial<PoolOptions> = {}): SimPool {
  return new SimPool({ idleMs: BROWSER_IDLE_MS, ...options, size: options.size ?? defaultBrowserPoolSize(), create: options.create ?? browserWorkerFactory });
}
