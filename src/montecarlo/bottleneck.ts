/**
 * The bottleneck verdict: which department limits throughput, and the evidence a
 * manager would check (utilisation near 1, a growing queue, losses while waiting).
 * When no department is congested, the funnel is limited by demand: Marketing.
 *
 * A congested department is only the binding constraint if more of its output
 * would go anywhere: Inside Sales that already sends Field Sales more
 * opportunities than Field Sales can work is held back by Field Sales, so one more
 * IS rep adds no wins (it only lengthens the FS queue). When the paired values of
 * one more person in each department are known (the next best hire), they decide
 * instead (see verdictFromHires in compare.ts).
 */
import type { Department, QueueDepartment } from '../scenario/types.ts';
import { sumOf, waitingCostsOf, waitingLossesOf } from '../domain/lossCauses.ts';
import type { Aggregated, Measures } from './aggregate.ts';
import type { StageResult } from '../engine/results.ts';

/** A department with a queue: every department but Marketing. */
export type { QueueDepartment };

/** Evidence about one queueing department. */
export interface DepartmentEvidence {
  department: QueueDepartment;
  /** Mean utilisation of its slots. */
  utilisation: number;
  /** Median over replications of the mean wait before work starts, days. */
  waitDays: number;
  /** Median queue at the horizon. */
  queueEnd: number;
  /** Growth of the median weekly queue from the second to the last quarter, in slots. */
  queueGrowth: number;
  /** Mean items lost while waiting: the sum of the department's causes of loss marked whileWaiting (domain/lossCauses.ts). */
  lostWaiting: number;
  /** Mean ARR lost to waiting in this department, yen (the README's "The cost of waiting in yen"). */
  lostWaitingYen: number;
  /** lostWaiting as a share of the items at risk: arrivals (for CS, new accounts plus renewal decisions). */
  lostShare: number;
  /**
   * Items it passes on per day to the next department whose capacity decides wins
   * (Field Sales, for Inside Sales), over what that department can work per day
   * (its slots over its mean work time); null when there is none.
   */
  passOnRatio: number | null;
  /** The department downstream that cannot absorb more of its output, or null. */
  blockedBy: QueueDepartment | null;
  congested: boolean;
  score: number;
}

/** The verdict and the evidence for every department. */
export interface BottleneckVerdict {
  department: Department;
  /** capacity: a department's capacity limits throughput; demand: lead volume does. */
  limit: 'capacity' | 'demand';
  /**
   * load: judged from utilisation, queues, losses and what the next department can
   * absorb; nextHire: decided by the paired value of one more person in each
   * department (the hire that adds the most ARR, clearly more than nothing).
   */
  basis: 'load' | 'nextHire';
  /** With basis nextHire: the paired ARR gain at the horizon of one more person in `department`. */
  hireGainYen?: number;
  evidence: DepartmentEvidence[];
}

const UTILISATION_BUSY = 0.9;
const LOST_SHARE_HIGH = 0.05;
const QUEUE_GROWTH_HIGH = 0.25;
/**
 * A department offered this share of what it can work (or more) absorbs no more in
 * practice: near saturation each extra item mostly adds waiting (and decay).
 */
const ABSORB_FULL = UTILISATION_BUSY;
/** Inside Sales counts as feeding Field Sales when at least this share of its SQLs go there (not IS-complete deals). */
const FEEDS_SHARE = 0.5;

function mean(xs: number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}

/** Growth of a weekly queue (median path) from the second to the last quarter, in slots. */
function growth(stage: Aggregated<StageResult>): number {
  const q = stage.queueByWeek.p50;
  const quarter = Math.max(1, Math.floor(q.length / 4));
  const earlier = mean(q.slice(quarter, 2 * quarter));
  const last = mean(q.slice(q.length - quarter));
  return (last - earlier) / Math.max(1, stage.slotsEnd.p50);
}

/** Items per day a department can work with its slots at the horizon (Infinity: no work time measured). */
function capacityPerDay(stage: Aggregated<StageResult>): number {
  const work = stage.workMeanDays.mean;
  return Number.isFinite(work) && work > 0 ? stage.slotsEnd.mean / work : Infinity;
}

function evidenceOf(department: QueueDepartment, stage: Aggregated<StageResult>, lostWaiting: number, lostWaitingYen: number, atRisk: number, extraPressure: number): DepartmentEvidence {
  const utilisation = stage.utilisation.mean;
  const lostShare = atRisk > 0 ? lostWaiting / atRisk : 0;
  const queueGrowth = growth(stage);
  const congested = utilisation >= UTILISATION_BUSY || lostShare >= LOST_SHARE_HIGH || queueGrowth >= QUEUE_GROWTH_HIGH || extraPressure > 0;
  return {
    department,
    utilisation,
    waitDays: stage.waitMeanDays.p50,
    queueEnd: stage.queueEnd.p50,
    queueGrowth,
    lostWaiting,
    lostWaitingYen,
    lostShare,
    passOnRatio: null,
    blockedBy: null,
    congested,
    score: utilisation + 2 * Math.min(1, lostShare) + Math.max(0, Math.min(1, queueGrowth)) + extraPressure,
  };
}

/**
 * Marks Inside Sales as held back by Field Sales when Field Sales is congested and
 * is offered nearly all it can work (ABSORB_FULL): its extra SQLs would only wait (and go
 * cold) in the FS queue. Field Sales is not held back by Customer Success: a won
 * deal adds ARR whether or not its onboarding waits, so CS competes on its own
 * evidence instead.
 */
function judgePassOn(is: DepartmentEvidence, m: Aggregated<Measures>, fs: DepartmentEvidence): void {
  const fsCapacity = capacityPerDay(m.fieldSales);
  is.passOnRatio = Number.isFinite(fsCapacity) && fsCapacity > 0 ? m.fieldSales.arrivalsPerDay.mean / fsCapacity : null;
  // IS-complete segments close their deals in IS: those wins do not need FS.
  const feedsFieldSales = m.insideSales.conversions.mean > 0 && m.fieldSales.arrivals.mean / m.insideSales.conversions.mean >= FEEDS_SHARE;
  if (fs.congested && feedsFieldSales && is.passOnRatio !== null && is.passOnRatio >= ABSORB_FULL) is.blockedBy = 'fieldSales';
}

/** Names the department that limits throughput, with its evidence (judged from load: basis 'load'). */
export function bottleneckVerdict(m: Aggregated<Measures>): BottleneckVerdict {
  const lostWaiting = (d: QueueDepartment) => sumOf(waitingLossesOf(d), (c) => m.funnel.lost[c].mean);
  const lostYen = (d: QueueDepartment) => waitingCostsOf(d).reduce((total, c) => total + m.waitingCost[`${c}Yen`].mean, 0);
  // CS also limits through its book: coverage above 1 raises churn.
  const overCoverage = Math.max(0, (m.bookCoverageEnd.p50 || 0) - 1.1);
  const evidence = [
    evidenceOf('insideSales', m.insideSales, lostWaiting('insideSales'), lostYen('insideSales'), m.insideSales.arrivals.mean, 0),
    evidenceOf('fieldSales', m.fieldSales, lostWaiting('fieldSales'), lostYen('fieldSales'), m.fieldSales.arrivals.mean, 0),
    // CS loses new accounts before onboarding and accounts of the whole book at renewal:
    // both are at risk (a share of new accounts alone read 670% with no CSMs).
    evidenceOf('customerSuccess', m.customerSuccess, lostWaiting('customerSuccess'), lostYen('customerSuccess'), m.customerSuccess.arrivals.mean + m.revenue.renewals.mean, overCoverage),
  ];
  judgePassOn(evidence[0], m, evidence[1]);
  const binding = evidence.filter((e) => e.congested && e.blockedBy === null).sort((a, b) => b.score - a.score);
  return binding.length
    ? { department: binding[0].department, limit: 'capacity', basis: 'load', evidence }
    : { department: 'marketing', limit: 'demand', basis: 'load', evidence };
}
