/**
 * Headcount over time: the starting headcount plus a hiring plan. A hire ramps
 * linearly from zero to full capacity over its ramp; a removal takes effect at once.
 */
import type { Department, Hire } from '../scenario/types.ts';

/** One department's staffing plan, in simulation time (days since the run began). */
export interface StaffPlan {
  base: number;
  changes: { day: number; change: number; rampDays: number }[];
}

/** The plan of `department`, with hiring days shifted by `offsetDays` (the warm-up). */
export function staffPlan(base: number, hiring: Hire[], department: Department, offsetDays: number): StaffPlan {
  return {
    base,
    changes: hiring
      .filter((h) => h.department === department)
      .map((h) => ({ day: h.day + offsetDays, change: h.change, rampDays: h.rampDays })),
  };
}

/** Effective (productive) headcount at time t: ramping hires count in part. Never negative. */
export function effectiveHeadcount(plan: StaffPlan, t: number): number {
  let heads = plan.base;
  for (const c of plan.changes) {
    if (t < c.day) continue;
    if (c.change < 0 || c.rampDays <= 0) heads += c.change;
    else heads += c.change * Math.min(1, (t - c.day) / c.rampDays);
  }
  return Math.max(0, heads);
}

/** Paid headcount at time t: hires are paid from their first day. Never negative. */
export function paidHeadcount(plan: StaffPlan, t: number): number {
  let heads = plan.base;
  for (const c of plan.changes) if (t >= c.day) heads += c.change;
  return Math.max(0, heads);
}

/** Person-days paid between t0 and t1 (exact: paid headcount is a step function). */
export function paidPersonDays(plan: StaffPlan, t0: number, t1: number): number {
  const cuts = [t0, ...plan.changes.map((c) => c.day).filter((d) => d > t0 && d < t1).sort((a, b) => a - b), t1];
  let total = 0;
  for (let i = 0; i + 1 < cuts.length; i++) total += paidHeadcount(plan, cuts[i]) * (cuts[i + 1] - cuts[i]);
  return total;
}

/**
 * Times at which capacity must be recomputed: each change day, and each day of a
 * ramp (capacity is whole slots, so a daily step follows a linear ramp closely).
 * Only days up to `horizon` are listed, so the work is bounded by the run's length
 * whatever the ramp's (a ramp of 1e12 days lists at most `horizon` days).
 */
export function capacityUpdateTimes(plan: StaffPlan, horizon: number): number[] {
  const times = new Set<number>();
  for (const c of plan.changes) {
    if (c.day > horizon) continue;
    times.add(c.day);
    if (c.change > 0 && c.rampDays > 0) {
      const lastStep = Math.min(Math.ceil(c.rampDays), Math.ceil(horizon - c.day));
      for (let d = 1; d <= lastStep; d++) {
        const t = c.day + Math.min(d, c.rampDays);
        if (t <= horizon) times.add(t);
      }
    }
  }
  return [...times].sort((a, b) => a - b);
}

/**
 * Largest effective headcount reached from 0 to `horizon` (a bound for thinning).
 * Effective headcount is piecewise linear with corners at change days and ramp
 * ends only, so its maximum is at one of those or at the ends of the interval:
 * the cost depends on the number of changes, never on their ramps' length.
 */
export function maxHeadcount(plan: StaffPlan, horizon: number): number {
  let max = Math.max(effectiveHeadcount(plan, 0), effectiveHeadcount(plan, horizon));
  for (const c of plan.changes) {
    if (c.day > horizon) continue;
    max = Math.max(max, effectiveHeadcount(plan, c.day));
    const end = c.day + c.rampDays;
    if (c.change > 0 && c.rampDays > 0 && end <= horizon) max = Math.max(max, effectiveHeadcount(plan, end));
  }
  return max;
}
