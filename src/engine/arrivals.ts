/**
 * The lead arrival process: a non-homogeneous Poisson process whose rate is set by
 * Marketing (headcount x leads per marketer, plus programme budget / cost per lead),
 * times the month's seasonality, plus campaign bursts. Sampled exactly by thinning.
 */
import type { Scenario } from '../scenario/types.ts';
import { effectiveHeadcount, maxHeadcount, staffPlan, type StaffPlan } from './staffing.ts';
import type { Uniform } from './random.ts';

/** Days in an average month. */
export const MONTH_DAYS = 365 / 12;

/** Lead rate as a function of simulation time, with an upper bound for thinning. */
export interface LeadRate {
  /** Leads per day at simulation time t (t = 0 is the start of the warm-up). */
  at(t: number): number;
  /** An upper bound of `at` over the run. */
  max: number;
}

/** Calendar month index (0 = January) of scenario day `day` (negative during warm-up). */
export function calendarMonth(startMonth: number, day: number): number {
  const m = (startMonth - 1 + Math.floor(day / MONTH_DAYS)) % 12;
  return m < 0 ? m + 12 : m;
}

/** The lead rate of a scenario. */
export function leadRate(s: Scenario): LeadRate {
  const m = s.marketing;
  const offset = s.warmupDays;
  const end = s.warmupDays + s.horizonDays;
  const plan: StaffPlan = staffPlan(m.headcount, s.hiring, 'marketing', offset);
  const paidPerDay = (m.programBudgetYenPerMonth / m.costPerLeadYen) * (12 / 365);
  const campaigns = m.campaigns.map((c) => ({ from: c.startDay + offset, to: c.startDay + offset + c.durationDays, perDay: c.extraLeads / c.durationDays }));
  const base = (t: number) => effectiveHeadcount(plan, t) * (m.leadsPerHeadPerWeek / 7) + paidPerDay;
  const at = (t: number) => {
    let rate = base(t) * m.seasonality[calendarMonth(m.startMonth, t - offset)];
    for (const c of campaigns) if (t >= c.from && t < c.to) rate += c.perDay;
    return rate;
  };
  const maxBase = maxHeadcount(plan, end) * (m.leadsPerHeadPerWeek / 7) + paidPerDay;
  const max = maxBase * Math.max(...m.seasonality) + campaigns.reduce((a, c) => a + c.perDay, 0);
  return { at, max };
}

/** Expected number of leads over the whole run, warm-up included (midpoint rule, daily). */
export function expectedLeadCount(s: Scenario): number {
  const rate = leadRate(s);
  const end = s.warmupDays + s.horizonDays;
  let total = 0;
  for (let t = 0; t < end; t += 1) total += rate.at(t + 0.5) * Math.min(1, end - t);
  return total;
}

/**
 * Arrival times by thinning (Lewis and Shedler): candidates at the bound rate,
 * each kept with probability rate(t) / bound. Exact for any bounded rate.
 * Returns a function giving the next arrival time, or Infinity after `end`.
 */
export function arrivalTimes(rate: LeadRate, end: number, u: Uniform): () => number {
  let t = 0;
  return () => {
    if (rate.max <= 0) return Infinity;
    for (;;) {
      t -= Math.log(1 - u()) / rate.max;
      if (t >= end) return (t = Infinity);
      if (u() * rate.max < rate.at(t)) return t;
    }
  };
}
