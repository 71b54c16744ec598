/**
 * Defaults for every scenario field: a balanced mid-size Japanese B2B SaaS.
 * A scenario file only states what differs. Sources are in the README's
 * "Defaults and their sources"; figures marked (assumption) have no published source.
 */
import type { DistSpec, Scenario, StaffChance } from './types.ts';

/** Loaded annual cost of a Japanese salesperson: JPY 4.56M (doda) x 1.22 (MHLW). */
const SALES_COST_YEN = 5_600_000;
/** Loaded annual cost of a Japanese marketer: JPY 5.11M (doda) x 1.22 (MHLW). */
const MARKETING_COST_YEN = 6_200_000;

/**
 * Time from requisition to a newcomer's first day: no published figure in our
 * sources (assumption): two months on average, a quarter of hires taking over
 * three (lognormal, mean 60 days, P90 100), as mid-career hiring in Japan goes.
 */
const TIME_TO_FILL: DistSpec = { kind: 'lognormal', mean: 60, p90: 100 };

/**
 * A department's staffing by chance: no attrition by default, so a scenario that
 * does not ask for it keeps the numbers it had in format version 1; a leaver is
 * backfilled; `rampDays` is the department's ramp for hires and backfills.
 */
function chance(rampDays: number): StaffChance {
  return { attritionPerYear: 0, backfill: true, timeToFillDays: structuredClone(TIME_TO_FILL), rampDays, rampShape: 'linear' };
}

/** The complete default scenario (segments empty: one segment with department rates). */
export const DEFAULT_SCENARIO: Scenario = {
  version: 3,
  name: 'Untitled scenario',
  description: '',
  horizonDays: 365,
  warmupDays: 0,
  startDate: null,
  replications: 200,
  seed: 'funnel',
  marketing: {
    headcount: 4,
    costPerHeadYen: MARKETING_COST_YEN,
    leadsPerHeadPerWeek: 30,
    programBudgetYenPerMonth: 2_000_000,
    // B2B SaaS cost per lead $30-150 (HubSpot); JPY 15,000 is about $100.
    costPerLeadYen: 15_000,
    seasonality: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
    startMonth: 4,
    campaigns: [],
    // THE MODEL (Fukuda): 10% buying now, 65% may buy later, 25% never.
    mix: { buyingNow: 0.1, later: 0.65, never: 0.25 },
    qualificationDays: { kind: 'gamma', mean: 7, p90: 14 },
    // 72% of not-yet-ready leads become ready in 6-11 months with nurture (Johnny Grow).
    nurtureDays: { kind: 'lognormal', mean: 240, p90: 330 },
    nurtureReturnShare: 0.72,
    mqlNoiseShare: 0.1,
    // Ramp of a new marketer: no published figure (assumption), two months.
    ...chance(60),
  },
  insideSales: {
    // SDR:AE about 1:2.5 (TOPO 2015): 5 IS reps for 13 AEs.
    headcount: 5,
    // Concurrent MQLs per rep: no published figure (assumption), set so that 5 reps
    // have the slack of a balanced team (about 75% busy) at the default lead volume.
    concurrentPerHead: 19,
    costPerHeadYen: SALES_COST_YEN,
    workDays: { kind: 'gamma', mean: 5, p90: 10 },
    // Japan: ~30% of meetings become opportunities (IS vendor); Gartner: 44% of MQLs accepted.
    sqlRate: 0.3,
    recycleShare: 0.3,
    patienceDays: null,
    abandonRecycleShare: 0,
    decay: { kind: 'halfLife', halfLifeDays: 30 },
    discipline: 'fifo',
    // SDR ramp a little over 3 months (Bridge Group).
    ...chance(100),
  },
  fieldSales: {
    // Sized with slack (about 80% busy) for the SQLs of a steady state, after nurture returns.
    headcount: 13,
    // Concurrent opportunities per AE: no published figure (assumption).
    concurrentPerHead: 25,
    costPerHeadYen: 7_000_000,
    // Bridge Group 2017: 60-day median cycle for field AEs.
    cycleDays: { kind: 'lognormal', mean: 60, p90: 110 },
    // SQL to close ~22% (TOPO 2017); win rate ~21% (HubSpot).
    winRate: 0.22,
    recycleShare: 0.2,
    patienceDays: null,
    abandonRecycleShare: 0,
    decay: { kind: 'halfLife', halfLifeDays: 45 },
    discipline: 'fifo',
    acvYen: { kind: 'lognormal', mean: 1_200_000, p90: 2_200_000 },
    // AE ramp just under 5 months (Bridge Group).
    ...chance(145),
  },
  customerSuccess: {
    // Sized for the book of about 1,100 accounts that 600 grow into over two years.
    headcount: 12,
    // Concurrent onboardings per CSM: no published figure (assumption).
    concurrentPerHead: 4,
    costPerHeadYen: SALES_COST_YEN,
    patienceDays: null,
    discipline: 'fifo',
    onboardingDays: { kind: 'gamma', mean: 30, p90: 50 },
    // Median ~104 accounts per CSM (ClientSuccess survey).
    accountsPerHead: 100,
    contractMonths: 12,
    // ~10% logo churn a year (Pacific Crest 2016).
    churnRate: 0.1,
    // Effect of CS coverage on churn: no published figure (assumption).
    overloadChurnPerUnit: 0.3,
    onboardingWaitChurnPerDay: 0.005,
    onboardingWaitChurnMax: 0.3,
    // Half the renewing accounts expand, by 30% on average (assumption), for an NRR
    // of about 103% at 10% churn: inside the 100-110% band of SaaS Capital 2023.
    expansionRate: 0.5,
    expansionShare: { kind: 'gamma', mean: 0.3, cv: 0.5 },
    initialAccounts: 600,
    grossMargin: 0.8,
    // Ramp of a new CSM: no published figure (assumption), three months.
    ...chance(90),
  },
  hiring: [],
  segments: [],
  targets: { arrYen: null },
  lesson: null,
};

/**
 * Ramp-up days of a hire in scenario format version 1, by department, which had no
 * ramp of its own: a version 1 hire without rampDays is migrated with these, so its
 * numbers do not move (version 2 takes a hire's default ramp from its department).
 */
export const DEFAULT_RAMP_DAYS = {
  marketing: 60,
  insideSales: 95,
  fieldSales: 150,
  customerSuccess: 90,
} as const;
