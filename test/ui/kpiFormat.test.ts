/** A KPI row's median and P10–P90 read in one unit and with the same decimals. */
import { describe, expect, it } from 'vitest';
import { formatAlike, formatPercent, formatYen } from '../../src/i18n/format.ts';

describe('figures read side by side', () => {
  it('yen share the first figure’s unit and the most decimals any of them shows', () => {
    expect(formatAlike([17.2e8, 16.6e8, 18.0e8], 'yen', 'ja')).toEqual(['17.2億円', '16.6億円', '18.0億円']);
    expect(formatAlike([4.31e8, 4.14e8, 4.5e8], 'yen', 'ja')).toEqual(['4.31億円', '4.14億円', '4.50億円']);
    expect(formatAlike([958e4, 863e4, 1105e4], 'yen', 'ja')).toEqual(['958万円', '863万円', '1,105万円']);
    expect(formatAlike([9.8e7, 9.5e7, 1.02e8], 'yen', 'ja')).toEqual(['9,800万円', '9,500万円', '10,200万円']);
    expect(formatAlike([15_000, 15_000, 15_000], 'yen', 'ja')).toEqual(['1.5万円', '1.5万円', '1.5万円']);
    expect(formatAlike([1.72e9, 1.66e9, 1.8e9], 'yen', 'en')).toEqual(['¥1.72B', '¥1.66B', '¥1.80B']);
    expect(formatAlike([-3.76e4, -5e4], 'yen', 'ja')).toEqual(['-3.76万円', '-5.00万円']);
  });

  it('a figure alone reads as formatYen reads it', () => {
    for (const x of [15_000, 1.23e8, 3.45e7, 999, 2.35e8]) {
      expect(formatAlike([x], 'yen', 'ja')).toEqual([formatYen(x, 'ja')]);
      expect(formatAlike([x], 'yen', 'en')).toEqual([formatYen(x, 'en')]);
    }
    for (const x of [0.973, 0.088, 0.59]) expect(formatAlike([x], 'percent', 'ja')).toEqual([formatPercent(x)]);
  });

  it('shares and days take one decimal for all when one of them is below 10', () => {
    expect(formatAlike([0.102, 0.088, 0.114], 'percent', 'ja')).toEqual(['10.2%', '8.8%', '11.4%']);
    expect(formatAlike([0.29, 0.28, 0.294], 'percent', 'en')).toEqual(['29%', '28%', '29%']);
    expect(formatAlike([60, 58.4, 61], 'days', 'ja')).toEqual(['60日', '58日', '61日']);
    expect(formatAlike([9.5, 8, 11], 'days', 'en')).toEqual(['9.5 d', '8.0 d', '11.0 d']);
  });

  it('counts are whole and grouped; a missing figure is a dash', () => {
    expect(formatAlike([7883, 7745, 7985], 'count', 'ja')).toEqual(['7,883', '7,745', '7,985']);
    expect(formatAlike([NaN, 1.2e8], 'yen', 'ja')).toEqual(['–', '1.2億円']);
    expect(formatAlike([NaN], 'percent', 'ja')).toEqual(['–']);
  });
});
