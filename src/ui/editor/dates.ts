/**
 * Edits the editor makes for plan dates, as data (so they are tested without a
 * browser): the date of day 0 is set with its calendar month, and a hire's date
 * becomes its day of the plan. Dates are typed and shown in the app's language
 * (src/i18n/dateInput.ts); days and dates convert in src/domain/calendar.ts.
 * Text that is not a date is kept as typed, so the field shows it with its problem.
 */
import { dayOfDate, isIsoDate, monthOfDate } from '../../domain/calendar.ts';
import { dateInputMessage, formatDateInput, parseDateInput } from '../../i18n/dateInput.ts';
import type { Lang } from '../../i18n/format.ts';

/** One edit of the draft: a path and its new value. */
export type DraftEdit = [path: string[], value: unknown];

/**
 * The edits that set the date of day 0 to what the field holds: none ('') clears
 * it; a date (2027/03/02, 2027年3月2日, 2027-03-02) sets the calendar month of day 0
 * first (seasonality's month), then the ISO date, so the draft never holds a date
 * and a month that disagree; any other text is kept as typed for the field to name.
 * Hires dated while the date of day 0 could not be read (`hiring`, their day an ISO
 * date: see hireDayEdit) become their day of the plan from the new date.
 */
export function startDateEdits(text: string, hiring?: unknown): DraftEdit[] {
  if (text.trim() === '') return [[['startDate'], null]];
  const date = parseDateInput(text);
  if (!date.ok) return [[['startDate'], text.trim()]];
  const edits: DraftEdit[] = [[['marketing', 'startMonth'], monthOfDate(date.iso)], [['startDate'], date.iso]];
  if (Array.isArray(hiring) && hiring.some(isPendingHire)) {
    edits.push([['hiring'], hiring.map((h) => (isPendingHire(h) ? { ...h, day: dayOfDate(date.iso, h.day) } : h))]);
  }
  return edits;
}

/** A hire dated while the date of day 0 could not be read: its day is the ISO date typed, waiting for day 0. */
function isPendingHire(h: unknown): h is { day: string } {
  return typeof h === 'object' && h !== null && typeof (h as { day?: unknown }).day === 'string' && isIsoDate((h as { day: string }).day);
}

/**
 * How the hiring plan's dates read against the draft's date of day 0 (`draftStart`)
 * and the last valid scenario's (`lastStart`). `anchor`: the date hires are shown
 * from (the draft's, or while the draft's is text that is not a date, the last
 * valid one, so the plan does not fall back to months and hide what was typed);
 * `typed`: the date of day 0 as typed when it is not a date (null otherwise).
 */
export function planDates(draftStart: unknown, lastStart: unknown): { anchor: string | null; typed: string | null } {
  if (typeof draftStart === 'string' && isIsoDate(draftStart)) return { anchor: draftStart, typed: null };
  const typed = typeof draftStart === 'string' && draftStart.trim() !== '' ? draftStart : null;
  return { anchor: typed !== null && typeof lastStart === 'string' && isIsoDate(lastStart) ? lastStart : null, typed };
}

/** The day of the plan of a hire entered as date `text` (null: not a date, or no date for day 0). */
export function hireDayOf(startDate: string | null, text: string): number | null {
  if (startDate === null || !isIsoDate(startDate)) return null;
  const date = parseDateInput(text);
  return date.ok ? dayOfDate(startDate, date.iso) : null;
}

/**
 * What a hire's `day` becomes when its date field holds `text`: the day of the
 * plan, or the text as typed (the draft is then invalid, and the field says why);
 * null when the scenario names no date of day 0 (the plan is entered by month).
 */
export function hireDayEdit(startDate: string | null, text: string, startTyped: string | null = null): number | string | null {
  // The date of day 0 is text that is not a date: a date is kept as its ISO date until day 0
  // can be read (startDateEdits then makes it a day), other text as typed.
  if (startTyped !== null) {
    const date = parseDateInput(text);
    return date.ok ? date.iso : text.trim();
  }
  if (startDate === null || !isIsoDate(startDate)) return null;
  return hireDayOf(startDate, text) ?? text.trim();
}

/** A date field's text: an ISO date in the language's form, any other text as typed. */
export function dateFieldText(value: unknown, lang: Lang): string {
  if (typeof value !== 'string') return '';
  return isIsoDate(value) ? formatDateInput(value, lang) : value;
}

/** The problem of a date field holding `value` (text that is not a date), naming it `label`; null when it holds a date or nothing. */
export function dateFieldProblem(value: unknown, label: string, lang: Lang): string | null {
  return typeof value === 'string' && !isIsoDate(value) ? dateInputMessage(label, value, lang) : null;
}
