/** Control-variate means: the regression intercept and its interval, and when controls are left out. */
import { describe, expect, it } from 'vitest';
import { controlBasis, controlledMean, MIN_RESIDUAL_DF } from '../../src/montecarlo/controlVariates.ts';
import { summarize } from '../../src/montecarlo/stats.ts';

const n = 60;
const idx = Array.from({ length: n }, (_, i) => i);
const c1 = idx.map((i) => Math.sin(i));
const c2 = idx.map((i) => Math.cos(3 * i));
const noise = idx.map((i) => ((i * 0.6180339887) % 1) - 0.5);
const y = idx.map((i) => 3 + 2 * c1[i] + 0.5 * c2[i] + noise[i]);

describe('controlled mean', () => {
  it('is the least-squares intercept with its t interval (reference: numpy lstsq and scipy t, 57 df)', () => {
    const m = controlledMean(y, [c1, c2]);
    expect(m.controlsUsed).toBe(2);
    expect(m.n).toBe(n);
    expect(m.mean).toBeCloseTo(2.999530322815321, 12);
    // tQuantile is within 1e-3 of the exact t quantile.
    expect((m.ciHigh - m.mean) / 0.07666989259843987).toBeCloseTo(1, 3);
    expect(m.mean - m.ciLow).toBeCloseTo(m.ciHigh - m.mean, 12);
  });

  it('is much narrower than the plain mean when the controls explain the noise', () => {
    const plain = summarize(y);
    const m = controlledMean(y, [c1, c2]);
    // Noise sd 0.29 against a spread of 1.5 in y.
    expect(m.ciHigh - m.ciLow).toBeLessThan((plain.ciHigh - plain.ciLow) / 4);
  });

  it('drops a constant control and one that repeats another, instead of failing', () => {
    const m = controlledMean(y, [c1, c2, c1.map((x) => 2 * x), idx.map(() => 0), idx.map(() => 7)]);
    const ref = controlledMean(y, [c1, c2]);
    expect(m.controlsUsed).toBe(2);
    expect(m.mean).toBeCloseTo(ref.mean, 10);
    expect(m.ciHigh).toBeCloseTo(ref.ciHigh, 10);
  });

  it('is the plain mean and t interval without controls, or when every control is constant', () => {
    const plain = summarize(y);
    for (const controls of [[], [idx.map(() => 0)]]) {
      const m = controlledMean(y, controls);
      expect(m.controlsUsed).toBe(0);
      expect(m.mean).toBeCloseTo(plain.mean, 12);
      expect(m.ciLow).toBeCloseTo(plain.ciLow, 12);
    }
  });

  it(`falls back to the plain mean when fewer than ${MIN_RESIDUAL_DF} degrees of freedom would remain`, () => {
    const rows = MIN_RESIDUAL_DF + 2; // 2 controls leave MIN_RESIDUAL_DF - 1
    const m = controlledMean(y.slice(0, rows), [c1.slice(0, rows), c2.slice(0, rows)]);
    expect(m.controlsUsed).toBe(0);
    expect(m.mean).toBeCloseTo(summarize(y.slice(0, rows)).mean, 12);
    expect(controlledMean(y.slice(0, rows + 1), [c1.slice(0, rows + 1), c2.slice(0, rows + 1)]).controlsUsed).toBe(2);
  });

  it('with an undefined value in some row, is the plain mean of the others (a selection need not keep the controls at mean zero)', () => {
    const yy = [...y, NaN];
    const m = controlledMean(yy, [[...c1, 0], [...c2, 0]]);
    expect(m).toMatchObject({ n, controlsUsed: 0 });
    expect(m.mean).toBeCloseTo(summarize(y).mean, 12);
  });

  it('leaves out a control that is not finite in some row, and keeps every row', () => {
    const m = controlledMean(y, [c1, c2, c1.map((x, i) => (i === 3 ? NaN : x)), c2.map((x, i) => (i === 5 ? Infinity : x))]);
    const ref = controlledMean(y, [c1, c2]);
    expect(m).toMatchObject({ n, controlsUsed: 2 });
    expect(m.mean).toBe(ref.mean);
  });

  it('a value that does not vary is returned exactly, with a zero-width interval', () => {
    const m = controlledMean(idx.map(() => 8_000_000), [c1, c2]);
    expect(m).toMatchObject({ mean: 8_000_000, ciLow: 8_000_000, ciHigh: 8_000_000, controlsUsed: 0 });
  });

  it('a value that the controls explain exactly has a zero-width interval', () => {
    const exact = idx.map((i) => 4 + c1[i] - 3 * c2[i]);
    const m = controlledMean(exact, [c1, c2]);
    expect(m.mean).toBeCloseTo(4, 10);
    expect(m.ciHigh - m.ciLow).toBeLessThan(1e-9);
  });

  it('a basis made once for the controls gives every measure exactly the mean made alone (a comparison reuses it), and is set aside where it does not apply', () => {
    const controls = [c1, c2, c1.map((x) => 2 * x), c2.map((x, i) => (i === 5 ? Infinity : x))];
    const prepared = controlBasis(controls, n);
    const measures = [y, idx.map((i) => 4 + c1[i] - 3 * c2[i]), idx.map((i) => noise[i] * 1e9 + c2[i] * 1e8), idx.map(() => 8), [...y.slice(0, n - 1), NaN]];
    for (const values of measures) {
      const alone = controlledMean(values, controls);
      const shared = controlledMean(values, controls, prepared);
      for (const k of ['n', 'mean', 'ciLow', 'ciHigh', 'controlsUsed'] as const) expect(Object.is(shared[k], alone[k]), k).toBe(true);
    }
    // A basis for other rows (here 40) is not used for 60.
    const other = controlledMean(y, controls, controlBasis(controls.map((c) => c.slice(0, 40)), 40));
    expect(other).toEqual(controlledMean(y, controls));
    expect(prepared.usable).toBe(3);
  });
});
