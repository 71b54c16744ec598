/** Replications measured after the start-up before a time left is given (see EtaEstimator). */
export const MIN_MEASURED_REPLICATIONS = 8;
/** ...or this much measured time (ms), whichever comes first. */
export const MIN_MEASURED_MS = 5_000;

/**
 * Time left, from the measured pace. The first answers of a run carry the start-up
 * (booting workers, compiling the engine), which a replication in full flow does
 * not pay: dividing the elapsed time by the first replications done overstates the
 * time left severalfold (an 85 s run opened at "about 5 min", issue 13). So the
 * pace is measured from the moment the replications that carried the start-up
 * (one per worker: the pool's first round) are aggregated, over the ones done
 * since; until then, and until a second measurement exists, the time left is
 * unknown (NaN) rather than a guess.
 *
 * The replications right after the start-up still run slower than later ones
 * (the JIT is still compiling, the page draws its first partial results): in
 * Chromium a 35 s run opened at "about 77 s" from its replications 1-2
 * (bench/browser.ts). So no estimate is given until the pace rests on
 * MIN_MEASURED_REPLICATIONS or MIN_MEASURED_MS of measurement, whichever comes
 * first (a slow scenario does not wait for 8 of its replications), and the pace
 * is that of the later half of the replications measured.
 */
export class EtaEstimator {
  /** (time, done) after the start-up, oldest first. */
  private readonly samples: { at: number; done: number }[] = [];

  /**
   * @param total replications of the run
   * @param startup replications that carry the start-up (the pool: one per worker)
   */
  constructor(
    private readonly total: number,
    private readonly startup = 1,
  ) {}

  /**
   * Time left (ms) once `done` replications are aggregated at time `now` (ms); NaN
   * while unknown. The pace is that of the later half of the replications
   * measured, so a run that speeds up as the engine warms (or slows as the
   * machine gets busy) is judged by how it goes now rather than by its first seconds.
   */
  update(done: number, now: number): number {
    if (done >= this.total) return 0;
    if (done < this.startup) return NaN;
    this.samples.push({ at: now, done });
    const first = this.samples[0];
    if (done - first.done < MIN_MEASURED_REPLICATIONS && now - first.at < MIN_MEASURED_MS) return NaN;
    const middle = (first.done + done) / 2;
    // The latest sample at or before the middle of the replications measured.
    let from = first;
    for (const s of this.samples) if (s.done <= middle) from = s;
    const since = done - from.done;
    if (since <= 0 || now <= from.at) return NaN;
    return ((now - from.at) / since) * (this.total - done);
  }
}

/** A chunk of replications still running on a worker: its size and how long ago it was sent (ms). */
export interface ChunkInFlight {
  count: number;
  elapsedMs: number;
}

/**
 * Time left for replications dealt to several workers in chunks (the pool), from
 * the measured pace of the workers themselves: each chunk's time from sent to
 * answered over its replications. EtaEstimator, fed the count aggregated, reads a
 * pace between two moments; with workers finishing chunks side by side that count
 * moves in jumps (two equal shares answered 2 ms apart read as 4 replications in
 * 2 ms), so the first time left shown was 1 s for 10 s, or 30 s for 10 s
 * (bench/browser.ts, 2026-11-26). Here the pace is a worker's time per
 * replication over its recent chunks, the work left is the replications not yet
 * finished, less the part of each chunk in flight already run at that pace, and
 * the workers share it.
 *
 * A worker's first chunk of a run is left out of the pace: it carries the
 * start-up (booting, the engine compiling). Until the pace rests on as many
 * chunks as there are workers (on a shared machine one thread's chunk can run at
 * a third of another's pace), and on MIN_MEASURED_REPLICATIONS or MIN_MEASURED_MS
 * of a worker's time, the time left is unknown (NaN). The pace is that of the
 * latest chunks covering at least half of the replications measured, and at
 * least one chunk per worker, so it follows how the run goes now.
 */
export class ChunkEta {
  /** Chunks measured (not a worker's first), oldest first. */
  private readonly chunks: { count: number; ms: number }[] = [];
  private measured = 0;
  private measuredMs = 0;

  /**
   * @param total replications of the run
   * @param workers workers sharing the work
   */
  constructor(
    private readonly total: number,
    private readonly workers: number,
  ) {}

  /** A chunk of `count` replications took `ms` on a worker; `first`: the worker's first chunk of this run (not measured). */
  chunkDone(count: number, ms: number, first: boolean): void {
    if (first || !(count > 0) || !(ms >= 0)) return;
    this.chunks.push({ count, ms });
    this.measured += count;
    this.measuredMs += ms;
  }

  /** A worker's time per replication now (ms), or NaN while too little is measured. */
  pace(): number {
    const chunks = this.chunks.length;
    if (chunks < this.workers || (this.measured < MIN_MEASURED_REPLICATIONS && this.measuredMs < MIN_MEASURED_MS)) return NaN;
    let count = 0;
    let ms = 0;
    for (let i = chunks - 1; i >= 0 && (count * 2 < this.measured || chunks - i <= this.workers); i--) {
      count += this.chunks[i].count;
      ms += this.chunks[i].ms;
    }
    return ms / count;
  }

  /**
   * Time left (ms) once `finished` replications are done (aggregated or answered
   * out of order), with `inFlight` chunks running; NaN while unknown.
   */
  update(finished: number, inFlight: readonly ChunkInFlight[]): number {
    if (finished >= this.total) return 0;
    const pace = this.pace();
    if (!Number.isFinite(pace)) return NaN;
    const running = inFlight.reduce((sum, c) => sum + Math.min(c.count, c.elapsedMs / pace), 0);
    const left = Math.max(0, this.total - finished - running);
    return (left * pace) / Math.max(1, Math.min(this.workers, Math.ceil(this.total - finished)));
  }
}
