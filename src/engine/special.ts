/** Special functions for distributions: normal quantile, log-gamma, incomplete gamma and its inverse. */

// Acklam's coefficients, module constants so a call allocates nothing.
const ACKLAM_A = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
const ACKLAM_B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
const ACKLAM_C = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const ACKLAM_D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
const ACKLAM_LOW_TAIL = 0.02425;

/** Standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9); infinite at 0 and 1. */
export function normalQuantile(p: number): number {
  // The rational forms take log(0) at the ends; name the limits rather than return NaN.
  if (!(p > 0 && p < 1)) return p === 0 ? -Infinity : p === 1 ? Infinity : NaN;
  if (p < ACKLAM_LOW_TAIL) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((ACKLAM_C[0] * q + ACKLAM_C[1]) * q + ACKLAM_C[2]) * q + ACKLAM_C[3]) * q + ACKLAM_C[4]) * q + ACKLAM_C[5]) / ((((ACKLAM_D[0] * q + ACKLAM_D[1]) * q + ACKLAM_D[2]) * q + ACKLAM_D[3]) * q + 1);
  }
  if (p > 1 - ACKLAM_LOW_TAIL) return -normalQuantile(1 - p);
  const q = p - 0.5, r = q * q;
  return ((((((ACKLAM_A[0] * r + ACKLAM_A[1]) * r + ACKLAM_A[2]) * r + ACKLAM_A[3]) * r + ACKLAM_A[4]) * r + ACKLAM_A[5]) * q) / (((((ACKLAM_B[0] * r + ACKLAM_B[1]) * r + ACKLAM_B[2]) * r + ACKLAM_B[3]) * r + ACKLAM_B[4]) * r + 1);
}

const LANCZOS = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];

/** log Gamma(x) for x > 0 (Lanczos, g = 7, nine terms: about 15 significant digits). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  x -= 1;
  let s = LANCZOS[0];
  for (let i = 1; i < 9; i++) s += LANCZOS[i] / (x + i);
  const t = x + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(s);
}

/** Regularised lower incomplete gamma P(a, x): a series below a + 1, a continued fraction above. */
export function gammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  const logPrefix = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a, sum = term;
    for (let n = 1; n < 10_000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-16) break;
    }
    return Math.min(1, sum * Math.exp(logPrefix));
  }
  // Lentz's method for the continued fraction of Q(a, x).
  const tiny = 1e-300;
  let b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.max(0, 1 - Math.exp(logPrefix) * h);
}

/** The p-quantile of a gamma with unit scale and shape `a`: Newton on P, kept inside a bisection bracket. */
export function gammaQuantile(a: number, p: number): number {
  if (!(p > 0 && p < 1)) return p === 0 ? 0 : p === 1 ? Infinity : NaN;
  const logGammaA = logGamma(a);
  // Start near the answer so Newton needs a handful of steps: Wilson-Hilferty's cube of
  // a normal for shapes from 1, the small-x law P ~ x^a / Gamma(a + 1) below.
  const h = 1 / (9 * a);
  const wilson = a * (1 - h + normalQuantile(p) * Math.sqrt(h)) ** 3;
  let x = a >= 1 && wilson > 0 ? wilson : Math.exp((Math.log(p) + logGammaA + Math.log(a)) / a);
  let lo = 0, hi = Infinity;
  for (let i = 0; i < 200; i++) {
    const excess = gammaP(a, x) - p;
    if (excess === 0) return x;
    if (excess < 0) lo = x;
    else hi = x;
    const density = Math.exp((a - 1) * Math.log(x) - x - logGammaA);
    let next = x - excess / density;
    // A step that leaves the bracket (flat density, far start) falls back to halving it.
    if (!(next > lo && next < hi)) next = hi === Infinity ? 2 * x : (lo + hi) / 2;
    if (Math.abs(next - x) <= 1e-14 * x || (hi < Infinity && hi - lo <= 1e-14 * hi)) return next;
    x = next;
  }
  return x;
}
