/**
 * "From when", as an executive reads it: goal-seek's quarters start on the first
 * day of a month of the plan (days 92, 183, 274 of a 365-day year, the days the
 * editor's month 4, 7 and 10 name), and a plan's start is said as a month.
 */
import { describe, expect, it } from 'vitest';
import { timingDays } from '../../src/experiments/goalSeek.ts';
import { planMonthText } from '../../src/i18n/planMonth.ts';
import { planMonthStartDay } from '../../src/domain/calendar.ts';

describe('goal-seek quarters on plan months', () => {
  it('a 365-day horizon: days 92, 183 and 274 (months 4, 7, 10), latest first', () => {
    expect(timingDays(365)).toEqual([274, 183, 92]);
    expect(timingDays(365)).toEqual([10, 7, 4].map(planMonthStartDay));
  });

  it('with the date of day 0: the first days of calendar months, counted from day 0\'s month', () => {
    // From April 1: July 1, October 1, January 1 (a fiscal year's quarters), named as those months.
    expect(timingDays(365, '2027-04-01')).toEqual([275, 183, 91]);
    expect(timingDays(365, '2027-04-01').map((d) => planMonthText(d, '2027-04-01', 'ja'))).toEqual(['2028年1月から', '2027年10月から', '2027年7月から']);
    // Day 0 inside a month: the quarters still start on the 1st.
    expect(timingDays(365, '2027-04-15').map((d) => planMonthText(d, '2027-04-15', 'en'))).toEqual(['from Jan 2028', 'from Oct 2027', 'from Jul 2027']);
  });

  it('a shorter horizon: its quarters rounded to whole months, each inside it', () => {
    expect(timingDays(240)).toEqual([6, 4, 2].map((k) => planMonthStartDay(k + 1)));
    for (const h of [30, 60, 90, 200, 730]) for (const d of timingDays(h)) expect(d > 0 && d < h).toBe(true);
  });
});

describe('planMonthText', () => {
  it('with a start date: the calendar month and year the plan month starts in', () => {
    expect(planMonthText(92, '2027-01-01', 'ja')).toBe('2027年4月から');
    expect(planMonthText(0, '2027-04-01', 'ja')).toBe('2027年4月から');
    expect(planMonthText(275, '2027-04-01', 'en')).toBe('from Jan 2028');
  });

  it('without a start date: the month of the plan, or the day when it starts inside a month', () => {
    expect(planMonthText(92, undefined, 'ja')).toBe('4か月目から');
    expect(planMonthText(0, undefined, 'ja')).toBe('1か月目から');
    expect(planMonthText(92, undefined, 'en')).toBe('from month 4');
    expect(planMonthText(45, undefined, 'ja')).toBe('45日目から');
    expect(planMonthText(45, undefined, 'en')).toBe('from day 45');
  });
});
