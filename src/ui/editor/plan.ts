/**
 * The hiring plan's figures as the editor shows them, from a draft that may be
 * half typed: heads on paper come from the one domain rule (src/domain/headcount.ts).
 */
import type { Department } from '../../domain/departments.ts';
import { plannedHeadsOf, type PlannedChange } from '../../domain/headcount.ts';
import { valueOf, type Draft } from './draft.ts';

/** The plan's rows that can be counted yet: a department, a numeric day and change (a row still being typed waits). */
export function countableChanges(draft: Draft): PlannedChange[] {
  const hiring = valueOf(draft, ['hiring']);
  if (!Array.isArray(hiring)) return [];
  return hiring.filter(
    (h): h is PlannedChange => h !== null && typeof h === 'object' && typeof h.department === 'string' && Number.isFinite(h.day) && typeof h.day === 'number' && typeof h.change === 'number' && Number.isFinite(h.change),
  );
}

/** People in `department` at the draft's horizon on paper: its headcount plus the plan's changes up to then. */
export function endHeadsOnPaper(draft: Draft, department: Department): number {
  const base = Number(valueOf(draft, [department, 'headcount']));
  const horizon = Number(valueOf(draft, ['horizonDays']));
  return plannedHeadsOf(Number.isFinite(base) ? base : 0, countableChanges(draft), department, Number.isFinite(horizon) ? horizon : 365);
}
