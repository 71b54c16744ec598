/**
 * Headcount on paper: a department's people at a day of the plan, from its
 * starting headcount and the hiring plan (the engine's own rule: a hire is paid
 * from its first day; src/engine/staffing.ts).
 */
import type { Department, Hire, Scenario } from '../scenario/types.ts';
import { paidHeadcount, staffPlan } from '../engine/staffing.ts';

/** The part of a hire that counts on paper: whose, from which day, how many (ramps and requisitions do not move the paid count on paper). */
export type PlannedChange = Pick<Hire, 'department' | 'day' | 'change'>;

/** People paid in `department` on day `day`, from a starting headcount `base` and the changes of a plan (never below 0). */
export function plannedHeadsOf(base: number, hiring: readonly PlannedChange[], department: Department, day: number): number {
  const changes = hiring.map((h): Hire => ({ ...h, rampDays: 0, rampShape: 'linear', from: 'start' }));
  return paidHeadcount(staffPlan(base, changes, department, 0), day);
}

/** People paid in `department` on scenario day `day` (default: the horizon). */
export function plannedHeads(s: Scenario, department: Department, day: number = s.horizonDays): number {
  return plannedHeadsOf(s[department].headcount, s.hiring, department, day);
}
