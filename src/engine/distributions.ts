/**
 * Distributions compiled from business-term specifications: each samples from an
 * injected uniform generator and states its exact mean, variance and quantiles,
 * which the tests compare against samples.
 */
import type { DistSpec } from '../scenario/distribution.ts';
import { gammaQuantile, normalQuantile } from './special.ts';

/** A distribution the engine samples from. */
export interface Distribution {
  /** One draw, from uniforms on [0, 1); allocates nothing, since the engine calls it millions of times a second. */
  sample(u: () => number): number;
  readonly mean: number;
  readonly variance: number;
  /** The p-quantile (0 < p < 1). */
  quantile(p: number): number;
}

const Z90 = normalQuantile(0.9);

/**
 * A gamma's P90 / mean rises from 1 (huge shape) to a peak of 3.025 at shape 0.203, then
 * falls to 0 as the shape shrinks. Fitting keeps to the falling side, where each ratio has
 * one shape and the distribution is not a spike at 0; these bound the ratios that fit.
 */
const GAMMA_MIN_SHAPE = 0.21;
const GAMMA_MAX_SHAPE = 1e6; // beyond this the incomplete-gamma series needs too many terms
const GAMMA_MAX_RATIO = 3; // P90 / mean at shape 0.25
const GAMMA_MIN_RATIO = 1.002; // P90 / mean at shape 4.1e5

/** Numbers of four significant digits without trailing zeros, for messages. */
const fmt = (x: number) => String(Number(x.toPrecision(4)));

/** A human description of what is wrong with `spec`'s parameters, or null when it is valid. */
export function distProblem(spec: DistSpec): string | null {
  if (typeof spec === 'number') return Number.isFinite(spec) ? null : `value must be a finite number (got ${spec})`;
  const nonFinite = firstNonFinite(spec);
  if (nonFinite) return nonFinite;
  switch (spec.kind) {
    case 'fixed':
      return null;
    case 'uniform':
      return spec.min <= spec.max ? null : `min must be <= max (got min ${spec.min}, max ${spec.max})`;
    case 'triangular':
      return spec.min <= spec.mode && spec.mode <= spec.max ? null : `must have min <= mode <= max (got min ${spec.min}, mode ${spec.mode}, max ${spec.max})`;
    case 'exponential':
      return spec.mean > 0 ? null : `mean must be > 0 (got ${spec.mean})`;
    case 'erlang':
      if (!(spec.mean > 0)) return `mean must be > 0 (got ${spec.mean})`;
      return Number.isInteger(spec.k) && spec.k >= 1 ? null : `k must be a whole number >= 1 (got ${spec.k})`;
    case 'gamma':
    case 'lognormal': {
      if (!(spec.mean > 0)) return `mean must be > 0 (got ${spec.mean})`;
      if (spec.p90 !== undefined && spec.cv !== undefined) return `give either p90 or cv, not both (got p90 ${spec.p90}, cv ${spec.cv})`;
      if (spec.p90 === undefined && spec.cv === undefined) return 'give p90 or cv with the mean (got neither)';
      if (spec.cv !== undefined) return spec.cv > 0 ? null : `cv must be > 0 (got ${spec.cv})`;
      const ratio = spec.p90! / spec.mean;
      const got = `(got mean ${spec.mean}, p90 ${spec.p90})`;
      if (!(ratio > 1)) return `p90 must be greater than mean ${got}`;
      if (spec.kind === 'lognormal' && Math.log(ratio) >= (Z90 * Z90) / 2) {
        // The P90 of a lognormal with a fixed mean peaks at exp(z90^2 / 2) = 2.27 x mean.
        return `p90 must be less than ${fmt(Math.exp((Z90 * Z90) / 2) * spec.mean)} (2.27 x mean) for a lognormal ${got}`;
      }
      if (spec.kind === 'gamma' && ratio >= GAMMA_MAX_RATIO) return `p90 must be less than ${fmt(GAMMA_MAX_RATIO * spec.mean)} (${GAMMA_MAX_RATIO} x mean) for a gamma ${got}`;
      if (spec.kind === 'gamma' && ratio < GAMMA_MIN_RATIO) return `p90 must be at least ${fmt(GAMMA_MIN_RATIO * spec.mean)} (${GAMMA_MIN_RATIO} x mean) for a gamma ${got}`;
      return null;
    }
    case 'empirical':
      return spec.values.length > 0 ? null : 'values must be a non-empty list';
  }
}

/** The message for the first parameter that is NaN or infinite: no formula below survives one. */
function firstNonFinite(spec: Exclude<DistSpec, number>): string | null {
  if (spec.kind === 'empirical') {
    const bad = spec.values.find((x) => !Number.isFinite(x));
    return bad === undefined ? null : `values must be finite numbers (got ${bad})`;
  }
  for (const [name, x] of Object.entries(spec)) {
    if (name !== 'kind' && x !== undefined && !Number.isFinite(x)) return `${name} must be a finite number (got ${x})`;
  }
  return null;
}

/** Compiled distributions by specification: a scenario compiles the same few specifications once per replication. */
const compiled = new Map<string, Distribution>();
const COMPILED_MAX = 512;

/** Compiles a specification (memoised); throws an Error naming the problem if it is invalid. */
export function compileDist(spec: DistSpec): Distribution {
  // Only valid, hence finite, specifications are stored, so JSON's NaN -> null cannot alias two keys.
  const key = JSON.stringify(spec);
  let dist = compiled.get(key);
  if (!dist) {
    dist = compileFresh(spec);
    if (compiled.size >= COMPILED_MAX) compiled.delete(compiled.keys().next().value!);
    compiled.set(key, dist);
  }
  return dist;
}

function compileFresh(spec: DistSpec): Distribution {
  const problem = distProblem(spec);
  if (problem) throw new Error(problem);
  if (typeof spec === 'number') return fixed(spec);
  switch (spec.kind) {
    case 'fixed':
      return fixed(spec.value);
    case 'uniform':
      return uniform(spec.min, spec.max);
    case 'triangular':
      return triangular(spec.min, spec.mode, spec.max);
    case 'exponential':
      return exponential(spec.mean);
    case 'erlang':
      return erlang(spec.mean, spec.k);
    case 'gamma':
      return gamma(spec.mean, spec.cv !== undefined ? 1 / (spec.cv * spec.cv) : gammaShapeForP90(spec.p90! / spec.mean));
    case 'lognormal': {
      // By P90: ln p90 = mu + z90 sigma with mu = ln mean - sigma^2 / 2; the smaller root keeps the tail sane.
      const sigma = spec.cv !== undefined ? Math.sqrt(Math.log(1 + spec.cv * spec.cv)) : Z90 - Math.sqrt(Z90 * Z90 - 2 * Math.log(spec.p90! / spec.mean));
      return lognormal(spec.mean, sigma);
    }
    case 'empirical':
      return empirical(spec.values);
  }
}

function fixed(value: number): Distribution {
  return { sample: () => value, mean: value, variance: 0, quantile: () => value };
}

function uniform(min: number, max: number): Distribution {
  const w = max - min;
  return { sample: (u) => min + w * u(), mean: (min + max) / 2, variance: (w * w) / 12, quantile: (p) => min + w * p };
}

function triangular(a: number, c: number, b: number): Distribution {
  const w = b - a;
  const cut = w > 0 ? (c - a) / w : 0.5;
  const left = w * (c - a), right = w * (b - c);
  const quantile = (p: number) => (p < cut ? a + Math.sqrt(p * left) : b - Math.sqrt((1 - p) * right));
  return {
    sample: (u) => quantile(u()),
    mean: (a + b + c) / 3,
    variance: (a * a + b * b + c * c - a * b - a * c - b * c) / 18,
    quantile,
  };
}

function exponential(mean: number): Distribution {
  // 1 - u lies in (0, 1], so the log is finite.
  return { sample: (u) => -mean * Math.log(1 - u()), mean, variance: mean * mean, quantile: (p) => -mean * Math.log(1 - p) };
}

/** Below this a running product of uniforms is logged and restarted: one more factor (>= 2^-53) stays a normal double. */
const PRODUCT_FLOOR = 1e-280;

function erlang(mean: number, k: number): Distribution {
  const scale = mean / k;
  return {
    sample: (u) => {
      // One log per sample rather than one per phase; the floor keeps a long product from underflowing.
      let logs = 0, product = 1;
      for (let i = 0; i < k; i++) {
        product *= 1 - u();
        if (product < PRODUCT_FLOOR) {
          logs += Math.log(product);
          product = 1;
        }
      }
      return -scale * (logs + Math.log(product));
    },
    mean,
    variance: k * scale * scale,
    quantile: (p) => scale * gammaQuantile(k, p),
  };
}

/** A standard normal draw (Marsaglia's polar method); the pair's second value is dropped so a draw depends on no earlier call. */
function normal(u: () => number): number {
  for (;;) {
    const x = 2 * u() - 1, y = 2 * u() - 1;
    const s = x * x + y * y;
    if (s > 0 && s < 1) return x * Math.sqrt((-2 * Math.log(s)) / s);
  }
}

function gamma(mean: number, shape: number): Distribution {
  const scale = mean / shape;
  // Marsaglia and Tsang (2000); for shape < 1, draw at shape + 1 and scale by u^(1/shape).
  const boost = shape < 1;
  const d = (boost ? shape + 1 : shape) - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  const invShape = 1 / shape;
  const sample = (u: () => number) => {
    let v: number;
    for (;;) {
      const x = normal(u);
      v = 1 + c * x;
      if (v <= 0) continue;
      v = v * v * v;
      const w = u();
      if (w < 1 - 0.0331 * x * x * x * x || Math.log(w) < 0.5 * x * x + d * (1 - v + Math.log(v))) break;
    }
    const g = d * v;
    return scale * (boost ? g * Math.pow(1 - u(), invShape) : g);
  };
  return { sample, mean, variance: shape * scale * scale, quantile: (p) => scale * gammaQuantile(shape, p) };
}

/**
 * The gamma shape whose P90 / mean equals `ratio`, for ratios in [1.002, 3): bisection on
 * log shape over the side where the ratio falls as the shape grows (see GAMMA_MIN_SHAPE).
 */
export function gammaShapeForP90(ratio: number): number {
  let lo = Math.log(GAMMA_MIN_SHAPE), hi = Math.log(GAMMA_MAX_SHAPE);
  while (hi - lo > 1e-14) {
    const mid = (lo + hi) / 2;
    const k = Math.exp(mid);
    if (gammaQuantile(k, 0.9) / k > ratio) lo = mid;
    else hi = mid;
  }
  return Math.exp((lo + hi) / 2);
}

function lognormal(mean: number, sigma: number): Distribution {
  const mu = Math.log(mean) - (sigma * sigma) / 2;
  return {
    sample: (u) => Math.exp(mu + sigma * normal(u)),
    mean,
    variance: (Math.exp(sigma * sigma) - 1) * mean * mean,
    quantile: (p) => Math.exp(mu + sigma * normalQuantile(p)),
  };
}

function empirical(values: number[]): Distribution {
  // A copy: later edits to the scenario's list must not change a compiled (and memoised) distribution.
  const draws = Float64Array.from(values);
  const n = draws.length;
  const sorted = Float64Array.from(values).sort();
  const mean = draws.reduce((a, b) => a + b, 0) / n;
  const variance = draws.reduce((a, b) => a + (b - mean) ** 2, 0) / n;
  return {
    sample: (u) => draws[Math.floor(u() * n)],
    mean,
    variance,
    // The quantile of what sample() draws: the smallest listed v with P(X <= v) >= p. An
    // interpolated (type 7) percentile names values that are never drawn, and samples' P90 would miss it.
    quantile: (p) => sorted[Math.min(n - 1, Math.max(0, Math.ceil(p * n - 1e-12) - 1))],
  };
}
