/**
 * What one replication measures: flat records of plain numbers and arrays, so
 * they cross a worker boundary and serialise to JSON unchanged. All measures
 * cover the reporting window (day 0 to the horizon, after any warm-up) except
 * `population`, which accounts for every lead the run created.
 */

/** Why a lead or account was lost (final states). */
export const LOSS_CAUSES = [
  'notQualified',
  'isAbandoned',
  'isCold',
  'isDisqualified',
  'fsAbandoned',
  'fsCold',
  'dealLost',
  'csAbandoned',
  'churnBase',
  'churnOverload',
] as const;
/** A cause of loss, named for the stage where it happened. */
export type LossCause = (typeof LOSS_CAUSES)[number];

/** Where a live lead is (non-final states). */
export const LIVE_STATES = [
  'marketing',
  'nurture',
  'isQueue',
  'isService',
  'fsQueue',
  'fsService',
  'csQueue',
  'csService',
  'customer',
] as const;
/** A non-final state of a lead. */
export type LiveState = (typeof LIVE_STATES)[number];

/** One queueing department's measures in one replication. */
export interface StageResult {
  /** Items that joined the queue (or went straight to work). */
  arrivals: number;
  /** Items whose work started. */
  starts: number;
  /** Items whose work finished. */
  completions: number;
  /** Completions that converted (SQL, won deal, onboarded account). */
  conversions: number;
  /** Items that gave up waiting (lost or recycled). */
  abandoned: number;
  /** Items sent back to nurture (after work or after giving up). */
  recycled: number;
  /** Mean work time of the items that finished (the realised cycle for Field Sales). */
  workMeanDays: number;
  /** Mean wait before work started, over items that started (NaN when nothing started: undefined, not 0). */
  waitMeanDays: number;
  /** 90th percentile of that wait (NaN when nothing started). */
  waitP90Days: number;
  /** Share of started items that waited at all (NaN when nothing started). */
  pWait: number;
  /** Mean time in queue over all who left it (started or gave up; NaN when nobody left). */
  waitAllMeanDays: number;
  /** Share of those who left the queue that gave up rather than started: abandoned / (starts + abandoned) (NaN when nobody left). */
  abandonShare: number;
  /** Busy slot-time / available slot-time (1 when there are no slots but work waits). */
  utilisation: number;
  /** Time-average number waiting, and in work. */
  queueMean: number;
  wipMean: number;
  /** Item-days spent waiting inside the window, summed item by item: queueMean x days (Little's law). */
  queueDays: number;
  /** Arrival rate into the queue, per day. */
  arrivalsPerDay: number;
  /** Waiting and in work at the horizon. */
  queueEnd: number;
  wipEnd: number;
  /** Time-average number waiting, and in work, in each week. */
  queueByWeek: number[];
  wipByWeek: number[];
  /** Slots (headcount x concurrent items) at the horizon. */
  slotsEnd: number;
}

/** Funnel counts over the window. */
export interface FunnelResult {
  leads: number;
  /** Leads that became an MQL for the first time. */
  newMqls: number;
  /** MQLs that came back from nurture after an earlier pass (recycled or gave up). */
  returnedMqls: number;
  /** MQLs handed to Inside Sales: newMqls + returnedMqls. */
  mqls: number;
  sqls: number;
  won: number;
  /** SQLs handed to Field Sales: all SQLs but those of IS-complete segments, which Inside Sales closes itself. */
  sqlsToFieldSales: number;
  /** Deals won by Field Sales: won - wonByInsideSales. */
  wonByFieldSales: number;
  /** Deals won by Inside Sales alone (IS-complete segments): they go from IS to CS without passing through FS. */
  wonByInsideSales: number;
  /** Losses in the window by cause; churn counts include accounts in the book at day 0. */
  lost: Record<LossCause, number>;
  /**
   * Conversion at each hand-off, each the ratio of two of the counts above (NaN when
   * the denominator is 0): newMqls / leads, sqls / mqls, won / sqls. MQLs never
   * contacted and opportunities that gave up count against the rate, as they do in
   * the rows.
   */
  mqlRate: number;
  sqlRate: number;
  winRate: number;
  /** SQLs over MQLs whose IS work finished (the rate of the MQLs actually worked). */
  sqlRateOfWorked: number;
  /** Won over opportunities whose FS work finished (or IS-complete closes): the rate of deals actually worked. */
  winRateOfWorked: number;
  leadsByWeek: number[];
  mqlsByWeek: number[];
  sqlsByWeek: number[];
  wonByWeek: number[];
}

/** Revenue and cost over the window, in yen. */
export interface RevenueResult {
  bookingsYen: number;
  arrEndYen: number;
  arrStartYen: number;
  /** ARR at the end of each month; MRR is ARR / 12. */
  arrByMonth: number[];
  bookingsByMonth: number[];
  churnedArrYen: number;
  expansionArrYen: number;
  /** Net and gross revenue retention over the last 12 months of the window (or all of it). */
  nrr: number;
  grr: number;
  customersEnd: number;
  costYen: number;
  headcountCostYen: number;
  programCostYen: number;
  /** Direct acquisition cost per new customer: people of Marketing, IS and FS plus programme spend. */
  cacYen: number;
  /** Mean ACV x gross margin / annual logo churn (NaN when churn is 0). */
  ltvYen: number;
  /** Months of gross margin to earn back the CAC. */
  paybackMonths: number;
  meanAcvYen: number;
  /**
   * Annual logo churn: lost logos / renewal decisions in the window, where an account
   * cancelled while waiting for onboarding counts as a decision lost, annualised from
   * the contract term: 1 - (1 - c)^(12 / contractMonths). The base rate, annualised
   * the same way, when nothing came up for renewal.
   */
  annualChurn: number;
  /** Accounts lost in the window: churned at renewal or cancelled while waiting for onboarding. */
  churnedAccounts: number;
  /** Renewal decisions in the window (an account reaching its renewal date, churned or kept). */
  renewals: number;
}

/** Every lead the run created, by where it is at the horizon. */
export interface Population {
  created: number;
  live: Record<LiveState, number>;
  lost: Record<LossCause, number>;
}

/**
 * Control variates for comparisons: sums over the run's random decisions of
 * (outcome - its expectation at the moment it was decided), weighted by what was
 * at stake. The uniform deciding each outcome was drawn earlier but used for
 * nothing else until then, so each term has expectation zero given the past, and
 * so has each sum (a martingale: Henderson and Glynn 2002). Regressing paired
 * differences on them takes out the noise of the decisions' own coin flips, which
 * common random numbers cannot remove when a variant changes the odds lead by lead.
 */
export interface ControlSums {
  /** SQL decisions (after IS work) over the whole run, warm-up included, each weighted by win rate x ACV. */
  sqlYen: number;
  /** Win decisions (after FS work, or IS-complete closes) over the whole run, weighted by ACV. */
  wonYen: number;
  /** Renewals over the whole run: ARR change (churn or expansion) less its expectation. */
  renewalYen: number;
  /** SQL decisions in the window, unweighted. */
  sqls: number;
  /** Win decisions in the window, unweighted. */
  won: number;
}

/**
 * One department's people in one replication: paid (on the payroll) and productive
 * (each counted at its ramp's fraction), as a time average over each week.
 */
export interface StaffingResult {
  paidEnd: number;
  productiveEnd: number;
  /** People who left by attrition in the window (planned removals are not counted). */
  leavers: number;
  paidByWeek: number[];
  productiveByWeek: number[];
}

/**
 * The causes of a loss while waiting whose ARR the waiting cost counts, each a loss
 * that more capacity avoids (see WaitingCostResult).
 */
export const WAITING_COSTS = ['neverContacted', 'wentCold', 'stalled', 'churnOverload', 'churnOnboarding'] as const;
/** A cause of ARR lost to waiting. */
export type WaitingCost = (typeof WAITING_COSTS)[number];

/**
 * The cost of waiting in yen, over the window: the ARR that items lost while
 * waiting would have brought had they not waited, judged by the counterfactual the
 * engine uses to name a loss (the same draw with the no-wait probability), carried
 * through the expected downstream conversion:
 * - neverContacted: MQLs that gave up waiting for IS; one that would have become an
 *   SQL with no wait (its SQL draw below the SQL rate) counts its segment's win rate
 *   x its ACV (the expected ARR of an SQL), else nothing;
 * - wentCold: MQLs worked by IS that converted in the no-wait counterfactual but not
 *   after their wait: win rate x ACV each;
 * - stalled: opportunities that gave up waiting for FS and would have been won (their
 *   win draw below the win rate), and those worked that would have been won with no
 *   wait but were lost after it: their ACV;
 * - churnOverload: accounts that churned at renewal because the book exceeded CS
 *   capacity (the renewal draw above the base churn and below base + overload): their ARR;
 * - churnOnboarding: accounts cancelled waiting for onboarding, and accounts that churned
 *   at their first renewal because their onboarding waited: their ARR.
 * It is a first-order measure: each loss is valued alone, at what the item carried
 * when it was lost; what the freed capacity would have done meanwhile is not
 * simulated, and a deal that would have closed after the horizon still counts.
 */
export type WaitingCostResult = { [K in WaitingCost as `${K}Yen`]: number } & {
  /** The sum of the causes. */
  totalYen: number;
  /** ARR at the horizon plus the total: the top of the waterfall down to the ARR reached. */
  arrIfNoWaitYen: number;
};

/** The measures of one replication. */
export interface ReplicationResult {
  replication: number;
  events: number;
  insideSales: StageResult;
  fieldSales: StageResult;
  customerSuccess: StageResult;
  funnel: FunnelResult;
  revenue: RevenueResult;
  population: Population;
  /** Book coverage (active accounts / CS capacity) at the horizon. */
  bookCoverageEnd: number;
  /** ARR lost to waiting, by cause, in yen. */
  waitingCost: WaitingCostResult;
  /** Headcount over time, by department. */
  staffing: Record<'marketing' | 'insideSales' | 'fieldSales' | 'customerSuccess', StaffingResult>;
  /** Mean-zero sums for comparisons (not a business measure). */
  controls: ControlSums;
}
