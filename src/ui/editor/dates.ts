/**
 * Edits the editor makes for plan dates, as data (so they are tested without a
 * browser): the date of day 0 is set with its calendar month, and a hire's date
 * becomes its day of the plan. Days and dates convert in src/domain/calendar.ts.
 */
import { dayOfDate, isIsoDate, monthOfDate } from '../../domain/calendar.ts';

/** One edit of the draft: a path and its new value. */
export type DraftEdit = [path: string[], value: unknown];

/**
 * The edits that set the date of day 0 to what the date input holds: none ('')
 * clears it; a date sets the calendar month of day 0 first (seasonality's month),
 * then the date, so the draft never holds a date and a month that disagree; any
 * other text is kept as typed for validation to name.
 */
export function startDateEdits(text: string): DraftEdit[] {
  if (text === '') return [[['startDate'], null]];
  if (!isIsoDate(text)) return [[['startDate'], text]];
  return [[['marketing', 'startMonth'], monthOfDate(text)], [['startDate'], text]];
}

/** The day of the plan of a hire entered as date `text` (null: not a date, or no date for day 0). */
export function hireDayOf(startDate: string | null, text: string): number | null {
  return startDate !== null && isIsoDate(startDate) && isIsoDate(text) ? dayOfDate(startDate, text) : null;
}
