/**
 * Headcount over time. The plan (StaffPlan): the starting headcount plus a hiring
 * plan, a hire ramping linearly from zero to full capacity, a removal taking effect
 * at once; the engine uses it for expectations (the lead count a scenario expects).
 * What happens in a replication (Roster): the plan with its ramps, people leaving
 * at random, backfills and requisition-dated hires after a time to fill.
 */
import type { Department, Hire, RampShape } from '../scenario/types.ts';
import type { Distribution } from './distributions.ts';
import { counterUniform, itemWord1, itemWord2, type StreamKey, type Uniform } from './random.ts';

/** One department's staffing plan, in simulation time (days since the run began). */
export interface StaffPlan {
  base: number;
  changes: { day: number; change: number; rampDays: number }[];
}

/** The plan of `department`, with hiring days shifted by `offsetDays` (the warm-up). */
export function staffPlan(base: number, hiring: Hire[], department: Department, offsetDays: number): StaffPlan {
  return {
    base,
    changes: hiring
      .filter((h) => h.department === department)
      .map((h) => ({ day: h.day + offsetDays, change: h.change, rampDays: h.rampDays })),
  };
}

/** Effective (productive) headcount at time t: ramping hires count in part. Never negative. */
export function effectiveHeadcount(plan: StaffPlan, t: number): number {
  let heads = plan.base;
  for (const c of plan.changes) {
    if (t < c.day) continue;
    if (c.change < 0 || c.rampDays <= 0) heads += c.change;
    else heads += c.change * Math.min(1, (t - c.day) / c.rampDays);
  }
  return Math.max(0, heads);
}

/** Paid headcount at time t: hires are paid from their first day. Never negative. */
export function paidHeadcount(plan: StaffPlan, t: number): number {
  let heads = plan.base;
  for (const c of plan.changes) if (t >= c.day) heads += c.change;
  return Math.max(0, heads);
}

/** Person-days paid between t0 and t1 (exact: paid headcount is a step function). */
export function paidPersonDays(plan: StaffPlan, t0: number, t1: number): number {
  const cuts = [t0, ...plan.changes.map((c) => c.day).filter((d) => d > t0 && d < t1).sort((a, b) => a - b), t1];
  let total = 0;
  for (let i = 0; i + 1 < cuts.length; i++) total += paidHeadcount(plan, cuts[i]) * (cuts[i + 1] - cuts[i]);
  return total;
}

/**
 * Times at which capacity must be recomputed: each change day, and each day of a
 * ramp (capacity is whole slots, so a daily step follows a linear ramp closely).
 * Only days up to `horizon` are listed, so the work is bounded by the run's length
 * whatever the ramp's (a ramp of 1e12 days lists at most `horizon` days).
 */
export function capacityUpdateTimes(plan: StaffPlan, horizon: number): number[] {
  const times = new Set<number>();
  for (const c of plan.changes) {
    if (c.day > horizon) continue;
    times.add(c.day);
    if (c.change > 0 && c.rampDays > 0) {
      const lastStep = Math.min(Math.ceil(c.rampDays), Math.ceil(horizon - c.day));
      for (let d = 1; d <= lastStep; d++) {
        const t = c.day + Math.min(d, c.rampDays);
        if (t <= horizon) times.add(t);
      }
    }
  }
  return [...times].sort((a, b) => a - b);
}

/**
 * Largest effective headcount reached from 0 to `horizon` (a bound for thinning).
 * Effective headcount is piecewise linear with corners at change days and ramp
 * ends only, so its maximum is at one of those or at the ends of the interval:
 * the cost depends on the number of changes, never on their ramps' length.
 */
export function maxHeadcount(plan: StaffPlan, horizon: number): number {
  let max = Math.max(effectiveHeadcount(plan, 0), effectiveHeadcount(plan, horizon));
  for (const c of plan.changes) {
    if (c.day > horizon) continue;
    max = Math.max(max, effectiveHeadcount(plan, c.day));
    const end = c.day + c.rampDays;
    if (c.change > 0 && c.rampDays > 0 && end <= horizon) max = Math.max(max, effectiveHeadcount(plan, end));
  }
  return max;
}

/**
 * Staffing as it happens in one replication (a roster): people, each paid from the
 * start to the end of a spell and productive along its ramp. A seat is a place in
 * the department, at day 0 or from a planned hire; its occupants follow one another:
 * each leaves after an exponential time (attrition), and when backfill is on the
 * seat's next occupant starts after a time to fill, then ramps.
 *
 * Staffing draws come from their own streams, never from a lead's: seat i of the
 * starting headcount draws from the counter-based stream i under (seed, r,
 * 'staff/<department>/base'), the j-th person hired in the plan from stream j under
 * 'staff/<department>/hire'. Each seat draws in a fixed order (a requisition's time
 * to fill, then per occupant the time it stays and, if it leaves, its backfill's
 * time to fill), so changing the plan of one department (or its later hires) leaves
 * every lead's draws, and every other seat's, as they were (common random numbers).
 */
export interface Spell {
  /** First day paid (simulation days). */
  start: number;
  /** First day no longer paid (Infinity: stays past the horizon). */
  end: number;
  rampDays: number;
  shape: RampShape;
  /** People in this spell (people hired together and staying together are one spell). */
  count: number;
  /** Each person's full-time equivalent, in (0, 1]: 1 for a full-timer, 0.5 for a half-time person. */
  fte: number;
}

/** One department's staffing in one replication. */
export interface Roster {
  /** Full-time people present, at full capacity, from day 0 to past the horizon (part-timers are spells). */
  fixed: number;
  /** Everyone else, in seat order. */
  spells: Spell[];
  /** People who left by attrition, and when. */
  leaveTimes: number[];
  /** Whether anything was drawn (attrition, or a time to fill): false for a plan followed as written. */
  drawn: boolean;
}

/** Fraction of full capacity of a person `x` days into a ramp of `rampDays` days of shape `shape`. */
export function rampFraction(shape: RampShape, rampDays: number, x: number): number {
  if (x >= rampDays) return 1;
  if (x < 0) return 0;
  // Ladder: 25% in the first quarter of the ramp, 50% in the second, 75%, then 100% (GitLab's quota ramp).
  return shape === 'linear' ? x / rampDays : 0.25 * (Math.floor((4 * x) / rampDays) + 1);
}

/** Productive person-days of one person over the first `x` days of a ramp (the integral of rampFraction from 0 to x). */
export function rampPersonDays(shape: RampShape, rampDays: number, x: number): number {
  if (x <= 0) return 0;
  if (rampDays <= 0) return x;
  const full = shape === 'linear' ? rampDays / 2 : 0.625 * rampDays;
  if (x >= rampDays) return full + (x - rampDays);
  if (shape === 'linear') return (x * x) / (2 * rampDays);
  const q = rampDays / 4, k = Math.floor(x / q);
  return q * 0.25 * ((k * (k + 1)) / 2) + 0.25 * (k + 1) * (x - k * q);
}

/** Productive headcount (FTE) at time t: people present, each at its FTE times its ramp's fraction. */
export function productiveAt(r: Roster, t: number): number {
  let heads = r.fixed;
  for (const s of r.spells) if (s.start <= t && t < s.end) heads += s.count * s.fte * rampFraction(s.shape, s.rampDays, t - s.start);
  return heads;
}

/** Productive headcount just before time t (differs from productiveAt only where someone leaves at t). */
function productiveBefore(r: Roster, t: number): number {
  let heads = r.fixed;
  for (const s of r.spells) if (s.start < t && t <= s.end) heads += s.count * s.fte * rampFraction(s.shape, s.rampDays, t - s.start);
  return heads;
}

/** Paid headcount at time t, in FTE (a half-time person counts 0.5: cost is paid FTE x cost per head). */
export function paidAt(r: Roster, t: number): number {
  let heads = r.fixed;
  for (const s of r.spells) if (s.start <= t && t < s.end) heads += s.count * s.fte;
  return heads;
}

/** A stage's capacity at one time: whole slots at full speed, and one part-time slot's speed (0: none). */
export interface Capacity {
  slots: number;
  partSpeed: number;
}

/**
 * The capacity of a stage whose people work `concurrent` items each, at time t.
 * Capacity in slot-equivalents is productive FTE x concurrent; its whole part is
 * slots at full speed, as before part-time people existed (a ramp's remainder below
 * one slot is not served, as ever). The remainder that part-time people leave at
 * full ramp (paid FTE x concurrent, less its whole part: 0.5 for one half-timer who
 * works one item) is one more slot that works at that fraction of the speed, so a
 * 0.5 FTE department of one slot is an M/M/1 queue at half the service rate. It is
 * served only while the ramps leave room for it, so capacity never exceeds
 * productive FTE x concurrent. With whole people and whole `concurrent` there is no
 * remainder: the slots are those of a department of whole people, to the bit.
 */
export function capacityAt(r: Roster, t: number, concurrent: number): Capacity {
  const productive = productiveAt(r, t) * concurrent;
  const slots = Math.floor(productive + 1e-9);
  const paid = paidAt(r, t) * concurrent;
  const part = paid - Math.floor(paid + 1e-9);
  return { slots, partSpeed: part > 1e-9 && productive - slots >= part - 1e-9 ? part : 0 };
}

/**
 * The people a headcount of `x` FTE is made of: floor(x) full-timers and, when x is
 * not whole, one part-timer with the rest (1.5: a full-timer and a half-timer).
 */
export function peopleOf(x: number): number[] {
  const whole = Math.floor(x + 1e-9);
  // Rounded to 1e-6 so 2.35 - 2 is 0.35, not 0.35000000000000009.
  const part = Math.round((x - whole) * 1e6) / 1e6;
  const people = new Array<number>(whole).fill(1);
  if (part > 0) people.push(part);
  return people;
}

/** Person-days paid between t0 and t1 (exact: paid headcount is a step function, summed between its steps). */
export function rosterPaidPersonDays(r: Roster, t0: number, t1: number): number {
  // No spells: one piece (the same sum, without building the cuts; summaries ask it for every week).
  if (r.spells.length === 0) return paidAt(r, t0) * (t1 - t0);
  const cuts = [t0, ...[...new Set(r.spells.flatMap((s) => [s.start, s.end]))].filter((d) => d > t0 && d < t1).sort((a, b) => a - b), t1];
  let total = 0;
  for (let i = 0; i + 1 < cuts.length; i++) total += paidAt(r, cuts[i]) * (cuts[i + 1] - cuts[i]);
  return total;
}

/** Productive person-days between t0 and t1, exactly (each spell's ramp integrated). */
export function rosterProductivePersonDays(r: Roster, t0: number, t1: number): number {
  let total = r.fixed * (t1 - t0);
  for (const s of r.spells) {
    const a = Math.max(t0, s.start), b = Math.min(t1, s.end);
    if (b > a) total += s.count * s.fte * (rampPersonDays(s.shape, s.rampDays, b - s.start) - rampPersonDays(s.shape, s.rampDays, a - s.start));
  }
  return total;
}

/**
 * Times at which capacity must be recomputed: each start and end, each day of a
 * linear ramp (capacity is whole slots, so a daily step follows it closely) and
 * each step of a ladder; only up to `horizon`, so the work is bounded by the run.
 */
export function rosterUpdateTimes(r: Roster, horizon: number): number[] {
  const times = new Set<number>();
  for (const s of r.spells) {
    if (s.start > horizon) continue;
    times.add(s.start);
    if (s.end <= horizon) times.add(s.end);
    if (s.rampDays <= 0) continue;
    if (s.shape === 'linear') {
      const lastStep = Math.min(Math.ceil(s.rampDays), Math.ceil(horizon - s.start));
      for (let d = 1; d <= lastStep; d++) {
        const t = s.start + Math.min(d, s.rampDays);
        if (t <= horizon && t < s.end) times.add(t);
      }
    } else {
      for (let k = 1; k <= 3; k++) {
        const t = s.start + (k * s.rampDays) / 4;
        if (t <= horizon && t < s.end) times.add(t);
      }
    }
  }
  return [...times].sort((a, b) => a - b);
}

/** Largest paid headcount from 0 to `horizon`: a sweep over starts and ends (O(n log n)). */
function maxPaid(r: Roster, horizon: number): number {
  const steps: [number, number][] = [];
  for (const s of r.spells) {
    if (s.start > horizon || s.end <= 0) continue;
    steps.push([Math.max(0, s.start), s.count * s.fte]);
    if (s.end <= horizon) steps.push([s.end, -s.count * s.fte]);
  }
  // At equal times, leavers go before joiners: a paid count never seen is not a maximum.
  steps.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let heads = r.fixed, max = r.fixed;
  for (const [, change] of steps) max = Math.max(max, (heads += change));
  return max;
}

/**
 * A bound of productive headcount from 0 to `horizon`, for thinning. For a plan
 * followed as written (nothing drawn: few spells), its supremum: productive
 * headcount is piecewise linear or constant between starts, ends and ramp steps,
 * so the supremum is at one of those (or just before an end) or at the ends of the
 * interval. For a drawn roster (maybe thousands of spells), the largest paid
 * headcount, which no productive headcount exceeds, found in O(n log n).
 */
export function rosterMax(r: Roster, horizon: number): number {
  if (r.drawn) return maxPaid(r, horizon);
  let max = Math.max(productiveAt(r, 0), productiveAt(r, horizon), productiveBefore(r, horizon));
  for (const s of r.spells) {
    for (const t of [s.start, s.end, s.start + s.rampDays, s.start + s.rampDays / 4, s.start + s.rampDays / 2, s.start + (3 * s.rampDays) / 4]) {
      if (t <= 0 || t > horizon) continue;
      max = Math.max(max, productiveAt(r, t), productiveBefore(r, t));
    }
  }
  return max;
}

/** What a department's roster is drawn from. */
export interface RosterSpec {
  /** People at day 0 (at full capacity), in FTE: 2.5 is two full-timers and a half-timer (peopleOf). */
  base: number;
  /** The department's plan, in simulation time, in plan order; a hire's change is in FTE (peopleOf), a removal's in whole people. */
  hires: { day: number; change: number; rampDays: number; shape: RampShape; requisition: boolean }[];
  attritionPerYear: number;
  backfill: boolean;
  timeToFill: Distribution;
  /** Ramp of a backfill. */
  rampDays: number;
  rampShape: RampShape;
}

/** A seat: its occupants (spells) in order, and the days its occupants left by attrition. */
interface Seat {
  spells: Spell[];
  leaves: number[];
}

/** A seat's counter-based stream: draws 0, 1, 2, ... of item `index` under `key`. */
function seatStream(key: StreamKey, index: number): Uniform {
  const w1 = itemWord1(key, index), w2 = itemWord2(key, index);
  let n = 0;
  return () => counterUniform(w1, w2, n++);
}

/** Fills one seat from its first occupant's start to the horizon (see Roster). */
function fillSeat(spec: RosterSpec, u: Uniform, first: Spell, horizon: number): Seat {
  const seat: Seat = { spells: [], leaves: [] };
  const rate = spec.attritionPerYear / 365;
  let spell = first;
  for (;;) {
    // The time it stays is drawn even past the horizon, so the seat's draws stay in step.
    const stay = rate > 0 ? -Math.log(1 - u()) / rate : Infinity;
    spell.end = spell.start + stay;
    seat.spells.push(spell);
    if (spell.end >= horizon) return (spell.end = Infinity), seat;
    seat.leaves.push(spell.end);
    if (!spec.backfill) return seat;
    const start = spell.end + spec.timeToFill.sample(u);
    if (start >= horizon) return seat;
    // The backfill works the leaver's hours: a part-timer's seat is filled by a part-timer.
    spell = { start, end: Infinity, rampDays: spec.rampDays, shape: spec.rampShape, count: 1, fte: first.fte };
  }
}

/**
 * The roster of one department in one replication, to `horizon` (simulation days):
 * seats drawn as described on Roster, then the plan's removals applied in day order.
 * A removal takes the most productive people present first (the longest-serving
 * among equals); when fewer are present than it removes, it cancels open
 * requisitions (backfills and hires not yet started), earliest first. A removed
 * person is not backfilled.
 */
export function realiseRoster(spec: RosterSpec, horizon: number, baseKey: StreamKey, hireKey: StreamKey): Roster {
  const seats: Seat[] = [];
  const chance = spec.attritionPerYear > 0;
  let fixed = 0;
  const base = peopleOf(spec.base);
  for (let i = 0; i < base.length; i++) {
    const fte = base[i];
    // With no attrition a starting full-timer stays throughout: counted, not drawn. A part-timer is a seat of its own.
    if (!chance && fte === 1) fixed++;
    else {
      const first: Spell = { start: 0, end: Infinity, rampDays: 0, shape: 'linear', count: 1, fte };
      seats.push(chance ? fillSeat(spec, seatStream(baseKey, i), first, horizon) : { spells: [first], leaves: [] });
    }
  }
  let person = 0;
  for (const h of spec.hires) {
    if (h.change <= 0) continue;
    for (const fte of peopleOf(h.change)) {
      const u = seatStream(hireKey, person++);
      const start = h.requisition ? h.day + spec.timeToFill.sample(u) : h.day;
      const first: Spell = { start, end: Infinity, rampDays: h.rampDays, shape: h.shape, count: 1, fte };
      seats.push(chance ? fillSeat(spec, u, first, horizon) : { spells: [first], leaves: [] });
    }
  }
  // Removals, in day order (the plan's order among equal days).
  const removals = spec.hires.filter((h) => h.change < 0).sort((a, b) => a.day - b.day);
  for (const rm of removals) {
    const t = rm.day;
    let left = -rm.change;
    // People present at t: fixed people first (full capacity since day 0), then the seats'.
    const taken = Math.min(left, fixed);
    fixed -= taken;
    left -= taken;
    for (let k = 0; k < taken; k++) seats.push({ spells: [{ start: 0, end: t, rampDays: 0, shape: 'linear', count: 1, fte: 1 }], leaves: [] });
    if (left === 0) continue;
    const present = seats
      .map((seat, i) => ({ seat, i, s: seat.spells.find((s) => s.start <= t && t < s.end) }))
      .filter((x) => x.s !== undefined)
      .sort((a, b) => rampFraction(b.s!.shape, b.s!.rampDays, t - b.s!.start) - rampFraction(a.s!.shape, a.s!.rampDays, t - a.s!.start) || a.s!.start - b.s!.start || a.i - b.i);
    for (const x of present.slice(0, left)) {
      x.s!.end = t;
      x.seat.spells = x.seat.spells.filter((s) => s.start <= t);
      x.seat.leaves = x.seat.leaves.filter((d) => d < t);
      left--;
    }
    if (left === 0) continue;
    const pending = seats
      .map((seat, i) => ({ seat, i, next: seat.spells.find((s) => s.start > t) }))
      .filter((x) => x.next !== undefined && !x.seat.spells.some((s) => s.start <= t && t < s.end))
      .sort((a, b) => a.next!.start - b.next!.start || a.i - b.i);
    for (const x of pending.slice(0, left)) {
      x.seat.spells = x.seat.spells.filter((s) => s.start <= t);
      x.seat.leaves = x.seat.leaves.filter((d) => d < t);
    }
  }
  // People hired together who stay together are one spell (fewer terms in every sum).
  const spells: Spell[] = [];
  for (const seat of seats) {
    for (const s of seat.spells) {
      const last = spells[spells.length - 1];
      if (last && last.start === s.start && last.end === s.end && last.rampDays === s.rampDays && last.shape === s.shape && last.fte === s.fte) last.count += s.count;
      else spells.push({ ...s });
    }
  }
  const drawn = chance || spec.hires.some((h) => h.requisition && h.change > 0);
  return { fixed, spells, leaveTimes: seats.flatMap((s) => s.leaves).sort((a, b) => a - b), drawn };
}
