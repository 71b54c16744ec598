/**
 * The measures of a finished replication: where every lead created is at the
 * horizon (population), the cohort's retention, and the money (cost, CAC, LTV,
 * payback), read from the replication's state.
 */
import type { Scenario } from '../scenario/types.ts';
import { DEPARTMENT_KEYS } from './compile.ts';
import { paidAt, paidPersonDays, productiveAt, rosterPaidPersonDays, rosterProductivePersonDays, staffPlan, type Roster } from './staffing.ts';
import { LIVE_STATES, LOSS_CAUSES, type LiveState, type LossCause, type ReplicationResult, type RevenueResult, type StaffingResult, WAITING_COSTS, type WaitingCostResult } from './results.ts';
import { LOST, type Replication } from './replication.ts';
import type { LeadTable } from './leadTable.ts';

/** Live leads by state, and the cohort's ARR at its start, at the horizon and kept (for NRR and GRR). */
export interface HorizonPopulation {
  live: Record<LiveState, number>;
  cohortStartArr: number;
  cohortEndArr: number;
  cohortKeptArr: number;
}

/** Counts live leads (accounts carried in excluded) and sums the cohort's ARR over lead table `L`. */
export function population(L: LeadTable): HorizonPopulation {
  // Counted by state index, then named: a string-keyed count per lead was a hash lookup each.
  const counts = new Array<number>(LIVE_STATES.length).fill(0);
  const { cohortStartArr, cohortEndArr, cohortKeptArr } = countRows(L, counts);
  const live = Object.fromEntries(LIVE_STATES.map((k, i) => [k, counts[i]])) as Record<LiveState, number>;
  return { live, cohortStartArr, cohortEndArr, cohortKeptArr };
}

/**
 * Adds the live leads of `L` to `counts` by state index and sums the cohort's ARR.
 * Its own function, ending at its loop: V8 compiles the loop on the stack (OSR) in
 * each replication, and code after the loop, which had run only in the interpreter,
 * was compiled without feedback and deoptimised on every call (--trace-deopt:
 * "Insufficient type feedback", once per baseline replication, 0.3-3 ms each).
 */
function countRows(L: LeadTable, counts: number[]): Omit<HorizonPopulation, 'live'> {
  let cohortStartArr = 0, cohortEndArr = 0, cohortKeptArr = 0;
  for (let id = 0; id < L.size; id++) {
    if (L.cohortArrYen[id] > 0) {
      cohortStartArr += L.cohortArrYen[id];
      if (L.state[id] < LOST) {
        cohortEndArr += L.arrYen[id];
        cohortKeptArr += Math.min(L.arrYen[id], L.cohortArrYen[id]);
      }
    }
    if (!L.initial[id] && L.state[id] < LOST) counts[L.state[id]]++;
  }
  return { cohortStartArr, cohortEndArr, cohortKeptArr };
}

/** What the money measures need from a replication's window counters. */
export interface MoneyInputs {
  wonW: number;
  bookingsW: number;
  renewalsW: number;
  cancelledW: number;
  churnedAccountsW: number;
}

/**
 * Costs over the window, CAC, mean ACV, annual logo churn, LTV and payback of
 * scenario `s`; people are paid as in `rosters` (a replication's, DEPARTMENT_KEYS
 * order), or as planned when none are given.
 */
export function money(s: Scenario, w: MoneyInputs, rosters?: Roster[]): Pick<RevenueResult, 'costYen' | 'headcountCostYen' | 'programCostYen' | 'cacYen' | 'ltvYen' | 'paybackMonths' | 'meanAcvYen' | 'annualChurn'> {
  const m = s.marketing, cs = s.customerSuccess;
  const t0 = s.warmupDays, tEnd = s.warmupDays + s.horizonDays;
  const years = s.horizonDays / 365;
  const personYears = (k: 'marketing' | 'insideSales' | 'fieldSales' | 'customerSuccess') =>
    (rosters ? rosterPaidPersonDays(rosters[DEPARTMENT_KEYS.indexOf(k)], t0, tEnd) : paidPersonDays(staffPlan(s[k].headcount, s.hiring, k, t0), t0, tEnd)) / 365;
  const acquisitionHeadcountCost =
    personYears('marketing') * m.costPerHeadYen + personYears('insideSales') * s.insideSales.costPerHeadYen + personYears('fieldSales') * s.fieldSales.costPerHeadYen;
  const headcountCost = acquisitionHeadcountCost + personYears('customerSuccess') * cs.costPerHeadYen;
  const programCost = m.programBudgetYenPerMonth * 12 * years + m.campaigns.filter((c) => c.startDay < s.horizonDays).reduce((a, c) => a + c.extraLeads * m.costPerLeadYen, 0);
  const cac = w.wonW > 0 ? (acquisitionHeadcountCost + programCost) / w.wonW : NaN;
  const meanAcv = w.wonW > 0 ? w.bookingsW / w.wonW : NaN;
  // Logo churn per renewal decision, annualised from the contract term (see RevenueResult.annualChurn).
  const decisions = w.renewalsW + w.cancelledW;
  const churnPerDecision = decisions > 0 ? w.churnedAccountsW / decisions : cs.churnRate;
  const annualChurn = 1 - Math.pow(1 - Math.min(1, churnPerDecision), 12 / cs.contractMonths);
  const ltv = annualChurn > 0 ? (meanAcv * cs.grossMargin) / annualChurn : NaN;
  return {
    costYen: headcountCost + programCost,
    headcountCostYen: headcountCost,
    programCostYen: programCost,
    cacYen: cac,
    ltvYen: ltv,
    paybackMonths: meanAcv > 0 ? cac / ((meanAcv / 12) * cs.grossMargin) : NaN,
    meanAcvYen: meanAcv,
    annualChurn,
  };
}

/** Counts by cause index as a record by cause name. */
function named(counts: number[]): Record<LossCause, number> {
  return Object.fromEntries(LOSS_CAUSES.map((c, i) => [c, counts[i]])) as Record<LossCause, number>;
}

/** A roster's people over the window [t0, tEnd): at the end, leavers, and week by week (`weeks` weeks, the last one possibly partial). */
export function staffingOf(roster: Roster, t0: number, tEnd: number, weeks: number): StaffingResult {
  const paidByWeek: number[] = [], productiveByWeek: number[] = [];
  for (let w = 0; w < weeks; w++) {
    const a = t0 + 7 * w, b = Math.min(tEnd, a + 7);
    paidByWeek.push(rosterPaidPersonDays(roster, a, b) / (b - a));
    productiveByWeek.push(rosterProductivePersonDays(roster, a, b) / (b - a));
  }
  return {
    paidEnd: paidAt(roster, tEnd),
    productiveEnd: productiveAt(roster, tEnd),
    leavers: roster.leaveTimes.filter((t) => t >= t0 && t < tEnd).length,
    paidByWeek,
    productiveByWeek,
  };
}

/** ARR lost to waiting by cause, their total, and the ARR had no one waited (see WaitingCostResult). */
export function waitingCostOf(byCause: readonly number[], arrEndYen: number): WaitingCostResult {
  const out = Object.fromEntries(WAITING_COSTS.map((c, i) => [`${c}Yen`, byCause[i]])) as WaitingCostResult;
  out.totalYen = byCause.reduce((a, x) => a + x, 0);
  out.arrIfNoWaitYen = arrEndYen + out.totalYen;
  return out;
}

/** The measures of finished replication `r`. */
export function summarise(r: Replication): ReplicationResult {
  const s = r.s, cs = s.customerSuccess;
  const pop = population(r.L);
  // Leads nurtured for good have no row (replication.ts, newLead).
  pop.live.nurture += r.nurturedForGood;
  const cost = money(s, r, r.rosters);
  const csHeads = productiveAt(r.rosters[3], r.tEnd);
  const isResult = r.stages[0].result(r.tEnd);
  const fsResult = r.stages[1].result(r.tEnd);
  const csResult = r.stages[2].result(r.tEnd);
  const { sqlsW, wonW, mqlsW, newMqlsW, leadsW } = r;
  return {
    replication: r.replication,
    events: r.eventCount,
    insideSales: isResult,
    fieldSales: fsResult,
    customerSuccess: csResult,
    funnel: {
      leads: leadsW,
      mqls: mqlsW,
      sqls: sqlsW,
      won: wonW,
      sqlsToFieldSales: sqlsW - r.isClosedW,
      wonByFieldSales: wonW - r.wonByIsW,
      wonByInsideSales: r.wonByIsW,
      lost: named(r.lostWindow),
      newMqls: newMqlsW,
      returnedMqls: mqlsW - newMqlsW,
      mqlRate: leadsW ? newMqlsW / leadsW : NaN,
      sqlRate: mqlsW ? sqlsW / mqlsW : NaN,
      winRate: sqlsW ? wonW / sqlsW : NaN,
      sqlRateOfWorked: isResult.completions ? sqlsW / isResult.completions : NaN,
      winRateOfWorked: fsResult.completions + r.isClosedW ? wonW / (fsResult.completions + r.isClosedW) : NaN,
      leadsByWeek: r.leadsByWeek,
      mqlsByWeek: r.mqlsByWeek,
      sqlsByWeek: r.sqlsByWeek,
      wonByWeek: r.wonByWeek,
    },
    revenue: {
      bookingsYen: r.bookingsW,
      arrEndYen: r.arr,
      arrStartYen: r.arrStart,
      arrByMonth: r.arrByMonth,
      bookingsByMonth: r.bookingsByMonth,
      churnedArrYen: r.churnedArrW,
      expansionArrYen: r.expansionArrW,
      nrr: pop.cohortStartArr > 0 ? pop.cohortEndArr / pop.cohortStartArr : NaN,
      grr: pop.cohortStartArr > 0 ? pop.cohortKeptArr / pop.cohortStartArr : NaN,
      customersEnd: r.active.length,
      costYen: cost.costYen,
      headcountCostYen: cost.headcountCostYen,
      programCostYen: cost.programCostYen,
      cacYen: cost.cacYen,
      ltvYen: cost.ltvYen,
      paybackMonths: cost.paybackMonths,
      meanAcvYen: cost.meanAcvYen,
      annualChurn: cost.annualChurn,
      churnedAccounts: r.churnedAccountsW,
      renewals: r.renewalsW,
    },
    population: { created: r.created, live: pop.live, lost: named(r.lostAll) },
    bookCoverageEnd: csHeads > 0 ? r.active.length / (csHeads * cs.accountsPerHead) : r.active.length > 0 ? Infinity : 0,
    waitingCost: waitingCostOf(r.waitingCostW, r.arr),
    staffing: Object.fromEntries(DEPARTMENT_KEYS.map((d, i) => [d, staffingOf(r.rosters[i], r.tEnd - s.horizonDays, r.tEnd, r.weeks)])) as ReplicationResult['staffing'],
    controls: r.controls,
  };
}
