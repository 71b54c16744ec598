/**
 * Every distribution against its stated parameters: the sample mean within the
 * 99.9% interval of the stated mean (sd / sqrt(n)), the sample P90 within the
 * 99.9% interval of the stated P90 (order-statistic error sqrt(p(1-p)/n) / density),
 * and the business parameters (mean, P90, cv) honoured exactly by the compiled form.
 */
import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { compileDist, distProblem, drawn, type Distribution } from '../../src/engine/distributions.ts';
import { counterUniform, drawFrom, nextUniform } from '../../src/engine/random.ts';
import { gammaP, gammaQuantile, logGamma, normalQuantile } from '../../src/engine/special.ts';
import type { DistSpec } from '../../src/scenario/distribution.ts';

const N = 200_000;
const Z = 3.29; // two-sided 99.9%

/** Four significant digits, no trailing zeros: the numbers in test names. */
const fmt = (x: number) => String(Number(x.toPrecision(4)));
const relErr = (x: number, y: number) => Math.abs(x / y - 1);

/** Each case: a name, the specification, and a check that the compiled form honours the parameters as written. */
const cases: [string, DistSpec, (d: Distribution) => void][] = [
  ['plain number 3', 3, (d) => expect([d.mean, d.variance, d.quantile(0.9)]).toEqual([3, 0, 3])],
  ['fixed 3', { kind: 'fixed', value: 3 }, (d) => expect([d.mean, d.variance, d.quantile(0.1)]).toEqual([3, 0, 3])],
  ['uniform 2 to 10', { kind: 'uniform', min: 2, max: 10 }, (d) => expect([d.quantile(0), d.mean, d.quantile(1)]).toEqual([2, 6, 10])],
  ['triangular 1, 4, 10', { kind: 'triangular', min: 1, mode: 4, max: 10 }, (d) => {
    // The mode splits the mass (4 - 1) / (10 - 1) = 1/3 to its left.
    expect([d.quantile(0), d.quantile(1)]).toEqual([1, 10]);
    expect(d.quantile(1 / 3)).toBeCloseTo(4, 12);
  }],
  ['exponential mean 5', { kind: 'exponential', mean: 5 }, (d) => expect([d.mean, d.variance]).toEqual([5, 25])],
  ['gamma by mean 30 and P90 60', { kind: 'gamma', mean: 30, p90: 60 }, (d) => {
    expect(relErr(d.mean, 30)).toBeLessThanOrEqual(1e-12);
    expect(relErr(d.quantile(0.9), 60)).toBeLessThanOrEqual(1e-6);
  }],
  ['gamma by mean 7 and P90 20 (shape below 1)', { kind: 'gamma', mean: 7, p90: 20 }, (d) => {
    expect(relErr(d.mean, 7)).toBeLessThanOrEqual(1e-12);
    expect(relErr(d.quantile(0.9), 20)).toBeLessThanOrEqual(1e-6);
  }],
  ['gamma by mean 7 and cv 0.5', { kind: 'gamma', mean: 7, cv: 0.5 }, (d) => {
    expect(relErr(d.mean, 7)).toBeLessThanOrEqual(1e-12);
    expect(relErr(Math.sqrt(d.variance) / d.mean, 0.5)).toBeLessThanOrEqual(1e-12);
  }],
  ['gamma by mean 10 and cv 2 (shape 0.25)', { kind: 'gamma', mean: 10, cv: 2 }, (d) => {
    expect(relErr(d.mean, 10)).toBeLessThanOrEqual(1e-12);
    expect(relErr(Math.sqrt(d.variance) / d.mean, 2)).toBeLessThanOrEqual(1e-12);
  }],
  ['erlang mean 6, k 3', { kind: 'erlang', mean: 6, k: 3 }, (d) => {
    expect(relErr(d.mean, 6)).toBeLessThanOrEqual(1e-12);
    expect(relErr(d.variance, 36 / 3)).toBeLessThanOrEqual(1e-12);
  }],
  ['erlang mean 20, k 40', { kind: 'erlang', mean: 20, k: 40 }, (d) => {
    expect(relErr(d.mean, 20)).toBeLessThanOrEqual(1e-12);
    expect(relErr(d.variance, 400 / 40)).toBeLessThanOrEqual(1e-12);
  }],
  ['lognormal by mean 60 and P90 110', { kind: 'lognormal', mean: 60, p90: 110 }, (d) => {
    expect(relErr(d.mean, 60)).toBeLessThanOrEqual(1e-12);
    expect(relErr(d.quantile(0.9), 110)).toBeLessThanOrEqual(1e-6);
  }],
  ['lognormal by mean 1.2M and cv 0.8', { kind: 'lognormal', mean: 1_200_000, cv: 0.8 }, (d) => {
    expect(relErr(d.mean, 1_200_000)).toBeLessThanOrEqual(1e-12);
    expect(relErr(Math.sqrt(d.variance) / d.mean, 0.8)).toBeLessThanOrEqual(1e-12);
  }],
  ['empirical 1, 2, 2, 3, 10', { kind: 'empirical', values: [1, 2, 2, 3, 10] }, (d) => {
    // Population moments of the list; P90 is 10 because P(X <= 3) is only 0.8.
    expect([d.mean, d.quantile(0.9), d.quantile(0.2), d.quantile(0.5)]).toEqual([3.6, 10, 1, 2]);
    expect(d.variance).toBeCloseTo(10.64, 12);
  }],
];

describe('sample mean and P90 against the stated distribution', () => {
  for (const [name, spec] of cases) {
    const d = compileDist(spec);
    const u = seedrandom.xor128(`dist:${name}`);
    const xs = new Float64Array(N);
    let sum = 0;
    for (let i = 0; i < N; i++) sum += xs[i] = d.sample(u);
    const mean = sum / N;
    xs.sort();
    const p90 = xs[Math.ceil(0.9 * N) - 1];

    it(`${name}: sample mean within 99.9% CI of ${fmt(d.mean)}`, () => {
      // The slack is rounding in the sum, for the zero-variance kinds.
      expect(Math.abs(mean - d.mean)).toBeLessThanOrEqual(Z * Math.sqrt(d.variance / N) + 1e-12 * Math.abs(d.mean));
    });

    it(`${name}: sample P90 within 99.9% CI of ${fmt(d.quantile(0.9))}`, () => {
      // For a discrete distribution with no step at 0.9 the density is infinite, the tolerance 0
      // and the sample P90 must be exactly the value the quantile names.
      const density = 0.002 / (d.quantile(0.901) - d.quantile(0.899));
      expect(Math.abs(p90 - d.quantile(0.9))).toBeLessThanOrEqual((Z * Math.sqrt((0.9 * 0.1) / N)) / density);
    });
  }
});

describe('business parameters honoured as written', () => {
  for (const [name, spec, honours] of cases) {
    it(`${name}: compiled mean, spread and quantiles as specified`, () => honours(compileDist(spec)));
  }
  for (const [mean, p90] of [[7, 14], [5, 10], [30, 50], [10, 29.9], [10, 10.021]]) {
    it(`gamma by mean ${mean} and P90 ${p90}: quantile(0.9) is ${p90} to 1e-6`, () => {
      expect(relErr(compileDist({ kind: 'gamma', mean, p90 }).quantile(0.9), p90)).toBeLessThanOrEqual(1e-6);
    });
  }
  for (const [mean, p90] of [[240, 330], [1_200_000, 2_200_000], [10, 22.7]]) {
    it(`lognormal by mean ${mean} and P90 ${p90}: quantile(0.9) is ${p90} to 1e-6`, () => {
      expect(relErr(compileDist({ kind: 'lognormal', mean, p90 }).quantile(0.9), p90)).toBeLessThanOrEqual(1e-6);
    });
  }
});

describe('invalid parameters', () => {
  const invalid: [DistSpec, string][] = [
    [NaN, 'value must be a finite number (got NaN)'],
    [{ kind: 'fixed', value: Infinity }, 'value must be a finite number (got Infinity)'],
    [{ kind: 'uniform', min: 5, max: 2 }, 'min must be <= max (got min 5, max 2)'],
    [{ kind: 'uniform', min: NaN, max: 2 }, 'min must be a finite number (got NaN)'],
    [{ kind: 'triangular', min: 1, mode: 12, max: 10 }, 'must have min <= mode <= max (got min 1, mode 12, max 10)'],
    [{ kind: 'exponential', mean: 0 }, 'mean must be > 0 (got 0)'],
    [{ kind: 'erlang', mean: -2, k: 3 }, 'mean must be > 0 (got -2)'],
    [{ kind: 'erlang', mean: 3, k: 1.5 }, 'k must be a whole number >= 1 (got 1.5)'],
    [{ kind: 'erlang', mean: 3, k: 0 }, 'k must be a whole number >= 1 (got 0)'],
    [{ kind: 'gamma', mean: 0, cv: 1 }, 'mean must be > 0 (got 0)'],
    [{ kind: 'gamma', mean: 10, p90: 20, cv: 0.5 }, 'give either p90 or cv, not both (got p90 20, cv 0.5)'],
    [{ kind: 'gamma', mean: 10 }, 'give p90 or cv with the mean (got neither)'],
    [{ kind: 'gamma', mean: 10, cv: 0 }, 'cv must be > 0 (got 0)'],
    [{ kind: 'gamma', mean: 10, p90: 8 }, 'p90 must be greater than mean (got mean 10, p90 8)'],
    [{ kind: 'gamma', mean: 10, p90: 35 }, 'p90 must be less than 30 (3 x mean) for a gamma (got mean 10, p90 35)'],
    [{ kind: 'gamma', mean: 10, p90: 10.01 }, 'p90 must be at least 10.02 (1.002 x mean) for a gamma (got mean 10, p90 10.01)'],
    [{ kind: 'lognormal', mean: -1, p90: 3 }, 'mean must be > 0 (got -1)'],
    [{ kind: 'lognormal', mean: 10, p90: 3, cv: 1 }, 'give either p90 or cv, not both (got p90 3, cv 1)'],
    [{ kind: 'lognormal', mean: 10, p90: 10 }, 'p90 must be greater than mean (got mean 10, p90 10)'],
    [{ kind: 'lognormal', mean: 10, p90: 30 }, 'p90 must be less than 22.73 (2.27 x mean) for a lognormal (got mean 10, p90 30)'],
    [{ kind: 'empirical', values: [] }, 'values must be a non-empty list'],
    [{ kind: 'empirical', values: [1, NaN] }, 'values must be finite numbers (got NaN)'],
  ];
  for (const [spec, message] of invalid) {
    it(`${JSON.stringify(spec)}: "${message}"`, () => {
      expect(distProblem(spec)).toBe(message);
      expect(() => compileDist(spec)).toThrow(message);
    });
  }
  it('every case in the sampling table is valid', () => {
    for (const [, spec] of cases) expect(distProblem(spec)).toBeNull();
  });
});

describe('draws', () => {
  for (const [name, spec] of cases) {
    it(`${name}: the same seed gives the same 5 draws`, () => {
      const d = compileDist(spec);
      const draw = () => {
        const u = seedrandom.xor128('same');
        return Array.from({ length: 5 }, () => d.sample(u));
      };
      expect(draw()).toEqual(draw());
    });
  }

  it('uniform, triangular, empirical: one uniform per draw; erlang k 3: three; exponential (a ziggurat): 1.03 on average', () => {
    const per = (spec: DistSpec, draws = 100) => {
      const rng = seedrandom.xor128('count');
      let calls = 0;
      const u = () => (calls++, rng());
      const d = compileDist(spec);
      for (let i = 0; i < draws; i++) d.sample(u);
      return calls / draws;
    };
    expect([cases[2], cases[3], cases[13]].map(([, s]) => per(s))).toEqual([1, 1, 1]);
    expect(per({ kind: 'erlang', mean: 6, k: 3 })).toBe(3);
    // One uniform, and a second for the 2.2% of tries outside a layer's inner box (engine 7): 1.034 expected, sd 0.002 at 10,000 draws.
    const exponential = per(cases[4][1], 10_000);
    expect(exponential).toBeGreaterThanOrEqual(1.025);
    expect(exponential).toBeLessThanOrEqual(1.042);
  });

  it('erlang k 100 with uniforms just below 1: finite, the sum of the phases (no underflow of the product)', () => {
    // Each phase is -(mean / k) ln(2^-53); their product, 2^-5300, would underflow to 0 and the log to -Infinity.
    const u = () => 1 - 2 ** -53;
    expect(compileDist({ kind: 'erlang', mean: 100, k: 100 }).sample(u)).toBeCloseTo(100 * 53 * Math.LN2, 9);
  });

  it('empirical: a compiled list does not follow later edits to the scenario list', () => {
    const values = [7, 8, 9, 123];
    const d = compileDist({ kind: 'empirical', values });
    values[0] = -1;
    expect(d.sample(() => 0)).toBe(7);
  });
});

describe('special functions', () => {
  it('normalQuantile: 0.5 -> 0, 0.975 -> 1.959963985, 1e-10 -> -6.361340902, ends infinite', () => {
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 8);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 7);
    expect([normalQuantile(0), normalQuantile(1)]).toEqual([-Infinity, Infinity]);
  });

  it('logGamma: ln Gamma(0.5) = ln sqrt(pi), ln Gamma(10) = ln 9!, ln Gamma(0.1) = 2.252712651734206', () => {
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 13);
    expect(logGamma(10)).toBeCloseTo(Math.log(362_880), 12);
    expect(logGamma(0.1)).toBeCloseTo(2.252712651734206, 12);
  });

  it('gammaP: shape 1 is 1 - e^-x; shape 2 is 1 - (1 + x) e^-x, on both sides of x = a + 1', () => {
    for (const x of [0.01, 0.5, 1.9, 2.1, 7, 30]) {
      expect(gammaP(1, x)).toBeCloseTo(1 - Math.exp(-x), 14);
      expect(gammaP(2, x)).toBeCloseTo(1 - (1 + x) * Math.exp(-x), 14);
    }
  });

  it('gammaQuantile inverts gammaP to 1e-12 for shapes 0.21 to 40, to 1e-9 at 1e5, for p 1e-6 to 0.999', () => {
    // At shape 1e5, P itself carries about 1e-10 of rounding (a log prefix near 1e6 in size).
    for (const [a, tolerance] of [[0.21, 1e-12], [0.5, 1e-12], [1, 1e-12], [3.7, 1e-12], [40, 1e-12], [1e5, 1e-9]]) {
      for (const p of [1e-6, 0.1, 0.5, 0.9, 0.999]) expect(Math.abs(gammaP(a, gammaQuantile(a, p)) - p)).toBeLessThanOrEqual(tolerance);
    }
    expect(gammaQuantile(1, 0.9)).toBeCloseTo(Math.log(10), 12);
  });

  it('gamma P90 / mean peaks at 3.025 near shape 0.203: fits keep to shapes above it', () => {
    const ratio = (k: number) => gammaQuantile(k, 0.9) / k;
    expect(ratio(0.203)).toBeCloseTo(3.0246, 4);
    expect(ratio(0.203)).toBeGreaterThan(Math.max(ratio(0.19), ratio(0.21)));
    expect(ratio(0.21)).toBeGreaterThan(3);
  });
});

describe("the engine's draws (draw, from the stream set by drawFrom) and sample(u)", () => {
  const W1 = 0x12345678 | 0, W2 = 0x9abcdef0 | 0;
  /** Draws 0, 1, 2, ... of the counter-based stream (W1, W2), as a Uniform. */
  const stream = () => {
    let n = 0;
    return () => counterUniform(W1, W2, n++);
  };

  for (const [name, spec] of cases) {
    it(`${name}: draw gives sample(u)'s numbers, to the bit, from the same stream`, () => {
      const d = compileDist(spec);
      const u = stream();
      drawFrom(W1, W2, 0);
      for (let i = 0; i < 500; i++) {
        d.draw();
        expect(Object.is(drawn[0], d.sample(u))).toBe(true);
      }
    });
  }

  it('sample(u) leaves the stream set by drawFrom where it was, even when u throws', () => {
    const d = compileDist({ kind: 'lognormal', mean: 60, p90: 110 });
    drawFrom(W1, W2, 5);
    d.sample(seedrandom.xor128('other'));
    expect(() => d.sample(() => { throw new Error('no numbers'); })).toThrow('no numbers');
    expect(nextUniform()).toBe(counterUniform(W1, W2, 5));
    expect(nextUniform()).toBe(counterUniform(W1, W2, 6));
  });
});
