/**
 * Draws per second of the distributions the engine samples most. Each task takes
 * 1,000 draws, so samples per second = hz x 1,000. Run: npx vitest bench --run bench/distributions.bench.ts
 */
import { bench, describe } from 'vitest';
import seedrandom from 'seedrandom';
import { compileDist } from '../src/engine/distributions.ts';
import type { DistSpec } from '../src/scenario/distribution.ts';

const DRAWS = 1_000;

/** Kept so the optimiser cannot drop the draws. */
let sink = 0;

const specs: [string, DistSpec][] = [
  ['exponential mean 5', { kind: 'exponential', mean: 5 }],
  ['gamma mean 30, P90 60 (shape 1.78)', { kind: 'gamma', mean: 30, p90: 60 }],
  ['gamma mean 10, cv 2 (shape 0.25, boosted)', { kind: 'gamma', mean: 10, cv: 2 }],
  ['lognormal mean 60, P90 110', { kind: 'lognormal', mean: 60, p90: 110 }],
];

describe(`${DRAWS} draws (samples/s = hz x ${DRAWS})`, () => {
  for (const [name, spec] of specs) {
    const d = compileDist(spec);
    const u = seedrandom.xor128(`bench:${name}`);
    bench(name, () => {
      let s = 0;
      for (let i = 0; i < DRAWS; i++) s += d.sample(u);
      sink += s;
    });
  }
  const u = seedrandom.xor128('bench:uniform');
  bench('the xor128 uniforms alone (the floor)', () => {
    let s = 0;
    for (let i = 0; i < DRAWS; i++) s += u();
    sink += s;
  });
});

// Read once so `sink` is not dead code.
export const benchSink = () => sink;
