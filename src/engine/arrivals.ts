/**
 * The lead arrival process: a non-homogeneous Poisson process whose rate is set by
 * Marketing (headcount x leads per marketer, plus programme budget / cost per lead),
 * times the month's seasonality, plus campaign bursts. Sampled exactly by thinning.
 */
import type { Scenario } from '../scenario/types.ts';
import { effectiveHeadcount, maxHeadcount, productiveAt, rosterMax, staffPlan, type Roster } from './staffing.ts';
import type { Uniform } from './random.ts';
import { holdDoubles } from './doubles.ts';
import { exponentialFrom, exponentialUniforms } from './distributions.ts';

/** Days in an average month. */
export const MONTH_DAYS = 365 / 12;

/**
 * A stretch of the run with its own thinning bound: campaigns start and end at
 * piece boundaries, so a short burst raises the bound only while it lasts.
 */
export interface RatePiece {
  from: number;
  to: number;
  /** Leads per day of the campaigns running throughout the piece. */
  campaignPerDay: number;
  /** An upper bound of the lead rate within the piece. */
  bound: number;
}

/** Lead rate as a function of simulation time, with upper bounds for thinning. */
export interface LeadRate {
  /** Leads per day at simulation time t (t = 0 is the start of the warm-up). */
  at(t: number): number;
  /** An upper bound of `at` over the run. */
  max: number;
  /** The run cut at campaign starts and ends, each piece with its own bound, in time order. */
  pieces: RatePiece[];
  /** The rate when it is the same at every time (`at`'s value, to the bit), else undefined. */
  constant?: number;
}

/** Calendar month index (0 = January) of scenario day `day` (negative during warm-up). */
export function calendarMonth(startMonth: number, day: number): number {
  const m = (startMonth - 1 + Math.floor(day / MONTH_DAYS)) % 12;
  return m < 0 ? m + 12 : m;
}

interface Burst {
  from: number;
  to: number;
  perDay: number;
}

/** Campaigns in simulation time, clipped to the run; empty ones dropped. */
function bursts(s: Scenario, end: number): Burst[] {
  const offset = s.warmupDays;
  return s.marketing.campaigns
    .map((c) => ({ from: c.startDay + offset, to: Math.min(end, c.startDay + offset + c.durationDays), perDay: c.extraLeads / c.durationDays }))
    .filter((c) => c.to > c.from && c.perDay > 0);
}

/**
 * Cuts [0, end) at every campaign start and end. Each piece's bound is the base
 * rate's bound plus the campaigns running in it (O(pieces x campaigns); the
 * number of campaigns is bounded by validation).
 */
function ratePieces(baseBound: number, campaigns: Burst[], end: number): RatePiece[] {
  const cuts = [...new Set([0, end, ...campaigns.flatMap((c) => [c.from, c.to])])].filter((x) => x >= 0 && x <= end).sort((a, b) => a - b);
  const pieces: RatePiece[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const from = cuts[i], to = cuts[i + 1];
    let perDay = 0;
    for (const c of campaigns) if (c.from <= from && from < c.to) perDay += c.perDay;
    pieces.push({ from, to, campaignPerDay: perDay, bound: baseBound + perDay });
  }
  return pieces;
}

/**
 * The lead rate of a scenario, with Marketing staffed as in `marketing` (a
 * replication's roster; by default the plan itself, with no attrition).
 */
export function leadRate(s: Scenario, marketing?: Roster): LeadRate {
  const m = s.marketing;
  const offset = s.warmupDays;
  const end = s.warmupDays + s.horizonDays;
  const plan = staffPlan(m.headcount, s.hiring, 'marketing', offset);
  const heads = marketing ? (t: number) => productiveAt(marketing, t) : (t: number) => effectiveHeadcount(plan, t);
  const maxHeads = marketing ? rosterMax(marketing, end) : maxHeadcount(plan, end);
  const paidPerDay = (m.programBudgetYenPerMonth / m.costPerLeadYen) * (12 / 365);
  const campaigns = bursts(s, end);
  const base = (t: number) => heads(t) * (m.leadsPerHeadPerWeek / 7) + paidPerDay;
  // A roster with no one but its fixed people has one base rate throughout: computed once
  // (the same expression, so the same double), not at each of the thousands of candidates.
  const fixed = marketing !== undefined && marketing.spells.length === 0;
  const fixedBase = fixed ? base(0) : 0;
  const at = (t: number) => {
    let rate = (fixed ? fixedBase : base(t)) * m.seasonality[calendarMonth(m.startMonth, t - offset)];
    for (const c of campaigns) if (t >= c.from && t < c.to) rate += c.perDay;
    return rate;
  };
  const boundOf = (heads: number) => (heads * (m.leadsPerHeadPerWeek / 7) + paidPerDay) * Math.max(...m.seasonality);
  const maxBase = boundOf(maxHeads);
  // Before the warm-up's end the bound counts only the people present then, so
  // hires in the plan (days >= 0) leave the warm-up's draws as they were and a
  // replication can share its warm-up with other plans (Replication.fork). When
  // the two bounds differ, the run is cut at the warm-up's end.
  const warmBase = marketing && offset > 0 && offset < end ? boundOf(warmupMax(marketing, offset)) : maxBase;
  let pieces = ratePieces(maxBase, warmBase !== maxBase ? [...campaigns, { from: offset, to: offset, perDay: 0 }] : campaigns, end);
  if (warmBase !== maxBase) pieces = pieces.map((p) => (p.to <= offset ? { ...p, bound: warmBase + p.campaignPerDay } : p));
  const max = Math.max(0, ...pieces.map((p) => p.bound));
  // No staffing change, no campaign and flat seasonality: what `at` computes at any t (the same product).
  const flat = fixed && campaigns.length === 0 && m.seasonality.every((x) => x === m.seasonality[0]);
  return { at, max, pieces, constant: flat ? fixedBase * m.seasonality[0] : undefined };
}

/**
 * A bound of the productive headcount of roster `r` before time `t0`: the largest
 * paid headcount then (no one is more than fully productive), read from the
 * people who started before t0 alone, so any hire from t0 on leaves it unchanged.
 */
function warmupMax(r: Roster, t0: number): number {
  const spells = r.spells.filter((s) => s.start < t0).map((s) => ({ ...s, end: Math.min(s.end, t0) }));
  return rosterMax({ fixed: r.fixed, spells, leaveTimes: [], drawn: true }, t0);
}

/**
 * Expected number of leads over the whole run, warm-up included: the base rate by
 * the midpoint rule, daily (it changes by month and along ramps), plus each
 * campaign's leads exactly (the part of it inside the run).
 */
export function expectedLeadCount(s: Scenario): number {
  const m = s.marketing;
  const end = s.warmupDays + s.horizonDays;
  const plan = staffPlan(m.headcount, s.hiring, 'marketing', s.warmupDays);
  const paidPerDay = (m.programBudgetYenPerMonth / m.costPerLeadYen) * (12 / 365);
  let total = 0;
  for (let t = 0; t < end; t += 1) {
    const mid = t + 0.5;
    const rate = (effectiveHeadcount(plan, mid) * (m.leadsPerHeadPerWeek / 7) + paidPerDay) * m.seasonality[calendarMonth(m.startMonth, mid - s.warmupDays)];
    total += rate * Math.min(1, end - t);
  }
  for (const c of bursts(s, end)) total += c.perDay * (c.to - c.from);
  return total;
}

/** Where an arrival process stands: its time, its piece and the draws it has made from its stream. */
export interface ArrivalState {
  t: number;
  i: number;
  draws: number;
}

/**
 * Arrival times by thinning (Lewis and Shedler), piece by piece: candidates at
 * the piece's bound rate, each kept with probability rate(t) / bound; a candidate
 * past the piece's end is dropped and the next piece starts afresh at its start
 * (exact, as the exponential gaps are memoryless).
 *
 * Its state is explicit (time, piece, draws), so a replication forked at the end
 * of the warm-up can go on with another lead rate: `mark` is the state before the
 * first draw that could carry the process to `markAt` or past it, and a process
 * resumed from it with another rate (equal before `markAt`) makes the draws a
 * process of that rate would have made from the start.
 */
export class ArrivalProcess {
  t = 0;
  i = 0;
  draws = 0;
  /** The last state with t < markAt, taken before each step (see the class). */
  readonly mark: ArrivalState = { t: 0, i: 0, draws: 0 };
  /**
   * The pieces before `end` as columns: piece i runs from `pieceFrom[i]` to
   * `pieceTo[i]` under bound `pieceBound[i]`, and `pieceFrom[pieces]` is `end`.
   * Doubles read from typed arrays: read from the pieces' fields (whole days, held
   * as small integers), the times merged with the drawn time made V8 keep that
   * time boxed, a new heap number at every arrival.
   */
  private readonly pieceFrom: Float64Array;
  private readonly pieceTo: Float64Array;
  private readonly pieceBound: Float64Array;
  /** The rate's constant value, or -1 when it varies (then `rate.at` is asked at each candidate). */
  private readonly constant: number;

  constructor(private readonly rate: LeadRate, end: number, private readonly u: Uniform, private readonly markAt = Infinity, from?: ArrivalState) {
    const pieces = rate.pieces.filter((p) => p.from < end);
    this.pieceFrom = Float64Array.from([...pieces.map((p) => p.from), end]);
    this.pieceTo = Float64Array.from(pieces, (p) => p.to);
    this.pieceBound = Float64Array.from(pieces, (p) => p.bound);
    this.constant = rate.constant ?? -1;
    // The time is a fraction from the first draw on: a double from the start (see holdDoubles).
    holdDoubles(this, ['t']);
    holdDoubles(this.mark, ['t']);
    if (from) {
      this.t = from.t;
      this.i = from.i;
      this.draws = from.draws;
    }
  }

  /** The next arrival time, or Infinity after `end`. */
  next(): number {
    const starts = this.pieceFrom, ends = this.pieceTo, bounds = this.pieceBound, u = this.u, rate = this.rate, markAt = this.markAt, constant = this.constant;
    const pieces = bounds.length;
    let t = this.t, i = this.i, n = this.draws;
    while (i < pieces) {
      if (t < markAt) { this.mark.t = t; this.mark.i = i; this.mark.draws = n; }
      const bound = bounds[i];
      if (bound > 0) {
        // The gap to the next candidate (a ziggurat: 1.03 uniforms on average, all counted for a fork's replay).
        t += exponentialFrom(u) / bound;
        n += exponentialUniforms[0];
        if (t < ends[i]) {
          n++;
          if (u() * bound < (constant >= 0 ? constant : rate.at(t))) {
            this.t = t; this.i = i; this.draws = n;
            return t;
          }
          continue;
        }
      }
      i++;
      t = starts[i];
    }
    this.t = Infinity; this.i = i; this.draws = n;
    return Infinity;
  }
}

/** Arrival times by thinning (see ArrivalProcess): a function giving the next arrival time, or Infinity after `end`. */
export function arrivalTimes(rate: LeadRate, end: number, u: Uniform): () => number {
  const process = new ArrivalProcess(rate, end, u);
  return () => process.next();
}
