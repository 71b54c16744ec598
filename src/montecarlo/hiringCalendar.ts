/**
 * The hiring calendar: for each hire of a plan, the latest day to open the
 * requisition so that the person has joined by the day the plan starts them,
 * with a stated confidence, given how long a requisition takes to fill.
 *
 * A plan's hire on day d (src/scenario/types.ts Hire) joins on day d and ramps
 * over its rampDays, as the simulation ran it; so the requisition must open by
 * d - q, where q is the `confidence` quantile of the time to fill, and the person
 * is fully productive from d + rampDays. A pure function: the time to fill and
 * the ramp are arguments; `calendarOf` reads them from a scenario (each
 * department's `timeToFillDays`, each hire's `rampDays`).
 */
import { DEPARTMENTS, type Department, type DistSpec, type Hire, type Scenario } from '../scenario/types.ts';
import { compileDist } from '../engine/distributions.ts';
import { dateOfDay } from '../domain/calendar.ts';

/** One line of the calendar. */
export interface CalendarEntry {
  department: Department;
  people: number;
  /** The day the plan starts them (day 0: the start of the horizon). */
  startDay: number;
  /** The latest day to open the requisition (negative: before day 0). */
  openByDay: number;
  /** Days to fill at the stated confidence (the quantile the calendar allowed for). */
  fillDays: number;
  /** Median days to fill (the typical wait, for reading). */
  fillMedianDays: number;
  rampDays: number;
  /** The day they are fully productive: startDay + rampDays. */
  productiveDay: number;
  /** The same days as calendar dates (ISO), when the scenario names the date of day 0 (calendarOf). */
  dates?: { openBy: string; start: string; productive: string };
}

/** What the calendar needs besides the plan. */
export interface CalendarOptions {
  /** Time to fill a requisition, for every department or per department. */
  timeToFillDays: DistSpec | Record<Department, DistSpec>;
  /** Ramp in days per department, overriding each hire's own rampDays. */
  rampDays?: Partial<Record<Department, number>>;
  /** Probability the person has joined by the start day (e.g. 0.85). */
  confidence: number;
}

const isDist = (x: DistSpec | Record<Department, DistSpec>): x is DistSpec => typeof x === 'number' || 'kind' in x;

/** The calendar of the plan's additions (removals need no requisition), earliest requisition first. */
export function hiringCalendar(plan: readonly Hire[], options: CalendarOptions): CalendarEntry[] {
  const { confidence } = options;
  if (!(confidence > 0 && confidence < 1)) throw new Error(`hiringCalendar: expected a confidence in (0, 1), got ${confidence}`);
  const ttf = options.timeToFillDays;
  const specOf = (d: Department): DistSpec => (isDist(ttf) ? ttf : ttf[d]);
  return plan
    .filter((h) => h.change > 0)
    .map((h) => {
      const dist = compileDist(specOf(h.department));
      const fillDays = Math.ceil(dist.quantile(confidence));
      const rampDays = options.rampDays?.[h.department] ?? h.rampDays;
      return {
        department: h.department,
        people: h.change,
        startDay: h.day,
        openByDay: h.day - fillDays,
        fillDays,
        fillMedianDays: Math.round(dist.quantile(0.5)),
        rampDays,
        productiveDay: h.day + rampDays,
      };
    })
    .sort((a, b) => a.openByDay - b.openByDay);
}

/**
 * The calendar of `plan` with the time to fill of each department of `scenario`
 * (its `timeToFillDays`); when the scenario names the date of day 0 (`startDate`),
 * each entry carries its requisition, start and productive dates too.
 */
export function calendarOf(plan: readonly Hire[], scenario: Scenario, confidence: number): CalendarEntry[] {
  const timeToFillDays = Object.fromEntries(DEPARTMENTS.map((d) => [d, scenario[d].timeToFillDays])) as Record<Department, DistSpec>;
  const entries = hiringCalendar(plan, { timeToFillDays, confidence });
  const start = scenario.startDate;
  if (start === null) return entries;
  return entries.map((e) => ({ ...e, dates: { openBy: dateOfDay(start, e.openByDay), start: dateOfDay(start, e.startDay), productive: dateOfDay(start, e.productiveDay) } }));
}
