/** The hiring calendar: the requisition opens by the start day less the time to fill at the confidence; its CSV. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_TIME_TO_FILL_DAYS, hiringCalendar } from '../../src/montecarlo/hiringCalendar.ts';
import { hiringCalendarCsv } from '../../src/export/hiringCalendarCsv.ts';
import type { Hire } from '../../src/scenario/types.ts';

const plan: Hire[] = [
  { department: 'fieldSales', day: 91, change: 2, rampDays: 150 },
  { department: 'insideSales', day: 0, change: 1, rampDays: 95 },
  { department: 'marketing', day: 0, change: -1, rampDays: 0 },
];

describe('hiring calendar', () => {
  it('opens each requisition by the start day less the time-to-fill quantile at the confidence; removals need none', () => {
    // Exponential with mean 30: the 85% quantile is 30 ln(1/0.15) = 56.9, rounded up to whole days.
    const c = hiringCalendar(plan, { timeToFillDays: { kind: 'exponential', mean: 30 }, confidence: 0.85 });
    expect(c).toEqual([
      { department: 'insideSales', people: 1, startDay: 0, openByDay: -57, fillDays: 57, fillMedianDays: 21, rampDays: 95, productiveDay: 95 },
      { department: 'fieldSales', people: 2, startDay: 91, openByDay: 34, fillDays: 57, fillMedianDays: 21, rampDays: 150, productiveDay: 241 },
    ]);
  });

  it('a higher confidence opens earlier; a fixed time to fill is that time; per-department specs and ramps are used', () => {
    const at = (confidence: number) => hiringCalendar(plan, { confidence })[0].openByDay;
    expect(at(0.95)).toBeLessThan(at(0.85));
    expect(at(0.85)).toBeLessThan(at(0.5));
    const c = hiringCalendar(plan, { timeToFillDays: { fieldSales: 45, insideSales: { kind: 'fixed', value: 30 } }, rampDays: { fieldSales: 120 }, confidence: 0.9 });
    expect(c.map((e) => [e.department, e.openByDay, e.productiveDay])).toEqual([['insideSales', -30, 95], ['fieldSales', 46, 211]]);
    expect(DEFAULT_TIME_TO_FILL_DAYS).toEqual({ kind: 'lognormal', mean: 60, p90: 110 });
    expect(hiringCalendar(plan, { confidence: 0.9 })[0].fillDays).toBe(110);
  });

  it('exports as CSV with a BOM and CRLF, headers and departments in the language asked', () => {
    const c = hiringCalendar(plan, { timeToFillDays: 30, confidence: 0.85 });
    expect(hiringCalendarCsv(c, 'en')).toBe('\uFEFFdepartment,people,open_by_day,fill_days,fill_median_days,start_day,ramp_days,productive_day\r\nInside Sales,1,-30,30,30,0,95,95\r\nField Sales,2,61,30,30,91,150,241\r\n');
    expect(hiringCalendarCsv(c, 'ja').split('\r\n')[1]).toBe('インサイドセールス,1,-30,30,30,0,95,95');
  });
});
