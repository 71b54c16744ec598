/** The tornado's pure parts: how far each input moved (its label), the bars' order and ends, the axis, and the sentence. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../../src/scenario/defaults.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import type { SensitivityInput, SensitivityRow } from '../../src/experiments/sensitivity.ts';
import type { PairedDifference } from '../../src/montecarlo/compare.ts';
import { barLabel, inputChange, tornadoBars, tornadoExtent, tornadoReading } from '../../src/ui/tornado.ts';

const s: Scenario = DEFAULT_SCENARIO;
const diff = (mean: number, half: number): PairedDifference => ({ mean, ciLow: mean - half, ciHigh: mean + half, pBetter: 0.5, n: 40, controlsUsed: 5 });
const row = (input: SensitivityInput, low: number, high: number, half = 1e6, swingHalf = half): SensitivityRow => ({ input, low: diff(low, half), high: diff(high, half), swing: high - low, swingPaired: diff(high - low, swingHalf) });

describe('inputChange and barLabel', () => {
  it('names a head count by its people (IS 5 → 4 / 6) and a rate or an amount by its share', () => {
    expect(inputChange(s, 'insideSales.headcount')).toEqual({ kind: 'people', base: 5, low: 4, high: 6 });
    expect(barLabel('insideSales.headcount', inputChange(s, 'insideSales.headcount'), 'ja')).toBe('IS人数 5→4 / 6');
    expect(barLabel('fieldSales.headcount', inputChange(s, 'fieldSales.headcount'), 'en')).toBe('FS people 13→12 / 14');
    expect(barLabel('insideSales.sqlRate', inputChange(s, 'insideSales.sqlRate'), 'ja')).toBe('商談化率 ±10%');
    expect(barLabel('fieldSales.acvYen', inputChange(s, 'fieldSales.acvYen'), 'en')).toBe('ACV ±10%');
  });

  it('says when a rate is capped at 100% (so its high value moves less) and when an input is 0 (so it does not move)', () => {
    const capped = { ...s, fieldSales: { ...s.fieldSales, winRate: 0.95 } };
    const c = inputChange(capped, 'fieldSales.winRate');
    expect(c.kind).toBe('share');
    expect(barLabel('fieldSales.winRate', c, 'ja')).toBe('受注率 −10% / +5.3%');
    const noBudget = { ...s, marketing: { ...s.marketing, programBudgetYenPerMonth: 0 } };
    expect(barLabel('marketing.programBudgetYenPerMonth', inputChange(noBudget, 'marketing.programBudgetYenPerMonth'), 'ja')).toBe('施策予算(0のため変化なし)');
  });
});

describe('tornadoBars', () => {
  const base = 1e9;
  const rows = [row('insideSales.sqlRate', -5e7, 5e7), row('customerSuccess.churnRate', 3e7, -4e7), row('fieldSales.headcount', -1e8, 2e6), row('marketing.programBudgetYenPerMonth', 0, 0, 0)];

  it('sorts by the size of the swing, whichever way it goes, and puts each end at ARR with its paired interval', () => {
    const bars = tornadoBars(rows, base, s, 'ja');
    expect(bars.map((b) => b.input)).toEqual(['fieldSales.headcount', 'insideSales.sqlRate', 'customerSuccess.churnRate', 'marketing.programBudgetYenPerMonth']);
    expect(bars[0].atLow).toEqual({ arr: 9e8, low: 9e8 - 1e6, high: 9e8 + 1e6 });
    expect(bars[2].swing).toBe(-7e7);
    expect(bars[2].atLow.arr).toBeGreaterThan(bars[2].atHigh.arr);
    expect(bars.map((b) => b.clear)).toEqual([true, true, true, false]);
    // The rows given are not reordered.
    expect(rows[0].input).toBe('insideSales.sqlRate');
  });

  it('spans every end and interval and the baseline on the axis, and is never empty', () => {
    const [lo, hi] = tornadoExtent(tornadoBars(rows, base, s, 'en'), base);
    expect(lo).toBeLessThan(9e8 - 1e6);
    expect(hi).toBeGreaterThan(1.05e9 + 1e6);
    const [a, b] = tornadoExtent([], base);
    expect(a).toBeLessThan(base);
    expect(b).toBeGreaterThan(base);
  });
});

describe('tornadoReading', () => {
  const base = 1e9;
  it('names the input that moves ARR most, by how much, and says when the answer is so far', () => {
    const bars = tornadoBars([row('insideSales.sqlRate', -5e7, 5e7), row('fieldSales.headcount', -1e8, 2e6)], base, s, 'ja');
    expect(tornadoReading(bars, base, 40, 10, 10, 'ja')).toBe('期末ARRを最も動かすのはフィールドセールス人数です(振れ幅1.02億円、現在の10億円の10%)。');
    expect(tornadoReading(bars, base, 40, 2, 10, 'ja')).toMatch(/^これまでの2\/10項目では、期末ARRを最も動かすのはフィールドセールス人数です/);
    expect(tornadoReading(bars, base, 40, 10, 10, 'en')).toBe("What moves ARR at the horizon most is Field Sales headcount: a swing of ¥102M, 10% of today's ¥1B.");
  });

  it("names the first two together when the second's swing is within the first's interval", () => {
    const bars = tornadoBars([row('insideSales.sqlRate', -5e7, 5e7), row('fieldSales.headcount', -1e8, 2e6, 1e6, 5e6)], base, s, 'ja');
    expect(bars[0].swingAtLeast).toBeCloseTo(9.7e7, 0);
    expect(tornadoReading(bars, base, 40, 10, 10, 'ja')).toBe('期末ARRを最も動かすのはフィールドセールス人数と商談化率で、振れ幅は1.02億円と1億円(現在の10億円の10%前後)、40回の対の試行では両者の差を区別できません。');
    expect(tornadoReading(bars, base, 40, 10, 10, 'en')).toMatch(/^What moves ARR at the horizon most is Field Sales headcount or SQL rate, about equally/);
    // A negative swing (more churn, less ARR) has its interval's floor in size.
    const churn = tornadoBars([row('customerSuccess.churnRate', 6e7, -6e7, 1e6, 2e7)], base, s, 'en');
    expect(churn[0].swingAtLeast).toBeCloseTo(1e8, 0);
  });

  it('does not crown an input whose intervals all include no change', () => {
    const bars = tornadoBars([row('insideSales.sqlRate', -1e6, 1e6, 5e6)], base, s, 'ja');
    expect(tornadoReading(bars, base, 40, 10, 10, 'ja')).toBe('40回の対の試行では、期末ARRをはっきり動かす入力はありません(最大は商談化率の振れ幅200万円)。');
    expect(tornadoReading([], base, 40, 0, 10, 'ja')).toBe('');
  });
});
