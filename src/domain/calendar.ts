/**
 * The plan's calendar: months of the plan (month 1 starts on day 0) and the
 * calendar month they fall in, on the engine's average month (src/engine/arrivals.ts),
 * so that a hire entered for "month 4" starts on the day the engine calls month 4.
 */
import { calendarMonth, MONTH_DAYS } from '../engine/arrivals.ts';

/**
 * The first whole day of month `n` of the plan (n = 1 is day 0). Rounded up, so the
 * day lies inside month n and in the calendar month the editor names (rounding to
 * the nearest put month 2 on day 30, still in the first month's calendar month).
 */
export function planMonthStartDay(n: number): number {
  return Math.ceil((n - 1) * MONTH_DAYS - 1e-9);
}

/** The month of the plan (1 = the first) in which scenario day `day` falls. */
export function planMonthOf(day: number): number {
  return Math.floor(day / MONTH_DAYS + 1e-9) + 1;
}

/** Whether `day` is the first day of a month of the plan (so a month can name it). */
export function isPlanMonthStart(day: number): boolean {
  return planMonthStartDay(planMonthOf(day)) === day;
}

/** Months in a plan of `horizonDays` days (a partial last month counts). */
export function planMonths(horizonDays: number): number {
  return Math.max(1, Math.ceil(horizonDays / MONTH_DAYS - 1e-9));
}

/** Calendar month (1-12) of month `n` of the plan, when day 0 falls in calendar month `startMonth`. */
export function calendarMonthOfPlanMonth(startMonth: number, n: number): number {
  return calendarMonth(startMonth, planMonthStartDay(n)) + 1;
}
