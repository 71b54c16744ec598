/**
 * Distributions compiled from business-term specifications: each draws from the
 * engine's current stream (random.ts, drawFrom) or from an injected uniform
 * generator, and states its exact mean, variance and quantiles, which the tests
 * compare against samples.
 */
import type { DistSpec } from '../scenario/distribution.ts';
import { gammaQuantile, normalQuantile } from './special.ts';
import { drawingFrom, nextBits, nextUniform, type Uniform } from './random.ts';

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
  if (typeof spec === 'number') return new Fixed(spec);
  switch (spec.kind) {
    case 'fixed':
      return new Fixed(spec.value);
    case 'uniform':
      return new UniformDist(spec.min, spec.max);
    case 'triangular':
      return new Triangular(spec.min, spec.mode, spec.max);
    case 'exponential':
      return new Exponential(spec.mean);
    case 'erlang':
      return new Erlang(spec.mean, spec.k);
    case 'gamma':
      return new Gamma(spec.mean, spec.cv !== undefined ? 1 / (spec.cv * spec.cv) : gammaShapeForP90(spec.p90! / spec.mean));
    case 'lognormal': {
      // By P90: ln p90 = mu + z90 sigma with mu = ln mean - sigma^2 / 2; the smaller root keeps the tail sane.
      const sigma = spec.cv !== undefined ? Math.sqrt(Math.log(1 + spec.cv * spec.cv)) : Z90 - Math.sqrt(Z90 * Z90 - 2 * Math.log(spec.p90! / spec.mean));
      return new Lognormal(spec.mean, sigma);
    }
    case 'empirical':
      return new Empirical(spec.values);
  }
}

/**
 * Where `draw` puts its draw. A number returned from a call V8 does not inline is
 * boxed as a new heap number, and the engine's handlers are too large to inline
 * every sampler they call: returned, the samplers' draws were about 0.9 MB of a
 * baseline replication's 2.9. A Float64Array element holds a double unboxed.
 */
export const drawn = new Float64Array(1);

/**
 * A distribution the engine samples from: one class per kind, its parameters in
 * fields. An engine call site draws from one kind (the baseline's IS work is always
 * a gamma), so it sees one class and calls its `draw` directly, with the uniforms
 * (nextUniform, a plain function rather than a closure passed in) inlined into it.
 */
export abstract class Distribution {
  constructor(
    readonly mean: number,
    readonly variance: number,
  ) {}

  /** One draw from the stream set by `drawFrom` (random.ts), put in `drawn[0]`; allocates nothing, since the engine draws millions of times a second. */
  abstract draw(): void;

  /** The p-quantile (0 < p < 1). */
  abstract quantile(p: number): number;

  /** One draw from uniforms `u` on [0, 1): the same draw as `draw` from a stream giving the same numbers. */
  sample(u: Uniform): number {
    const outer = drawingFrom(u);
    try {
      this.draw();
      return drawn[0];
    } finally {
      drawingFrom(outer);
    }
  }
}

class Fixed extends Distribution {
  constructor(private readonly value: number) {
    super(value, 0);
  }
  draw(): void {
    drawn[0] = this.value;
  }
  quantile(): number {
    return this.value;
  }
}

class UniformDist extends Distribution {
  private readonly width: number;
  constructor(private readonly min: number, max: number) {
    const w = max - min;
    super((min + max) / 2, (w * w) / 12);
    this.width = w;
  }
  draw(): void {
    drawn[0] = this.min + this.width * nextUniform();
  }
  quantile(p: number): number {
    return this.min + this.width * p;
  }
}

class Triangular extends Distribution {
  private readonly cut: number;
  private readonly left: number;
  private readonly right: number;
  constructor(private readonly a: number, c: number, private readonly b: number) {
    super((a + b + c) / 3, (a * a + b * b + c * c - a * b - a * c - b * c) / 18);
    const w = b - a;
    this.cut = w > 0 ? (c - a) / w : 0.5;
    this.left = w * (c - a);
    this.right = w * (b - c);
  }
  draw(): void {
    drawn[0] = this.quantile(nextUniform());
  }
  quantile(p: number): number {
    return p < this.cut ? this.a + Math.sqrt(p * this.left) : this.b - Math.sqrt((1 - p) * this.right);
  }
}

/** 2^-24: the step of the bits of a uniform the ziggurats keep for the value (its low bits choose the layer). */
const STEP_24 = 2 ** -24;

/** Where a ziggurat's slow path puts its draw (see normalOutside). */
const slowDrawn = new Float64Array(1);

/**
 * The exponential ziggurat (Marsaglia and Tsang 2000): the density exp(-x) covered
 * by 256 layers of equal area V, layer i the box [0, EXPONENTIAL_X[i]) between
 * heights exp(-EXPONENTIAL_X[i]) and exp(-EXPONENTIAL_X[i + 1]); the base layer (0)
 * is the box under exp(-R) out to R plus the tail beyond R, its EXPONENTIAL_X[0] =
 * V / exp(-R). R and V are theirs. Computed once at module load.
 */
const EXPONENTIAL_LAYERS = 256;
const EXPONENTIAL_R = 7.69711747013105;
const EXPONENTIAL_V = 3.949659822581572e-3;
/** Widths of the layers (EXPONENTIAL_X[256] = 0, the top); exported for the tests of the sampler's law. */
export const EXPONENTIAL_X = new Float64Array(EXPONENTIAL_LAYERS + 1);
/** EXPONENTIAL_X[i + 1] / EXPONENTIAL_X[i]: the share of layer i's box that lies wholly under the curve. */
const EXPONENTIAL_INNER = new Float64Array(EXPONENTIAL_LAYERS);
/** exp(-EXPONENTIAL_X[i]): the height of layer i's floor (EXPONENTIAL_F[256] = 1). */
const EXPONENTIAL_F = new Float64Array(EXPONENTIAL_LAYERS + 1);
{
  EXPONENTIAL_X[0] = EXPONENTIAL_V / Math.exp(-EXPONENTIAL_R);
  EXPONENTIAL_X[1] = EXPONENTIAL_R;
  for (let i = 2; i < EXPONENTIAL_LAYERS; i++) EXPONENTIAL_X[i] = -Math.log(EXPONENTIAL_V / EXPONENTIAL_X[i - 1] + Math.exp(-EXPONENTIAL_X[i - 1]));
  EXPONENTIAL_X[EXPONENTIAL_LAYERS] = 0;
  for (let i = 0; i < EXPONENTIAL_LAYERS; i++) EXPONENTIAL_INNER[i] = EXPONENTIAL_X[i + 1] / EXPONENTIAL_X[i];
  for (let i = 0; i <= EXPONENTIAL_LAYERS; i++) EXPONENTIAL_F[i] = Math.exp(-EXPONENTIAL_X[i]);
}

/**
 * A standard exponential draw by the ziggurat (see EXPONENTIAL_X) from the engine's
 * stream: as normalDraw, one uniform gives the layer (its low 8 bits) and the value
 * (its other 24 bits, as a point of (0, 1)), so 97.8% of draws cost one uniform and
 * no log (1.03 uniforms a draw on average). Values within a layer lie 5e-7 means
 * apart or closer; the tail beyond R = 7.7 means (1 draw in 2,200) is R plus a fresh
 * exponential by inversion, at full resolution (the law is memoryless).
 */
export function exponentialDraw(): number {
  const bits = nextBits();
  const i = bits & (EXPONENTIAL_LAYERS - 1);
  const u = ((bits >>> 8) + 0.5) * STEP_24;
  if (u < EXPONENTIAL_INNER[i]) return u * EXPONENTIAL_X[i];
  exponentialOutside(nextUniform, i, u);
  return slowDrawn[0];
}

/** How many uniforms the last exponentialFrom read (1 on its fast path): a process that counts its draws adds it. */
export const exponentialUniforms = new Int32Array(1);

/**
 * exponentialDraw's draw from the uniforms `u` rather than the engine's stream (the
 * arrival process's own stream), the same function of the same numbers; the number
 * of uniforms read goes to exponentialUniforms[0]. The fast path is written out a
 * second time: one function called with both a closure and nextUniform would reach
 * V8 as a call through a function value in both.
 */
export function exponentialFrom(u: Uniform): number {
  const bits = u() * 4294967296;
  const i = bits & (EXPONENTIAL_LAYERS - 1);
  const v = ((bits >>> 8) + 0.5) * STEP_24;
  if (v < EXPONENTIAL_INNER[i]) {
    exponentialUniforms[0] = 1;
    return v * EXPONENTIAL_X[i];
  }
  exponentialUniforms[0] = 1 + exponentialOutside(u, i, v);
  return slowDrawn[0];
}

/**
 * An exponential draw past its first try's inner box (2.2% of draws), from the uniforms
 * `u`: the tail, a wedge, or a new try, its draw put in `slowDrawn[0]` (see
 * normalOutside); returns the number of uniforms it read.
 */
function exponentialOutside(u: Uniform, i: number, v: number): number {
  let reads = 0;
  for (;;) {
    const w = u();
    reads++;
    if (i === 0) {
      slowDrawn[0] = EXPONENTIAL_R - Math.log(1 - w);
      return reads;
    }
    const x = v * EXPONENTIAL_X[i];
    const floor = EXPONENTIAL_F[i];
    if (floor + w * (EXPONENTIAL_F[i + 1] - floor) < Math.exp(-x)) {
      slowDrawn[0] = x;
      return reads;
    }
    const bits = u() * 4294967296;
    reads++;
    i = bits & (EXPONENTIAL_LAYERS - 1);
    v = ((bits >>> 8) + 0.5) * STEP_24;
    if (v < EXPONENTIAL_INNER[i]) {
      slowDrawn[0] = v * EXPONENTIAL_X[i];
      return reads;
    }
  }
}

class Exponential extends Distribution {
  constructor(mean: number) {
    super(mean, mean * mean);
  }
  draw(): void {
    drawn[0] = this.mean * exponentialDraw();
  }
  quantile(p: number): number {
    return -this.mean * Math.log(1 - p);
  }
}

/** Below this a running product of uniforms is logged and restarted: one more factor (>= 2^-53) stays a normal double. */
const PRODUCT_FLOOR = 1e-280;

class Erlang extends Distribution {
  private readonly scale: number;
  constructor(mean: number, private readonly k: number) {
    const scale = mean / k;
    super(mean, k * scale * scale);
    this.scale = scale;
  }
  draw(): void {
    // One log per sample rather than one per phase; the floor keeps a long product from underflowing.
    let logs = 0, product = 1;
    for (let i = 0; i < this.k; i++) {
      product *= 1 - nextUniform();
      if (product < PRODUCT_FLOOR) {
        logs += Math.log(product);
        product = 1;
      }
    }
    drawn[0] = -this.scale * (logs + Math.log(product));
  }
  quantile(p: number): number {
    return this.scale * gammaQuantile(this.k, p);
  }
}

/**
 * The normal ziggurat (Marsaglia and Tsang 2000, as Doornik 2005's ZIGNOR): the
 * density f(x) = exp(-x^2 / 2) of |x| covered by 128 layers of equal area V, layer i
 * the box |x| < NORMAL_X[i] between heights f(NORMAL_X[i]) and f(NORMAL_X[i + 1]);
 * the bottom layer (0) is the box under f(R) out to R plus the tail beyond R, its
 * NORMAL_X[0] = V / f(R) a width of the same area. R and V are Doornik's (his tables
 * give the top layer an area 1.2e-9 relative from V, far below any test's reach).
 * Computed once at module load.
 */
const NORMAL_LAYERS = 128;
const NORMAL_R = 3.442619855899;
const NORMAL_V = 9.91256303526217e-3;
/** Half-widths of the layers (NORMAL_X[128] = 0, the top); exported for the tests of the sampler's law. */
export const NORMAL_X = new Float64Array(NORMAL_LAYERS + 1);
/** NORMAL_X[i + 1] / NORMAL_X[i]: the share of layer i's box that lies wholly under the curve. */
const NORMAL_INNER = new Float64Array(NORMAL_LAYERS);
/** f(NORMAL_X[i]): the height of layer i's floor (NORMAL_F[128] = 1). */
const NORMAL_F = new Float64Array(NORMAL_LAYERS + 1);
{
  const f = (x: number) => Math.exp(-0.5 * x * x);
  NORMAL_X[0] = NORMAL_V / f(NORMAL_R);
  NORMAL_X[1] = NORMAL_R;
  for (let i = 2; i < NORMAL_LAYERS; i++) NORMAL_X[i] = Math.sqrt(-2 * Math.log(NORMAL_V / NORMAL_X[i - 1] + f(NORMAL_X[i - 1])));
  NORMAL_X[NORMAL_LAYERS] = 0;
  for (let i = 0; i < NORMAL_LAYERS; i++) NORMAL_INNER[i] = NORMAL_X[i + 1] / NORMAL_X[i];
  for (let i = 0; i <= NORMAL_LAYERS; i++) NORMAL_F[i] = f(NORMAL_X[i]);
}

/**
 * A standard normal draw by the ziggurat (see NORMAL_X): one uniform of the stream
 * (32 bits: u * 2^32 gives them back exactly) gives both the layer (its low 7 bits)
 * and the value (its other 25 bits, as a point of (-1, 1) symmetric about 0), so
 * 97% of draws cost one uniform, a multiplication and a comparison (1.04 uniforms
 * a draw on average, where the polar method took 2.55, a log, a square root and a
 * division). The
 * layer and the value come from disjoint bits, which a hashed stream makes
 * independent: the original ziggurat let the layer's bits into the value (Doornik
 * 2005). A second uniform would buy resolution only: with 25 bits, values within
 * a layer lie 2e-7 apart or closer, far below any figure shown, and the tail
 * beyond 3.44 is drawn from fresh uniforms at full resolution.
 */
export function normalDraw(): number {
  const bits = nextBits();
  const i = bits & (NORMAL_LAYERS - 1);
  const u = ((bits >>> 7) + 0.5) * STEP_24 - 1;
  if (Math.abs(u) < NORMAL_INNER[i]) return u * NORMAL_X[i];
  normalOutside(i, u);
  return slowDrawn[0];
}

/**
 * normalDraw past its first try's inner box (2.8% of draws): the tail, a wedge, or
 * a new try, its draw put in `slowDrawn[0]`. Apart so that the part inlined into
 * each sampler is small (V8 inlines by bytecode size, and the handlers that call the
 * samplers are near their budget), and not returned: a double returned from a call
 * V8 does not inline is boxed, and merged with the inner box's draw it would box that too.
 */
function normalOutside(i: number, u: number): void {
  for (;;) {
    if (i === 0) {
      slowDrawn[0] = normalTail(u < 0);
      return;
    }
    // The wedge between the box under the curve and the layer's box: a point of it at height y below f(x).
    const x = u * NORMAL_X[i];
    const floor = NORMAL_F[i];
    if (floor + nextUniform() * (NORMAL_F[i + 1] - floor) < Math.exp(-0.5 * x * x)) {
      slowDrawn[0] = x;
      return;
    }
    const bits = nextBits();
    i = bits & (NORMAL_LAYERS - 1);
    u = ((bits >>> 7) + 0.5) * STEP_24 - 1;
    if (Math.abs(u) < NORMAL_INNER[i]) {
      slowDrawn[0] = u * NORMAL_X[i];
      return;
    }
  }
}

/** The normal's tail beyond R (Marsaglia 1964), on the side `negative` says; drawn about once in 1,760 normals. */
function normalTail(negative: boolean): number {
  let x: number, y: number;
  do {
    x = -Math.log(1 - nextUniform()) / NORMAL_R;
    y = -Math.log(1 - nextUniform());
  } while (2 * y < x * x);
  return negative ? -NORMAL_R - x : NORMAL_R + x;
}

/** Marsaglia and Tsang (2000); for shape < 1, draw at shape + 1 and scale by u^(1/shape). */
class Gamma extends Distribution {
  private readonly scale: number;
  private readonly boost: boolean;
  private readonly d: number;
  private readonly c: number;
  private readonly invShape: number;
  constructor(mean: number, private readonly shape: number) {
    const scale = mean / shape;
    super(mean, shape * scale * scale);
    this.scale = scale;
    this.boost = shape < 1;
    this.d = (this.boost ? shape + 1 : shape) - 1 / 3;
    this.c = 1 / Math.sqrt(9 * this.d);
    this.invShape = 1 / shape;
  }
  draw(): void {
    const c = this.c, d = this.d;
    let v: number;
    for (;;) {
      const x = normalDraw();
      v = 1 + c * x;
      if (v <= 0) continue;
      v = v * v * v;
      const w = nextUniform();
      if (w < 1 - 0.0331 * x * x * x * x || Math.log(w) < 0.5 * x * x + d * (1 - v + Math.log(v))) break;
    }
    const g = d * v;
    drawn[0] = this.scale * (this.boost ? g * Math.pow(1 - nextUniform(), this.invShape) : g);
  }
  quantile(p: number): number {
    return this.scale * gammaQuantile(this.shape, p);
  }
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

class Lognormal extends Distribution {
  private readonly mu: number;
  constructor(mean: number, private readonly sigma: number) {
    super(mean, (Math.exp(sigma * sigma) - 1) * mean * mean);
    this.mu = Math.log(mean) - (sigma * sigma) / 2;
  }
  draw(): void {
    drawn[0] = Math.exp(this.mu + this.sigma * normalDraw());
  }
  quantile(p: number): number {
    return Math.exp(this.mu + this.sigma * normalQuantile(p));
  }
}

class Empirical extends Distribution {
  private readonly draws: Float64Array;
  private readonly sorted: Float64Array;
  constructor(values: number[]) {
    // A copy: later edits to the scenario's list must not change a compiled (and memoised) distribution.
    const draws = Float64Array.from(values);
    const n = draws.length;
    const mean = draws.reduce((a, b) => a + b, 0) / n;
    super(mean, draws.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
    this.draws = draws;
    this.sorted = Float64Array.from(values).sort();
  }
  draw(): void {
    drawn[0] = this.draws[Math.floor(nextUniform() * this.draws.length)];
  }
  /**
   * The quantile of what is drawn: the smallest listed v with P(X <= v) >= p. An
   * interpolated (type 7) percentile names values that are never drawn, and samples' P90 would miss it.
   */
  quantile(p: number): number {
    const n = this.sorted.length;
    return this.sorted[Math.min(n - 1, Math.max(0, Math.ceil(p * n - 1e-12) - 1))];
  }
}
