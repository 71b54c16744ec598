/**
 * Independence of the random streams. Every confidence interval and every paired
 * comparison assumes that replications are independent; a generator whose seeding
 * is linear in the bits of its seed text makes replication 3 the XOR of
 * replications 0, 1 and 2 (found with seedrandom's xor128 seeded by `seed/r/name`).
 */
import { describe, expect, it } from 'vitest';
import { counterBits, counterUniform, drawFrom, drawingFrom, LeadStreams, nextBits, nextUniform, replicationStream, SLOT_DRAWS, type Uniform } from '../../src/engine/random.ts';
import { summarize, tQuantile } from '../../src/montecarlo/stats.ts';

/** The 32-bit word behind a uniform on [0, 1) with 32-bit resolution. */
const word = (u: Uniform) => Math.floor(u() * 4294967296) >>> 0;

/** How many of `n` draws of stream r+3 equal the XOR of streams r, r+1 and r+2. */
function xorMatches(make: (r: number) => Uniform, r: number, n: number): number {
  const s = [0, 1, 2, 3].map((i) => make(r + i));
  let matches = 0;
  for (let i = 0; i < n; i++) {
    const w = s.map(word);
    if ((w[0] ^ w[1] ^ w[2]) >>> 0 === w[3]) matches++;
  }
  return matches;
}

describe('no linear relation between the streams of consecutive replications', () => {
  // For independent 32-bit words a match has probability 2^-32: over all these
  // draws the expected count is about 1e-5, so one match would already be damning.
  for (const seed of ['11', '1', 'baseline-2024']) {
    for (const name of ['arrivals', 'lead-blocks', 'staffing']) {
      it(`seed ${seed}, stream ${name}: replication r+3 is not the XOR of r, r+1, r+2`, () => {
        for (const r of [0, 4, 1000]) expect(xorMatches((i) => replicationStream(seed, i, name), r, 10_000)).toBe(0);
      });
    }
  }

  it('lead streams: lead i+3 is not the XOR of leads i, i+1, i+2, in blocks or past them', () => {
    const leads = new LeadStreams('11', 0);
    const streams = Array.from({ length: 8 }, (_, i) => leads.stream(i));
    for (const start of [0, 4]) {
      let matches = 0;
      // 64 draws: the first 32 come from the lead's block, the rest from its own stream.
      for (let d = 0; d < 64; d++) {
        const w = streams.slice(start, start + 4).map(word);
        if ((w[0] ^ w[1] ^ w[2]) >>> 0 === w[3]) matches++;
      }
      expect(matches).toBe(0);
    }
  });

  it('the initial accounts\' streams of nearby indices are uncorrelated', () => {
    const accounts = new LeadStreams('11', 0, 'account');
    const n = 4000;
    const a = accounts.stream(0), b = accounts.stream(1);
    let sab = 0;
    for (let i = 0; i < n; i++) sab += (a() - 0.5) * (b() - 0.5);
    // Var of a product of two independent centred uniforms: (1/12)^2; |z| < 4.
    const z = sab / n / (1 / 12 / Math.sqrt(n));
    expect(Math.abs(z)).toBeLessThan(4);
  });
});

describe('an M/M/1 fed by the replication streams has the mean wait of theory', () => {
  // Load 0.9, each replication started in steady state (initial wait drawn from the
  // stationary law: 0 with probability 1 - rho, else exponential with rate mu - lambda),
  // so every customer's wait has mean rho / (mu - lambda) and the replication mean is
  // unbiased. Replications are independent, so their means give a t interval. The
  // family of 3 seeds holds at 99.9% (Bonferroni): a correct generator fails about
  // once in a thousand seed sets, and these seeds are fixed.
  const lambda = 0.9, mu = 1, rho = lambda / mu;
  const theory = rho / (mu - lambda);
  const customers = 1000, replications = 10_000;
  const level = 1 - 0.001 / 3;

  for (const seed of ['11', '7', 'erlang']) {
    it(`seed ${seed}: mean wait within its ${(100 * level).toFixed(2)}% CI over ${replications} replications`, () => {
      const means: number[] = [];
      for (let r = 0; r < replications; r++) {
        const arrivals = replicationStream(seed, r, 'arrivals');
        const service = replicationStream(seed, r, 'lead-blocks');
        let w = arrivals() < rho ? -Math.log(1 - service()) / (mu - lambda) : 0;
        let sum = 0;
        for (let i = 0; i < customers; i++) {
          sum += w;
          const s = -Math.log(1 - service()) / mu;
          const a = -Math.log(1 - arrivals()) / lambda;
          w = Math.max(0, w + s - a);
        }
        means.push(sum / customers);
      }
      const st = summarize(means);
      const half = tQuantile(1 - (1 - level) / 2, st.n - 1) * (st.sd / Math.sqrt(st.n));
      expect(Math.abs(st.mean - theory), `mean ${st.mean.toFixed(4)} vs theory ${theory} (half-width ${half.toFixed(4)})`).toBeLessThan(half);
    });
  }
});

describe('counter-based lead streams', () => {
  it('streams of nearby leads are uncorrelated, and a lead does not repeat its neighbour shifted by a draw', () => {
    const leads = new LeadStreams('11', 0);
    const n = 4000;
    for (const [i, j, shift] of [[0, 1, 0], [1, 2, 0], [0, 1, 1], [5, 1000, 0]]) {
      const a = leads.stream(i), b = leads.stream(j);
      for (let k = 0; k < shift; k++) b();
      let sab = 0, equal = 0;
      for (let d = 0; d < n; d++) {
        const x = a(), y = b();
        sab += (x - 0.5) * (y - 0.5);
        if (x === y) equal++;
      }
      const z = sab / n / (1 / 12 / Math.sqrt(n));
      expect(Math.abs(z), `leads ${i} and ${j}, shift ${shift}`).toBeLessThan(4);
      expect(equal).toBe(0);
    }
  });

  it('a lead stream is uniform: 16 bins of 64,000 draws pass a chi-square test at 99.9%', () => {
    const leads = new LeadStreams('baseline', 3);
    const bins = new Array<number>(16).fill(0);
    // 1,000 leads x 64 draws: the way the engine uses them.
    for (let i = 0; i < 1000; i++) {
      const u = leads.stream(i);
      for (let d = 0; d < 64; d++) bins[Math.floor(u() * 16)]++;
    }
    const expected = 64_000 / 16;
    const chi2 = bins.reduce((a, b) => a + (b - expected) ** 2 / expected, 0);
    // 99.9% quantile of chi-square with 15 degrees of freedom.
    expect(chi2).toBeLessThan(37.7);
  });

  it('the same lead gives the same numbers whatever was drawn by other leads (common random numbers)', () => {
    const a = new LeadStreams('11', 2), b = new LeadStreams('11', 2);
    const first = Array.from({ length: 8 }, a.stream(7));
    b.stream(3)();
    expect(Array.from({ length: 8 }, b.stream(7))).toEqual(first);
  });
});

describe('lead slots, read across leads as the engine reads them', () => {
  // The engine reads the same draw of many leads in a row (every lead's kind is
  // draw 0 of its slot 0; every MQL's IS work time is the first draw of its pass's
  // slot), so that sequence, across leads, must be uniform and serially uncorrelated.
  const leads = new LeadStreams('baseline', 5);
  const across = (slot: number, n: number) => Array.from({ length: n }, (_, i) => counterUniform(leads.word1(i), leads.word2(i), slot * SLOT_DRAWS));

  for (const slot of [0, 1, 12, 1 << 22]) {
    it(`slot ${slot}: the first draws of 64,000 consecutive leads pass a 16-bin chi-square at 99.9%, and neighbours are uncorrelated`, () => {
      const xs = across(slot, 64_000);
      const bins = new Array<number>(16).fill(0);
      for (const x of xs) bins[Math.floor(x * 16)]++;
      const expected = xs.length / 16;
      expect(bins.reduce((a, b) => a + (b - expected) ** 2 / expected, 0)).toBeLessThan(37.7);
      let s = 0;
      for (let i = 1; i < xs.length; i++) s += (xs[i - 1] - 0.5) * (xs[i] - 0.5);
      const z = s / (xs.length - 1) / (1 / 12 / Math.sqrt(xs.length - 1));
      expect(Math.abs(z)).toBeLessThan(4);
    });
  }

  it('a lead\'s slots are uncorrelated with each other (first draw of slot 0 against slots 1 and 2, over 64,000 leads)', () => {
    const a = across(0, 64_000);
    for (const slot of [1, 2]) {
      const b = across(slot, 64_000);
      let s = 0;
      for (let i = 0; i < a.length; i++) s += (a[i] - 0.5) * (b[i] - 0.5);
      const z = s / a.length / (1 / 12 / Math.sqrt(a.length));
      expect(Math.abs(z), `slot ${slot}`).toBeLessThan(4);
    }
  });
});

describe('the 32 bits behind a uniform (counterBits, nextBits: what the ziggurats read)', () => {
  it('counterBits(w1, w2, n) is counterUniform(w1, w2, n) x 2^32 as a signed word, and nextBits reads the stream as nextUniform does', () => {
    const w1 = 0x7f4a7c15 | 0, w2 = 0xbf58476d | 0;
    let differ = 0;
    for (let n = 0; n < 100_000; n++) if (counterBits(w1, w2, n) !== ((counterUniform(w1, w2, n) * 4294967296) | 0)) differ++;
    expect(differ).toBe(0);
    drawFrom(w1, w2, 41);
    expect([nextBits(), nextUniform(), nextBits()]).toEqual([counterBits(w1, w2, 41), counterUniform(w1, w2, 42), counterBits(w1, w2, 43)]);
    // From a replacement (Distribution.sample), its uniform x 2^32 truncated to a signed word.
    const outer = drawingFrom(() => 0.75);
    try {
      expect(nextBits()).toBe(-(2 ** 30));
    } finally {
      drawingFrom(outer);
    }
  });
});
