/**
 * A department's queue and its slots (headcount x concurrent items): who waits,
 * who is in work, and the time-weighted statistics of both. The model decides
 * what work times, patience and outcomes are; the stage only keeps the books.
 * Besides its whole slots, a stage staffed in part by part-time people may have
 * one slot that works at a fraction of the speed (staffing.ts, capacityAt): an
 * item takes it only when every whole slot is busy.
 */
import type { StageResult } from './results.ts';
import { doubleList, holdDoubles } from './doubles.ts';

/** Order in which waiting items are taken. */
export type Order = 'fifo' | 'newestFirst';

/**
 * A growable list of queue entries, each a lead id and the ticket of that join,
 * taken from the front (FIFO) or the back (newest first). An entry goes stale when
 * its lead leaves the queue (it gave up, or its account churned); the lead may join
 * again later under a new ticket, and only the entry with its current ticket is
 * live, so a lead that came back waits behind those who joined after its first try.
 */
class WaitingLine {
  private ids = new Int32Array(256);
  private tickets = new Int32Array(256);
  private head = 0;
  private tail = 0;
  /** Id and ticket of the entry last taken. */
  takenId = -1;
  takenTicket = -1;

  constructor(private readonly order: Order) {}

  push(id: number, ticket: number): void {
    if (this.tail === this.ids.length) {
      const live = this.tail - this.head;
      // Slide the live part to the front when half the array is consumed; else grow.
      if (this.head >= this.ids.length / 2) {
        this.ids.copyWithin(0, this.head, this.tail);
        this.tickets.copyWithin(0, this.head, this.tail);
      } else {
        const ids = new Int32Array(this.ids.length * 2);
        ids.set(this.ids.subarray(this.head, this.tail));
        this.ids = ids;
        const tickets = new Int32Array(this.tickets.length * 2);
        tickets.set(this.tickets.subarray(this.head, this.tail));
        this.tickets = tickets;
      }
      this.head = 0;
      this.tail = live;
    }
    this.ids[this.tail] = id;
    this.tickets[this.tail++] = ticket;
  }

  /** Takes the next entry in order into takenId and takenTicket; false when empty. Entries may be stale. */
  take(): boolean {
    if (this.head === this.tail) return false;
    const at = this.order === 'fifo' ? this.head++ : --this.tail;
    this.takenId = this.ids[at];
    this.takenTicket = this.tickets[at];
    return true;
  }
}

/**
 * Wait buffers of finished stages (Stage.release), taken by the next stages of this
 * thread: a baseline replication's waits grew from 256 to 16,384 numbers in each
 * stage, allocated and dropped again by every replication.
 */
const spareWaits: Float64Array[] = [];

/** Growable list of numbers (per-replication wait samples). */
class Samples {
  values = spareWaits.pop() ?? new Float64Array(256);
  length = 0;
  add(x: number): void {
    if (this.length === this.values.length) {
      const next = new Float64Array(this.values.length * 2);
      next.set(this.values);
      this.values = next;
    }
    this.values[this.length++] = x;
  }
}

/** A stage's fields that hold fractions (times, speeds, areas, sums of days): doubles from the start (see holdDoubles). */
const STAGE_DOUBLES = [
  'partSpeed', 'partHeldSpeed', 'waitSum', 'workSum', 'leftQueueWaitSum', 'queueTime',
  'last', 'queueArea', 'wipArea', 'slotArea', 'partSlotArea', 'partIdleArea', 'weekQueueMark', 'weekWipMark',
] as const;

/** The queue and slots of one department, with its measures. */
export class Stage {
  slots = 0;
  busy = 0;
  waiting = 0;
  /** Speed of the part-time slot (0: there is none), for items starting now. */
  partSpeed = 0;
  /** The lead in the part-time slot (-1: none), and the speed it started at. */
  private partHolder = -1;
  private partHeldSpeed = 0;
  private line: WaitingLine;
  /** Tickets handed out so far: each join of the queue gets the next one. */
  private joins = 0;

  // Counters over the reporting window.
  arrivals = 0;
  starts = 0;
  completions = 0;
  conversions = 0;
  abandoned = 0;
  recycled = 0;
  private waited = 0;
  private workSum = 0;
  private waitSum = 0;
  private leftQueue = 0;
  private leftQueueWaitSum = 0;
  private waits = new Samples();
  /** Time spent in the queue inside the window, summed item by item (Little's law). */
  private queueTime = 0;

  // Time-weighted areas since the window start.
  private last = 0;
  private queueArea = 0;
  private wipArea = 0;
  private slotArea = 0;
  /** The part-time slot's capacity over time, and the capacity its item did not use (1 - its speed), for utilisation. */
  private partSlotArea = 0;
  private partIdleArea = 0;
  private weekQueueMark = 0;
  private weekWipMark = 0;
  readonly queueByWeek: number[] = doubleList();
  readonly wipByWeek: number[] = doubleList();

  constructor(order: Order, private readonly windowStart: number) {
    this.line = new WaitingLine(order);
    holdDoubles(this, STAGE_DOUBLES);
  }

  /** Accumulates areas up to time t (only the part inside the window counts). */
  advance(t: number): void {
    const from = this.last > this.windowStart ? this.last : this.windowStart;
    if (t > from) {
      const dt = t - from;
      this.queueArea += this.waiting * dt;
      this.wipArea += this.busy * dt;
      this.slotArea += this.slots * dt;
      // Capacity counts the part-time slot at its speed, and its item as busy at that speed only.
      if (this.partSpeed > 0) this.partSlotArea += this.partSpeed * dt;
      if (this.partHolder >= 0) this.partIdleArea += (1 - this.partHeldSpeed) * dt;
    }
    this.last = t;
  }

  /** Whether a slot is free: a whole one, or the part-time one. */
  hasRoom(): boolean {
    // While fewer people than items in work remain (someone left), no slot is free.
    if (this.partHolder < 0) return this.busy < this.slots || (this.partSpeed > 0 && this.busy === this.slots);
    return this.busy - 1 < this.slots;
  }

  /** Counts an arrival at time t. */
  noteArrival(t: number): void {
    if (t >= this.windowStart) this.arrivals++;
  }

  /** Puts lead `id` in the queue at time t; returns the ticket of this join, which the caller keeps with the lead. */
  enqueue(t: number, id: number): number {
    this.advance(t);
    this.waiting++;
    const ticket = this.joins++;
    this.line.push(id, ticket);
    return ticket;
  }

  /** Adds the part of a wait [t - wait, t] that falls inside the window. */
  private addQueueTime(t: number, wait: number): void {
    if (t > this.windowStart) this.queueTime += Math.min(wait, t - this.windowStart);
  }

  /** Counts the wait so far of an item still queued at the horizon t. */
  noteStillWaiting(t: number, wait: number): void {
    this.addQueueTime(t, wait);
  }

  /**
   * Takes the next live waiting lead, or -1. `isWaiting(id, ticket)` tells whether
   * the lead is still waiting here under that ticket (an entry of an earlier join is stale).
   */
  dequeue(t: number, isWaiting: (id: number, ticket: number) => boolean): number {
    const line = this.line;
    while (this.waiting > 0 && line.take()) {
      const id = line.takenId;
      if (!isWaiting(id, line.takenTicket)) continue;
      this.advance(t);
      this.waiting--;
      return id;
    }
    return -1;
  }

  /** Records that a waiting lead gave up at time t after `wait` days. */
  giveUp(t: number, wait: number): void {
    this.withdraw(t, wait);
    if (t >= this.windowStart) this.abandoned++;
  }

  /** Records that a waiting lead left the queue at time t for another reason (an account churned). */
  withdraw(t: number, wait: number): void {
    this.advance(t);
    this.waiting--;
    this.addQueueTime(t, wait);
    if (t >= this.windowStart) {
      this.leftQueue++;
      this.leftQueueWaitSum += wait;
    }
  }

  /**
   * Records that work on lead `id` started at time t after `wait` days in the queue,
   * and returns the speed of the slot it took (1, or the part-time slot's: its work
   * takes work / speed days).
   */
  start(t: number, wait: number, id: number): number {
    this.advance(t);
    let speed = 1;
    if ((this.partHolder < 0 ? this.busy : this.busy - 1) >= this.slots) {
      this.partHolder = id;
      speed = this.partHeldSpeed = this.partSpeed;
    }
    this.busy++;
    this.addQueueTime(t, wait);
    if (t >= this.windowStart) {
      this.starts++;
      this.waitSum += wait;
      this.leftQueue++;
      this.leftQueueWaitSum += wait;
      if (wait > 0) this.waited++;
      this.waits.add(wait);
    }
    return speed;
  }

  /** Records that work of `workDays` (at full speed) on lead `id` finished at time t; `converted` says if it passed the stage. */
  finish(t: number, converted: boolean, workDays: number, id: number): void {
    this.advance(t);
    this.busy--;
    let days = workDays;
    if (id === this.partHolder) {
      days = workDays / this.partHeldSpeed;
      this.partHolder = -1;
    }
    if (t >= this.windowStart) {
      this.completions++;
      this.workSum += days;
      if (converted) this.conversions++;
    }
  }

  /** Counts a lead sent back to nurture at time t. */
  noteRecycled(t: number): void {
    if (t >= this.windowStart) this.recycled++;
  }

  /** Sets the whole slots and the part-time slot's speed at time t (work in progress is never interrupted: it keeps its speed). */
  setSlots(t: number, slots: number, partSpeed = 0): void {
    this.advance(t);
    this.slots = slots;
    this.partSpeed = partSpeed;
  }

  /** Closes the week that ends at time t (`days` long). */
  closeWeek(t: number, days: number): void {
    this.advance(t);
    this.queueByWeek.push((this.queueArea - this.weekQueueMark) / days);
    this.wipByWeek.push((this.wipArea - this.weekWipMark) / days);
    this.weekQueueMark = this.queueArea;
    this.weekWipMark = this.wipArea;
  }

  /** Hands this stage's wait buffer to the next stage made in this thread (its waits are emptied: call it after `result`). */
  release(): void {
    if (spareWaits.length < 6) spareWaits.push(this.waits.values);
    this.waits.values = new Float64Array(256);
    this.waits.length = 0;
  }

  /** The stage's measures at horizon t. */
  result(t: number): StageResult {
    this.advance(t);
    const span = t - this.windowStart;
    const waits = this.waits.values.subarray(0, this.waits.length);
    return {
      arrivals: this.arrivals,
      starts: this.starts,
      completions: this.completions,
      conversions: this.conversions,
      abandoned: this.abandoned,
      recycled: this.recycled,
      // Nothing started: the wait is undefined (NaN, null in JSON), not 0.
      waitMeanDays: this.starts ? this.waitSum / this.starts : NaN,
      workMeanDays: this.completions ? this.workSum / this.completions : NaN,
      waitP90Days: waits.length ? quantileUnsorted(waits, 0.9) : NaN,
      pWait: this.starts ? this.waited / this.starts : NaN,
      waitAllMeanDays: this.leftQueue ? this.leftQueueWaitSum / this.leftQueue : NaN,
      abandonShare: this.starts + this.abandoned ? this.abandoned / (this.starts + this.abandoned) : NaN,
      // With no part-time slot, busy items over slots, as ever (to the bit).
      utilisation: this.partSlotArea > 0 || this.partIdleArea > 0
        ? (this.wipArea - this.partIdleArea) / (this.slotArea + this.partSlotArea)
        : this.slotArea > 0 ? this.wipArea / this.slotArea : this.queueArea > 0 ? 1 : 0,
      queueMean: span > 0 ? this.queueArea / span : 0,
      queueDays: this.queueTime,
      wipMean: span > 0 ? this.wipArea / span : 0,
      arrivalsPerDay: span > 0 ? this.arrivals / span : 0,
      queueEnd: this.waiting,
      wipEnd: this.busy,
      queueByWeek: this.queueByWeek,
      wipByWeek: this.wipByWeek,
      // Capacity in slot-equivalents: the part-time slot counts at its speed.
      slotsEnd: this.slots + this.partSpeed,
    };
  }
}

/** Type-7 quantile (linear between order statistics) of an ascending array. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * quantileSorted's value for numbers in any order, which it reorders: the two order
 * statistics it needs are found by selection (linear on average) instead of a sort
 * (n log n; a ten-year run sorts tens of thousands of waits). For finite numbers
 * with no -0 (waits), the value is quantileSorted's of the sorted numbers, to the bit.
 */
export function quantileUnsorted(xs: Float64Array, p: number): number {
  const n = xs.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  select(xs, lo);
  // After selection every number past lo is at least xs[lo]: the next order statistic is their least.
  let next = xs[lo];
  if (lo + 1 < n) {
    next = xs[lo + 1];
    for (let i = lo + 2; i < n; i++) if (xs[i] < next) next = xs[i];
  }
  return xs[lo] + (h - lo) * (next - xs[lo]);
}

/** Reorders xs so that xs[k] is its k-th smallest, those before it no larger and those after no smaller (Hoare's selection, middle pivot). */
function select(xs: Float64Array, k: number): void {
  let left = 0, right = xs.length - 1;
  while (right > left) {
    const pivot = xs[(left + right) >> 1];
    let i = left, j = right;
    while (i <= j) {
      while (xs[i] < pivot) i++;
      while (xs[j] > pivot) j--;
      if (i <= j) {
        const x = xs[i]; xs[i] = xs[j]; xs[j] = x;
        i++; j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}
