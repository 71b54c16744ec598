/**
 * Every distribution against its stated parameters: the sample mean within the
 * 99.9% interval of the stated mean (sd / sqrt(n)), the sample P90 within the
 * 99.9% interval of the stated P90 (order-statistic error sqrt(p(1-p)/n) / density),
 * and the business parameters (mean, P90) honoured exactly by the fitted shape.
 */
import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { compileDist, distProblem } from '../../src/engine/distributions.ts';
import type { DistSpec } from '../../src/scenario/distribution.ts';

const N = 200_000;
const Z = 3.29; // two-sided 99.9%

const specs: [string, DistSpec][] = [
  ['fixed 3', { kind: 'fixed', value: 3 }],
  ['uniform 2 to 10', { kind: 'uniform', min: 2, max: 10 }],
  ['triangular 1, 4, 10', { kind: 'triangular', min: 1, mode: 4, max: 10 }],
  ['exponential mean 5', { kind: 'exponential', mean: 5 }],
  ['gamma by mean 30 and P90 60', { kind: 'gamma', mean: 30, p90: 60 }],
  ['gamma by mean 7 and cv 0.5', { kind: 'gamma', mean: 7, cv: 0.5 }],
  ['gamma by mean 10 and cv 2 (shape below 1)', { kind: 'gamma', mean: 10, cv: 2 }],
  ['erlang mean 6, k 3', { kind: 'erlang', mean: 6, k: 3 }],
  ['lognormal by mean 60 and P90 110', { kind: 'lognormal', mean: 60, p90: 110 }],
  ['lognormal by mean 1.2M and cv 0.8', { kind: 'lognormal', mean: 1_200_000, cv: 0.8 }],
  ['empirical 1, 2, 2, 3, 10', { kind: 'empirical', values: [1, 2, 2, 3, 10] }],
];

describe('sample mean and P90 against the stated distribution', () => {
  for (const [name, spec] of specs) {
    const d = compileDist(spec);
    const u = seedrandom.xor128(`dist:${name}`);
    const xs = new Float64Array(N);
    for (let i = 0; i < N; i++) xs[i] = d.sample(u);
    const mean = xs.reduce((a, b) => a + b, 0) / N;
    xs.sort();
    const p90 = xs[Math.ceil(0.9 * N) - 1];

    it(`${name}: sample mean within 99.9% CI of ${d.mean.toPrecision(6)}`, () => {
      expect(Math.abs(mean - d.mean)).toBeLessThanOrEqual(Z * Math.sqrt(d.variance / N) + 1e-12);
    });

    it(`${name}: sample P90 within 99.9% CI of ${d.quantile(0.9).toPrecision(6)}`, () => {
      const q = d.quantile(0.9);
      if (spec === 3 || (typeof spec === 'object' && (spec.kind === 'fixed' || spec.kind === 'empirical'))) {
        expect(p90).toBe(q); // discrete: the sample quantile is one of the values
        return;
      }
      const density = 0.002 / (d.quantile(0.901) - d.quantile(0.899));
      expect(Math.abs(p90 - q)).toBeLessThanOrEqual((Z * Math.sqrt(0.09 / N)) / density);
    });
  }
});

describe('business parameters are honoured exactly', () => {
  for (const spec of [
    { kind: 'gamma', mean: 30, p90: 60 },
    { kind: 'gamma', mean: 7, p90: 14 },
    { kind: 'lognormal', mean: 60, p90: 110 },
    { kind: 'lognormal', mean: 240, p90: 330 },
  ] as const) {
    it(`${spec.kind} by mean ${spec.mean} and P90 ${spec.p90}: mean and P90 as given`, () => {
      const d = compileDist(spec);
      expect(d.mean).toBeCloseTo(spec.mean, 9);
      expect(d.quantile(0.9) / spec.p90).toBeCloseTo(1, 6);
    });
  }
  it('gamma by cv 0.5 has variance (0.5 mean)^2', () => {
    expect(compileDist({ kind: 'gamma', mean: 8, cv: 0.5 }).variance).toBeCloseTo(16, 9);
  });
});

describe('invalid parameters', () => {
  const cases: [DistSpec, string][] = [
    [{ kind: 'uniform', min: 5, max: 2 }, 'min must be <= max (got min 5, max 2)'],
    [{ kind: 'triangular', min: 1, mode: 12, max: 10 }, 'must have min <= mode <= max (got min 1, mode 12, max 10)'],
    [{ kind: 'erlang', mean: 3, k: 1.5 }, 'k must be a whole number >= 1 (got 1.5)'],
    [{ kind: 'gamma', mean: 10, p90: 8 }, 'p90 must be greater than mean (got mean 10, p90 8)'],
    [{ kind: 'gamma', mean: 10 }, 'give p90 or cv with the mean (got neither)'],
    [{ kind: 'lognormal', mean: 10, p90: 30 }, 'p90 must be less than 22.73 (2.27 x mean) for a lognormal (got mean 10, p90 30)'],
    [{ kind: 'empirical', values: [] }, 'values must be a non-empty list'],
  ];
  for (const [spec, message] of cases) {
    it(message, () => {
      expect(distProblem(spec)).toBe(message);
      expect(() => compileDist(spec)).toThrow(message);
    });
  }
});

it('the same seed gives the same draws', () => {
  const d = compileDist({ kind: 'gamma', mean: 30, p90: 60 });
  const draw = () => {
    const u = seedrandom.xor128('same');
    return [d.sample(u), d.sample(u), d.sample(u)];
  };
  expect(draw()).toEqual(draw());
});
