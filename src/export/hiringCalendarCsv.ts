/**
 * The hiring calendar as CSV, in the form of the results CSV (csv.ts): UTF-8 with
 * a BOM, CRLF line ends, RFC 4180 quoting. One row per hire of the plan, earliest
 * requisition first, under the header `department, people, open_by_day,
 * fill_days, fill_median_days, start_day, ramp_days, productive_day` (in
 * Japanese: 部門, 人数, 求人期限(日), 採用日数, 採用日数の中央値, 入社日, 立ち上がり日数, 戦力化日).
 * Days count from day 0, the start of the period (negative: before it);
 * fill_days is the time to fill at the confidence the calendar was made with.
 * When the calendar has dates (the scenario names the date of day 0), three
 * columns follow: `open_by_date, start_date, productive_date` (求人期限, 入社日,
 * 戦力化日 as dates), ISO YYYY-MM-DD, which Excel reads as dates.
 */
import type { CalendarEntry } from '../montecarlo/hiringCalendar.ts';
import type { Lang } from '../i18n/format.ts';
import { translate } from '../i18n/messages.ts';
import { department } from '../domain/departments.ts';
import { textField } from './csv.ts';

/** The calendar's header, by language. */
export const CALENDAR_CSV_COLUMNS: Record<Lang, readonly string[]> = {
  en: ['department', 'people', 'open_by_day', 'fill_days', 'fill_median_days', 'start_day', 'ramp_days', 'productive_day'],
  ja: ['部門', '人数', '求人期限(日)', '採用日数', '採用日数の中央値', '入社日', '立ち上がり日数', '戦力化日'],
};

/** The date columns, by language, after the others when the calendar has dates. */
export const CALENDAR_CSV_DATE_COLUMNS: Record<Lang, readonly string[]> = {
  en: ['open_by_date', 'start_date', 'productive_date'],
  ja: ['求人期限(日付)', '入社日(日付)', '戦力化日(日付)'],
};

/** The calendar as CSV text, department names in `lang`. */
export function hiringCalendarCsv(calendar: readonly CalendarEntry[], lang: Lang): string {
  const dated = calendar.length > 0 && calendar.every((e) => e.dates !== undefined);
  const rows = [
    [...CALENDAR_CSV_COLUMNS[lang], ...(dated ? CALENDAR_CSV_DATE_COLUMNS[lang] : [])].map(textField),
    ...calendar.map((e) => [
      textField(translate(lang, department(e.department).label)),
      ...[e.people, e.openByDay, e.fillDays, e.fillMedianDays, e.startDay, e.rampDays, e.productiveDay].map(String),
      ...(dated && e.dates ? [e.dates.openBy, e.dates.start, e.dates.productive] : []),
    ]),
  ];
  return '\uFEFF' + rows.map((r) => r.join(',')).join('\r\n') + '\r\n';
}
