/**
 * The ziggurat samplers (engine 7) against their laws, from the engine's own
 * counter-based stream: the Kolmogorov-Smirnov distance at large n, a chi-square
 * over equiprobable bins, the first four moments, the mass beyond 3 and 4 standard
 * deviations and beyond the ziggurat's base, serial correlation, and the
 * independence of the layer (the low bits of a draw's uniform) and the value (its
 * other bits), which the original ziggurat lacked. Every bound is two-sided 99.9%
 * (or its chi-square equivalent) and the streams are seeded, so the tests are not flaky.
 */
import { describe, expect, it } from 'vitest';
import { EXPONENTIAL_X, exponentialDraw, exponentialFrom, exponentialUniforms, NORMAL_X, normalDraw } from '../../src/engine/distributions.ts';
import { counterUniform, drawFrom, drawingFrom, nextUniform } from '../../src/engine/random.ts';
import { gammaP } from '../../src/engine/special.ts';

const Z = 3.29; // two-sided 99.9%
const W1 = 0x2545f491 | 0, W2 = 0x6c8e9cf5 | 0;

/** The standard normal distribution function, from the incomplete gamma: P(|X| < x) = P(1/2, x^2 / 2). */
const Phi = (x: number) => 0.5 + 0.5 * Math.sign(x) * gammaP(0.5, (x * x) / 2);

/** The 99.9% point of chi-square with `df` degrees of freedom (Wilson-Hilferty; within 0.5% for df >= 30). */
function chiSquare999(df: number): number {
  const a = 2 / (9 * df);
  return df * (1 - a + 3.090232 * Math.sqrt(a)) ** 3;
}

/** `n` draws of `draw` from the counter-based stream (W1, W2), as the engine makes them. */
function draws(draw: () => number, n: number, first = 0): Float64Array {
  drawFrom(W1, W2, first);
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) xs[i] = draw();
  return xs;
}

/** The largest distance between the sample's distribution function and `cdf`. */
function ksDistance(xs: Float64Array, cdf: (x: number) => number): number {
  const s = Float64Array.from(xs).sort();
  const n = s.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(s[i]);
    d = Math.max(d, Math.abs(f - i / n), Math.abs((i + 1) / n - f));
  }
  return d;
}

/** Pearson's chi-square of the sample over `bins` bins of equal probability under `cdf`. */
function equiprobableChiSquare(xs: Float64Array, cdf: (x: number) => number, bins: number): number {
  const counts = new Float64Array(bins);
  for (const x of xs) counts[Math.min(bins - 1, Math.floor(cdf(x) * bins))]++;
  const expected = xs.length / bins;
  return counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
}

/** Sample mean, variance, skewness and kurtosis. */
function moments(xs: Float64Array): { mean: number; variance: number; skew: number; kurtosis: number } {
  const n = xs.length;
  let mean = 0;
  for (const x of xs) mean += x;
  mean /= n;
  let m2 = 0, m3 = 0, m4 = 0;
  for (const x of xs) {
    const d = x - mean, d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
  }
  m2 /= n;
  m3 /= n;
  m4 /= n;
  return { mean, variance: m2, skew: m3 / m2 ** 1.5, kurtosis: m4 / (m2 * m2) };
}

/** Lag-1 correlation of the sample (of f(x)). */
function serialCorrelation(xs: Float64Array, f: (x: number) => number = (x) => x): number {
  const n = xs.length - 1;
  let ma = 0, mb = 0;
  for (let i = 0; i < n; i++) {
    ma += f(xs[i]);
    mb += f(xs[i + 1]);
  }
  ma /= n;
  mb /= n;
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < n; i++) {
    const a = f(xs[i]) - ma, b = f(xs[i + 1]) - mb;
    sab += a * b;
    saa += a * a;
    sbb += b * b;
  }
  return sab / Math.sqrt(saa * sbb);
}

/** Whether `count` successes of `n` trials are within the 99.9% interval of probability p. */
function withinBinomial(count: number, n: number, p: number): boolean {
  return Math.abs(count - n * p) <= Z * Math.sqrt(n * p * (1 - p));
}

/**
 * Chi-square of the draws of one uniform against "uniform over the layer's inner box,
 * whatever the layer": such a draw was accepted in layer i's inner box (below
 * X[i + 1]), i being the uniform's low bits, at a point set by the other bits. Over
 * 8 bins of the box per layer, with known expected counts: (layers - 1) x 7 degrees
 * of freedom (the top layer has no inner box). `position` maps a draw to (0, 1) given
 * the box's width.
 */
function layerIndependence(draw: () => number, X: Float64Array, layers: number, position: (x: number, width: number) => number): number {
  const BINS = 8, M = 2_000_000;
  let k = 0, used = 0, first = 0;
  const u = () => {
    const v = counterUniform(W1, W2, k++);
    if (used++ === 0) first = v;
    return v;
  };
  const counts = new Float64Array(layers * BINS), totals = new Float64Array(layers);
  const outer = drawingFrom(u);
  try {
    for (let j = 0; j < M; j++) {
      used = 0;
      const x = draw();
      if (used !== 1) continue;
      const layer = (first * 4294967296) & (layers - 1);
      const w = position(x, X[layer + 1]);
      counts[layer * BINS + Math.min(BINS - 1, Math.floor(w * BINS))]++;
      totals[layer]++;
    }
  } finally {
    drawingFrom(outer);
  }
  expect(totals[layers - 1]).toBe(0);
  let chi = 0;
  for (let layer = 0; layer < layers - 1; layer++) {
    const expected = totals[layer] / BINS;
    for (let b = 0; b < BINS; b++) chi += (counts[layer * BINS + b] - expected) ** 2 / expected;
  }
  return chi;
}

/** Counts of draws above each of `cuts` (and below minus each, when `sides` is 2) in `M` draws from counter `first` on. */
function tailCounts(draw: () => number, cuts: number[], M: number, first: number): { above: Float64Array; below: Float64Array } {
  drawFrom(W1, W2, first);
  const above = new Float64Array(cuts.length), below = new Float64Array(cuts.length);
  for (let i = 0; i < M; i++) {
    const x = draw();
    for (let c = 0; c < cuts.length; c++) {
      if (x > cuts[c]) above[c]++;
      else if (x < -cuts[c]) below[c]++;
    }
  }
  return { above, below };
}

describe('the normal ziggurat (normalDraw) against N(0, 1)', () => {
  const N = 4_000_000;
  const xs = draws(normalDraw, N);

  it('the tables: every layer has the same area V, the base layer R f(R) plus the tail beyond R, to 1e-8', () => {
    // Layer i (1 to 127) is the box |x| < X[i] between heights f(X[i]) and f(X[i + 1]); the
    // base's width X[0] is V / f(R). A table off by less than the samples can show is caught here.
    const f = (x: number) => Math.exp(-0.5 * x * x);
    const R = NORMAL_X[1], V = NORMAL_X[0] * f(R);
    const tail = Math.sqrt(2 * Math.PI) * (1 - Phi(R));
    expect(Math.abs((R * f(R) + tail) / V - 1)).toBeLessThanOrEqual(1e-8);
    for (let i = 1; i < 128; i++) expect(Math.abs((NORMAL_X[i] * (f(NORMAL_X[i + 1]) - f(NORMAL_X[i]))) / V - 1), `layer ${i}`).toBeLessThanOrEqual(1e-8);
    expect(NORMAL_X[128]).toBe(0);
  });

  it(`KS distance over ${N} draws within the 99.9% bound 1.95 / sqrt(n)`, () => {
    expect(ksDistance(xs, Phi)).toBeLessThanOrEqual(1.949 / Math.sqrt(N));
  });

  it('chi-square over 1,024 equiprobable bins within its 99.9% point', () => {
    expect(equiprobableChiSquare(xs, Phi, 1024)).toBeLessThanOrEqual(chiSquare999(1023));
  });

  it('mean 0, variance 1, skewness 0 and kurtosis 3 within their 99.9% intervals', () => {
    const m = moments(xs);
    // Standard errors of the sample moments of a normal: 1, sqrt(2), sqrt(6), sqrt(24) over sqrt(n).
    expect(Math.abs(m.mean)).toBeLessThanOrEqual(Z / Math.sqrt(N));
    expect(Math.abs(m.variance - 1)).toBeLessThanOrEqual(Z * Math.sqrt(2 / N));
    expect(Math.abs(m.skew)).toBeLessThanOrEqual(Z * Math.sqrt(6 / N));
    expect(Math.abs(m.kurtosis - 3)).toBeLessThanOrEqual(Z * Math.sqrt(24 / N));
  });

  it('mass beyond 3 and 4 standard deviations, and beyond the base R = 3.4426, on each side as Phi says', () => {
    // 16 million draws: about 1,000 beyond 4 sigma, enough to see the tail sampler's law.
    const M = 16_000_000;
    const cuts = [3, NORMAL_X[1], 4];
    const { above, below } = tailCounts(normalDraw, cuts, M, 1 << 28);
    cuts.forEach((cut, c) => {
      const p = 1 - Phi(cut);
      expect(withinBinomial(above[c], M, p), `above ${cut}: ${above[c]} against ${(M * p).toFixed(0)}`).toBe(true);
      expect(withinBinomial(below[c], M, p), `below -${cut}: ${below[c]} against ${(M * p).toFixed(0)}`).toBe(true);
    });
  });

  it('consecutive draws uncorrelated, and their squares too', () => {
    expect(Math.abs(serialCorrelation(xs))).toBeLessThanOrEqual(Z / Math.sqrt(N));
    expect(Math.abs(serialCorrelation(xs, (x) => x * x))).toBeLessThanOrEqual(Z / Math.sqrt(N));
  });

  it("the value is independent of the layer: a draw of one uniform is uniform over its layer's inner box, for each of the 127 layers", () => {
    // The normal's box is symmetric: |x| < NORMAL_X[i + 1], mapped to (0, 1).
    expect(layerIndependence(normalDraw, NORMAL_X, 128, (x, width) => (x / width + 1) / 2)).toBeLessThanOrEqual(chiSquare999(127 * 7));
  });
});

describe('the exponential ziggurat (exponentialDraw) against Exp(1)', () => {
  const N = 4_000_000;
  const xs = draws(exponentialDraw, N);
  const F = (x: number) => 1 - Math.exp(-x);

  it('the tables: every layer has the same area V, the base layer R exp(-R) plus the tail beyond R, to 1e-8', () => {
    const R = EXPONENTIAL_X[1], V = EXPONENTIAL_X[0] * Math.exp(-R);
    expect(Math.abs((R * Math.exp(-R) + Math.exp(-R)) / V - 1)).toBeLessThanOrEqual(1e-8);
    for (let i = 1; i < 256; i++) expect(Math.abs((EXPONENTIAL_X[i] * (Math.exp(-EXPONENTIAL_X[i + 1]) - Math.exp(-EXPONENTIAL_X[i]))) / V - 1), `layer ${i}`).toBeLessThanOrEqual(1e-8);
    expect(EXPONENTIAL_X[256]).toBe(0);
  });

  it(`KS distance over ${N} draws within the 99.9% bound 1.95 / sqrt(n)`, () => {
    expect(ksDistance(xs, F)).toBeLessThanOrEqual(1.949 / Math.sqrt(N));
  });

  it('chi-square over 1,024 equiprobable bins within its 99.9% point', () => {
    expect(equiprobableChiSquare(xs, F, 1024)).toBeLessThanOrEqual(chiSquare999(1023));
  });

  it('mean 1 and variance 1 within their 99.9% intervals', () => {
    const m = moments(xs);
    // The sample variance's standard error is sqrt((mu4 - sigma^4) / n) = sqrt(8 / n) for Exp(1).
    expect(Math.abs(m.mean - 1)).toBeLessThanOrEqual(Z / Math.sqrt(N));
    expect(Math.abs(m.variance - 1)).toBeLessThanOrEqual(Z * Math.sqrt(8 / N));
  });

  it('mass beyond 5, beyond the base R = 7.697 and beyond 10 as exp(-x) says', () => {
    const M = 16_000_000;
    const cuts = [5, EXPONENTIAL_X[1], 10];
    const { above, below } = tailCounts(exponentialDraw, cuts, M, 1 << 28);
    cuts.forEach((cut, c) => {
      const p = Math.exp(-cut);
      expect(withinBinomial(above[c], M, p), `above ${cut}: ${above[c]} against ${(M * p).toFixed(0)}`).toBe(true);
      expect(below[c]).toBe(0);
    });
  });

  it('consecutive draws uncorrelated', () => {
    expect(Math.abs(serialCorrelation(xs))).toBeLessThanOrEqual(Z / Math.sqrt(N));
  });

  it("the value is independent of the layer: a draw of one uniform is uniform over its layer's inner box, for each of the 255 layers", () => {
    expect(layerIndependence(exponentialDraw, EXPONENTIAL_X, 256, (x, width) => x / width)).toBeLessThanOrEqual(chiSquare999(255 * 7));
  });

  it('exponentialFrom(u) gives exponentialDraw\'s draws, to the bit, and counts the uniforms it read', () => {
    let k = 0;
    const u = () => counterUniform(W1, W2, k++);
    drawFrom(W1, W2, 0);
    let slow = 0, differ = 0, miscounted = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = exponentialDraw();
      const before = k;
      if (!Object.is(exponentialFrom(u), x)) differ++;
      if (exponentialUniforms[0] !== k - before) miscounted++;
      if (k - before > 1) slow++;
    }
    expect([differ, miscounted]).toEqual([0, 0]);
    // Both read the same numbers: after 100,000 draws they stand at the same place of the stream.
    expect(nextUniform()).toBe(counterUniform(W1, W2, k));
    // The slow paths (wedges, tail) were taken: 2.2% of draws.
    expect(slow).toBeGreaterThan(1000);
  });
});
