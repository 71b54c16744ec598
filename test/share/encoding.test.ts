/** The share link's building blocks: CRC-32 and strict base64url. */
import { describe, expect, it } from 'vitest';
import { crc32 } from '../../src/share/crc32.ts';
import { fromBase64Url, toBase64Url } from '../../src/share/base64url.ts';

const ascii = (s: string) => new TextEncoder().encode(s);

/** Deterministic test bytes (a 32-bit LCG), so failures repeat. */
function bytesOf(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe('crc32', () => {
  it('matches the standard check values', () => {
    expect(crc32(ascii('123456789'))).toBe(0xcbf43926);
    expect(crc32(ascii(''))).toBe(0);
    expect(crc32(ascii('The quick brown fox jumps over the lazy dog'))).toBe(0x414fa339);
  });

  it('continues over a second part', () => {
    const a = ascii('{"version":1,'), b = ascii('"name":"x"}');
    expect(crc32(b, crc32(a))).toBe(crc32(ascii('{"version":1,"name":"x"}')));
  });
});

describe('base64url', () => {
  it('matches Node for every length of tail and round-trips', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = bytesOf(n, n + 1);
      const text = toBase64Url(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64url'));
      expect(fromBase64Url(text)).toEqual(bytes);
    }
  });

  it('refuses padding, whitespace, standard-base64 characters and impossible lengths', () => {
    for (const bad of ['AA==', 'AA A', 'A+/A', 'AAAAA', 'A', 'ÀAAA', 'AA\n']) expect(fromBase64Url(bad)).toBeNull();
  });

  it('refuses a last character whose unused bits are set, so each byte string has one spelling', () => {
    expect(fromBase64Url('AA')).toEqual(new Uint8Array([0]));
    expect(fromBase64Url('AB')).toBeNull();
    expect(fromBase64Url('AAA')).toEqual(new Uint8Array([0, 0]));
    expect(fromBase64Url('AAB')).toBeNull();
  });
});
