/**
 * Headcount on paper: a department's people at a day of the plan, from its
 * starting headcount and the hiring plan (the engine's own rule: a hire is paid
 * from its first day; src/engine/staffing.ts).
 */
import type { Department, Scenario } from '../scenario/types.ts';
import { paidHeadcount, staffPlan } from '../engine/staffing.ts';

/** People paid in `department` on scenario day `day` (default: the horizon). */
export function plannedHeads(s: Scenario, department: Department, day: number = s.horizonDays): number {
  return paidHeadcount(staffPlan(s[department].headcount, s.hiring, department, 0), day);
}
