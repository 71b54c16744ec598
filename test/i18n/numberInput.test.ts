import { describe, expect, it } from 'vitest';
import { formatNumberInput, parseNumberInput, type NumberUnit } from '../../src/i18n/numberInput.ts';

const read = (text: string, unit: NumberUnit = 'plain') => {
  const r = parseNumberInput(text, unit);
  return r.ok ? r.value : 'not a number';
};

describe('parseNumberInput', () => {
  it('reads plain, grouped and full-width numbers', () => {
    expect(read('1500000000')).toBe(1.5e9);
    expect(read('1,500,000,000')).toBe(1.5e9);
    expect(read('３０')).toBe(30);
    expect(read('１，５００')).toBe(1500);
    expect(read(' 12.5 ')).toBe(12.5);
    expect(read('１２．５')).toBe(12.5);
    expect(read('1e9')).toBe(1e9);
    expect(read('-3')).toBe(-3);
    expect(read('−3')).toBe(-3);
  });

  it('reads 万, 億, 兆 with 千 and 百 inside a unit', () => {
    expect(read('15億')).toBe(1_500_000_000);
    expect(read('１５億')).toBe(1_500_000_000);
    expect(read('1.5億')).toBe(150_000_000);
    expect(read('1.15億')).toBe(115_000_000);
    expect(read('2億3千万')).toBe(230_000_000);
    expect(read('千万')).toBe(10_000_000);
    expect(read('3千万')).toBe(30_000_000);
    expect(read('11億5000万')).toBe(1_150_000_000);
    expect(read('11億5,000万')).toBe(1_150_000_000);
    expect(read('1,500万')).toBe(15_000_000);
    expect(read('1.5万')).toBe(15_000);
    expect(read('1兆2億')).toBe(1_000_200_000_000);
    expect(read('3百')).toBe(300);
    expect(read('1万2345')).toBe(12_345);
  });

  it('takes 円 and ¥ on amounts, % on percentages, and only there', () => {
    expect(read('15億円', 'yen')).toBe(1.5e9);
    expect(read('¥1,500,000', 'yen')).toBe(1.5e6);
    expect(read('￥１５，０００', 'yen')).toBe(15_000);
    expect(read('15,000円', 'yen')).toBe(15_000);
    expect(read('30%', 'percent')).toBe(30);
    expect(read('３０％', 'percent')).toBe(30);
    expect(read('15億円')).toBe('not a number');
    expect(read('30%', 'yen')).toBe('not a number');
  });

  it('refuses what it cannot read rather than guess', () => {
    for (const bad of ['', '  ', 'abc', '1,50', '1,5000', '12,34,567', '億', '万5', '1億2億', '1万1億', '1..5', '15億x', '0x10', '--1', ',']) {
      expect(read(bad, 'yen'), bad).toBe('not a number');
    }
  });
});

describe('formatNumberInput', () => {
  it('shows yen in 億 and 万 in Japanese, grouped in English, and reads back the same', () => {
    expect(formatNumberInput(1_150_000_000, 'yen', 'ja')).toBe('11億5,000万');
    expect(formatNumberInput(2_000_000, 'yen', 'ja')).toBe('200万');
    expect(formatNumberInput(15_000, 'yen', 'ja')).toBe('15,000');
    expect(formatNumberInput(123_456_789, 'yen', 'ja')).toBe('1億2,345万6,789');
    expect(formatNumberInput(1_150_000_000, 'yen', 'en')).toBe('1,150,000,000');
    expect(formatNumberInput(0.3, 'percent', 'ja')).toBe('30');
    expect(formatNumberInput(0.125, 'percent', 'en')).toBe('12.5');
    expect(formatNumberInput(10000, 'plain', 'ja')).toBe('10,000');
    for (const x of [0, 1, 999, 15_000, 1_000_000, 1_150_000_000, 123_456_789, 9_999_999_999_999, 1e15]) {
      for (const lang of ['ja', 'en'] as const) expect(read(formatNumberInput(x, 'yen', lang), 'yen'), `${x} ${lang}`).toBe(x);
    }
  });
});

describe('formatYen', () => {
  it('keeps three significant digits: a rounding never changes the number', async () => {
    const { formatYen } = await import('../../src/i18n/format.ts');
    expect(formatYen(15_000, 'ja')).toBe('1.5万円');
    expect(formatYen(12_345, 'ja')).toBe('1.23万円');
    expect(formatYen(34_500_000, 'ja')).toBe('3,450万円');
    expect(formatYen(1_150_000_000, 'ja')).toBe('11.5億円');
    expect(formatYen(123_000_000_000, 'ja')).toBe('1,230億円');
    expect(formatYen(8_500, 'ja')).toBe('8,500円');
    expect(formatYen(-65_700_000, 'en')).toBe('-¥65.7M');
    expect(formatYen(1_500, 'en')).toBe('¥1.5K');
    expect(formatYen(120_000_000, 'en')).toBe('¥120M');
  });
});
