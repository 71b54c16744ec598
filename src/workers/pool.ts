/**
 * A pool of simulation workers shared by the app and the CLI: the Runner
 * (src/runner/) that uses every core. A run deals its
 * replications to the workers in chunks, feeds the returned chunks to one
 * accumulator strictly in replication order (so the result never depends on the
 * number of workers or the chunk sizes), streams progress and partial results,
 * and can be cancelled or superseded. A worker that throws, dies or stops
 * answering fails the run with an error naming the cause, and is replaced.
 *
 * Start-up and work have separate limits: a new worker must say it is ready
 * (WorkerHandle.ready) within startTimeoutMs, however long the machine takes to
 * boot it, and only then does a chunk's hang limit start; that limit grows with
 * the work measured so far in the run, so a slow but valid scenario is not
 * mistaken for a hang.
 */
import type { Remote } from 'comlink';
import type { Scenario } from '../scenario/types.ts';
import type { SimWorkerApi } from './simWorker.ts';
import { LayoutsReceived, unpackChunk } from './wire.ts';
import { RunAccumulator } from '../montecarlo/accumulator.ts';
import type { Measures } from '../montecarlo/aggregate.ts';
import { RunCancelled, withReplications, type ArmsOptions, type PartialRun, type Run, type Runner, type RunOptions, type RunProgress } from '../runner/types.ts';
import { addRows, concatRows, type Rows } from '../runner/rows.ts';
import { partialOf, runOf } from '../runner/outcome.ts';
import { ChunkEta } from '../runner/eta.ts';
import { precisionCheck } from '../montecarlo/precision.ts';

/** Replications a partial result should rest on before it is trusted as a picture (issue 13: "resting on >= 10"). */
export const FIRST_STEADY_PICTURE = 10;

/**
 * The ranges [from, to) in which `total` replications are dealt to `workers`
 * workers, in order. With several workers, the first FIRST_STEADY_PICTURE in one
 * equal share each, the larger ones first, so the picture resting on 10 comes
 * from every core at once (with doubling chunks one worker ran 7 of the 10 and the
 * other 3). Until 2026-11-26's fifth update one replication went to each worker
 * before the shares, for a first picture on 2 replications: its summary and draw
 * (about 40 ms of main-thread CPU, bench/browser.ts BREAKDOWN) ran while both
 * workers held both cores and slowed the shares, so the picture on 10 came at
 * 521-546 ms; without that round it comes sooner, and nothing on 2 replications
 * is drawn in its way. With one worker, doubling chunks (pictures at 1, 3, 7 and
 * 10 for the same work: the page's draws then have the second core to
 * themselves). A chunk always ends at FIRST_STEADY_PICTURE, so that picture is
 * drawn as soon as it is done. After it, chunks double up to `maxChunk`, and
 * shrink towards the end (a quarter of each worker's share of what is left), so
 * no worker idles long at the end. The plan never changes a result: chunks are
 * aggregated in replication order.
 */
export function chunkPlan(total: number, workers: number, maxChunk: number): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  let size = 1;
  const steady = Math.min(total, FIRST_STEADY_PICTURE);
  if (workers > 1) {
    // Equal shares of [0, steady), the larger ones first.
    const shares = Math.min(workers, steady);
    for (let w = 0; w < shares; w++) {
      const to = from + Math.ceil((steady - from) / (shares - w));
      out.push([from, to]);
      from = to;
    }
    size = Math.max(1, Math.ceil(steady / workers));
  } else if (from < total) out.push([from, ++from]);
  while (from < total) {
    size = Math.min(maxChunk, size * 2);
    let to = Math.min(total, from + size);
    if (from < FIRST_STEADY_PICTURE && to > FIRST_STEADY_PICTURE) to = FIRST_STEADY_PICTURE;
    if (from >= FIRST_STEADY_PICTURE) to = Math.min(to, from + Math.max(1, Math.ceil((total - from) / (workers * 4))));
    out.push([from, to]);
    from = to;
  }
  return out;
}

/** A started worker, as the pool sees it. */
export interface WorkerHandle {
  api: Remote<SimWorkerApi>;
  /** Stops the worker at once. */
  terminate(): void;
  /** Registers the callback for a crash or an unexpected exit. */
  onFailure(callback: (error: Error) => void): void;
  /** Settles once the worker has booted and said it is ready; rejects if it cannot start. */
  ready: Promise<void>;
}

/** Starts one worker (platform specific: see browserWorkers.ts and nodeWorkers.ts). */
export type WorkerFactory = () => WorkerHandle;

/** Options of the pool. */
export interface PoolOptions {
  size: number;
  create: WorkerFactory;
  /** Largest chunk of replications given to a worker at once. */
  maxChunk?: number;
  /** A new worker that has not said it is ready within this fails the run (it is replaced). */
  startTimeoutMs?: number;
  /**
   * A chunk that takes longer than this, or than hangFactor x the slowest
   * replication measured so far in the run x the chunk's replications, whichever
   * is longer, fails the run (the worker is replaced). Start-up is not counted.
   */
  chunkTimeoutMs?: number;
  /** How many times the measured work a chunk may take before it counts as a hang. */
  hangFactor?: number;
  /** Idle workers are stopped after this long. */
  idleMs?: number;
  /**
   * Partial aggregates come at most this often (progress comes with every chunk);
   * the pool also waits 4x the last summary's cost, so summarising never takes
   * more than a fifth of the main thread on long runs.
   */
  partialEveryMs?: number;
  /** Clock, for tests. */
  now?: () => number;
}

interface Slot {
  worker: WorkerHandle | null;
  /** The worker has said it is ready. */
  ready: boolean;
  fail: ((e: Error) => void) | null;
  /**
   * Settles when the chunk last sent to the worker has been answered (or failed).
   * A run that stopped early (precision reached) leaves chunks in flight; the next
   * run waits for them before it sends its own, rather than stop a warm worker.
   */
  busy: Promise<void> | null;
  /** The layouts the worker has sent (wire.ts): new with each worker, every answer of it unpacked with it. */
  layouts: LayoutsReceived;
}

/** A job dealt to the workers in ranges of replications (see SimPool.work). */
interface Dealer<T> {
  /** Ranges [from, to) still to deal, in order. */
  queue: [number, number][];
  settled: () => boolean;
  live: () => boolean;
  fail: (e: Error) => void;
  call: (api: Remote<SimWorkerApi>, from: number, to: number, layouts: LayoutsReceived) => Promise<T>;
  accept: (value: T) => void;
  /** Sees each chunk sent to worker `slot`, and answered (before it is accepted), for the time left. */
  watch?: ChunkWatch;
}

/** What a job sees of its chunks' timing (see ChunkClock). */
interface ChunkWatch {
  sent(slot: number, from: number, to: number, at: number): void;
  answered(slot: number, from: number, to: number, at: number): void;
}

/**
 * The time left of a job dealt in chunks (runner/eta.ts ChunkEta), fed by the
 * chunks sent and answered: a worker's first chunk in the job carries its
 * start-up; the chunks in flight count for the part already run.
 */
class ChunkClock implements ChunkWatch {
  private readonly eta: ChunkEta;
  private readonly flying = new Map<number, { count: number; at: number }>();
  private readonly warm = new Set<number>();

  constructor(total: number, workers: number) {
    this.eta = new ChunkEta(total, workers);
  }

  sent(slot: number, from: number, to: number, at: number): void {
    this.flying.set(slot, { count: to - from, at });
  }

  answered(slot: number, from: number, to: number, at: number): void {
    const f = this.flying.get(slot);
    this.flying.delete(slot);
    if (f) this.eta.chunkDone(to - from, at - f.at, !this.warm.has(slot));
    this.warm.add(slot);
  }

  /** Time left (ms) with `finished` replications answered (in order or not) at `now`; NaN while unknown. */
  left(finished: number, now: number): number {
    return this.eta.update(finished, [...this.flying.values()].map((f) => ({ count: f.count, elapsedMs: now - f.at })));
  }
}

/** The pool. */
export class SimPool implements Runner {
  readonly size: number;
  private readonly slots: Slot[];
  private readonly opts: Required<Omit<PoolOptions, 'size' | 'create'>> & Pick<PoolOptions, 'create'>;
  private current: AbortController | null = null;
  private runCounter = 0;
  private idleTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(options: PoolOptions) {
    this.size = Math.max(1, Math.floor(options.size));
    this.slots = Array.from({ length: this.size }, () => ({ worker: null, ready: false, fail: null, busy: null, layouts: new LayoutsReceived() }));
    this.opts = {
      create: options.create,
      maxChunk: options.maxChunk ?? 25,
      startTimeoutMs: options.startTimeoutMs ?? 120_000,
      chunkTimeoutMs: options.chunkTimeoutMs ?? 120_000,
      hangFactor: options.hangFactor ?? 10,
      idleMs: options.idleMs ?? 10_000,
      partialEveryMs: options.partialEveryMs ?? 100,
      now: options.now ?? (() => performance.now()),
    };
  }

  /** Workers currently started (idle ones are released after idleMs). */
  get liveWorkers(): number {
    return this.slots.filter((s) => s.worker).length;
  }

  /**
   * Runs all replications of `scenario` (or its first `options.replications`).
   * Starting a run cancels the previous one: nothing of a cancelled run is
   * delivered after its successor started.
   */
  async run(scenario: Scenario, options: RunOptions = {}): Promise<Run> {
    return this.job(options.signal, (signal, live, onStop) => this.execute(withReplications(scenario, options.replications), signal, live, onStop, options));
  }

  /**
   * Replications [from, to) of `base` and its arms, each replication one job on a
   * worker (one warm-up shared by the arms that can: engine/fork.ts): rows per
   * scenario, `[base, ...arms]`, exactly those of separate runs whatever the
   * worker count or chunking. Like `run`, it supersedes the run before it.
   */
  async runArms(base: Scenario, arms: readonly Scenario[], options: ArmsOptions): Promise<Rows[]> {
    const { from, to } = options;
    if (!(to > from)) throw new Error(`runArms: expected a range of at least one replication, got [${from}, ${to})`);
    return this.job(options.signal, (signal, live) => this.executeArms(base, [...arms], from, to, signal, live, options.onProgress, options.onRows));
  }

  /**
   * Runs `body` as the pool's current job: it cancels the job before it, and `outer` aborts it.
   * `onStop` registers what the job does when `outer` aborts it while it is still live, just
   * before it is cancelled (a run hands over what it has finished); a superseded job does nothing.
   */
  private async job<T>(outer: AbortSignal | undefined, body: (signal: AbortSignal, live: () => boolean, onStop: (last: () => void) => void) => Promise<T>): Promise<T> {
    this.current?.abort(new RunCancelled('superseded by a newer run'));
    const controller = new AbortController();
    this.current = controller;
    const runId = ++this.runCounter;
    const live = () => runId === this.runCounter && !controller.signal.aborted;
    const lastWords: (() => void)[] = [];
    const onOuterAbort = () => {
      if (live()) lastWords.forEach((last) => last());
      controller.abort(new RunCancelled());
    };
    if (outer?.aborted) onOuterAbort();
    outer?.addEventListener('abort', onOuterAbort);
    if (this.idleTimer) clearTimeout(this.idleTimer);
    try {
      return await body(controller.signal, live, (last) => lastWords.push(last));
    } finally {
      outer?.removeEventListener('abort', onOuterAbort);
      if (runId === this.runCounter) {
        this.current = null;
        this.scheduleIdleRelease();
      }
    }
  }

  /**
   * Starts the workers that are not running, with no work yet: a run asked for
   * soon (after an edit's pause) then finds them booted instead of paying their
   * start-up. Workers that get no run are released after idleMs as usual.
   */
  prestart(): void {
    if (this.current) return; // a job is running: its workers are up, or being replaced by it
    this.slots.forEach((_, i) => this.workerAt(i));
    this.scheduleIdleRelease();
  }

  /** Stops every worker and refuses nothing: the next run starts new ones. */
  terminate(): void {
    this.current?.abort(new RunCancelled('the pool was shut down'));
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.slots.forEach((_, i) => this.release(i));
  }

  private scheduleIdleRelease(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    const release = () => this.slots.forEach((_, i) => this.release(i));
    if (this.opts.idleMs <= 0) release();
    else this.idleTimer = setTimeout(release, this.opts.idleMs);
  }

  /** Stops worker i; a chunk it was running is rejected so no promise is left hanging. */
  private release(i: number): void {
    const slot = this.slots[i];
    const fail = slot.fail;
    slot.fail = null;
    slot.worker?.terminate();
    slot.worker = null;
    fail?.(new RunCancelled('the worker was stopped'));
  }

  private workerAt(i: number): WorkerHandle {
    const slot = this.slots[i];
    if (!slot.worker) {
      const worker = this.opts.create();
      worker.onFailure((e) => {
        if (slot.worker !== worker) return;
        slot.fail?.(e);
        this.release(i);
      });
      slot.worker = worker;
      slot.ready = false;
      slot.layouts = new LayoutsReceived();
    }
    return slot.worker;
  }

  /**
   * Waits for `call` on worker i, failing with `timeoutMessage` (and stopping the
   * worker) after `limitMs`, or at once if the worker crashes or exits.
   */
  private answer<T>(i: number, call: () => Promise<T>, limitMs: number, timeoutMessage: string): Promise<T> {
    const slot = this.slots[i];
    let timer: ReturnType<typeof setTimeout> | undefined;
    return new Promise<T>((res, rej) => {
      slot.fail = (e) => rej(new Error(`simulation worker failed: ${e.message}`));
      timer = setTimeout(() => {
        rej(new Error(timeoutMessage));
        this.release(i);
      }, limitMs);
      call().then(res, (e: unknown) => rej(new Error(`simulation worker threw: ${(e as Error)?.message ?? e}`)));
    }).finally(() => {
      clearTimeout(timer);
      slot.fail = null;
    });
  }

  /**
   * The ranges [from, to) a run of `total` replications is dealt in (see chunkPlan).
   */
  private chunks(total: number): [number, number][] {
    return chunkPlan(total, this.size, this.opts.maxChunk);
  }

  /**
   * Worker i's loop: takes ranges from the dealer's queue, asks the worker for
   * each (its start-up waited for first, a hang limit from the work measured so
   * far), and hands every answer to the dealer; a failure fails the whole job.
   */
  private async work<T>(i: number, d: Dealer<T>, hangLimitMs: (count: number) => number, measured: (msPerReplication: number) => void): Promise<void> {
    const slot = this.slots[i];
    while (!d.settled() && d.queue.length) {
      // A chunk left in flight by a run that stopped early is answered first (or fails, and the worker is replaced).
      if (slot.busy) {
        await slot.busy;
        if (d.settled() || !d.live() || !d.queue.length) return;
      }
      const [from, to] = d.queue.shift()!;
      const worker = this.workerAt(i);
      try {
        if (!slot.ready) {
          const limit = this.opts.startTimeoutMs;
          await this.answer(i, () => worker.ready, limit, `simulation worker did not start within ${limit} ms; it was stopped`);
          if (slot.worker !== worker) throw new RunCancelled('the worker was stopped');
          slot.ready = true;
          if (d.settled()) return;
        }
        const limit = hangLimitMs(to - from);
        const sent = this.opts.now();
        d.watch?.sent(i, from, to, sent);
        const call = this.answer(
          i,
          () => d.call(worker.api, from, to, slot.layouts),
          limit,
          `simulation worker did not answer within ${limit} ms (replications ${from}-${to - 1}); it was stopped`,
        );
        const busy: Promise<void> = call.then(
          () => {},
          () => {},
        );
        slot.busy = busy;
        void busy.then(() => {
          if (slot.busy === busy) slot.busy = null;
        });
        const value = await call;
        const answered = this.opts.now();
        measured((answered - sent) / (to - from));
        if (d.settled() || !d.live()) return;
        d.watch?.answered(i, from, to, answered);
        d.accept(value);
      } catch (e) {
        if (!d.settled()) this.release(i);
        return d.fail(e as Error);
      }
    }
  }

  /**
   * Deals `queue` to every worker and hands each answer to `accept` (in the order
   * answered; `accept` puts them in replication order). The job ends when `accept`
   * calls `finish`, or fails at the first worker fault or abort (whatever is still
   * in flight is stopped). A chunk's hang limit grows with the slowest replication
   * measured so far in the job.
   */
  private deal<T, R>(
    signal: AbortSignal,
    live: () => boolean,
    queue: [number, number][],
    call: Dealer<T>['call'],
    accept: (value: T, finish: (result: R) => void) => void,
    watch?: ChunkWatch,
  ): Promise<R> {
    let slowestPerReplicationMs = 0;
    const hangLimitMs = (count: number) => Math.max(this.opts.chunkTimeoutMs, Math.ceil(this.opts.hangFactor * slowestPerReplicationMs * count));
    return new Promise<R>((resolve, reject) => {
      let settled = false;
      const fail = (e: Error) => {
        if (settled) return;
        settled = true;
        // Stop whatever the failed or cancelled job still has in flight.
        this.slots.forEach((s, i) => s.fail && this.release(i));
        reject(e);
      };
      if (signal.aborted) return fail(signal.reason as Error);
      signal.addEventListener('abort', () => fail(signal.reason as Error), { once: true });
      const finish = (result: R) => {
        settled = true;
        resolve(result);
      };
      const dealer: Dealer<T> = { queue, settled: () => settled, live, fail, call, accept: (value) => accept(value, finish), watch };
      for (let i = 0; i < this.size; i++) void this.work(i, dealer, hangLimitMs, (ms) => (slowestPerReplicationMs = Math.max(slowestPerReplicationMs, ms)));
    });
  }

  private executeArms(base: Scenario, arms: Scenario[], from: number, to: number, signal: AbortSignal, live: () => boolean, onProgress?: (p: RunProgress) => void, onRows?: (rows: Rows[]) => void): Promise<Rows[]> {
    const total = to - from;
    const clock = new ChunkClock(total, this.size);
    const queue = this.chunks(total).map(([a, b]): [number, number] => [from + a, from + b]);
    const pending = new Map<number, Rows[]>();
    const parts: Rows[][] = [base, ...arms].map(() => []);
    const started = this.opts.now();
    let next = from;
    return this.deal<Rows[], Rows[]>(signal, live, queue, async (api, a, b, layouts) => unpackChunk(await api.runArms(base, arms, a, b), layouts), (chunks, finish) => {
      pending.set(chunks[0].from, chunks);
      // Kept in replication order, so the rows never depend on the chunking.
      while (pending.has(next)) {
        const got = pending.get(next)!;
        pending.delete(next);
        // Handed on as they come (onRows), or kept for the answer.
        if (onRows) onRows(got);
        else got.forEach((c, i) => parts[i].push(c));
        next = got[0].to;
      }
      const now = this.opts.now();
      const done = next - from;
      const finished = done + [...pending.values()].reduce((sum, c) => sum + c[0].to - c[0].from, 0);
      onProgress?.({ done, total, elapsedMs: now - started, etaMs: done === total ? 0 : clock.left(finished, now) });
      if (done === total) finish(onRows ? [] : parts.map(concatRows));
    }, clock);
  }

  private execute(scenario: Scenario, signal: AbortSignal, live: () => boolean, onStop: (last: () => void) => void, { onProgress, onPartial, precision }: RunOptions): Promise<Run> {
    // With a precision, the replications asked for are the most to run: `total` and `ran` shrink when it is reached.
    let total = scenario.replications;
    let ran = scenario;
    let precise: (() => boolean) | null = null;
    // Each worker's first chunk carries its start-up (see ChunkClock).
    const clock = new ChunkClock(total, this.size);
    /** Replications answered, in order or waiting in `pending` for an earlier chunk. */
    const finished = () => (acc?.count ?? 0) + [...pending.values()].reduce((sum, c) => sum + c.to - c.from, 0);
    const queue = this.chunks(total);
    const pending = new Map<number, Rows>();
    const started = this.opts.now();
    let acc: RunAccumulator<Measures> | null = null;
    let next = 0;
    let lastPartial = -Infinity;
    /** Replications the last partial rested on. */
    let lastPartialCount = 0;
    let summaryMs = 0;
    // Stopped by the caller: every replication finished (in order) before the Stop is summarised and
    // handed over, not only those of the last partial (which may be up to partialEveryMs old).
    onStop(() => {
      if (!acc || acc.count === lastPartialCount || acc.count >= total) return;
      const now = this.opts.now();
      onProgress?.({ done: acc.count, total, elapsedMs: now - started, etaMs: clock.left(finished(), now) });
      onPartial?.(partialOf(scenario, acc));
    });

    return this.deal<Rows, Run>(signal, live, queue, async (api, from, to, layouts) => unpackChunk(await api.runChunk(scenario, from, to), layouts)[0], (answered, finish) => {
      pending.set(answered.from, answered);
      while (pending.has(next)) {
        const chunk = pending.get(next)!;
        pending.delete(next);
        acc ??= new RunAccumulator(chunk.layout);
        if (precision) precise ??= precisionCheck(acc, precision);
        // The precision is checked after each replication in order: the stop never depends on the chunking.
        if (addRows(acc, chunk, precise ?? undefined)) {
          total = acc.count;
          ran = withReplications(scenario, total);
          queue.length = 0;
          pending.clear();
        }
        next = chunk.to;
      }
      if (!acc || !live()) return;
      const now = this.opts.now();
      const elapsedMs = now - started;
      const progress: RunProgress = { done: acc.count, total, elapsedMs, etaMs: acc.count === total ? 0 : clock.left(finished(), now) };
      if (acc.count === total) {
        const final = partialOf(ran, acc);
        onProgress?.(progress);
        onPartial?.(final);
        finish(runOf(final, acc));
        return;
      }
      // Summaries cost main-thread time: only make them for someone listening, at most every partialEveryMs
      // (and 4x the last one's cost), except the first resting on FIRST_STEADY_PICTURE, made at once.
      // With several workers none before it: the first share answered (5 of 10) would be summarised and
      // drawn while the other share still runs, taking a core from it (chunkPlan).
      let partial: PartialRun | null = null;
      const firstSteady = acc.count >= FIRST_STEADY_PICTURE && lastPartialCount < FIRST_STEADY_PICTURE;
      const beforeSteady = this.size > 1 && acc.count < Math.min(total, FIRST_STEADY_PICTURE);
      if (onPartial && !beforeSteady && (firstSteady || now - lastPartial >= Math.max(this.opts.partialEveryMs, 4 * summaryMs))) {
        partial = partialOf(scenario, acc);
        lastPartial = this.opts.now();
        lastPartialCount = acc.count;
        summaryMs = lastPartial - now;
      }
      onProgress?.(progress);
      if (partial) onPartial?.(partial);
    }, clock);
  }
}

/**
 * Default pool size in a browser: one worker per core. The page's own work during a
 * run is small (about 0.8 s of main-thread CPU in a 6 s default run, its longest
 * task about 20 ms of CPU), so keeping a core free for it cost more than it gave:
 * on 2 idle cores, 2 workers against 1 (cores - 1, the rule until 2026-11-26) took
 * the default run from 10.4-11.7 s to 6.3-6.5 s and "IS x2" from 7.9-12.3 s to
 * 6.0-6.4 s, with the longest main-thread task unchanged (bench/browser.ts).
 */
export function defaultBrowserPoolSize(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  return Math.max(1, cores);
}
