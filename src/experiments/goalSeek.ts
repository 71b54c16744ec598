/**
 * Goal-seek: the least costly set of extra hires that reaches a target (ARR at
 * the horizon, bookings or wins at least X) with a stated confidence, and meets
 * optional service targets, found by a greedy search over the Runner.
 *
 * How it searches (each choice is a decision, stated here once):
 * - Plans add whole people, at most `maxPerDepartment` per department. Removals
 *   (whole people, from day 0, at most `maxPerDepartment` fewer and at least one
 *   person left) are searched only when asked (`allowRemovals`): by default the
 *   answer is a hiring plan, as an executive asking "how many must I hire" expects;
 *   a plan that lets people go to pay for a target is another decision (in Japan
 *   dismissal is rare and costly, and the model counts neither severance nor morale).
 * - Every candidate runs with the scenario's seed (common random numbers), so a
 *   candidate and the plan it extends are compared replication by replication.
 * - Each step adds the hire of the greatest value per yen: the share of each unmet
 *   target's remaining gap it closes (at most 1 per target), summed, divided by the
 *   hire's annual cost. When one such hire closes less than a quarter of the gap
 *   of the target it helps most, the step adds several people of that department
 *   at once: half the hires that gap is estimated to need at that rate
 *   (STEP_FRACTION), so a gap of many hires' worth takes a few steps, not one per
 *   person. With diminishing returns the later people of a block gain less than
 *   the first, so a block seldom overshoots; when it does, the step back takes
 *   the excess off. Candidates run on growing prefixes of replications
 *   (`minReplications`, doubling up to `maxReplications`); a candidate whose value
 *   is clearly below the leader's (intervals at the stated confidence, Bonferroni
 *   over the candidates) is dropped, and the step ends as soon as one is left
 *   (successive elimination; Even-Dar, Mannor and Mansour 2006). At the cap the
 *   best estimate wins.
 * - Whether a plan meets the targets is tested the same way: the share of
 *   replications reaching the target (Wilson interval) and each service measure's
 *   mean (Student t interval), on growing prefixes until the interval lies on one
 *   side of the requirement or the cap is reached (then the estimate decides).
 *   Outside the search's steps (which read the prefix their race ran), the first
 *   prefix is FIRST_LOOK: a plan far from a target is decided on few replications,
 *   while deciding that one is met takes n/(n + z^2) >= the confidence (20 of 20
 *   at 85%), so a few lucky replications cannot call a plan met. Longer prefixes
 *   add only the replications a plan lacks, so the early look costs no warm-up.
 * - The step back: once the plan meets the targets, one person at a time is taken
 *   off, the one saving the most yen first (an added hire of a department, or,
 *   with `allowRemovals`, one of its people), as long as the plan still meets
 *   them; so the plan stays least-cost after blocks, and an over-staffed
 *   department gives back what the targets do not need.
 * - Impossibility is decided first: before the walk, the bound plan (every
 *   department at its most, from day 0) is tested beside the scenario as it is,
 *   from a first look of FIRST_LOOK replications (a plan far from the target is
 *   decided on few), and the answer is given as a partial answer (`decided`)
 *   before its path and verification are run; more people never lower the
 *   target's measure in this model, so when the bound plan surely misses the
 *   target (its interval below the confidence), no plan within the bounds reaches
 *   it: the answer says so at once, with the bound plan as the best found, its
 *   path one person per department in turn (each step but the last read on the
 *   first 10 replications: the path explains, the bound plan decided).
 * - On a runner with `runArms`, the candidates of a step run in one pass, each
 *   replication's warm-up shared (every plan differs from the scenario only from
 *   day 0 on), and a longer prefix adds replications [n, 2n) to the n already run;
 *   the answer is the same as with one run per plan.
 * - "From when": the search hires on day 0. Once a plan meets the targets, each of
 *   its hires, the last chosen first, is moved to the latest quarter of the horizon
 *   at which the plan still meets them (latest first), which lowers the cost in
 *   the horizon without changing who is hired. A hire's quarters run side by
 *   side (one warm-up per replication for all three), each read and chosen as if
 *   tried in turn. People of one department are alike, so a hire is not tried at
 *   a quarter later than the one its department's later-chosen hire settled on:
 *   that plan starts the same people later than one already found short, and
 *   later people never raise the measure (the bound plan's reasoning).
 * - The chosen plan is verified with an independently derived seed
 *   (VERIFY_SEED_SUFFIX) at `verifyReplications`, reporting P(target) with a 95%
 *   Wilson interval.
 */
import { DEPARTMENTS, type Department, type Hire, type RampShape, type Scenario } from '../scenario/types.ts';
import { DEFAULT_SCENARIO } from '../scenario/defaults.ts';
import { dayOfDate, monthStartAfter, planMonthStartDay } from '../domain/calendar.ts';
import { MONTH_DAYS } from '../engine/arrivals.ts';
import type { Run, RunProgress } from '../runner/types.ts';
import { GrowingRun, growArms } from '../runner/rows.ts';
import { pairedDifference, type ComparedValues } from '../montecarlo/compare.ts';
import { percentileSorted, RunningMoments, tQuantile } from '../montecarlo/stats.ts';
import { wilsonInterval, type ProbabilityEstimate } from '../montecarlo/binomial.ts';
import type { ExperimentOptions, ExperimentProgress } from './types.ts';

/** What a goal is measured on, per replication: ARR at the horizon, bookings in the window, or deals won. */
export const GOAL_MEASURES = ['arrEndYen', 'bookingsYen', 'won'] as const;
/** A measure a goal can be set on. */
export type GoalMeasure = (typeof GOAL_MEASURES)[number];

/** The main target: the measure at least `atLeast` in a share `confidence` of replications. */
export interface GoalTarget {
  measure: GoalMeasure;
  atLeast: number;
}

/** Service targets, each on the mean over replications; null or absent: no target. */
export interface ServiceTargets {
  /** Inside Sales starts 90% of the MQLs it works within this many hours (mean over replications of each one's P90 wait). */
  isWaitP90Hours?: number | null;
  /** Field Sales' backlog at the horizon, in weeks of its arrivals, at most this. */
  fsBacklogWeeks?: number | null;
  /** Customer Success book coverage (accounts / capacity) at the horizon at most this (1: no overload). */
  csCoverageMax?: number | null;
}
/** The service targets, in report order. */
export const SERVICE_TARGETS = ['isWaitP90Hours', 'fsBacklogWeeks', 'csCoverageMax'] as const;
/** One service target. */
export type ServiceTarget = (typeof SERVICE_TARGETS)[number];

/** Confidence by default: the target is reached in 85% of replications. */
export const DEFAULT_CONFIDENCE = 0.85;
/** At most this many more people per department, by default. */
export const DEFAULT_MAX_PER_DEPARTMENT = 10;
/** Replications of the first prefix of every sequential test (enough for the paired estimate to use its control variates). */
export const DEFAULT_MIN_REPLICATIONS = 40;
/** Appended to the scenario's seed for the verification run: streams independent of the search's. */
export const VERIFY_SEED_SUFFIX = '/goal-seek-verify';
/** Replications each step of an impossible answer's path is read on (its last step, the bound plan, is read as tested). */
const PATH_REPLICATIONS = 10;
/** Replications of the first look at the scenario as it is and at the bound plan (a plan far from the target is decided on few). */
const FIRST_LOOK = 10;
/** Share of the hires a gap is estimated to need that one step adds at once (see the module comment). */
const STEP_FRACTION = 0.5;
/** Quarters of the horizon a hire may be moved to (0: day 0; see timingDays). */
const QUARTERS = 4;

/** What goal-seek is asked. */
export interface GoalSeekInput {
  scenario: Scenario;
  /** The main target (null: service targets only). */
  target: GoalTarget | null;
  /** Share of replications that must reach the target (default 0.85). */
  confidence?: number;
  service?: ServiceTargets;
  /** At most this many more people in each department (default 10); a department may be given its own bound. */
  maxPerDepartment?: number | Partial<Record<Department, number>>;
  /** At most this many hires in all (default: no limit but the per-department bounds). */
  maxHires?: number;
  /** First prefix of every sequential test (default 40, at most maxReplications). */
  minReplications?: number;
  /** Largest prefix (default: the scenario's replications). */
  maxReplications?: number;
  /** Replications of the verification (default: maxReplications). */
  verifyReplications?: number;
  /** Ramp of a new hire in each department (default: the department's own `rampDays`). */
  rampDays?: Partial<Record<Department, number>>;
  /** Also search plans with fewer people than the scenario has (whole people, from day 0; default false: see the module comment). */
  allowRemovals?: boolean;
  /** Search the latest quarter to start each hire (default true). */
  searchTiming?: boolean;
  /** The answer so far, after every step of the search and of the timing. */
  onStep?: (partial: GoalSeekPartial) => void;
}

/** A service measure of a plan: its estimate and interval, against its limit. */
export interface ServiceReading {
  target: ServiceTarget;
  limit: number;
  mean: number;
  low: number;
  high: number;
  met: boolean;
}

/** How a plan does: P(target) with its interval, and each service target. */
export interface PlanReading {
  /** Null without a main target. */
  probability: ProbabilityEstimate | null;
  service: ServiceReading[];
  /** Whether the estimates meet every target. */
  met: boolean;
  replications: number;
}

/** One step of the search: the people added (or, in the step back, taken off), their cost, and how the plan does after it. */
export interface GoalSeekStep {
  department: Department;
  /** People added by the step (several when the gap is many hires' worth; absent: 1); -1: one taken off in the step back. */
  change?: number;
  /** Annual loaded cost of the people added (negative: saved by taking one off). */
  costYenPerYear: number;
  /** Share of the remaining gap closed per million yen by one of them (the value the step was chosen by; 0 in the step back). */
  valuePerMillionYen: number;
  /** Candidates still in the race when the step was decided, and the replications it took. */
  candidates: Department[];
  replications: number;
  after: PlanReading;
}

/** A move of one hire to a later start, tried during the timing search. */
export interface TimingStep {
  department: Department;
  /** The day tried, and whether the plan still met the targets with it. */
  day: number;
  met: boolean;
  after: PlanReading;
}

/** Why the search ended. */
export type GoalSeekStatus = 'alreadyMet' | 'met' | 'bounds' | 'noGain';

/** The answer so far. */
export interface GoalSeekPartial {
  phase: 'search' | 'timing' | 'verify';
  /** The plan so far: hires as the scenario format holds them. */
  plan: Hire[];
  path: GoalSeekStep[];
  timing: TimingStep[];
  /** Runs made so far. */
  runs: number;
  /**
   * The outcome once it is known, before the timing and the verification end:
   * 'bounds' as soon as the bound plan surely misses the target; 'met' once the
   * plan's people are chosen (their quarters and the check follow); else null.
   */
  decided?: GoalSeekStatus | null;
}

/** The answer. */
export interface GoalSeekResult extends GoalSeekPartial {
  status: GoalSeekStatus;
  /** Whether the plan meets the targets (status alreadyMet or met); otherwise the plan is the best found. */
  reached: boolean;
  confidence: number;
  target: GoalTarget | null;
  baseline: PlanReading;
  /** Extra people per department (negative: fewer, with `allowRemovals`). */
  added: Record<Department, number>;
  /** Annual cost of the added people less that of the people taken off, and the same within the horizon (a later start costs less). */
  costYenPerYear: number;
  costYenInHorizon: number;
  /** The plan run again with an independently derived seed. */
  verification: PlanReading & { seed: string };
}

/**
 * What a run of goal-seek is for: the first look at the scenario and the bound
 * plan, the impossible answer's path, a step's candidates, the check that a plan
 * meets, the step back, step 0 read again, the timing of a hire, the verification.
 */
export type GoalSeekTask = 'bounds' | 'path' | 'candidates' | 'check' | 'stepBack' | 'baseline' | 'timing' | 'verify';

/** Progress of goal-seek: the run in progress, with the phase and how many hires the plan has. */
export interface GoalSeekProgress extends ExperimentProgress {
  phase: GoalSeekPartial['phase'];
  hires: number;
  /** What the run is for. */
  task: GoalSeekTask;
  /** The search step being decided (1: the first). */
  searchStep: number;
  /** P(target) of the plan so far, as last read (null: not read yet, or no main target). */
  probability: number | null;
  /** In the timing: the hire being timed (1: the first timed, the last chosen) of how many, and its department. */
  timing?: { hire: number; of: number; department: Department };
}

/** A plan: extra hires, one entry per person, in the order chosen; change -1: one person fewer (default +1). */
type PlanHire = { department: Department; day: number; change?: 1 | -1 };
const changeOf = (h: PlanHire) => h.change ?? 1;

/**
 * Annual cost of one more person in `d`: the scenario's, or the default's when the
 * scenario prices the department at 0 (a startup whose founder covers it: a new
 * hire is still paid).
 */
export const hireCostYen = (s: Scenario, d: Department) => s[d].costPerHeadYen > 0 ? s[d].costPerHeadYen : DEFAULT_SCENARIO[d].costPerHeadYen;
const costPerHead = hireCostYen;

/** The plan's hires as the scenario format holds them: people of one department joining (or leaving) on one day in one entry. */
export function planHires(plan: readonly PlanHire[], rampDays: Record<Department, number>, rampShape: Record<Department, RampShape>): Hire[] {
  const merged = new Map<string, Hire>();
  for (const h of plan) {
    const change = changeOf(h);
    const key = `${h.department}@${h.day}@${change}`;
    const m = merged.get(key);
    if (m) m.change += change;
    else merged.set(key, { department: h.department, day: h.day, change, rampDays: rampDays[h.department], rampShape: rampShape[h.department], from: 'start' });
  }
  return [...merged.values()].sort((a, b) => a.day - b.day || DEPARTMENTS.indexOf(a.department) - DEPARTMENTS.indexOf(b.department) || a.change - b.change);
}

/**
 * A plan's run as goal-seek reads it: each replication's compared values (the main
 * target's measure and the scalars service targets read), so that every reading,
 * of the main target or of a service target, is of the run's first n replications.
 */
interface PlanRun {
  values: ComparedValues;
}
const planRunOf = (run: Run): PlanRun => ({ values: run.values });

/** Values of the main target's measure in the first `n` replications of a run. */
const goalValues = (run: PlanRun, measure: GoalMeasure, n: number) => run.values.measures[measure].slice(0, n);

/** Count, mean and standard deviation of the finite values among the first `n` of `values`, as summarize reads them. */
function momentsOfFirst(values: readonly number[], n: number): { n: number; mean: number; sd: number } {
  const m = new RunningMoments();
  for (let r = 0; r < Math.min(n, values.length); r++) if (Number.isFinite(values[r])) m.add(values[r]);
  return { n: m.n, mean: m.n ? m.mean : NaN, sd: m.n > 1 ? Math.sqrt(m.m2 / (m.n - 1)) : 0 };
}

/**
 * A service measure's mean and its half-width at `level` (lower is better), read on
 * the first `n` replications of `values`. On all of a run's replications it equals,
 * to the bit, what the run's summary gives; on fewer it is the summary a run of n
 * would give, so plans read on the same n are compared on the same replications.
 */
export function serviceEstimate(values: ComparedValues, target: ServiceTarget, level: number, n: number): { mean: number; half: number } {
  const t = (s: { n: number; sd: number }) => (s.n > 1 ? tQuantile(1 - (1 - level) / 2, s.n - 1) * (s.sd / Math.sqrt(s.n)) : Infinity);
  if (target === 'isWaitP90Hours') {
    const w = momentsOfFirst(values.service.isWaitP90Days, n);
    return { mean: w.mean * 24, half: t(w) * 24 };
  }
  if (target === 'csCoverageMax') {
    const c = momentsOfFirst(values.service.bookCoverageEnd, n);
    return { mean: c.mean, half: t(c) };
  }
  // Backlog in weeks: items waiting at the horizon over a week of arrivals.
  const queue = momentsOfFirst(values.service.fsQueueEnd, n);
  const perWeek = momentsOfFirst(values.service.fsArrivalsPerDay, n).mean * 7;
  if (!(perWeek > 0)) return { mean: queue.mean > 0 ? Infinity : 0, half: 0 };
  return { mean: queue.mean / perWeek, half: t(queue) / perWeek };
}

/**
 * The days a hire may be moved to in the timing, latest first: the starts of the
 * horizon's quarters after day 0, each on the first day of a month, so that the
 * answer's "from when" is a month an executive can name. Without the date of day 0,
 * a month of the plan (days 274, 183, 92 of a 365-day horizon: months 10, 7, 4, as
 * the editor names them); with it (`startDate`), a calendar month counted from day
 * 0's month (from 2027-04-01: July 1, October 1, January 1: days 91, 183, 275).
 */
export function timingDays(horizonDays: number, startDate?: string | null): number[] {
  const months = horizonDays / MONTH_DAYS;
  const monthsIn = (k: number) => Math.round(((QUARTERS - 1 - k) * months) / QUARTERS);
  const dayOf = (m: number) => (startDate ? dayOfDate(startDate, monthStartAfter(startDate, m)) : planMonthStartDay(1 + m));
  const days = Array.from({ length: QUARTERS - 1 }, (_, k) => dayOf(monthsIn(k)));
  return [...new Set(days)].filter((day) => day > 0 && day < horizonDays);
}

/**
 * Finds the least costly plan of extra hires that meets the targets (see the
 * module comment for how). Cancelled through `options.signal` like any experiment.
 */
export async function goalSeek(input: GoalSeekInput, options: ExperimentOptions): Promise<GoalSeekResult> {
  const { scenario, target } = input;
  const confidence = input.confidence ?? DEFAULT_CONFIDENCE;
  if (!(confidence > 0 && confidence < 1)) throw new Error(`goalSeek: expected a confidence in (0, 1), got ${confidence}`);
  const maxN = input.maxReplications ?? scenario.replications;
  const minN = Math.min(input.minReplications ?? DEFAULT_MIN_REPLICATIONS, maxN);
  // Whether a plan meets the targets is first looked at on fewer (a plan far from them is decided on few).
  const firstLook = Math.min(minN, FIRST_LOOK);
  const verifyN = input.verifyReplications ?? maxN;
  // A new hire ramps as the department's own usual ramp (the editor's 標準の立ち上がり期間), unless asked otherwise.
  const rampDays = { ...(Object.fromEntries(DEPARTMENTS.map((d) => [d, scenario[d].rampDays])) as Record<Department, number>), ...input.rampDays };
  const rampShape = Object.fromEntries(DEPARTMENTS.map((d) => [d, scenario[d].rampShape])) as Record<Department, RampShape>;
  const bound = (d: Department) => (typeof input.maxPerDepartment === 'object' ? (input.maxPerDepartment[d] ?? DEFAULT_MAX_PER_DEPARTMENT) : (input.maxPerDepartment ?? DEFAULT_MAX_PER_DEPARTMENT));
  const service = SERVICE_TARGETS.flatMap((k) => {
    const limit = input.service?.[k];
    return limit === null || limit === undefined ? [] : [{ target: k, limit }];
  });
  if (!target && service.length === 0) throw new Error('goalSeek: expected a target or at least one service target, got none');

  let runs = 0;
  let phase: GoalSeekPartial['phase'] = 'search';
  let plan: PlanHire[] = [];
  const path: GoalSeekStep[] = [];
  const timing: TimingStep[] = [];
  /** Per plan, its run with the most replications so far (a prefix of it is a run of fewer). */
  const cache = new Map<string, Run>();
  /** Per plan, the replications run so far, grown by later ranges (runners with runArms). */
  const grown = new Map<string, GrowingRun>();
  const runner = options.runner;
  const keyOf = (p: readonly PlanHire[]) => JSON.stringify(planHires(p, rampDays, rampShape));
  const scenarioOf = (p: readonly PlanHire[], seed = scenario.seed): Scenario => ({ ...scenario, seed, hiring: [...scenario.hiring, ...planHires(p, rampDays, rampShape)] });

  // What the runs are for, for the progress line (see GoalSeekTask), and the plan's P(target) as last read.
  let task: GoalSeekTask = 'bounds';
  let lastP: number | null = null;
  let timingOf: GoalSeekProgress['timing'];
  const progressOf = (step: number, hires: number) =>
    options.onProgress && ((pr: RunProgress) => options.onProgress!({ ...pr, step, steps: runs, phase, hires, task, searchStep: path.length + 1, probability: lastP, timing: timingOf } as GoalSeekProgress));
  /**
   * Says what starts now (a stage, or the next hire of the timing) before its first
   * run reports: a run's first progress comes after its warm-up, and until then the
   * progress line would still say what the previous stage was doing.
   */
  const announce = (hires: number) => progressOf(runs, hires)?.({ done: 0, total: 0, elapsedMs: 0, etaMs: NaN });
  /** Runs of plans `ps`, each on at least its first `n` replications (a plan already run further keeps its longer run). */
  const runPlans = async (ps: readonly (readonly PlanHire[])[], n: number): Promise<PlanRun[]> => {
    if (!runner.runArms) {
      const out: PlanRun[] = [];
      for (const p of ps) {
        const key = keyOf(p);
        const cached = cache.get(key);
        if (cached && cached.result.scenario.replications >= n) {
          out.push(planRunOf(cached));
          continue;
        }
        const step = runs++;
        const run = await runner.run(scenarioOf(p), { replications: n, signal: options.signal, onProgress: progressOf(step, p.length) });
        cache.set(key, run);
        out.push(planRunOf(run));
      }
      return out;
    }
    const hires = new Map<GrowingRun, number>();
    const entries = ps.map((p) => {
      const key = keyOf(p);
      let g = grown.get(key);
      if (!g) grown.set(key, (g = new GrowingRun(scenarioOf(p))));
      hires.set(g, p.length);
      return g;
    });
    // Plans short of n, by the replications they have: each group is one pass over [from, n).
    const groups = new Map<number, GrowingRun[]>();
    for (const g of new Set(entries)) if (g.count < n) groups.set(g.count, [...(groups.get(g.count) ?? []), g]);
    for (const [from, group] of groups) {
      const step = runs;
      runs += group.length;
      await growArms(runner, group, { from, to: n, signal: options.signal, onProgress: progressOf(step, Math.max(...group.map((g) => hires.get(g)!))) });
    }
    return entries.map((g) => ({ values: g.values() }));
  };
  const runPlan = async (p: readonly PlanHire[], n: number): Promise<PlanRun> => (await runPlans([p], n))[0];

  /** How a run does on its first `n` replications, intervals at `level`. */
  const readingOf = (run: PlanRun, n: number, level: number): PlanReading => {
    const probability = target ? wilsonInterval(goalValues(run, target.measure, n).filter((v) => v >= target.atLeast).length, n, level) : null;
    const readings = service.map(({ target: k, limit }) => {
      const e = serviceEstimate(run.values, k, level, n);
      return { target: k, limit, mean: e.mean, low: e.mean - e.half, high: e.mean + e.half, met: e.mean <= limit };
    });
    const met = (!probability || probability.p >= confidence) && readings.every((r) => r.met);
    return { probability, service: readings, met, replications: n };
  };
  /** Whether a reading's intervals decide it: every target surely met, or one surely missed. */
  const decided = (r: PlanReading) => {
    const pSure = !r.probability || r.probability.low >= confidence;
    const pMissed = r.probability !== null && r.probability.high < confidence;
    return (pSure && r.service.every((s) => s.high <= s.limit)) || pMissed || r.service.some((s) => s.low > s.limit);
  };
  /** Whether a plan meets the targets, on prefixes from `from` doubling to the cap until decided. */
  const meets = async (p: readonly PlanHire[], from = firstLook): Promise<PlanReading> => {
    for (let n = from; ; n = Math.min(2 * n, maxN)) {
      const reading = readingOf(await runPlan(p, n), n, confidence);
      if (decided(reading) || n >= maxN) return reading;
    }
  };
  /** The reading `meets` would give each of `ps` from `from`, the plans still undecided run side by side at each prefix. */
  const meetsAll = async (ps: readonly (readonly PlanHire[])[], from: number): Promise<PlanReading[]> => {
    const stops: (PlanReading | undefined)[] = ps.map(() => undefined);
    for (let n = from; stops.some((r) => !r); n = Math.min(2 * n, maxN)) {
      const pending = ps.flatMap((_, i) => (stops[i] ? [] : [i]));
      const got = await runPlans(pending.map((i) => ps[i]), n);
      pending.forEach((i, k) => {
        const reading = readingOf(got[k], n, confidence);
        if (decided(reading) || n >= maxN) stops[i] = reading;
      });
    }
    return stops as PlanReading[];
  };
  /**
   * The first of `trials` (the timing: latest start first; the step back: most
   * saved first) that meets the targets, as trying each in turn with `meets` would
   * find it, with the readings of those tried up to it. The trials run side by
   * side, each prefix in one pass, so a hire's quarters cost one warm-up per
   * replication rather than one per quarter tried; each trial's reading is the one
   * `meets` would give (same prefixes, same stop).
   *
   * `ahead`: plans the next calls will try first if this one chooses its first
   * trial, each only if the one before it meets (the timing's run of hires of one
   * department: each tries the day the one before settled on). They run in the
   * same passes while undecided and worth it, so a run of k such hires takes the
   * passes of one rather than of k; a later call reads them as it would have run
   * them (same prefixes), since a run of more replications is read on its prefix.
   */
  const firstMeeting = async (trials: readonly (readonly PlanHire[])[], ahead: readonly (readonly PlanHire[])[] = []): Promise<{ readings: PlanReading[]; chosen: number | null }> => {
    const readings: PlanReading[] = [];
    // Per trial, the reading `meets` would stop at: the first prefix that decides it, or the cap's.
    const stops: (PlanReading | undefined)[] = trials.map(() => undefined);
    const aheadStops: (PlanReading | undefined)[] = ahead.map(() => undefined);
    // Plans of `ahead` still worth running (see below).
    let chain = ahead.length;
    let next = 0;
    for (let n = firstLook; next < trials.length; n = Math.min(2 * n, maxN)) {
      // Every pending trial has run exactly the prefixes before n, so its run now holds n replications.
      const pending = trials.slice(next);
      // Ahead plans only while this call may still choose its first trial (else the next calls try other plans).
      const spec = next === 0 ? ahead.flatMap((_, k) => (k < chain && !aheadStops[k] ? [k] : [])) : [];
      const got = await runPlans([...pending, ...spec.map((k) => ahead[k])], n);
      pending.forEach((_, k) => {
        const reading = readingOf(got[k], n, confidence);
        if (!stops[next + k] && (decided(reading) || n >= maxN)) stops[next + k] = reading;
        // The ahead plans go on to the next prefix only while the first trial looks like meeting.
        if (next === 0 && k === 0 && !reading.met) chain = 0;
      });
      spec.forEach((k, j) => {
        const reading = readingOf(got[pending.length + j], n, confidence);
        if (decided(reading) || n >= maxN) aheadStops[k] = reading;
        // Each matters only if the one before it meets: the chain stops at the first that looks like missing.
        if (!reading.met) chain = Math.min(chain, k + 1);
      });
      for (let stop = stops[next]; stop; stop = stops[next]) {
        readings.push(stop);
        next++;
        if (stop.met) return { readings, chosen: next - 1 };
      }
    }
    return { readings, chosen: null };
  };
  let decidedStatus: GoalSeekStatus | null = null;
  const partial = (): GoalSeekPartial => ({ phase, plan: planHires(plan, rampDays, rampShape), path: [...path], timing: [...timing], runs, decided: decidedStatus });
  /**
   * A step of the search or the step back is sent as a partial answer at once,
   * unless the plan meets the targets after it: then it may be the last, and it is
   * held until the next step (then sent as it was) or the decision (then sent
   * with it): one partial answer per step, the last saying the plan is decided.
   */
  let held: GoalSeekPartial | null = null;
  const sendStep = () => {
    if (held) input.onStep?.(held);
    held = now.met ? partial() : null;
    if (!held) input.onStep?.(partial());
  };

  /**
   * The value per yen of adding `d` to the current plan, with an interval, on the
   * first `n` replications; `share`: the largest share of one target's gap it closes.
   */
  const valueOf = (base: PlanRun, cand: PlanRun, d: Department, n: number, level: number, now: PlanReading) => {
    let mid = 0;
    let share = 0;
    let low = 0;
    let high = 0;
    const clamp = (x: number) => Math.min(1, x);
    if (target && now.probability && now.probability.p < confidence) {
      const b = goalValues(base, target.measure, n);
      const c = goalValues(cand, target.measure, n);
      const controls = base.values.controls.map((col, j) => col.slice(0, n).map((x, r) => cand.values.controls[j][r] - x));
      const diff = pairedDifference(b, c, 'higher', controls);
      const scale = n > 1 ? tQuantile(1 - (1 - level) / 2, n - 1) / tQuantile(0.975, n - 1) : 1;
      const half = ((diff.ciHigh - diff.ciLow) / 2) * scale;
      // The gap: how far the (1 - confidence) quantile of the measure is below the target.
      const sorted = Float64Array.from(b.filter(Number.isFinite)).sort();
      const gap = Math.max(target.atLeast - percentileSorted(sorted, 1 - confidence), 0.005 * Math.abs(target.atLeast) || 1);
      mid += clamp(diff.mean / gap);
      share = Math.max(share, clamp(diff.mean / gap));
      low += clamp((diff.mean - half) / gap);
      high += clamp((diff.mean + half) / gap);
    }
    for (const s of now.service) {
      if (s.met) continue;
      const eb = serviceEstimate(base.values, s.target, level, n);
      const ec = serviceEstimate(cand.values, s.target, level, n);
      const gain = eb.mean - ec.mean;
      const half = Math.hypot(eb.half, ec.half);
      const gap = s.mean - s.limit;
      const shareOf = (x: number) => (Number.isFinite(x) ? clamp(x / gap) : x > 0 ? 1 : -1);
      mid += shareOf(gain);
      share = Math.max(share, shareOf(gain));
      low += shareOf(gain - half);
      high += shareOf(gain + half);
    }
    const perMillion = 1e6 / costPerHead(scenario, d);
    return { mid: mid * perMillion, low: low * perMillion, high: high * perMillion, share };
  };

  // The bound plan (see the module comment): every department at its most from day 0, one person per department in turn.
  const bounds = DEPARTMENTS.map(bound);
  const boundHires = bounds.reduce((a, b) => a + b, 0);
  const testBound = target !== null && boundHires > 0 && Number.isFinite(boundHires) && boundHires <= (input.maxHires ?? Infinity);
  const order: Department[] = [];
  if (testBound) for (let k = 0; order.length < boundHires; k++) for (const d of DEPARTMENTS) if (k < bound(d)) order.push(d);
  const boundPlan: PlanHire[] = order.map((department) => ({ department, day: 0 }));

  // The scenario as it is and the bound plan, side by side from a first look: an impossible target is decided at once.
  announce(0);
  const [firstBaseline, boundReading] = testBound ? await meetsAll([plan, boundPlan], firstLook) : [await meets(plan, firstLook), null];
  let baseline = firstBaseline;
  let now = baseline;
  lastP = now.probability?.p ?? null;
  let status: GoalSeekStatus = baseline.met ? 'alreadyMet' : 'bounds';
  let impossible = false;
  if (!baseline.met && boundReading?.probability && boundReading.probability.high < confidence) {
    impossible = true;
    decidedStatus = 'bounds';
    plan = boundPlan;
    now = boundReading;
    // The answer is known: say it now, then run its path and its verification.
    input.onStep?.(partial());
    // The path explains the answer, it does not decide it: each step is read on a short prefix.
    task = 'path';
    const pathN = Math.min(minN, PATH_REPLICATIONS);
    const cumulative = order.map((_, k) => boundPlan.slice(0, k + 1));
    const stepRuns = await runPlans([[], ...cumulative], pathN);
    for (let k = 0; k < order.length; k++) {
      const before = readingOf(stepRuns[k], pathN, confidence);
      const last = k === order.length - 1;
      const value = valueOf(stepRuns[k], stepRuns[k + 1], order[k], pathN, confidence, before);
      path.push({ department: order[k], change: 1, costYenPerYear: costPerHead(scenario, order[k]), valuePerMillionYen: value.mid, candidates: [order[k]], replications: last ? boundReading.replications : pathN, after: last ? boundReading : readingOf(stepRuns[k + 1], pathN, confidence) });
    }
    input.onStep?.(partial());
  }

  // The search: from the scenario as it is, the best hire per yen each step (several of them when the gap is wide).
  const added = (d: Department) => plan.reduce((a, h) => a + (h.department === d ? changeOf(h) : 0), 0);
  while (!now.met && !impossible) {
    let alive = DEPARTMENTS.filter((d) => added(d) < bound(d));
    if (alive.length === 0 || plan.length >= (input.maxHires ?? Infinity)) {
      status = 'bounds';
      break;
    }
    const level = 1 - (1 - confidence) / Math.max(1, alive.length - 1);
    let best: { d: Department; mid: number; share: number; run: PlanRun } | null = null;
    let n = minN;
    let raced: Department[] = alive;
    task = 'candidates';
    announce(plan.length);
    for (;;) {
      const [base, ...candidates] = await runPlans([plan, ...alive.map((d) => [...plan, { department: d, day: 0 }])], n);
      const nowAtN = readingOf(base, n, level);
      const values: { d: Department; mid: number; low: number; high: number; share: number; run: PlanRun }[] = [];
      alive.forEach((d, i) => values.push({ d, run: candidates[i], ...valueOf(base, candidates[i], d, n, level, nowAtN) }));
      values.sort((a, b) => b.mid - a.mid);
      const leader = values[0];
      best = { d: leader.d, mid: leader.mid, share: leader.share, run: leader.run };
      raced = alive;
      alive = values.filter((v) => v === leader || v.high >= leader.low).map((v) => v.d);
      if (alive.length === 1 || n >= maxN) break;
      n = Math.min(2 * n, maxN);
    }
    if (!best || !(best.mid > 0)) {
      status = 'noGain';
      break;
    }
    // A block when one hire closes little of the gap: half the hires it is estimated to need, within the bounds.
    const people = best.share > 0 && best.share < STEP_FRACTION / 2
      ? Math.max(1, Math.min(Math.floor(STEP_FRACTION / best.share), bound(best.d) - added(best.d), (input.maxHires ?? Infinity) - plan.length))
      : 1;
    plan = [...plan, ...Array.from({ length: people }, () => ({ department: best.d, day: 0 }))];
    if (people > 1 && plan.length < (input.maxHires ?? Infinity)) {
      // A block is a plan no candidate ran: run it beside the next step's candidates, one warm-up for both (its test reads the same runs).
      const open = DEPARTMENTS.filter((d) => added(d) < bound(d));
      await runPlans([plan, ...open.map((d) => [...plan, { department: d, day: 0 }])], minN);
    }
    task = 'check';
    now = await meets(plan, n);
    lastP = now.probability?.p ?? null;
    path.push({ department: best.d, change: people, costYenPerYear: people * costPerHead(scenario, best.d), valuePerMillionYen: best.mid, candidates: raced, replications: n, after: now });
    sendStep();
    if (now.met) status = 'met';
  }

  // The step back: one person off at a time, the most saved first, while the plan still meets the targets.
  if (now.met && !impossible && (plan.length > 0 || input.allowRemovals)) {
    // Taking off an added hire saves what the hire would cost; one of the scenario's people, what the scenario pays them.
    const saving = (d: Department) => (added(d) > 0 ? costPerHead(scenario, d) : scenario[d].costPerHeadYen);
    const atDay0 = (d: Department) => scenario[d].headcount + scenario.hiring.reduce((a, h) => a + (h.department === d && h.day <= 0 ? h.change : 0), 0);
    for (;;) {
      const removable = DEPARTMENTS.filter((d) => {
        const net = added(d);
        return net > 0 || (input.allowRemovals === true && -net < bound(d) && atDay0(d) + net - 1 >= 1);
      }).sort((a, b) => saving(b) - saving(a));
      if (removable.length === 0) break;
      task = 'stepBack';
      announce(plan.length);
      const trials = removable.map((d) => {
        // An added hire of d goes first (the last chosen); else one of d's people leaves on day 0.
        const at = plan.findLastIndex((h) => h.department === d && changeOf(h) > 0);
        return at >= 0 ? plan.filter((_, j) => j !== at) : [...plan, { department: d, day: 0, change: -1 as const }];
      });
      const { readings, chosen } = await firstMeeting(trials);
      if (chosen === null) break;
      const d = removable[chosen];
      const saved = saving(d);
      plan = trials[chosen];
      now = readings[chosen];
      lastP = now.probability?.p ?? null;
      path.push({ department: d, change: -1, costYenPerYear: -saved, valuePerMillionYen: 0, candidates: removable.slice(0, chosen + 1), replications: now.replications, after: now });
      status = 'met';
      sendStep();
    }
  }

  // Who is hired is decided: say it before what follows (step 0 read again, the timing, when a hire is to be
  // timed, and the verification, a run of verifyReplications), with the phase that comes next.
  const timed = now.met && plan.some((h) => changeOf(h) > 0) && input.searchTiming !== false;
  if (now.met && plan.length > 0 && !impossible) {
    decidedStatus = 'met';
    phase = timed ? 'timing' : 'verify';
    input.onStep?.(partial());
  } else if (held) input.onStep?.(held);

  // Step 0 is read beside the steps: on as many replications as the first step's reading, not on the first
  // look that decided the search must start (10), so the two rows are compared on equal footing.
  const firstRead = path[0]?.after.replications ?? 0;
  if (!impossible && firstRead > baseline.replications) {
    task = 'baseline';
    announce(0);
    baseline = readingOf(await runPlan([], firstRead), firstRead, confidence);
  }

  // The timing: each hire, the last chosen first, to the latest quarter that still meets the targets.
  if (timed) {
    phase = 'timing';
    const quarters = timingDays(scenario.horizonDays, scenario.startDate);
    // Per department, the day its later-chosen hire settled on: no later quarter is tried (see the module comment).
    const latest = new Map<Department, number>();
    task = 'timing';
    const toTime = plan.filter((h) => changeOf(h) > 0).length;
    for (let i = plan.length - 1; i >= 0; i--) {
      const d = plan[i].department;
      if (changeOf(plan[i]) < 0) continue;
      timingOf = { hire: (timingOf?.hire ?? 0) + 1, of: toTime, department: d };
      const days = quarters.filter((day) => day <= (latest.get(d) ?? Infinity));
      if (days.length === 0) continue;
      announce(plan.length);
      const trials = days.map((day) => plan.map((h, j) => (j === i ? { ...h, day } : h)));
      // Once a hire of d has settled, the hires of d chosen just before it will each try that day first: run them ahead
      // (see firstMeeting).
      const ahead: PlanHire[][] = [];
      if (latest.has(d)) {
        for (let j = i - 1, p = trials[0]; j >= 0 && plan[j].department === d && changeOf(plan[j]) > 0; j--) ahead.push((p = p.map((h, k) => (k === j ? { ...h, day: days[0] } : h))));
      }
      const { readings, chosen } = await firstMeeting(trials, ahead);
      readings.forEach((reading, k) => timing.push({ department: d, day: days[k], met: reading.met, after: reading }));
      input.onStep?.(partial());
      latest.set(d, chosen === null ? 0 : days[chosen]);
      if (chosen !== null) {
        plan = trials[chosen];
        now = readings[chosen];
        lastP = now.probability?.p ?? null;
      }
    }
  }

  // The verification: the plan with streams the search never saw.
  phase = 'verify';
  task = 'verify';
  timingOf = undefined;
  announce(plan.length);
  const verifySeed = `${scenario.seed}${VERIFY_SEED_SUFFIX}`;
  const step = runs++;
  const verifyRun = await options.runner.run(scenarioOf(plan, verifySeed), {
    replications: verifyN,
    signal: options.signal,
    onProgress: progressOf(step, plan.length),
  });
  const verification = { ...readingOf(planRunOf(verifyRun), verifyN, 0.95), seed: verifySeed };

  decidedStatus = status;
  // A hire costs one more person (hireCostYen); a removal saves what the scenario pays that person.
  const cost = (h: PlanHire) => (changeOf(h) > 0 ? costPerHead(scenario, h.department) : -scenario[h.department].costPerHeadYen);
  return {
    ...partial(),
    status,
    reached: now.met,
    confidence,
    target,
    baseline,
    added: Object.fromEntries(DEPARTMENTS.map((d) => [d, added(d)])) as Record<Department, number>,
    costYenPerYear: plan.reduce((sum, h) => sum + cost(h), 0),
    costYenInHorizon: plan.reduce((sum, h) => sum + (cost(h) * Math.max(0, scenario.horizonDays - h.day)) / 365, 0),
    verification,
  };
}
