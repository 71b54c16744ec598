/** The hiring calendar: the requisition opens by the start day less the time to fill at the confidence; its CSV. */
import { describe, expect, it } from 'vitest';
import { calendarOf, hiringCalendar } from '../../src/montecarlo/hiringCalendar.ts';
import { DEFAULT_SCENARIO } from '../../src/scenario/defaults.ts';
import { hiringCalendarCsv } from '../../src/export/hiringCalendarCsv.ts';
import type { Hire } from '../../src/scenario/types.ts';

const plan: Hire[] = [
  { department: 'fieldSales', day: 91, change: 2, rampDays: 150, rampShape: 'linear', from: 'start' },
  { department: 'insideSales', day: 0, change: 1, rampDays: 95, rampShape: 'linear', from: 'start' },
  { department: 'marketing', day: 0, change: -1, rampDays: 0, rampShape: 'linear', from: 'start' },
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
    const at = (confidence: number) => hiringCalendar(plan, { timeToFillDays: { kind: 'exponential', mean: 30 }, confidence })[0].openByDay;
    expect(at(0.95)).toBeLessThan(at(0.85));
    expect(at(0.85)).toBeLessThan(at(0.5));
    const c = hiringCalendar(plan, { timeToFillDays: { marketing: 10, customerSuccess: 10, fieldSales: 45, insideSales: { kind: 'fixed', value: 30 } }, rampDays: { fieldSales: 120 }, confidence: 0.9 });
    expect(c.map((e) => [e.department, e.openByDay, e.productiveDay])).toEqual([['insideSales', -30, 95], ['fieldSales', 46, 211]]);
    // From a scenario: each department's own time to fill (the default's P90 is 100 days).
    expect(DEFAULT_SCENARIO.insideSales.timeToFillDays).toEqual({ kind: 'lognormal', mean: 60, p90: 100 });
    expect(calendarOf(plan, DEFAULT_SCENARIO, 0.9)[0].fillDays).toBe(100);
    const slowIs = { ...DEFAULT_SCENARIO, insideSales: { ...DEFAULT_SCENARIO.insideSales, timeToFillDays: { kind: 'fixed' as const, value: 120 } } };
    expect(calendarOf(plan, slowIs, 0.9).map((e) => [e.department, e.fillDays])).toEqual([['insideSales', 120], ['fieldSales', 100]]);
  });

  it('exports as CSV with a BOM and CRLF, headers and departments in the language asked', () => {
    const c = hiringCalendar(plan, { timeToFillDays: 30, confidence: 0.85 });
    expect(hiringCalendarCsv(c, 'en')).toBe('\uFEFFdepartment,people,open_by_day,fill_days,fill_median_days,start_day,ramp_days,productive_day\r\nInside Sales,1,-30,30,30,0,95,95\r\nField Sales,2,61,30,30,91,150,241\r\n');
    expect(hiringCalendarCsv(c, 'ja').split('\r\n')[1]).toBe('インサイドセールス,1,-30,30,30,0,95,95');
  });
});

describe('hiring calendar CSV summary', () => {
  it('with the plan\'s cost, ends with a summary under a blank line: people in all, yen a year, yen in the horizon', () => {
    const c = hiringCalendar(plan, { timeToFillDays: 30, confidence: 0.85 });
    const en = hiringCalendarCsv(c, 'en', { costYenPerYear: 11_800_000, costYenInHorizon: 7_160_000.4 }).split('\r\n');
    expect(en.slice(-5)).toEqual(['', 'total_people,3', 'cost_yen_per_year,11800000', 'cost_yen_in_horizon,7160000', '']);
    const ja = hiringCalendarCsv(c, 'ja', { costYenPerYear: 11_800_000, costYenInHorizon: 7_160_000 }).split('\r\n');
    expect(ja.slice(-4, -1)).toEqual(['採用人数の合計,3', '年間コスト(円),11800000', '期間内コスト(円),7160000']);
    // Without it, the table alone, as before.
    expect(hiringCalendarCsv(c, 'en').split('\r\n').length).toBe(c.length + 2);
  });
});

describe('hiring calendar with plan dates', () => {
  it('a scenario that names the date of day 0 gives each requisition, start and productive date; the CSV adds them as columns', () => {
    const dated = { ...DEFAULT_SCENARIO, startDate: '2027-04-01', insideSales: { ...DEFAULT_SCENARIO.insideSales, timeToFillDays: { kind: 'fixed' as const, value: 30 } }, fieldSales: { ...DEFAULT_SCENARIO.fieldSales, timeToFillDays: { kind: 'fixed' as const, value: 30 } } };
    const c = calendarOf(plan, dated, 0.85);
    expect(c.map((e) => [e.department, e.openByDay, e.startDay, e.productiveDay, e.dates])).toEqual([
      ['insideSales', -30, 0, 95, { openBy: '2027-03-02', start: '2027-04-01', productive: '2027-07-05' }],
      ['fieldSales', 61, 91, 241, { openBy: '2027-06-01', start: '2027-07-01', productive: '2027-11-28' }],
    ]);
    const csv = hiringCalendarCsv(c, 'en').split('\r\n');
    expect(csv[0]).toBe('\uFEFFdepartment,people,open_by_day,fill_days,fill_median_days,start_day,ramp_days,productive_day,open_by_date,start_date,productive_date');
    expect(csv[1]).toBe('Inside Sales,1,-30,30,30,0,95,95,2027-03-02,2027-04-01,2027-07-05');
    expect(hiringCalendarCsv(c, 'ja').split('\r\n')[0]).toBe('\uFEFF部門,人数,求人期限(日),採用日数,採用日数の中央値,入社日,立ち上がり日数,戦力化日,求人期限(日付),入社日(日付),戦力化日(日付)');
    // Without a date, no dates and no date columns.
    expect(calendarOf(plan, DEFAULT_SCENARIO, 0.85).every((e) => e.dates === undefined)).toBe(true);
    expect(hiringCalendarCsv(calendarOf(plan, DEFAULT_SCENARIO, 0.85), 'en').split('\r\n')[0]).not.toContain('date');
  });
});
