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

/**
 * Plan dates. A scenario may name the calendar date of day 0 (`startDate`, ISO
 * "2027-04-01"); days of the plan are then calendar days from it. This is the one
 * place that turns days into dates and back (in UTC, so no time zone or summer
 * time moves a day).
 */
const DAY_MS = 86_400_000;

/** Milliseconds of an ISO date at midnight UTC (NaN when it is not a date). */
function utcOf(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
}

/** The ISO date of day `day` of a plan whose day 0 is `startDate` (a fractional day falls on its date). */
export function dateOfDay(startDate: string, day: number): string {
  return new Date(utcOf(startDate) + Math.floor(day + 1e-9) * DAY_MS).toISOString().slice(0, 10);
}

/** The day of the plan of ISO date `date`, when day 0 is `startDate` (negative: before it); NaN when either is not a date. */
export function dayOfDate(startDate: string, date: string): number {
  return Math.round((utcOf(date) - utcOf(startDate)) / DAY_MS);
}

/** Whether `iso` is a date written YYYY-MM-DD that exists. */
export function isIsoDate(iso: string): boolean {
  const t = utcOf(iso);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === iso;
}

/** The calendar month (1-12) of an ISO date. */
export function monthOfDate(iso: string): number {
  return Number(iso.slice(5, 7));
}

/** A date as people read it: 2027年4月1日 / Apr 1, 2027. */
export function formatDate(iso: string, lang: 'ja' | 'en'): string {
  const [y, m, d] = iso.split('-').map(Number);
  return lang === 'ja' ? `${y}年${m}月${d}日` : new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-US', { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' });
}

/** A month with its year, for a time axis: 2027年4月 / Apr 2027. */
export function formatMonthYear(iso: string, lang: 'ja' | 'en'): string {
  const [y, m] = iso.split('-').map(Number);
  return lang === 'ja' ? `${y}年${m}月` : new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString('en-US', { timeZone: 'UTC', year: 'numeric', month: 'short' });
}

/** The ISO date of the first day of the calendar month `k` months after `startDate`'s month (0: its own month). */
export function monthStartAfter(startDate: string, k: number): string {
  const [y, m] = startDate.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + k, 1)).toISOString().slice(0, 10);
}

/**
 * The first days of the calendar months inside days [0, days] of a plan starting
 * on `startDate`, every `every` months (1: each month, 3: each quarter), with their
 * ISO dates: where a time axis puts its month ticks.
 */
export function monthStartsWithin(startDate: string, days: number, every = 1): { day: number; date: string }[] {
  const out: { day: number; date: string }[] = [];
  // The first month start on or after day 0.
  for (let k = Number(startDate.slice(8, 10)) === 1 ? 0 : 1; ; k += every) {
    const date = monthStartAfter(startDate, k);
    const day = dayOfDate(startDate, date);
    if (day > days) return out;
    out.push({ day, date });
  }
}
