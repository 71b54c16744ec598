import { describe, expect, it } from 'vitest';
import { calendarMonthOfPlanMonth, isPlanMonthStart, planMonthOf, planMonths, planMonthStartDay } from '../../src/domain/calendar.ts';

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
