/**
 * A scenario compiled for the engine: its distributions sampled by closures, its
 * segments with cumulative shares, its staffing plans in simulation time. Pure and
 * independent of the replication, so a test can check a compiled field alone.
 */
import type { Department, Scenario } from '../scenario/types.ts';
import { compileDist, type Distribution } from './distributions.ts';
import { compileDecay, type Decay } from './decay.ts';
import { expectedLeadCount, MONTH_DAYS } from './arrivals.ts';
import { staffPlan, type RosterSpec, type StaffPlan } from './staffing.ts';

/** The departments with a queue, in the engine's stage order (0 IS, 1 FS, 2 CS). */
export const STAGE_KEYS = ['insideSales', 'fieldSales', 'customerSuccess'] as const;
/** All four departments in the engine's order (the scenario's DEPARTMENTS): Marketing, then the stages. */
export const DEPARTMENT_KEYS = ['marketing', ...STAGE_KEYS] as const satisfies readonly Department[];

/** A segment with its distributions compiled. */
export interface CompiledSegment {
  share: number;
  sqlRate: number;
  winRate: number;
  skipFieldSales: boolean;
  isWork: Distribution;
  cycle: Distribution;
  acv: Distribution;
}

/** What a replication reads from its scenario, compiled once per replication. */
export interface CompiledScenario {
  scenario: Scenario;
  /** Start of the reporting window (the warm-up's length) and the horizon, in simulation days. */
  t0: number;
  tEnd: number;
  contractDays: number;
  qualification: Distribution;
  nurture: Distribution;
  /** The segments (one 'all' segment built from the departments when the scenario has none). */
  segments: CompiledSegment[];
  /** Cumulative shares: a uniform u picks the first segment whose cut exceeds it. */
  segmentCut: number[];
  /** Patience of each stage (null: waits forever). */
  patience: (Distribution | null)[];
  /** Share of those who give up that go back to nurture, per stage (CS never does). */
  abandonRecycleShare: number[];
  isDecay: Decay;
  fsDecay: Decay;
  onboarding: Distribution;
  expansion: Distribution;
  /** Staffing plan of each stage, shifted by the warm-up. */
  plans: StaffPlan[];
  /** Items one person works at once, per stage. */
  concurrent: number[];
  /** What each department's roster is drawn from (DEPARTMENT_KEYS order: Marketing, IS, FS, CS), in simulation time. */
  rosters: RosterSpec[];
  /** Leads expected over the whole run (expectedLeadCount): what the lead table is sized for. */
  expectedLeads: number;
}

/** expectedLeadCount by the scenario parts it reads (see leadsExpected). */
const expectedLeadCounts = new Map<string, number>();
const EXPECTED_MAX = 64;
/** expectedLeadCount by scenario object: a thread runs one scenario object many times over. */
const expectedLeadsOf = new WeakMap<Scenario, number>();

/**
 * expectedLeadCount(s), memoised: it walks every day of the run, about 1,100 for
 * the baseline, which a fresh process's first replications pay in the interpreter
 * (1-3 ms), for a number that only sizes the lead table (no result depends on it:
 * a table too small grows). By the scenario object first, so a replication of a
 * scenario already seen costs one look-up rather than serialising Marketing and the
 * hiring plan again; then by what the count reads (Marketing, the hiring plan, the
 * warm-up and horizon), so a copy of a scenario (a worker's chunk, a variant that
 * changes another department) finds it too. A scenario object changed in place
 * keeps its first count, which at worst makes the table grow or sit larger.
 */
function leadsExpected(s: Scenario): number {
  let leads = expectedLeadsOf.get(s);
  if (leads !== undefined) return leads;
  const key = JSON.stringify([s.marketing, s.hiring, s.warmupDays, s.horizonDays]);
  leads = expectedLeadCounts.get(key);
  if (leads === undefined) {
    leads = expectedLeadCount(s);
    if (expectedLeadCounts.size >= EXPECTED_MAX) expectedLeadCounts.delete(expectedLeadCounts.keys().next().value!);
    expectedLeadCounts.set(key, leads);
  }
  expectedLeadsOf.set(s, leads);
  return leads;
}

/** What the roster of department `d` of scenario `s` is drawn from, its plan shifted by the warm-up `t0`. */
function rosterSpec(s: Scenario, d: Department, t0: number): RosterSpec {
  const dep = s[d];
  return {
    base: dep.headcount,
    hires: s.hiring
      .filter((h) => h.department === d)
      .map((h) => ({ day: h.day + t0, change: h.change, rampDays: h.rampDays, shape: h.rampShape, requisition: h.from === 'requisition' })),
    attritionPerYear: dep.attritionPerYear,
    backfill: dep.backfill,
    timeToFill: compileDist(dep.timeToFillDays),
    rampDays: dep.rampDays,
    rampShape: dep.rampShape,
  };
}

/** Compiles scenario `s` for one replication. */
export function compileScenario(s: Scenario): CompiledScenario {
  const t0 = s.warmupDays;
  const segments: CompiledSegment[] = (s.segments.length ? s.segments : [
    { name: 'all', share: 1, sqlRate: s.insideSales.sqlRate, winRate: s.fieldSales.winRate, cycleDays: s.fieldSales.cycleDays, acvYen: s.fieldSales.acvYen, skipFieldSales: false, isWorkDays: s.insideSales.workDays },
  ]).map((g) => ({ share: g.share, sqlRate: g.sqlRate, winRate: g.winRate, skipFieldSales: g.skipFieldSales, isWork: compileDist(g.isWorkDays), cycle: compileDist(g.cycleDays), acv: compileDist(g.acvYen) }));
  return {
    scenario: s,
    t0,
    tEnd: s.warmupDays + s.horizonDays,
    contractDays: s.customerSuccess.contractMonths * MONTH_DAYS,
    qualification: compileDist(s.marketing.qualificationDays),
    nurture: compileDist(s.marketing.nurtureDays),
    segments,
    segmentCut: segments.map((_, i) => segments.slice(0, i + 1).reduce((a, g) => a + g.share, 0)),
    patience: [s.insideSales.patienceDays, s.fieldSales.patienceDays, s.customerSuccess.patienceDays].map((p) => (p === null ? null : compileDist(p))),
    abandonRecycleShare: [s.insideSales.abandonRecycleShare, s.fieldSales.abandonRecycleShare, 0],
    isDecay: compileDecay(s.insideSales.decay),
    fsDecay: compileDecay(s.fieldSales.decay),
    onboarding: compileDist(s.customerSuccess.onboardingDays),
    expansion: compileDist(s.customerSuccess.expansionShare),
    plans: STAGE_KEYS.map((k) => staffPlan(s[k].headcount, s.hiring, k, t0)),
    concurrent: STAGE_KEYS.map((k) => s[k].concurrentPerHead),
    rosters: DEPARTMENT_KEYS.map((d) => rosterSpec(s, d, t0)),
    expectedLeads: leadsExpected(s),
  };
}
