/** Goal-seek's report for the terminal: the outcome, the path, the plan, the calendar and the verification. */
import type { GoalSeekResult, PlanReading } from '../experiments/goalSeek.ts';
import type { SensitivityRow } from '../experiments/sensitivity.ts';
import type { CalendarEntry } from '../montecarlo/hiringCalendar.ts';
import { printable } from '../scenario/printable.ts';
import { translate } from '../i18n/messages.ts';
import { formatPercent, formatYen, type Lang } from '../i18n/format.ts';
import { goalSeekText } from '../i18n/goalSeekMessages.ts';
import { fillText, outcomeText, serviceText, signedPeople, targetText, verifiedText } from '../experiments/goalSeekText.ts';
import { dateOfDay, formatDate } from '../domain/calendar.ts';
import { planMonthText } from '../i18n/planMonth.ts';
import { department, type Department } from '../domain/departments.ts';
import { table } from './format.ts';

const SERVICE_COLUMNS = { isWaitP90Hours: 'gsColIsWaitP90Hours', fsBacklogWeeks: 'gsColFsBacklogWeeks', csCoverageMax: 'gsColCsCoverageMax' } as const;

/**
 * The reading columns of the path table: P(target) and its interval when there is
 * a main target, then each service measure and its interval under its own header
 * (a service value is hours, weeks or a ratio, never a probability).
 */
function readingColumns(r: GoalSeekResult, lang: Lang): { header: string[]; cells: (p: PlanReading) => string[] } {
  const g = (k: Parameters<typeof goalSeekText>[1]) => goalSeekText(lang, k);
  const main = r.target !== null;
  const header = [...(main ? [g('gsPAfter'), g('gsInterval')] : []), ...r.baseline.service.flatMap((s) => [g(SERVICE_COLUMNS[s.target]), g('gsInterval')])];
  const cells = (p: PlanReading) => [
    ...(main ? (p.probability ? [formatPercent(p.probability.p), `${formatPercent(p.probability.low)} - ${formatPercent(p.probability.high)}`] : ['–', '']) : []),
    ...p.service.flatMap((s) => [s.mean.toFixed(2), `${s.low.toFixed(2)} - ${s.high.toFixed(2)}`]),
  ];
  return { header, cells };
}

/**
 * A calendar day as the printed table gives it: with the scenario's dates, the
 * date and the day of the plan beside it (「2027年3月2日 (-30)」 in Japanese, an ISO
 * date in English, which sorts and pastes as it reads), else the day alone.
 */
function dayCell(day: number, date: string | undefined, lang: Lang): string {
  if (date === undefined) return String(day);
  return `${lang === 'ja' ? formatDate(date, 'ja') : date} (${day})`;
}

/** The whole report in `lang`; `startDate`: the date of day 0, when the scenario names it (the plan's start as a calendar month). */
export function formatGoalSeek(name: string, r: GoalSeekResult, calendar: CalendarEntry[], bound: number, lang: Lang = 'en', startDate: string | null = null): string {
  const g = (k: Parameters<typeof goalSeekText>[1], v: Record<string, string | number> = {}) => goalSeekText(lang, k, v);
  const dept = (d: Department) => translate(lang, department(d).label);
  const targets = [r.target ? targetText(r.target, lang) : '', ...r.baseline.service.map((s) => serviceText(s.target, s.limit, lang))].filter(Boolean).join(', ');
  const lines = [g('gsHeader', { name: printable(name), target: targets, confidence: formatPercent(r.confidence) }), '', outcomeText(r, bound, lang), ''];
  const reading = readingColumns(r, lang);
  // The plan's start as a month (planMonthText), with its date or day beside it.
  const startCell = (day: number) => {
    const date = startDate ? dateOfDay(startDate, day) : null;
    return `${planMonthText(day, startDate, lang)} (${date ? (lang === 'ja' ? formatDate(date, 'ja') : date) : g('gsDayN', { day })})`;
  };
  const pathRows = [
    ['0', '–', '–', '–', ...reading.cells(r.baseline), String(r.baseline.replications)],
    ...r.path.map((s, i) => [String(i + 1), `${signedPeople(s.change ?? 1)} ${dept(s.department)}`, formatYen(s.costYenPerYear, lang), (s.change ?? 1) < 0 ? '–' : s.valuePerMillionYen.toFixed(3), ...reading.cells(s.after), String(s.after.replications)]),
  ];
  lines.push(g('gsPath'), ...table([g('gsStep'), g('gsHire'), g('gsCostPerYear'), g('gsValue'), ...reading.header, g('gsReps')], pathRows), '');
  if (r.plan.length > 0) {
    lines.push(g('gsPlan'), ...table([g('gsHire'), g('gsPeople'), g('gsFromDay'), g('gsRampDays')], r.plan.map((h) => [dept(h.department), signedPeople(h.change), startCell(h.day), h.change < 0 ? '–' : String(h.rampDays)])), '');
    const c = formatPercent(r.confidence);
    const first = calendar[0];
    lines.push(g('gsCalendar'), g('gsCalendarHelp', { confidence: c, ttf: first ? fillText(first.fillMedianDays, first.fillDays, r.confidence, lang) : '' }));
    const dated = calendar.length > 0 && calendar.every((e) => e.dates !== undefined);
    const headers = dated ? [g('gsOpenByDate'), g('gsFillDays', { confidence: c }), g('gsStartDate'), g('gsProductiveDate')] : [g('gsOpenBy'), g('gsFillDays', { confidence: c }), g('gsStartDay'), g('gsProductiveDay')];
    const rows = calendar.map((e) => [dept(e.department), `+${e.people}`, dayCell(e.openByDay, e.dates?.openBy, lang), String(e.fillDays), e.dates ? dayCell(e.startDay, e.dates.start, lang) : `${planMonthText(e.startDay, null, lang)} (${e.startDay})`, dayCell(e.productiveDay, e.dates?.productive, lang)]);
    lines.push(...table([g('gsHire'), g('gsPeople'), ...headers], rows), '');
  }
  lines.push(verifiedText(r, lang));
  return lines.join('\n');
}

/** Sensitivity as a table, largest swing first: the paired change in ARR at the horizon at each input's low and high value. */
export function formatSensitivity(rows: SensitivityRow[], replications: number, lang: Lang = 'en'): string {
  const g = (k: Parameters<typeof goalSeekText>[1], v: Record<string, string | number> = {}) => goalSeekText(lang, k, v);
  const signed = (x: number) => (Math.abs(x) < 0.5 ? '0' : x > 0 ? `+${formatYen(x, lang)}` : `-${formatYen(-x, lang)}`);
  return [
    g('sensTitle', { reps: replications }),
    '',
    ...table([g('sensInput'), g('sensLow'), g('sensHigh'), g('sensSwing')], rows.map((r) => [g(`sens.${r.input}`), signed(r.low.mean), signed(r.high.mean), formatYen(Math.abs(r.swing), lang)])),
  ].join('\n');
}
