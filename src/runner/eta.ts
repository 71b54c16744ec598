/**
 * Time left, from the measured pace. The first answers of a run carry the start-up
 * (booting workers, compiling the engine), which a replication in full flow does
 * not pay: dividing the elapsed time by the first replications done overstates the
 * time left severalfold (an 85 s run opened at "about 5 min", issue 13). So the
 * pace is measured from the moment the replications that carried the start-up
 * (one per worker: the pool's first round) are aggregated, over the ones done
 * since; until then, and until a second measurement exists, the time left is
 * unknown (NaN) rather than a guess.
 */
export class EtaEstimator {
  private firstAt = NaN;
  private firstDone = 0;

  /**
   * @param total replications of the run
   * @param startup replications that carry the start-up (the pool: one per worker)
   */
  constructor(
    private readonly total: number,
    private readonly startup = 1,
  ) {}

  /** Time left (ms) once `done` replications are aggregated at time `now` (ms); NaN while unknown. */
  update(done: number, now: number): number {
    if (done >= this.total) return 0;
    if (Number.isNaN(this.firstAt)) {
      if (done >= this.startup) {
        this.firstAt = now;
        this.firstDone = done;
      }
      return NaN;
    }
    const since = done - this.firstDone;
    if (since <= 0 || now <= this.firstAt) return NaN;
    return ((now - this.firstAt) / since) * (this.total - done);
  }
}
