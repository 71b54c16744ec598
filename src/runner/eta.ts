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
