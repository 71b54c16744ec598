/** Small charts' tick labels: thinned until they stand apart, never past the chart's edges. */
import { describe, expect, it } from 'vitest';
import { labelWidth, spacedTicks } from '../../src/ui/charts/tickLabels.ts';

describe('tick labels of a small chart', () => {
  it('a CJK character is an em wide, a digit about 0.6 em', () => {
    expect(labelWidth('2027年7月', 12)).toBeCloseTo(12 * (2 * 1 + 5 * 0.62), 5);
    expect(labelWidth('m3', 10)).toBeCloseTo(12.4, 5);
  });

  it('keeps every label on one row when they fit, on two staggered rows when not, then thins to every k-th, keeping the first', () => {
    const quarters = [0, 1, 2, 3, 4].map((q) => ({ x: 30 + q * 55, label: `${q * 3}か月` }));
    expect(spacedTicks(quarters, 12, 0, 300).map((t) => `${t.label}/${t.row}`)).toEqual(['0か月/0', '3か月/0', '6か月/0', '9か月/0', '12か月/0']);
    // A year by dates in a 250 px chart: four labels of 61 px, 53 px apart, on two rows.
    const year = ['2027年4月', '2027年7月', '2027年10月', '2028年1月'].map((label, q) => ({ x: 28 + q * 53, label }));
    expect(spacedTicks(year, 12, 0, 250).map((t) => `${t.label}/${t.row}`)).toEqual(['2027年4月/0', '2027年7月/1', '2027年10月/0', '2028年1月/1']);
    const dated = Array.from({ length: 13 }, (_, q) => ({ x: 26 + q * 18, label: `${2027 + Math.floor((q * 3 + 3) / 12)}年${((q * 3 + 3) % 12) + 1}月` }));
    const kept = spacedTicks(dated, 12, 0, 260);
    expect(kept[0].label).toBe(dated[0].label);
    expect(kept.length).toBeGreaterThan(1);
    expect(kept.length).toBeLessThan(dated.length);
    kept.forEach((t, i) => {
      const half = labelWidth(t.label, 12) / 2;
      expect(t.at - half).toBeGreaterThanOrEqual(0);
      expect(t.at + half).toBeLessThanOrEqual(260);
      const before = kept.slice(0, i).filter((b) => b.row === t.row).pop();
      if (before) expect(t.at - half).toBeGreaterThanOrEqual(before.at + labelWidth(before.label, 12) / 2 + 8);
    });
  });
});
