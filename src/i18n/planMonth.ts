/**
 * "From when" in words: the day a plan's hire starts, said as a month, the way an
 * executive plans hiring. One helper for the goal-seek panel, its hiring calendar
 * and the CLI.
 */
import { dateOfDay, formatMonthYear, isPlanMonthStart, planMonthOf } from '../domain/calendar.ts';
import type { Lang } from './format.ts';

/**
 * The start of a hire on plan day `day`: with the scenario's date of day 0, the
 * calendar month it falls in (「2027年4月から」, "from Apr 2027"); without, the month
 * of the plan (「4か月目から」, "from month 4"), or the day when it does not start a
 * month of the plan (「45日目から」).
 */
export function planMonthText(day: number, startDate: string | undefined | null, lang: Lang): string {
  if (startDate) {
    const month = formatMonthYear(dateOfDay(startDate, day), lang);
    return lang === 'ja' ? `${month}から` : `from ${month}`;
  }
  if (isPlanMonthStart(day)) return lang === 'ja' ? `${planMonthOf(day)}か月目から` : `from month ${planMonthOf(day)}`;
  return lang === 'ja' ? `${day}日目から` : `from day ${day}`;
}
