/**
 * Distributions compiled from business-term specifications: each samples from an
 * injected uniform generator and states its exact mean, variance and quantiles,
 * which the tests compare against samples.
 */
import type { DistSpec } from '../scenario/distribution.ts';
import { gammaQuantile, normalQuantile } from './special.ts';

/** A distribution the engine samples from. */
export interface Distribution {
  /** One draw, from uniforms on [0, 1). */
  sample(u: () => number): number;
  readonly mean: number;
  readonly variance: number;
  /** The p-quantile (0 < p < 1). */
  quantile(p: number): number;
}

const Z90 = normalQuantile(0.9);

/** A human description of what is wrong with `spec`'s parameters, or null when it is valid. */
export function distProblem(spec: DistSpec): string | null {
  if (typeof spec === 'number') return Number.isFinite(spec) ? null : `value must be a finite number (got ${spec})`;
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
      if (!(ratio > 1)) return `p90 must be greater than mean (got mean ${spec.mean}, p90 ${spec.p90})`;
      if (spec.kind === 'lognormal' && Math.log(ratio) >= (Z90 * Z90) / 2) {
        return `p90 must be less than ${(Math.exp((Z90 * Z90) / 2) * spec.mean).toPrecision(4)} (2.27 x mean) for a lognormal (got mean ${spec.mean}, p90 ${spec.p90})`;
      }
      if (spec.kind === 'gamma' && ratio >= GAMMA_MAX_RATIO) return `p90 must be less than ${(GAMMA_MAX_RATIO * spec.mean).toPrecision(4)} (${GAMMA_MAX_RATIO} x mean) for a gamma (got mean ${spec.mean}, p90 ${spec.p90})`;
      return null;
    }
    case 'empirical':
      return spec.values.length > 0 ? null : 'values must be a non-empty list';
  }
}

/** Largest P90 / mean a gamma can be fitted to here (shape 0.05). */
const GAMMA_MAX_RATIO = 2.5;

/** Compiled distributions by specification: fitting a gamma to a P90 costs milliseconds, a replication should not pay it. */
const compiled = new Map<string, Distribution>();
const COMPILED_MAX = 512;

/** Compiles a specification (memoised); throws an Error naming the problem if it is invalid. */
export function compileDist(spec: DistSpec): Distribution {
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
  const quantile = (p: number) => (w === 0 ? a : p < cut ? a + Math.sqrt(p * w * (c - a)) : b - Math.sqrt((1 - p) * w * (b - c)));
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

function erlang(mean: number, k: number): Distribution {
  const scale = mean / k;
  return {
    sample: (u) => {
      // Sum of logs rather than log of a product: no underflow for large k.
      let s = 0;
      for (let i = 0; i < k; i++) s -= Math.log(1 - u());
      return scale * s;
    },
    mean,
    variance: k * scale * scale,
    quantile: (p) => scale * gammaQuantile(k, p),
  };
}

/** A standard normal draw (Marsaglia's polar method; the second value is discarded for simplicity of streams). */
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
    return scale * (boost ? g * Math.pow(1 - u(), 1 / shape) : g);
  };
  return { sample, mean, variance: shape * scale * scale, quantile: (p) => scale * gammaQuantile(shape, p) };
}

/** The gamma shape whose P90 / mean equals `ratio` (bisection on log shape; the ratio falls as shape grows). */
export function gammaShapeForP90(ratio: number): number {
  let lo = Math.log(0.05), hi = Math.log(1e6);
  for (let i = 0; i < 200; i++) {
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
  const n = values.length;
  const sorted = [...values].sort((a, b) => a - b);
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / n;
  return {
    sample: (u) => values[Math.floor(u() * n)],
    mean,
    variance,
    // The quantile of drawing one of the values: the smallest v with P(X <= v) >= p.
    quantile: (p) => sorted[Math.min(n - 1, Math.max(0, Math.ceil(p * n - 1e-12) - 1))],
  };
}
