/**
 * The mean of per-replication values with control variates: the intercept of the
 * least-squares regression of the values on controls whose expectation is known to
 * be zero (Lavenberg and Welch 1981; Law, Simulation Modeling and Analysis, ch. 11).
 * The part of each value that the controls explain is noise with mean zero, so the
 * intercept estimates the same mean with less of it. Its 95% interval is the
 * regression's: Student t with n - 1 - q degrees of freedom for q controls.
 */
import { summarize, tQuantile } from './stats.ts';

/** A mean estimated with control variates. */
export interface ControlledMean {
  /** Rows with a finite value (the rows used). */
  n: number;
  mean: number;
  ciLow: number;
  ciHigh: number;
  /** Controls kept in the regression (0: the plain mean and its t interval). */
  controlsUsed: number;
}

/**
 * Degrees of freedom the regression must keep before controls are used. Each control
 * costs one, and with few rows an estimated coefficient adds more noise than the
 * control removes (the variance is inflated by (n - 2) / (n - 2 - q) before any gain).
 */
export const MIN_RESIDUAL_DF = 30;

/**
 * A control whose residual (after the intercept and the controls kept before it)
 * keeps less than this share of its own spread adds nothing new: it is dropped,
 * so a constant or duplicated control never makes the regression singular.
 */
const COLLINEAR = 1e-9;

const dot = (a: Float64Array, b: Float64Array) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
};

/**
 * The part of the regression that depends on the controls alone (for rows
 * 0..n-1): the orthonormal basis of the intercept and the controls kept, R, and
 * row 0 of R's inverse. A comparison regresses every measure on the same
 * controls over the same pairs, so it prepares this once (controlBasis) and each
 * measure costs only its own projections; the numbers are those of
 * controlledMean alone, operation for operation.
 */
export interface ControlBasis {
  /** Rows the basis was made for (0..n-1, every control finite in each). */
  n: number;
  /** Controls finite in every row (before collinear ones are dropped). */
  usable: number;
  basis: Float64Array[];
  /** R, column by column: r[k][j] = basis j · kept column k. */
  r: number[][];
  rInvRow0: number[];
}

/** The basis of `controls` over rows 0..n-1 (see ControlBasis). */
export function controlBasis(controls: readonly ArrayLike<number>[], n: number): ControlBasis {
  const all = Array.from({ length: n }, (_, i) => i);
  const usable = controls.filter((c) => all.every((i) => Number.isFinite(c[i])));
  // Columns: the intercept, then each control; orthonormalised in turn.
  const column = (c: ArrayLike<number>) => Float64Array.from(all, (i) => c[i]);
  const basis: Float64Array[] = [];
  const kept: Float64Array[] = [];
  for (const raw of [Float64Array.from(all, () => 1), ...usable.map(column)]) {
    const v = Float64Array.from(raw);
    const before = Math.sqrt(dot(v, v));
    for (const q of basis) {
      const r = dot(q, v);
      for (let i = 0; i < n; i++) v[i] -= r * q[i];
    }
    const norm = Math.sqrt(dot(v, v));
    if (!(before > 0) || norm <= COLLINEAR * before) continue;
    for (let i = 0; i < n; i++) v[i] /= norm;
    basis.push(v);
    kept.push(raw);
  }
  const r = kept.map((x) => basis.map((b) => dot(b, x)));
  // Var(intercept) = s^2 [(X'X)^-1]_00 = s^2 |row 0 of R^-1|^2; R is upper triangular in (basis row j, kept column k): R[j][k] = r[k][j].
  const rInvRow0 = new Array<number>(kept.length).fill(0);
  if (kept.length > 0) rInvRow0[0] = 1 / r[0][0];
  for (let k = 1; k < kept.length; k++) {
    let s = 0;
    for (let j = 0; j < k; j++) s -= rInvRow0[j] * r[k][j];
    rInvRow0[k] = s / r[k][k];
  }
  return { n, usable: usable.length, basis, r, rInvRow0 };
}

/**
 * The mean of `values` with `controls` (each a column with one number per row and
 * expectation zero), by modified Gram-Schmidt least squares. The plain mean of the
 * finite values and its t interval are returned instead when a value is undefined
 * in some row (the rows left are a selection, over which the controls need not
 * average zero), when the values do not vary, or when too few rows remain for
 * MIN_RESIDUAL_DF. A control that is not finite in every row is left out.
 * `prepared`, the basis of the same controls over the same rows, saves making it again.
 */
export function controlledMean(values: ArrayLike<number>, controls: readonly ArrayLike<number>[], prepared?: ControlBasis): ControlledMean {
  const rows: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) rows.push(i);
  const n = rows.length;
  const plain = (): ControlledMean => {
    const s = summarize(rows.map((i) => values[i]));
    return { n, mean: s.mean, ciLow: s.ciLow, ciHigh: s.ciHigh, controlsUsed: 0 };
  };
  // Below, every row is used (n = values.length), so the basis over rows 0..n-1 is the one asked for.
  if (n < values.length || !rows.some((i) => values[i] !== values[rows[0]])) return plain();
  const cb = prepared && prepared.n === n ? prepared : controlBasis(controls, n);
  if (cb.usable === 0 || n - 1 - cb.usable < MIN_RESIDUAL_DF) return plain();
  const { basis, r, rInvRow0 } = cb;
  const q = basis.length - 1;
  if (q === 0) return plain();

  // Residuals of y after projecting on the basis, and the intercept's coefficient by
  // solving the triangular system R b = Q'y column by column (back substitution).
  const y = Float64Array.from(rows, (i) => values[i]);
  const coef = basis.map((b) => dot(b, y));
  const residual = Float64Array.from(y);
  basis.forEach((b, j) => {
    for (let i = 0; i < n; i++) residual[i] -= coef[j] * b[i];
  });
  const beta = new Array<number>(basis.length).fill(0);
  for (let j = basis.length - 1; j >= 0; j--) {
    let s = coef[j];
    for (let k = j + 1; k < basis.length; k++) s -= r[k][j] * beta[k];
    beta[j] = s / r[j][j];
  }
  const df = n - 1 - q;
  const s2 = dot(residual, residual) / df;
  const se = Math.sqrt(s2 * rInvRow0.reduce((a, x) => a + x * x, 0));
  const half = tQuantile(0.975, df) * se;
  return { n, mean: beta[0], ciLow: beta[0] - half, ciHigh: beta[0] + half, controlsUsed: q };
}
