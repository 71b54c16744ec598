/**
 * How a department's editable field is described: where it lives in the
 * department's part of the scenario, how it is edited, and its label and help
 * (message keys: the texts themselves live in i18n/messages.ts, in both languages).
 */
import type { MessageKey } from '../i18n/messages.ts';

/** How a field is edited. */
export type FieldKind =
  | 'count' // a whole number (headcount: with stepper and slider)
  | 'number'
  | 'text' // a string kept as typed, digits included (the seed)
  | 'percent' // stored 0-1, shown 0-100
  | 'yen'
  | 'mean' // the mean of a distribution, keeping its shape
  | 'patience' // mean of the patience (its shape kept; exponential when new), empty = forever
  | 'decay' // none / half-life / speed-to-lead preset
  | 'discipline' // which waiting item a freed slot takes next: first come or newest first
  | 'month' // a calendar month, 1-12
  | 'date' // a calendar date (YYYY-MM-DD) or none: the date of day 0
  | 'bool' // a switch
  | 'rampShape' // linear, or the 25/50/75/100% ladder
  | 'seasonality'; // twelve monthly factors, January first

/** One editable field. */
export interface FieldDef {
  /** Path in the scenario (for a department's field: within the department, e.g. ['mix', 'never']). */
  path: string[];
  label: MessageKey;
  help: MessageKey;
  kind: FieldKind;
  /** The department's headcount: edited with a stepper and a slider. */
  headcount?: boolean;
  /** A mean in yen (a deal size): typed and shown as an amount, like a 'yen' field. */
  yen?: boolean;
  /** A distribution's mean that is a share (an expansion's size): shown and typed in percent. */
  share?: boolean;
  /** Folded under the card's advanced section, so the first screen stays simple. */
  advanced?: boolean;
  /** Shown with the department's hiring plan: how its people change by chance (attrition, time to fill, ramp). */
  staffing?: boolean;
  /**
   * The segment field that replaces this one when the scenario has segments: the
   * editor then says so instead of letting an edit silently do nothing.
   */
  overriddenBySegment?: 'sqlRate' | 'winRate' | 'cycleDays' | 'acvYen';
}

/** The annual cost of one person: every department has it, folded as advanced. */
export const COST_PER_HEAD: FieldDef = { path: ['costPerHeadYen'], label: 'costPerHead', help: 'costPerHeadHelp', kind: 'yen', advanced: true };

/** The headcount field every department has. */
export const HEADCOUNT: FieldDef = { path: ['headcount'], label: 'headcount', help: 'headcountHelp', kind: 'count', headcount: true };

/** How a department's people change by chance: every department has them, shown with its hiring plan. */
export const STAFF_CHANCE: FieldDef[] = [
  { path: ['attritionPerYear'], label: 'attrition', help: 'attritionHelp', kind: 'percent', staffing: true },
  { path: ['backfill'], label: 'backfill', help: 'backfillHelp', kind: 'bool', staffing: true },
  { path: ['timeToFillDays'], label: 'timeToFill', help: 'timeToFillHelp', kind: 'mean', staffing: true },
  { path: ['rampDays'], label: 'rampDaysDept', help: 'rampDaysDeptHelp', kind: 'number', staffing: true },
  { path: ['rampShape'], label: 'rampShape', help: 'rampShapeHelp', kind: 'rampShape', staffing: true },
];

/** The fields of a queue whose waiting items give up and lose intent: patience, decay, order. */
export const WAITING_FIELDS: FieldDef[] = [
  { path: ['patienceDays'], label: 'patience', help: 'patienceHelp', kind: 'patience' },
  { path: ['decay'], label: 'decayKind', help: 'halfLifeHelp', kind: 'decay' },
  { path: ['discipline'], label: 'discipline', help: 'discipline', kind: 'discipline', advanced: true },
  { path: ['abandonRecycleShare'], label: 'abandonRecycle', help: 'abandonRecycleHelp', kind: 'percent', advanced: true },
];
