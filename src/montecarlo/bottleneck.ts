/**
 * The bottleneck verdict: which department limits throughput, and the evidence a
 * manager would check (utilisation near 1, a growing queue, losses while waiting).
 * When no department is congested, the funnel is limited by demand: Marketing.
 */
import type { Department } from '../scenario/types.ts';
import type { Aggregated, Measures } from './aggregate.ts';
import type { StageResult } from '../engine/results.ts';

/** Evidence about one queueing department. */
export interface DepartmentEvidence {
  department: Exclude<Department, 'marketing'>;
  /** Mean utilisation of its slots. */
  utilisation: number;
  /** Median over replications of the mean wait before work starts, days. */
  waitDays: number;
  /** Median queue at the horizon. */
  queueEnd: number;
  /** Growth of the median weekly queue from the second to the last quarter, in slots. */
  queueGrowth: number;
  /** Mean items lost while waiting (gave up, went cold, or churned from overload). */
  lostWaiting: number;
  /** lostWaiting as a share of arrivals. */
  lostShare: number;
  congested: boolean;
  score: number;
}

/** The verdict and the evidence for every department. */
export interface BottleneckVerdict {
  department: Department;
  /** capacity: a department's capacity limits throughput; demand: lead volume does. */
  limit: 'capacity' | 'demand';
  evidence: DepartmentEvidence[];
}

const UTILISATION_BUSY = 0.9;
const LOST_SHARE_HIGH = 0.05;
const QUEUE_GROWTH_HIGH = 0.25;

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

function evidenceOf(department: DepartmentEvidence['department'], stage: Aggregated<StageResult>, lostWaiting: number, extraPressure: number): DepartmentEvidence {
  const utilisation = stage.utilisation.mean;
  const lostShare = stage.arrivals.mean > 0 ? lostWaiting / stage.arrivals.mean : 0;
  const queueGrowth = growth(stage);
  const congested = utilisation >= UTILISATION_BUSY || lostShare >= LOST_SHARE_HIGH || queueGrowth >= QUEUE_GROWTH_HIGH || extraPressure > 0;
  return {
    department,
    utilisation,
    waitDays: stage.waitMeanDays.p50,
    queueEnd: stage.queueEnd.p50,
    queueGrowth,
    lostWaiting,
    lostShare,
    congested,
    score: utilisation + 2 * Math.min(1, lostShare) + Math.max(0, Math.min(1, queueGrowth)) + extraPressure,
  };
}

/** Names the department that limits throughput, with its evidence. */
export function bottleneckVerdict(m: Aggregated<Measures>): BottleneckVerdict {
  const lost = m.funnel.lost;
  // CS also limits through its book: coverage above 1 raises churn.
  const overCoverage = Math.max(0, (m.bookCoverageEnd.p50 || 0) - 1.1);
  const evidence = [
    evidenceOf('insideSales', m.insideSales, lost.isAbandoned.mean + lost.isCold.mean, 0),
    evidenceOf('fieldSales', m.fieldSales, lost.fsAbandoned.mean + lost.fsCold.mean, 0),
    evidenceOf('customerSuccess', m.customerSuccess, lost.csAbandoned.mean + lost.churnOverload.mean, overCoverage),
  ];
  const congested = evidence.filter((e) => e.congested).sort((a, b) => b.score - a.score);
  return congested.length
    ? { department: congested[0].department, limit: 'capacity', evidence }
    : { department: 'marketing', limit: 'demand', evidence };
}
