/**
 * Leads per month as the total of its parts: what Marketing's people bring from
 * owned channels, and what the programme budget buys. An average month, before
 * seasonality, campaigns and the hiring plan (the engine's lead rate at full
 * headcount: src/engine/arrivals.ts).
 */
import type { Marketing } from '../scenario/types.ts';
import { MONTH_DAYS } from '../engine/arrivals.ts';

const WEEK_DAYS = 7;

/** The two parts of an average month's leads, and their total. */
export interface LeadVolume {
  owned: number;
  paid: number;
  total: number;
}

/** Leads per average month from `m`'s headcount, leads per marketer and programme budget. */
export function leadsPerMonth(m: Pick<Marketing, 'headcount' | 'leadsPerHeadPerWeek' | 'programBudgetYenPerMonth' | 'costPerLeadYen'>): LeadVolume {
  const owned = m.headcount * m.leadsPerHeadPerWeek * (MONTH_DAYS / WEEK_DAYS);
  const paid = m.costPerLeadYen > 0 ? m.programBudgetYenPerMonth / m.costPerLeadYen : 0;
  return { owned, paid, total: owned + paid };
}

/**
 * The programme budget that makes `total` leads a month, owned channels unchanged;
 * null when owned channels alone bring more than `total` (the budget cannot be negative).
 */
export function budgetForTotal(m: Pick<Marketing, 'headcount' | 'leadsPerHeadPerWeek' | 'programBudgetYenPerMonth' | 'costPerLeadYen'>, total: number): number | null {
  const { owned } = leadsPerMonth(m);
  if (!(total >= owned)) return null;
  return Math.round((total - owned) * m.costPerLeadYen);
}
