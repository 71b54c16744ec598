/**
 * The one scheduler of the app: jobs (an experiment to run, and what to do with
 * its results) run one at a time on one runner. A job knows nothing of the others:
 *
 * - a newer job with the same key supersedes the older one: a queued one is
 *   replaced, a running one is cancelled (its results are dropped);
 * - the queue runs the ready job of the lowest band first (then the earliest
 *   asked for); a queued job of a lower band than the running one interrupts it,
 *   and the interrupted job waits in the queue to run again from the start;
 * - every job reports through its status object (state, progress, error), the
 *   same for every experiment, and partial results reach it at most once per
 *   animation frame and, with a `partialGapMs`, at most once per that gap (the
 *   latest one is kept, the finished result always comes), never after it ended
 *   or was superseded;
 * - stop() cancels the running job and drops the queued ones; stopJob(key) stops one.
 *
 * Adding an experiment adds a job (see src/experiments/index.ts), never a branch
 * here. Pure TypeScript: the app passes $state objects as statuses, tests plain ones.
 */
import type { Runner, PartialRun } from '../../runner/types.ts';
import type { ExperimentOptions, ExperimentProgress } from '../../experiments/types.ts';

/** Where a job stands. */
export type JobState = 'idle' | 'running' | 'done' | 'stopped' | 'error';

/** What a job reports through (in the app, a reactive object: see jobStatus.svelte.ts). */
export interface JobStatus {
  state: JobState;
  /** The last progress (kept when the job ends, so "N of N" stays on screen). */
  progress: ExperimentProgress | null;
  error: string | null;
}

/** One piece of work. */
export interface Job<T> {
  /** Jobs with the same key supersede each other. */
  key: string;
  /** Lower runs first and interrupts higher; read each time the queue chooses. */
  band(): number;
  /** Whether it can start now (default: yes); read each time the queue chooses. */
  ready?(): boolean;
  status: JobStatus;
  /** The size of the work, for the progress shown before the first report. */
  size(): { total: number; steps: number };
  /** Runs the experiment. */
  start(options: ExperimentOptions): Promise<T>;
  /** A partial result (at most once per frame, only while the job is the one running). */
  partial?(partial: PartialRun): void;
  /** The finished result, delivered in the frame after the run ended. */
  done(value: T): void;
}

/** How often partial results are drawn (see JobQueue's constructor). */
export interface PartialPacing {
  /** Least time between two partial results handed to a job (ms); 0: every frame. */
  partialGapMs: number;
  /** A partial drawn at the next frame whatever the gap, given the one drawn last (the first picture worth reading, say). */
  urgent?: (partial: PartialRun, drawnLast: PartialRun | null) => boolean;
  /** Clock (ms), for tests. */
  now?: () => number;
  /** Timer, for tests. */
  after?: (ms: number, callback: () => void) => void;
}

interface Running {
  job: Job<unknown>;
  controller: AbortController;
  /** Why it was aborted: decides its state afterwards. */
  outcome: 'stopped' | 'superseded' | 'interrupted' | null;
  /** The latest partial not yet drawn (a frame is scheduled while there is one). */
  pending: PartialRun | null;
  /** When the last partial was handed to the job (ms). */
  lastDrawn: number;
  /** The draw scheduled last (an urgent partial supersedes a draw waiting for its gap). */
  drawId: number;
  /** The partial handed to the job last. */
  drawnLast: PartialRun | null;
  /** Inside a user's Stop: the runner may hand over its last progress and partial (see RunOptions.signal). */
  stopping: boolean;
}

/** The job queue (one per app). */
export class JobQueue {
  private readonly queued = new Map<string, { job: Job<unknown>; order: number }>();
  private running: Running | null = null;
  private order = 0;

  /**
   * @param runner the runner every job uses (made on first use: the pool starts workers)
   * @param frame calls back at the next animation frame (tests: at once or on a timer)
   */
  constructor(
    private readonly runner: () => Runner,
    private readonly frame: (callback: () => void) => void = (cb) => requestAnimationFrame(() => cb()),
    private readonly pacing: PartialPacing = { partialGapMs: 0 },
  ) {}

  /** Asks for `job`; a queued or running job with its key is superseded. */
  submit<T>(job: Job<T>): void {
    const older = this.queued.get(job.key);
    this.queued.set(job.key, { job: job as Job<unknown>, order: older?.order ?? this.order++ });
    if (this.running?.job.key === job.key) this.abort('superseded');
    this.pump();
  }

  /** Drops the job with `key`, queued or running (its status stays as it is). */
  cancel(key: string): void {
    this.queued.delete(key);
    if (this.running?.job.key === key) this.abort('superseded');
  }

  /**
   * Stops the job with `key`, queued or running: its state becomes 'stopped' and
   * stays so (cancel() leaves a running job's state 'running', as for a job
   * superseded by a newer one, which would leave a user's Stop showing as running).
   */
  stopJob(key: string): void {
    const q = this.queued.get(key);
    if (q) {
      this.queued.delete(key);
      if (q.job.status.state === 'running') q.job.status.state = 'stopped';
    }
    if (this.running?.job.key === key) this.abort('stopped');
  }

  /** Bands or readiness changed (another scenario is on screen): choose again. */
  reconsider(): void {
    this.pump();
  }

  /** Cancels the running job and drops the queued ones; their state becomes 'stopped'. */
  stop(): void {
    for (const { job } of this.queued.values()) if (job.status.state === 'running') job.status.state = 'stopped';
    this.queued.clear();
    this.abort('stopped');
  }

  /** Whether a job with `key` is queued or running. */
  has(key: string): boolean {
    return this.queued.has(key) || this.running?.job.key === key;
  }

  private abort(outcome: NonNullable<Running['outcome']>): void {
    const running = this.running;
    if (!running || running.outcome) return;
    running.outcome = outcome;
    // A user's Stop keeps what was computed: the runner hands over, inside the abort, the partial
    // of every replication it finished; that one, or the partial still waiting for its frame or
    // its gap, is drawn now.
    running.stopping = outcome === 'stopped';
    running.controller.abort();
    running.stopping = false;
    if (outcome === 'stopped' && running.pending) {
      running.drawId++;
      running.drawnLast = running.pending;
      running.pending = null;
      running.job.partial?.(running.drawnLast);
    }
  }

  /** The ready queued job to run next: lowest band, then earliest asked for. */
  private best(): { job: Job<unknown>; order: number } | null {
    let best: { job: Job<unknown>; order: number; band: number } | null = null;
    for (const q of this.queued.values()) {
      if (q.job.ready && !q.job.ready()) continue;
      const band = q.job.band();
      if (!best || band < best.band || (band === best.band && q.order < best.order)) best = { ...q, band };
    }
    return best;
  }

  private pump(): void {
    const next = this.best();
    if (!next) return;
    if (this.running) {
      // A more urgent job interrupts the running one, which waits to run again.
      if (!this.running.outcome && next.job.band() < this.running.job.band()) {
        const { job } = this.running;
        if (!this.queued.has(job.key)) this.queued.set(job.key, { job, order: this.order++ });
        this.abort('interrupted');
      }
      return;
    }
    this.queued.delete(next.job.key);
    void this.execute(next.job);
  }

  private async execute(job: Job<unknown>): Promise<void> {
    const running: Running = { job, controller: new AbortController(), outcome: null, pending: null, lastDrawn: -Infinity, drawId: 0, drawnLast: null, stopping: false };
    this.running = running;
    const { signal } = running.controller;
    const live = () => this.running === running && !signal.aborted;
    const { total, steps } = job.size();
    job.status.state = 'running';
    job.status.error = null;
    job.status.progress = { done: 0, total, elapsedMs: 0, etaMs: NaN, step: 0, steps };
    try {
      const value = await job.start({
        runner: this.runner(),
        signal,
        onProgress: (p) => {
          if (live() || running.stopping) job.status.progress = p;
        },
        onPartial: (p) => {
          if (live()) this.drawPartial(running, p);
          else if (running.stopping) running.pending = p; // the runner's last partial at a Stop: abort() draws it
        },
      });
      if (!live()) throw new Error('cancelled');
      // The finished result replaces any partial still waiting for its frame or its gap.
      running.pending = null;
      running.drawId++;
      // Draw in the next frame, apart from the task that summarised the run.
      await new Promise<void>((resolve) => this.frame(resolve));
      if (!live()) throw new Error('cancelled');
      running.pending = null;
      job.done(value);
      job.status.state = 'done';
    } catch (e) {
      if (signal.aborted || running.outcome) {
        // Stopped by the user: stopped. Superseded or interrupted: it runs again.
        job.status.state = running.outcome === 'stopped' ? 'stopped' : 'running';
        // A stopped single run's count is what its figures rest on, so the status line and the
        // partial marks say the same number (replications finished after the last summary are not in them).
        const shown = running.drawnLast, progress = job.status.progress;
        if (running.outcome === 'stopped' && shown && progress && progress.steps <= 1) {
          job.status.progress = { ...progress, done: shown.result.scenario.replications };
        }
      } else {
        job.status.state = 'error';
        job.status.error = (e as Error).message;
      }
    } finally {
      if (this.running === running) this.running = null;
      this.pump();
    }
  }

  /**
   * Draws a partial at the next frame, not in the task that summarised it, and
   * no sooner than `partialGapMs` after the last one drawn (unless it is urgent):
   * redrawing every chart is the main thread's longest work during a run, and a
   * picture that changes a few times a second reads as well. Later partials
   * replace earlier ones while they wait.
   */
  private drawPartial(running: Running, partial: PartialRun): void {
    const scheduled = running.pending !== null;
    const urgent = this.pacing.urgent?.(partial, running.drawnLast) ?? false;
    running.pending = partial;
    if (scheduled && !urgent) return;
    const now = this.pacing.now ?? (() => performance.now());
    const id = ++running.drawId;
    const draw = () => {
      if (id !== running.drawId) return;
      const next = running.pending;
      running.pending = null;
      if (next && this.running === running && !running.controller.signal.aborted) {
        running.lastDrawn = now();
        running.drawnLast = next;
        running.job.partial?.(next);
      }
    };
    const wait = urgent ? 0 : running.lastDrawn + this.pacing.partialGapMs - now();
    if (wait <= 0) this.frame(draw);
    else (this.pacing.after ?? ((ms, cb) => setTimeout(cb, ms)))(wait, () => this.frame(draw));
  }
}
