/**
 * The P-square streaming quantile estimator (Jain and Chlamtac, 1985): five
 * markers whose heights track a quantile without storing the observations.
 * Deterministic for a given order of observations.
 */
export class P2Quantile {
  private readonly q = new Float64Array(5);
  private readonly n = new Float64Array(5);
  private readonly want = new Float64Array(5);
  private readonly step: Float64Array;

  /**
   * Starts from `sorted` (ascending, at least 5 values), placing the markers at
   * the sample's own quantiles, so that the estimate continues an exact one.
   */
  constructor(readonly p: number, sorted: ArrayLike<number>) {
    const count = sorted.length;
    if (count < P2_START_VALUES) throw new Error(`P2Quantile: expected at least ${P2_START_VALUES} initial values, got ${count}`);
    this.step = Float64Array.from([0, p / 2, p, (1 + p) / 2, 1]);
    for (let i = 0; i < 5; i++) {
      this.want[i] = 1 + (count - 1) * this.step[i];
      // Marker positions are whole ranks: round the wanted position, keep them increasing.
      const rank = i === 0 ? 1 : i === 4 ? count : Math.min(count - (4 - i), Math.max(this.n[i - 1] + 1, Math.round(this.want[i])));
      this.n[i] = rank;
      this.q[i] = sorted[rank - 1];
    }
  }

  /** Adds one observation. */
  add(x: number): void {
    const q = this.q, n = this.n;
    let k: number;
    if (x < q[0]) { q[0] = x; k = 0; }
    else if (x >= q[4]) { q[4] = x; k = 3; }
    else { k = 0; while (x >= q[k + 1]) k++; }
    for (let i = k + 1; i < 5; i++) n[i]++;
    for (let i = 0; i < 5; i++) this.want[i] += this.step[i];
    for (let i = 1; i <= 3; i++) {
      const d = this.want[i] - n[i];
      if ((d >= 1 && n[i + 1] - n[i] > 1) || (d <= -1 && n[i - 1] - n[i] < -1)) {
        const s = Math.sign(d);
        const parabolic = q[i] + (s / (n[i + 1] - n[i - 1])) * ((n[i] - n[i - 1] + s) * (q[i + 1] - q[i]) / (n[i + 1] - n[i]) + (n[i + 1] - n[i] - s) * (q[i] - q[i - 1]) / (n[i] - n[i - 1]));
        q[i] = q[i - 1] < parabolic && parabolic < q[i + 1] ? parabolic : q[i] + (s * (q[i + s] - q[i])) / (n[i + s] - n[i]);
        n[i] += s;
      }
    }
  }

  /** The current estimate of the quantile. */
  get value(): number {
    return this.q[2];
  }
}

/** Values the estimator starts from at least (one per marker). */
export const P2_START_VALUES = 5;
