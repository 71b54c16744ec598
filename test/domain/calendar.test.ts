import { describe, expect, it } from 'vitest';
import { calendarMonthOfPlanMonth, dateOfDay, dayOfDate, formatDate, formatMonthYear, isIsoDate, isPlanMonthStart, monthOfDate, monthStartsWithin, planMonthOf, planMonths, planMonthStartDay } from '../../src/domain/calendar.ts';

describe('the plan calendar', () => {
  it('puts the first day of each month of the plan inside that month, in the calendar month it names', () => {
    for (let n = 1; n <= 36; n++) {
      const day = planMonthStartDay(n);
      expect(planMonthOf(day)).toBe(n);
      expect(planMonthOf(day - 1)).toBe(n - 1 || 0);
      expect(isPlanMonthStart(day)).toBe(true);
    }
    // A plan starting in April: month 2 is May, month 10 is January.
    expect(calendarMonthOfPlanMonth(4, 1)).toBe(4);
    expect(calendarMonthOfPlanMonth(4, 2)).toBe(5);
    expect(calendarMonthOfPlanMonth(4, 10)).toBe(1);
  });

  it('counts a partial last month, and days that start no month are not month starts', () => {
    expect(planMonths(365)).toBe(12);
    expect(planMonths(366)).toBe(13);
    expect(isPlanMonthStart(90)).toBe(false);
  });
});

describe('plan dates: days and dates (src/domain/calendar.ts is the one place that converts)', () => {
  it('day 0 is the start date; days are calendar days, across month ends, leap days and years', () => {
    expect(dateOfDay('2027-04-01', 0)).toBe('2027-04-01');
    expect(dateOfDay('2027-04-01', 30)).toBe('2027-05-01');
    expect(dateOfDay('2027-04-01', 365)).toBe('2028-03-31');
    expect(dateOfDay('2028-02-28', 1)).toBe('2028-02-29');
    expect(dateOfDay('2027-12-31', 1)).toBe('2028-01-01');
    // A fractional day falls on its date; a negative day is before day 0.
    expect(dateOfDay('2027-04-01', 91.6)).toBe('2027-07-01');
    expect(dateOfDay('2027-04-01', -57)).toBe('2027-02-03');
  });

  it('date -> day -> date is the identity, and day -> date -> day too, over three years', () => {
    for (const start of ['2027-04-01', '2028-02-15', '2026-10-31']) {
      for (let day = -100; day <= 1100; day += 7) expect(dayOfDate(start, dateOfDay(start, day))).toBe(day);
    }
    expect(dateOfDay('2027-04-01', dayOfDate('2027-04-01', '2029-02-28'))).toBe('2029-02-28');
    expect(dayOfDate('2027-04-01', '2027-04-01')).toBe(0);
    expect(dayOfDate('2027-04-01', 'soon')).toBeNaN();
  });

  it('knows a date that exists, and its month', () => {
    expect(['2027-04-01', '2028-02-29'].map(isIsoDate)).toEqual([true, true]);
    expect(['2027-02-29', '2027-4-1', '2027-13-01', '', '2027-04-01T00:00'].map(isIsoDate)).toEqual([false, false, false, false, false]);
    expect(monthOfDate('2027-07-15')).toBe(7);
  });

  it('says dates and months as people read them, in Japanese and English', () => {
    expect(formatDate('2027-04-01', 'ja')).toBe('2027年4月1日');
    expect(formatDate('2027-04-01', 'en')).toBe('Apr 1, 2027');
    expect(formatMonthYear('2028-01-01', 'ja')).toBe('2028年1月');
    expect(formatMonthYear('2028-01-01', 'en')).toBe('Jan 2028');
  });

  it('lists the month starts inside a period, every quarter, for the chart axis', () => {
    expect(monthStartsWithin('2027-04-01', 364, 3)).toEqual([
      { day: 0, date: '2027-04-01' },
      { day: 91, date: '2027-07-01' },
      { day: 183, date: '2027-10-01' },
      { day: 275, date: '2028-01-01' },
    ]);
    // A start in mid-month: the first tick is the next month's first day.
    expect(monthStartsWithin('2027-04-15', 40, 1)).toEqual([{ day: 16, date: '2027-05-01' }]);
  });
});
