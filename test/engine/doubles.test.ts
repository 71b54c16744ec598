/**
 * holdDoubles (doubles.ts) keeps the values it is given, +0 as +0, and refuses a name that is not a number field.
 */
import { describe, expect, it } from 'vitest';
import { holdDoubles } from '../../src/engine/doubles.ts';

describe('holdDoubles', () => {
  it('keeps every value as it was, 0 as +0 (never -0)', () => {
    const o = { zero: 0, negative: -3, fraction: 0.25, nan: NaN, big: 2 ** 40 };
    holdDoubles(o, ['zero', 'negative', 'fraction', 'nan', 'big']);
    expect(Object.is(o.zero, 0)).toBe(true);
    expect(o).toEqual({ zero: 0, negative: -3, fraction: 0.25, nan: NaN, big: 2 ** 40 });
    // The bytes a Float64Array would store (and JSON would print) are those of +0.
    expect(new Uint8Array(Float64Array.of(o.zero).buffer)).toEqual(new Uint8Array(8));
  });

  it('refuses a name that is not a number field (a typo would add a field)', () => {
    const o = { area: 0, label: 'x' };
    expect(() => holdDoubles(o, ['aera'])).toThrow(/aera/);
    expect(() => holdDoubles(o, ['label'])).toThrow(/label/);
    expect(o).toEqual({ area: 0, label: 'x' });
  });
});
