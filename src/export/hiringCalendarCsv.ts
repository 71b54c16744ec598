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
 * 戦力化日 as dates), ISO YYYY-MM-DD, which Excel reads as dates. Given the
 * plan's cost, summary rows end it (see hiringCalendarCsv).
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

/** The summary rows' labels, by language: people hired in all, the plan's cost a year and in the horizon (yen). */
export const CALENDAR_CSV_SUMMARY: Record<Lang, readonly [string, string, string]> = {
  en: ['total_people', 'cost_yen_per_year', 'cost_yen_in_horizon'],
  ja: ['採用人数の合計', '年間コスト(円)', '期間内コスト(円)'],
};

/** The plan's cost, for the summary rows (as goal-seek's result gives it). */
export interface CalendarCost {
  costYenPerYear: number;
  costYenInHorizon: number;
}

/**
 * The calendar as CSV text, department names in `lang`. With the plan's `cost`, a
 * blank line and three summary rows follow the table (people in all, yen a year,
 * yen in the horizon, whole yen): the totals a budget sheet starts from.
 */
export function hiringCalendarCsv(calendar: readonly CalendarEntry[], lang: Lang, cost?: CalendarCost): string {
  const dated = calendar.length > 0 && calendar.every((e) => e.dates !== undefined);
  const rows = [
    [...CALENDAR_CSV_COLUMNS[lang], ...(dated ? CALENDAR_CSV_DATE_COLUMNS[lang] : [])].map(textField),
    ...calendar.map((e) => [
      textField(translate(lang, department(e.department).label)),
      ...[e.people, e.openByDay, e.fillDays, e.fillMedianDays, e.startDay, e.rampDays, e.productiveDay].map(String),
      ...(dated && e.dates ? [e.dates.openBy, e.dates.start, e.dates.productive] : []),
    ]),
  ];
  if (cost) {
    const [people, perYear, inHorizon] = CALENDAR_CSV_SUMMARY[lang].map(textField);
    const total = calendar.reduce((a, e) => a + e.people, 0);
    rows.push([], [people, String(total)], [perYear, String(Math.round(cost.costYenPerYear))], [inHorizon, String(Math.round(cost.costYenInHorizon))]);
  }
  return '\uFEFF' + rows.map((r) => r.join(',')).join('\r\n') + '\r\n';
}
