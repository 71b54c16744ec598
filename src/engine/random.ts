/**
 * Seeded random streams. A run's randomness is a tree: (scenario seed, replication)
 * -> named streams (arrivals, initial accounts) and one stream per lead, so that
 * two scenarios differing only in capacity see the same leads (common random numbers).
 *
 * Every generator is sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 128
 * bits of state, passes PractRand to 2^42 bytes and more), and its whole state is
 * seeded from a non-linear hash of (seed, replication, name). Streams used to be
 * seedrandom's xor128 seeded with the text `seed/r/name`; that seeding is linear in
 * the bits of the text, so replication 3 was the XOR of replications 0, 1 and 2,
 * and replications were not independent (see test/engine/random.test.ts).
 */

/** A uniform generator on [0, 1), with 32-bit resolution. */
export type Uniform = () => number;

/** A stream's 128-bit key: four 32-bit words, from which item streams are derived. */
export type StreamKey = readonly [number, number, number, number];

/** The murmur3 finaliser: a bijection of 32-bit words in which every input bit affects every output bit. */
function finalise32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Hashes text into 128 bits: four lanes of multiply-xor over the UTF-16 code units
 * (multiplication mod 2^32 is what makes it non-linear over the bits), each lane
 * then mixed with the others and finalised.
 */
export function streamKeyOf(text: string): StreamKey {
  let a = 0x811c9dc5, b = 0x9e3779b9, c = 0x85ebca6b, d = 0xc2b2ae35;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    a = Math.imul(a ^ k, 0x01000193);
    b = Math.imul(b ^ k, 0x5bd1e995);
    c = Math.imul(c ^ k, 0x27d4eb2f);
    d = Math.imul(d ^ k, 0x165667b1);
  }
  const n = text.length;
  a = finalise32((a + Math.imul(b ^ n, 0x9e3779b1)) | 0);
  b = finalise32((b + Math.imul(c ^ a, 0x85ebca77)) | 0);
  c = finalise32((c + Math.imul(d ^ b, 0xc2b2ae3d)) | 0);
  d = finalise32((d + Math.imul(a ^ c, 0x27d4eb2f)) | 0);
  return [a, b, c, d];
}

/** The key of stream `name` of replication `replication` under `seed`. */
export function streamKey(seed: string, replication: number, name: string): StreamKey {
  return streamKeyOf(`${seed}/${replication}/${name}`);
}

/**
 * sfc32 started from a 128-bit state, with the first 12 outputs discarded as its
 * author recommends, so that states that differ in few bits have drifted apart.
 */
function sfc32(a: number, b: number, c: number, d: number): Uniform {
  a |= 0; b |= 0; c |= 0; d |= 0;
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

/** A replication-level stream, e.g. the arrival process of replication r. */
export function replicationStream(seed: string, replication: number, name: string): Uniform {
  const [a, b, c, d] = streamKey(seed, replication, name);
  return sfc32(a, b, c, d);
}

/**
 * Draw `n` (0, 1, 2, ...) of the counter-based stream with words (w1, w2): a Weyl
 * sequence in w1 through the murmur3 finaliser, offset by w2 and finalised again.
 * No state but the counter, so a lead's stream costs two words and a count, and
 * any draw can be made on demand in any order. Two streams coincide (even shifted)
 * only if both words are related, which a hash of the key makes vanishingly rare.
 */
export function counterUniform(w1: number, w2: number, n: number): number {
  // The murmur3 finaliser twice, written out: the engine's hottest function, inlined
  // into each sampler's loop, and V8 inlines by bytecode size (two calls of a helper
  // count its size twice): as two calls, the budget ran out inside the samplers
  // and their uniforms came back boxed (0.7-1.0 MB of a baseline replication). The
  // words stay signed (the same bits): an unsigned one above 2^31 is not a small integer.
  let h = (w1 + Math.imul(n + 1, 0x9e3779b9)) | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h = ((h ^ (h >>> 16)) + w2) | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

/**
 * Draw `n` of the counter-based stream (w1, w2) as its 32 bits, a signed integer:
 * counterUniform(w1, w2, n) * 2^32 with the sign bit on top. Written out again rather
 * than called by counterUniform, for V8's inlining budget (see counterUniform).
 */
export function counterBits(w1: number, w2: number, n: number): number {
  let h = (w1 + Math.imul(n + 1, 0x9e3779b9)) | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h = ((h ^ (h >>> 16)) + w2) | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * The stream the samplers draw from (Distribution.draw through nextUniform): a
 * counter-based stream's two words and next draw number, set by `drawFrom` just
 * before each use. One stream for the process, read by a function the samplers
 * call directly: passed in as a closure, the uniform made each sampler a call
 * through a function value, and V8 inlined the samplers less often. Kept in an
 * Int32Array: a module variable holding a word above 2^30 is not a small integer,
 * and V8 boxed it as a new heap number at every change.
 */
const current = new Int32Array(3);
const W1 = 0, W2 = 1, N = 2;
/** Uniforms that replace the current stream while a generic draw runs (Distribution.sample), else null. */
let replacement: Uniform | null = null;

/** Sets the stream the samplers draw from: draw `first` (then first + 1, ...) of the counter-based stream (w1, w2). */
export function drawFrom(w1: number, w2: number, first: number): void {
  current[W1] = w1;
  current[W2] = w2;
  current[N] = first;
}

/** The next number of the stream set by `drawFrom` (or of the replacement set by `drawingFrom`). */
export function nextUniform(): number {
  if (replacement !== null) return replacement();
  return counterUniform(current[W1], current[W2], current[N]++);
}

/**
 * The next number of the stream as 32 bits (a signed integer; the ziggurats split them
 * into a layer and a value): nextUniform() * 2^32 truncated to 32 bits, without the
 * conversions to a fraction and back. From a replacement, its uniform * 2^32 truncated.
 */
export function nextBits(): number {
  if (replacement !== null) return (replacement() * 4294967296) | 0;
  return counterBits(current[W1], current[W2], current[N]++);
}

/** Makes nextUniform read `u` instead of the current stream (null: the stream again); returns the replacement it ends. */
export function drawingFrom(u: Uniform | null): Uniform | null {
  const outer = replacement;
  replacement = u;
  return outer;
}

/** First word of item `index`'s counter-based stream under `key`. */
export function itemWord1(key: StreamKey, index: number): number {
  return finalise32((key[0] ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0) | 0;
}

/** Second word of item `index`'s counter-based stream under `key`. */
export function itemWord2(key: StreamKey, index: number): number {
  return (finalise32((key[1] + Math.imul(index + 1, 0x85ebca77)) >>> 0) ^ key[2]) | 0;
}

/**
 * A lead's numbers come in slots of `SLOT_DRAWS`: draw j of slot k is draw
 * k * SLOT_DRAWS + j of its stream. The engine gives each purpose (the kind of lead
 * at arrival, the IS work time of pass p, a renewal's churn draw, ...) a fixed slot
 * and draws it only when the lead gets there, so a lead lost early pays for nothing
 * later and a lead's numbers for a purpose do not depend on what it drew before.
 * A sampler uses at most a handful of numbers (a rejection loop running past 64
 * would read on into the next slot, deterministically; for the normal and gamma
 * samplers the chance is below 1e-20).
 */
export const SLOT_DRAWS = 64;

/**
 * The leads' own randomness: lead i's stream is counter-based (counterUniform) with
 * words hashed from (seed, replication, i). It depends only on those, and leads
 * are numbered in arrival order, which capacity never changes: two scenarios that
 * differ in capacity see the same leads draw the same numbers (common random
 * numbers). The engine keeps each lead's words in the lead table and draws by slot
 * (SLOT_DRAWS); `stream` gives draws 0, 1, 2, ... as a Uniform.
 */
export class LeadStreams {
  readonly key: StreamKey;

  constructor(seed: string, replication: number, name = 'lead') {
    this.key = streamKey(seed, replication, name);
  }

  /** First and second word of lead `index`'s stream. */
  word1(index: number): number {
    return itemWord1(this.key, index);
  }
  word2(index: number): number {
    return itemWord2(this.key, index);
  }

  /** The stream of lead `index`, as a Uniform (draws 0, 1, 2, ...). */
  stream(index: number): Uniform {
    const w1 = this.word1(index), w2 = this.word2(index);
    let n = 0;
    return () => counterUniform(w1, w2, n++);
  }
}
