/**
 * A stage's P90 wait by selection (quantileUnsorted) is the sorted quantile's
 * (quantileSorted) to the bit, on numbers with many ties, few numbers, and in order.
 */
import { expect, it } from 'vitest';
import { quantileSorted, quantileUnsorted } from '../../src/engine/stage.ts';
import { replicationStream } from '../../src/engine/random.ts';

it('selection gives the sorted quantile exactly', () => {
  const u = replicationStream('quantile', 0, 'values');
  for (let trial = 0; trial < 400; trial++) {
    const n = 1 + Math.floor(u() * (trial < 200 ? 12 : 3000));
    // Half the trials on a coarse grid (many equal numbers, zeros among them), half continuous.
    const xs = Float64Array.from({ length: n }, () => (trial % 2 ? Math.floor(u() * 8) : -Math.log(1 - u()) * 3));
    if (trial % 7 === 0) xs.sort();
    for (const p of [0, 0.1, 0.5, 0.9, 0.999, 1]) {
      const sorted = xs.slice().sort();
      expect(quantileUnsorted(xs.slice(), p)).toBe(quantileSorted(sorted, p));
    }
  }
  expect(quantileUnsorted(new Float64Array(0), 0.9)).toBeNaN();
});
