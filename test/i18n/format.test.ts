/** Number formats: the cached formatters write exactly what toLocaleString writes. */
import { describe, expect, it } from 'vitest';
import { formatCount, formatDays, formatItems, formatShareOfRuns, formatYen, withCountUnit } from '../../src/i18n/format.ts';

const values = [0, -0, 1, 12, 999, 1000, 1234.5, 15_000, 99_999, 1e6, 3.45e7, 1.23e8, 1.75e9, 2.5e12, -4321, -1.2e9];

describe('grouped numbers', () => {
  for (const [lang, locale] of [['ja', 'ja-JP'], ['en', 'en-US']] as const) {
    it(`${lang}: counts and days as toLocaleString('${locale}') writes them`, () => {
      for (const x of values) {
        expect(formatCount(x, lang)).toBe(Math.round(x).toLocaleString(locale));
        if (x >= 10) expect(formatDays(x, lang)).toBe(`${Math.round(x).toLocaleString(locale)}${lang === 'ja' ? '日' : ' d'}`);
      }
    });
  }

  it('yen keep their grouping: 3,450万円, 1,750億円, ¥120M, ¥2,500B', () => {
    expect(formatYen(3.45e7, 'ja')).toBe('3,450万円');
    expect(formatYen(1.75e11, 'ja')).toBe('1,750億円');
    expect(formatYen(9_999, 'ja')).toBe('9,999円');
    expect(formatYen(1.2e8, 'en')).toBe('¥120M');
    expect(formatYen(2.5e12, 'en')).toBe('¥2,500B');
  });
});

describe('a share of replications (next best hire: "better in")', () => {
  it('is whole percent in every row, and never rounds a share that is not 0 or 1 to 0% or 100%', () => {
    expect([0, 0.2, 1, 4 / 20, 1 / 3].map(formatShareOfRuns)).toEqual(['0%', '20%', '100%', '20%', '33%']);
    expect(formatShareOfRuns(1 / 400)).toBe('<1%');
    expect(formatShareOfRuns(399 / 400)).toBe('>99%');
    expect(formatShareOfRuns(Number.NaN)).toBe('–');
  });
});

describe('counts with their unit', () => {
  it('件 after a Japanese count, nothing after an English one, none after a missing figure', () => {
    expect(formatItems(1234, 'ja')).toBe('1,234件');
    expect(formatItems(1234, 'en')).toBe('1,234');
    expect(withCountUnit('−44', 'ja')).toBe('−44件');
    expect(withCountUnit('1.5', 'ja')).toBe('1.5件');
    expect(withCountUnit('–', 'ja')).toBe('–');
    expect(formatItems(NaN, 'ja')).toBe('–');
  });
});
