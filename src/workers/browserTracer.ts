/**
 * Traces in the browser: one Web Worker of its own records a replication's trace
 * and transfers the columns, so the workshop replay never blocks the page. The
 * worker pool (pool.ts) is left to the Monte Carlo runs.
 */
import type { Scenario } from '../scenario/types.ts';
import type { ReplicationTrace } from '../runner/trace.ts';
import { RunCancelled, type Runner } from '../runner/types.ts';
import { browserWorkerFactory } from './browserWorkers.ts';
import type { WorkerHandle } from './pool.ts';

/** Records traces on one web worker, started at the first trace and kept until `terminate`. */
export class BrowserTracer {
  private worker: WorkerHandle | null = null;

  /** Replication `replication` of `scenario` with its trace; an abort stops the worker (the next trace starts another). */
  async trace(scenario: Scenario, replication: number, signal?: AbortSignal): Promise<ReplicationTrace> {
    if (signal?.aborted) throw new RunCancelled();
    const worker = (this.worker ??= browserWorkerFactory());
    return new Promise<ReplicationTrace>((resolve, reject) => {
      const onAbort = () => {
        this.terminate();
        reject(new RunCancelled());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      worker.onFailure((e) => {
        if (this.worker === worker) this.worker = null;
        reject(e);
      });
      worker.ready
        .then(() => worker.api.trace(scenario, replication))
        .then(resolve, reject)
        .finally(() => signal?.removeEventListener('abort', onAbort));
    });
  }

  terminate(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}

/** `runner` (the pool) with traces recorded by `tracer`: the runner the workshop gives its experiments. */
export function withTraces(runner: Runner, tracer: BrowserTracer): Runner {
  return { run: (s, o) => runner.run(s, o), trace: (s, r, signal) => tracer.trace(s, r, signal) };
}
