/** The segments editor's cells: one form of number down a column, in the app's language, each with its unit. */
import { describe, expect, it } from 'vitest';
import { SEGMENT_COLUMNS, cellText, cellUnit } from '../../src/ui/editor/lists.ts';
import { parseNumberInput } from '../../src/i18n/numberInput.ts';

const column = (key: string) => SEGMENT_COLUMNS.find((c) => c.key === key)!;
const lognormal = (mean: number) => ({ kind: 'lognormal', mean, cv: 0.5 });

describe('a segments column', () => {
  it('reads every ACV in Japanese in 万 (30万 beside 150万, never 300,000 beside 150万), each with 円 after it', () => {
    const acv = column('acvYen');
    expect([300_000, 1_500_000, 12_000_000, 150_000_000].map((x) => cellText(acv, lognormal(x), 'ja'))).toEqual(['30万', '150万', '1,200万', '1億5,000万']);
    expect(cellText(acv, lognormal(315_000), 'ja')).toBe('31万5,000');
    expect(cellUnit(acv, 'ja')).toBe('円');
    // Each text reads back as the amount it shows.
    for (const x of [300_000, 315_000, 1_500_000]) expect(parseNumberInput(cellText(acv, lognormal(x), 'ja'), 'yen')).toEqual({ ok: true, value: x });
  });

  it('reads amounts grouped in English, with JPY after them, as the department cards do', () => {
    const acv = column('acvYen');
    expect([300_000, 1_500_000].map((x) => cellText(acv, lognormal(x), 'en'))).toEqual(['300,000', '1,500,000']);
    expect(cellUnit(acv, 'en')).toBe('JPY');
  });

  it('shows the lead share and the rates as 0-100 with a % sign; text that is not a number stays as typed', () => {
    for (const key of ['share', 'sqlRate', 'winRate']) {
      expect(cellText(column(key), 0.25, 'ja')).toBe('25');
      expect(cellUnit(column(key), 'ja')).toBe('%');
      expect(cellUnit(column(key), 'en')).toBe('%');
    }
    expect(cellText(column('share'), '2割', 'ja')).toBe('2割');
    expect(cellUnit(column('name'), 'ja')).toBe('');
    expect(cellText(column('cycleDays'), lognormal(45), 'ja')).toBe('45');
  });
});
