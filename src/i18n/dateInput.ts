/**
 * Dates as people type and read them in a form, in the app's language rather
 * than the browser's (an <input type=date> shows mm/dd/yyyy in an en-US browser
 * even when the app speaks Japanese): Japanese writes 2027/03/02 or 2027年3月2日,
 * English 2027-03-02. Either language reads every year-first form (so a pasted
 * ISO date works in Japanese too), with full-width digits; no form puts the day
 * or month first, so 03/02/2027 is refused rather than guessed.
 *
 * Written here rather than taken from a library: date-fns' `parse` with format
 * strings would read the same three patterns, but it is not a dependency of the
 * project, returns a local-time Date (the plan's days are counted in UTC,
 * src/domain/calendar.ts) and reads neither 年月日 with full-width digits nor
 * tells which rule failed. Calendar validity is the domain's isIsoDate.
 */
import { isIsoDate } from '../domain/calendar.ts';
import type { Lang } from './format.ts';

/** A date read from text: its ISO form ("2027-03-02"), or not a date. */
export type ParsedDate = { ok: true; iso: string } | { ok: false };

/** Year first: 2027-3-2, 2027/03/02, 2027.3.2, 2027年3月2日 (日 optional). */
const YEAR_FIRST = /^(\d{4})(?:([-/.])(\d{1,2})\2(\d{1,2})|年(\d{1,2})月(\d{1,2})日?)$/;

/** The date in `text` as an ISO date, when it is a real calendar date written year first. */
export function parseDateInput(text: string): ParsedDate {
  const m = YEAR_FIRST.exec(text.normalize('NFKC').replace(/\s+/g, ''));
  if (!m) return { ok: false };
  const [y, mo, d] = [m[1], m[3] ?? m[5], m[4] ?? m[6]];
  const iso = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isIsoDate(iso) ? { ok: true, iso } : { ok: false };
}

/** An ISO date as the field shows it: 2027/03/02 in Japanese, 2027-03-02 in English. */
export function formatDateInput(iso: string, lang: Lang): string {
  return lang === 'ja' ? iso.replaceAll('-', '/') : iso;
}

/** The example an empty date field shows: the form it reads, marked as an example so it is never read as a date set. */
export function datePlaceholder(lang: Lang): string {
  return lang === 'ja' ? '例: 2027/03/02' : 'e.g. 2027-03-02';
}

/** The problem of a date field holding `typed`, naming the field by `label` and saying the rule. */
export function dateInputMessage(label: string, typed: string, lang: Lang): string {
  if (typed.trim() === '') return lang === 'ja' ? `${label}を 2027/03/02 または 2027年3月2日 のように入力してください。` : `${label}: enter a date as year-month-day, like 2027-03-02.`;
  return lang === 'ja'
    ? `「${typed}」は日付として読めません。${label}は 2027/03/02 または 2027年3月2日 のように、年・月・日の順で実在する日付を入力してください。`
    : `"${typed}" is not a date. ${label}: enter a real date as year-month-day, like 2027-03-02.`;
}
