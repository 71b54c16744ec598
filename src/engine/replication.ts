/**
 * The event handlers of one replication: what happens to a lead when it arrives,
 * becomes an MQL, waits, is worked, converts, is lost or recycled, and to an
 * account when it renews or churns. The state lives in the lead table, the stages
 * and the window counters below; `run` drives the handlers from the event queue.
 * The money and population summary is read from this state by summary.ts.
 */
import { EventQueue } from './eventQueue.ts';
import { Stage } from './stage.ts';
import { ArrivalProcess, leadRate, MONTH_DAYS } from './arrivals.ts';
import { drawFrom, LeadStreams, nextUniform, replicationStream, SLOT_DRAWS, streamKey, type Uniform } from './random.ts';
import { capacityAt, productiveAt, realiseRoster, rosterUpdateTimes, type Roster } from './staffing.ts';
import { createLeadTable, addLead, LeadTable } from './leadTable.ts';
import { LOSS_CAUSES, WAITING_COSTS, type ControlSums, type LossCause, type WaitingCost } from './results.ts';
import { drawn } from './distributions.ts';
import { DEPARTMENT_KEYS, type CompiledScenario, type CompiledSegment } from './compile.ts';
import type { Scenario } from '../scenario/types.ts';
import { doubleList, holdDoubles } from './doubles.ts';
import { decodeTransition, PLACE_LOST, PLACE_NEW, type Transition, type TransitionSink } from './trace.ts';

// Event kinds, and their priority at equal times: capacity first, then releases
// before seizes (a finishing item frees its slot before a newcomer asks for one).
const CAPACITY = 0, SERVICE_END = 1, ABANDON = 2, ARRIVAL = 3, MQL_READY = 4, RENEWAL = 5, WEEK_END = 6, MONTH_END = 7, COHORT = 8;
const PRIORITY = [0, 1, 2, 3, 3, 4, 5, 5, 5];
/** Names of the event kinds, by kind number (for the `trace` observer). */
export const KIND_NAMES = ['capacity', 'serviceEnd', 'abandon', 'arrival', 'mqlReady', 'renewal', 'weekEnd', 'monthEnd', 'cohort'];

// Lead states: live states are indices of LIVE_STATES; lost states are LOST + cause index.
// State 0, 'marketing' (not yet an MQL), is a new row's default in the lead table.
const NURTURE = 1, CUSTOMER = 8;
/** The first lost state: a lead in state LOST + c was lost for LOSS_CAUSES[c]. */
export const LOST = 100;
/** The state of a lead waiting in stage k (0 IS, 1 FS, 2 CS), and of one in work there. */
export const queueState = (k: number) => 2 + 2 * k;
const serviceState = (k: number) => 3 + 2 * k;
const IS = 0, FS = 1, CS = 2;
const cause = (c: LossCause) => LOSS_CAUSES.indexOf(c);
const LOST_IS_ABANDONED = cause('isAbandoned'), LOST_IS_COLD = cause('isCold'), LOST_IS_DISQUALIFIED = cause('isDisqualified');
const LOST_FS_ABANDONED = cause('fsAbandoned'), LOST_FS_COLD = cause('fsCold'), LOST_DEAL = cause('dealLost');
const LOST_CS_ABANDONED = cause('csAbandoned'), LOST_NOT_QUALIFIED = cause('notQualified');
const CHURN_BASE = cause('churnBase'), CHURN_OVERLOAD = cause('churnOverload');
const ABANDON_CAUSE = [LOST_IS_ABANDONED, LOST_FS_ABANDONED, LOST_CS_ABANDONED];
const waitingCost = (c: WaitingCost) => WAITING_COSTS.indexOf(c);
const COST_NEVER_CONTACTED = waitingCost('neverContacted'), COST_WENT_COLD = waitingCost('wentCold'), COST_STALLED = waitingCost('stalled');
const COST_CHURN_OVERLOAD = waitingCost('churnOverload'), COST_CHURN_ONBOARDING = waitingCost('churnOnboarding');
// Transition kinds: indices of TRANSITION_KINDS (trace.ts).
const T_ARRIVE = 0, T_QUEUE = 1, T_START = 2, T_CONVERT = 3, T_LOSE = 4, T_RECYCLE = 5, T_CHURN = 6;

// A lead's slots (random.ts, SLOT_DRAWS): slot 0 at arrival (its kind, segment,
// noise, return from nurture, qualification and nurture times, or an initial
// account's segment, ACV and first renewal); slot 1 its ACV (ACV_SLOT); then
// PASS_SLOTS slots for each time it becomes an MQL (pass p: slots 2 + p * PASS_SLOTS
// + purpose), drawn as it reaches each step; renewal r draws from slot RENEWAL_SLOT + r.
// A purpose's numbers are the same whatever the lead drew before, and a lead lost
// early draws nothing later.
const ARRIVAL_SLOT = 0;
/**
 * A lead's ACV is the size of its company's deal, one per lead, whichever pass wins
 * it: two runs that differ in capacity and win the same lead on different passes
 * book the same ACV (common random numbers; drawn per pass, a lead recycled in one
 * run and not in the other booked unrelated ACVs).
 */
const ACV_SLOT = 1;
const FIRST_PASS_SLOT = 2;
const IS_WORK = 0, IS_U = 1, IS_PATIENCE = 2, FS_CYCLE = 3, FS_U = 4, FS_PATIENCE = 5, ABANDON_RECYCLE = 6, ONBOARD = 7, CS_PATIENCE = 8, RECYCLE = 9;
const PASS_SLOTS = 10;
/** Patience's purpose by stage. */
const PATIENCE_SLOT = [IS_PATIENCE, FS_PATIENCE, CS_PATIENCE];
/** Far above any pass's slots (a lead would need 380,000 passes to reach it), and its counter stays below 2^31. */
const RENEWAL_SLOT = 1 << 22;

/**
 * The numbers of slot `slot` of the stream with words (w1, w2): sets the stream the
 * samplers draw from (random.ts, drawFrom; handlers run synchronously, so no other
 * replication draws in between, and an observer is never called between the setting
 * and a use) and returns its Uniform, valid until the next call. One function for
 * the whole process, not a closure per replication or lead: optimised code is not
 * thrown away at a new replication's first draw ("wrong call target" in --trace-deopt).
 */
function leadSlot(w1: number, w2: number, slot: number): Uniform {
  drawFrom(w1, w2, slot * SLOT_DRAWS);
  return nextUniform;
}

/** The lead table `isWaiting` reads, set by `fill` before each take. */
let table: LeadTable;

/** The queue state of the stage whose queue `fill` takes from (see isWaiting). */
let waitingState = 0;

/** Whether lead `id` of `table` still waits in that stage under `ticket` (an entry of an earlier join is stale). */
function isWaiting(id: number, ticket: number): boolean {
  return table.state[id] === waitingState && table.ticket[id] === ticket;
}

/** Optional observers of a run, for tests and debugging. */
export interface SimulateOptions {
  /** Called for every event handled: time, kind name, lead id (or -1). */
  trace?: (t: number, kind: string, id: number) => void;
  /** Called when work on lead `id` starts at time t in department k (0 IS, 1 FS, 2 CS) after `wait` days in its queue. */
  onStart?: (t: number, k: number, id: number, wait: number) => void;
  /** Called for every change of a lead's place, as codes (see trace.ts: TraceRecorder records them). */
  transitions?: TransitionSink;
  /** Called for every change of a lead's place, as an object (one allocation each: `transitions` is cheaper). */
  onTransition?: (x: Transition) => void;
}

/** One sink calling the code sink and the object observer of `options`, or undefined when neither is asked for. */
function sinkOf(options: SimulateOptions): TransitionSink | undefined {
  const codes = options.transitions, objects = options.onTransition;
  if (!objects) return codes;
  return (t, id, kind, from, to, cause) => {
    if (codes) codes(t, id, kind, from, to, cause);
    objects(decodeTransition(t, id, kind, from, to, cause));
  };
}

/** A replication's fields that hold fractions (the time, yen): doubles from the start (see holdDoubles). */
const REPLICATION_DOUBLES = ['now', 'arr', 'arrStart', 'bookingsW', 'churnedArrW', 'expansionArrW', 'lastWeekEnd'];
/** The control sums (see ControlSums) are sums of surprises and yen: fractions, likewise. */
const CONTROL_DOUBLES = ['sqlYen', 'wonYen', 'renewalYen', 'sqls', 'won'];

/** One replication's state and event handlers. */
export class Replication {
  readonly s: Scenario;
  readonly c: CompiledScenario;
  readonly replication: number;
  readonly t0: number;
  readonly tEnd: number;
  readonly stages: Stage[];
  readonly L: LeadTable;
  /**
   * Each department's staffing in this replication (DEPARTMENT_KEYS order: Marketing, IS,
   * FS, CS), drawn before the run from the staffing streams alone (see Roster).
   */
  readonly rosters: Roster[];
  readonly events: EventQueue;
  private readonly trace: SimulateOptions['trace'];
  private readonly onStart: SimulateOptions['onStart'];
  private readonly sink: TransitionSink | undefined;
  private readonly leadStreams: LeadStreams;
  /** The lead arrival process (set by `schedule`, or copied by `fork`). */
  private arrivals: ArrivalProcess | null = null;

  /**
   * The time of the event being handled (0 while the run is scheduled): the handlers
   * read it here rather than taking it as an argument, one register less on every call.
   */
  now = 0;
  // Counters: events handled and leads created in the whole run.
  eventCount = 0;
  created = 0;
  /** Leads in nurture for good (never returning) that have no row (none has when an observer watches the leads). */
  nurturedForGood = 0;
  /** Losses by cause index: of every lead, and inside the window (accounts carried in included). */
  readonly lostAll = new Array<number>(LOSS_CAUSES.length).fill(0);
  readonly lostWindow = new Array<number>(LOSS_CAUSES.length).fill(0);
  /** ARR lost to waiting inside the window, by WAITING_COSTS index (see WaitingCostResult). */
  readonly waitingCostW = doubleList(WAITING_COSTS.length);
  readonly weeks: number;
  readonly months: number;
  readonly leadsByWeek: number[];
  readonly mqlsByWeek: number[];
  readonly sqlsByWeek: number[];
  readonly wonByWeek: number[];
  readonly bookingsByMonth: number[];
  readonly arrByMonth: number[] = doubleList();
  /** Deals Inside Sales closed itself (IS-complete segments), won or lost, in the window. */
  isClosedW = 0;
  /** IS-complete deals won (closed by Inside Sales, never in Field Sales' queue), in the window. */
  wonByIsW = 0;
  // Window counters (suffix W: inside the reporting window).
  leadsW = 0; mqlsW = 0; newMqlsW = 0; renewalsW = 0; cancelledW = 0; sqlsW = 0; wonW = 0;
  bookingsW = 0; churnedArrW = 0; expansionArrW = 0; churnedAccountsW = 0;
  /** ARR now, and at the start of the window. */
  arr = 0;
  arrStart = 0;
  readonly controls: ControlSums = { sqlYen: 0, wonYen: 0, renewalYen: 0, sqls: 0, won: 0 };
  /** Ids of active accounts (won and not churned), in no particular order. */
  readonly active: number[] = [];
  private lastWeekEnd: number;

  /**
   * Replication `replication` of compiled scenario `c`. With `parent` (see `fork`),
   * a copy of the parent's whole state at the end of its warm-up, staffed as `c` plans.
   * With `spare`, a lead table no longer in use (a finished replication's), emptied
   * and used again when it has room for the leads expected; with `spareQueue`, an
   * event queue no longer in use, emptied and used again.
   */
  constructor(c: CompiledScenario, replication: number, options: SimulateOptions = {}, parent?: Replication, spare?: LeadTable, spareQueue?: EventQueue) {
    const s = c.scenario;
    this.s = s;
    this.c = c;
    this.replication = replication;
    this.t0 = c.t0;
    this.tEnd = c.tEnd;
    this.trace = options.trace;
    this.onStart = options.onStart;
    this.sink = sinkOf(options);
    this.leadStreams = new LeadStreams(s.seed, replication);
    this.rosters = DEPARTMENT_KEYS.map((d, i) =>
      realiseRoster(c.rosters[i], c.tEnd, streamKey(s.seed, replication, `staff/${d}/base`), streamKey(s.seed, replication, `staff/${d}/hire`)),
    );
    if (parent) {
      this.stages = parent.stages.map((stage, k) => copyInto(new Stage([s.insideSales, s.fieldSales, s.customerSuccess][k].discipline, c.t0), stage));
      this.L = copyLeadTable(parent.L);
      this.events = parent.events.copy();
    } else {
      this.stages = [new Stage(s.insideSales.discipline, c.t0), new Stage(s.fieldSales.discipline, c.t0), new Stage(s.customerSuccess.discipline, c.t0)];
      // Room for the leads expected and a margin, so that the columns rarely grow.
      const rows = Math.ceil(c.expectedLeads * 1.1) + s.customerSuccess.initialAccounts + 256;
      if (spare && spare.capacity >= rows) {
        spare.reset();
        this.L = spare;
      } else this.L = createLeadTable(rows);
      // The next arrival is the one event of its kind pending: it waits in the queue's side slot.
      if (spareQueue && spareQueue.sidesWith(ARRIVAL)) {
        spareQueue.reset();
        this.events = spareQueue;
      } else this.events = new EventQueue(ARRIVAL);
    }
    this.weeks = Math.ceil(s.horizonDays / 7 - 1e-9);
    this.months = Math.ceil(s.horizonDays / MONTH_DAYS - 1e-9);
    this.leadsByWeek = new Array<number>(this.weeks).fill(0);
    this.mqlsByWeek = new Array<number>(this.weeks).fill(0);
    this.sqlsByWeek = new Array<number>(this.weeks).fill(0);
    this.wonByWeek = new Array<number>(this.weeks).fill(0);
    this.bookingsByMonth = doubleList(this.months);
    this.lastWeekEnd = c.t0;
    holdDoubles(this, REPLICATION_DOUBLES);
    holdDoubles(this.controls, CONTROL_DOUBLES);
    if (parent) this.copyCounters(parent);
  }

  /** Copies the parent's counters, window series, ARR, controls and active accounts (see fork). */
  private copyCounters(p: Replication): void {
    this.eventCount = p.eventCount;
    this.created = p.created;
    this.nurturedForGood = p.nurturedForGood;
    const copyInto = (to: number[], from: readonly number[]) => { to.length = 0; to.push(...from); };
    copyInto(this.lostAll, p.lostAll);
    copyInto(this.lostWindow, p.lostWindow);
    copyInto(this.waitingCostW, p.waitingCostW);
    copyInto(this.leadsByWeek, p.leadsByWeek);
    copyInto(this.mqlsByWeek, p.mqlsByWeek);
    copyInto(this.sqlsByWeek, p.sqlsByWeek);
    copyInto(this.wonByWeek, p.wonByWeek);
    copyInto(this.bookingsByMonth, p.bookingsByMonth);
    copyInto(this.arrByMonth, p.arrByMonth);
    copyInto(this.active, p.active);
    Object.assign(this.controls, p.controls);
    this.isClosedW = p.isClosedW; this.wonByIsW = p.wonByIsW;
    this.leadsW = p.leadsW; this.mqlsW = p.mqlsW; this.newMqlsW = p.newMqlsW; this.renewalsW = p.renewalsW; this.cancelledW = p.cancelledW;
    this.sqlsW = p.sqlsW; this.wonW = p.wonW; this.bookingsW = p.bookingsW; this.churnedArrW = p.churnedArrW;
    this.expansionArrW = p.expansionArrW; this.churnedAccountsW = p.churnedAccountsW;
    this.arr = p.arr; this.arrStart = p.arrStart;
    this.lastWeekEnd = p.lastWeekEnd;
    this.warmedUp = true;
  }

  /** Tells the transition sink that lead `id` goes from its current state to state `to` (a lost state carries its cause). */
  private note(kind: number, id: number, to: number): void {
    const t = this.now;
    const from = this.L.state[id];
    this.sink!(t, id, kind, from >= LOST ? PLACE_LOST : from, to >= LOST ? PLACE_LOST : to, to >= LOST ? to - LOST : -1);
  }

  /** Slot `slot` of lead `id`'s stream (valid until another slot is asked for). */
  private leadU(id: number, slot: number): Uniform {
    const L = this.L;
    return leadSlot(L.words[2 * id], L.words[2 * id + 1], slot);
  }

  /** Lead `id`'s numbers for `purpose` in its current pass through the departments (see PASS_SLOTS). */
  private passU(id: number, purpose: number): Uniform {
    return this.leadU(id, FIRST_PASS_SLOT + (this.L.mqlPasses[id] - 1) * PASS_SLOTS + purpose);
  }

  /** Lead `id`'s ACV, drawn on its first need (the end of its first IS work, or giving up before it) and kept for its later passes. */
  private drawAcv(id: number): number {
    const L = this.L, acv = L.acvYen[id];
    if (acv === acv) return acv;
    this.leadU(id, ACV_SLOT);
    this.c.segments[L.segment[id]].acv.draw();
    return (L.acvYen[id] = drawn[0]);
  }

  private week(t: number): number {
    return Math.min(this.weeks - 1, Math.floor((t - this.t0) / 7));
  }

  private activate(id: number): void {
    this.L.activeIndex[id] = this.active.length;
    this.active.push(id);
  }

  private deactivate(id: number): void {
    const L = this.L, active = this.active;
    const last = active.pop()!;
    if (last !== id) {
      active[L.activeIndex[id]] = last;
      L.activeIndex[last] = L.activeIndex[id];
    }
    L.activeIndex[id] = -1;
  }

  private lose(id: number, c: number, kind = T_LOSE): void {
    const t = this.now;
    const L = this.L;
    if (this.sink) this.note(kind, id, LOST + c);
    L.state[id] = LOST + c;
    if (t >= this.t0) this.lostWindow[c]++;
    // Accounts carried from before day 0 churn like any other, but they are not leads.
    if (!L.initial[id]) this.lostAll[c]++;
  }

  /** Counts `yen` of ARR lost to waiting for cause index `c` at time t, if inside the window. */
  private lostToWaiting(c: number, yen: number): void {
    const t = this.now;
    if (t >= this.t0) this.waitingCostW[c] += yen;
  }

  /** A new pass through the departments: its draws kept in the table are not drawn yet (NaN until the lead gets there). */
  private startPass(id: number): void {
    const L = this.L;
    L.mqlPasses[id]++;
    L.isWork[id] = NaN; L.isU[id] = NaN; L.fsCycle[id] = NaN; L.fsU[id] = NaN; L.onboardDays[id] = NaN;
  }

  /** Lead `id` arrives at stage k at time t: it starts at once if a slot is free, else queues (and may give up). */
  private arrive(k: number, id: number, converted: boolean): void {
    const t = this.now;
    const L = this.L;
    const stage = this.stages[k];
    stage.noteArrival(t);
    L.stage[id] = k;
    if (stage.hasRoom()) return this.start(k, id, 0, converted ? T_CONVERT : T_START);
    if (this.sink) this.note(converted ? T_CONVERT : T_QUEUE, id, queueState(k));
    L.state[id] = queueState(k);
    L.queuedAt[id] = t;
    L.ticket[id] = stage.enqueue(t, id);
    // Patience is drawn only by those who wait.
    const patience = this.c.patience[k];
    if (patience) {
      this.passU(id, PATIENCE_SLOT[k]);
      patience.draw();
      const p = drawn[0];
      if (p < Infinity) {
        L.abandonAt[id] = t + p;
        this.events.push(L.abandonAt[id], PRIORITY[ABANDON], ABANDON, id);
      }
    }
  }

  /** Work on lead `id` starts; `kind` is the transition (start, or convert when it comes straight from the stage before). */
  private start(k: number, id: number, wait: number, kind: number): void {
    const t = this.now;
    const L = this.L;
    const speed = this.stages[k].start(t, wait, id);
    // The work time is drawn as the work starts (before the observers, which might run another replication).
    let work: number;
    if (k === IS) {
      this.passU(id, IS_WORK);
      this.c.segments[L.segment[id]].isWork.draw();
      work = L.isWork[id] = drawn[0];
    } else if (k === FS) {
      this.passU(id, FS_CYCLE);
      this.c.segments[L.segment[id]].cycle.draw();
      work = L.fsCycle[id] = drawn[0];
    } else {
      this.passU(id, ONBOARD);
      this.c.onboarding.draw();
      work = L.onboardDays[id] = drawn[0];
    }
    if (this.onStart) this.onStart(t, k, id, wait);
    if (this.sink) this.note(kind, id, serviceState(k));
    L.state[id] = serviceState(k);
    L.waitedDays[id] = wait;
    L.abandonAt[id] = Infinity;
    // A part-time slot works at its speed (staffing.ts, capacityAt); the lead's draw stays the same.
    this.events.push(t + (speed === 1 ? work : work / speed), PRIORITY[SERVICE_END], SERVICE_END, id);
  }

  /** Starts waiting items of stage k while slots are free. */
  private fill(k: number): void {
    const t = this.now;
    const stage = this.stages[k];
    while (stage.hasRoom()) {
      // Set before each take: start() calls the observers, which might run another replication.
      table = this.L;
      waitingState = queueState(k);
      const id = stage.dequeue(t, isWaiting);
      if (id < 0) return;
      this.start(k, id, t - this.L.queuedAt[id], T_START);
    }
  }

  private recycle(id: number, stage: Stage): void {
    const t = this.now;
    const L = this.L, c = this.c;
    stage.noteRecycled(t);
    if (this.sink) this.note(T_RECYCLE, id, NURTURE);
    L.state[id] = NURTURE;
    L.stage[id] = -1;
    const u = this.passU(id, RECYCLE);
    if (u() < this.s.marketing.nurtureReturnShare) {
      c.nurture.draw();
      this.events.push(t + drawn[0], PRIORITY[MQL_READY], MQL_READY, id);
    }
  }

  private win(id: number): void {
    const t = this.now;
    const L = this.L;
    if (t >= this.t0) {
      this.wonW++;
      this.wonByWeek[this.week(t)]++;
      this.bookingsW += L.acvYen[id];
      this.bookingsByMonth[Math.min(this.months - 1, Math.floor((t - this.t0) / MONTH_DAYS))] += L.acvYen[id];
    }
    L.arrYen[id] = L.acvYen[id];
    this.arr += L.arrYen[id];
    this.activate(id);
    this.events.push(t + this.c.contractDays, PRIORITY[RENEWAL], RENEWAL, id);
    this.arrive(CS, id, true);
  }

  /** Adds a win decision taken with probability `p` to the control sums. */
  private noteWinDecision(id: number, won: boolean, p: number): void {
    const t = this.now;
    const surprise = (won ? 1 : 0) - p;
    this.controls.wonYen += surprise * this.L.acvYen[id];
    if (t >= this.t0) this.controls.won += surprise;
  }

  private endInsideSales(id: number): void {
    const t = this.now;
    const L = this.L, c = this.c, s = this.s;
    const g: CompiledSegment = c.segments[L.segment[id]];
    const p0 = L.noise[id] ? 0 : g.sqlRate;
    const draws = this.passU(id, IS_U);
    const u = (L.isU[id] = draws()), recycleU = draws();
    const p = p0 * c.isDecay(L.waitedDays[id]);
    const converted = u < p;
    const surprise = (converted ? 1 : 0) - p;
    this.controls.sqlYen += surprise * g.winRate * this.drawAcv(id);
    if (t >= this.t0) this.controls.sqls += surprise;
    this.stages[IS].finish(t, converted, L.isWork[id], id);
    L.stage[id] = -1;
    if (converted) {
      if (t >= this.t0) { this.sqlsW++; this.sqlsByWeek[this.week(t)]++; }
      if (!g.skipFieldSales) return this.arrive(FS, id, true);
      // IS-complete: Inside Sales closes the deal itself, with no Field Sales queue.
      if (t >= this.t0) this.isClosedW++;
      const fsDraws = this.passU(id, FS_U);
      const won = (L.fsU[id] = fsDraws()) < g.winRate;
      const fsRecycleU = fsDraws();
      this.noteWinDecision(id, won, g.winRate);
      if (won) {
        if (t >= this.t0) this.wonByIsW++;
        return this.win(id);
      }
      return fsRecycleU < s.fieldSales.recycleShare ? this.recycle(id, this.stages[IS]) : this.lose(id, LOST_DEAL);
    }
    if (recycleU < s.insideSales.recycleShare) return this.recycle(id, this.stages[IS]);
    // Counterfactual with the same draw: would it have converted with no wait? Then it
    // was an SQL lost to waiting, worth its expected ARR as an SQL.
    if (u < p0) this.lostToWaiting(COST_WENT_COLD, g.winRate * L.acvYen[id]);
    this.lose(id, u < p0 ? LOST_IS_COLD : LOST_IS_DISQUALIFIED);
  }

  private endFieldSales(id: number): void {
    const t = this.now;
    const L = this.L;
    const p0 = this.c.segments[L.segment[id]].winRate;
    const draws = this.passU(id, FS_U);
    const u = (L.fsU[id] = draws()), recycleU = draws();
    const p = p0 * this.c.fsDecay(L.waitedDays[id]);
    const won = u < p;
    this.noteWinDecision(id, won, p);
    this.stages[FS].finish(t, won, L.fsCycle[id], id);
    L.stage[id] = -1;
    if (won) return this.win(id);
    if (recycleU < this.s.fieldSales.recycleShare) return this.recycle(id, this.stages[FS]);
    // Won with no wait, by the same draw: a deal lost to waiting, worth its ACV.
    if (u < p0) this.lostToWaiting(COST_STALLED, L.acvYen[id]);
    this.lose(id, u < p0 ? LOST_FS_COLD : LOST_DEAL);
  }

  private endOnboarding(id: number): void {
    const t = this.now;
    const L = this.L;
    const churned = L.state[id] >= LOST;
    this.stages[CS].finish(t, !churned, L.onboardDays[id], id);
    L.stage[id] = -1;
    if (churned) return;
    if (this.sink) this.note(T_CONVERT, id, CUSTOMER);
    L.state[id] = CUSTOMER;
  }

  private renew(id: number): void {
    const t = this.now;
    const L = this.L, cs = this.s.customerSuccess;
    if (L.state[id] >= LOST) return;
    const heads = productiveAt(this.rosters[1 + CS], t);
    const coverage = heads > 0 ? this.active.length / (heads * cs.accountsPerHead) : Infinity;
    // Guarded so that no CSMs (coverage Infinity) with no overload effect is not 0 x Infinity = NaN.
    let p = cs.churnRate + (cs.overloadChurnPerUnit > 0 && coverage > 1 ? cs.overloadChurnPerUnit * (coverage - 1) : 0);
    // Churn below this is base churn or overload's; above it, up to p, the onboarding wait's.
    const pOverload = p;
    if (L.renewals[id] === 0) {
      // An onboarding that waited (or is still waiting) raises the first renewal's churn.
      const waited = L.state[id] === queueState(CS) ? t - L.queuedAt[id] : L.onboardWaitDays[id];
      p += Math.min(cs.onboardingWaitChurnMax, cs.onboardingWaitChurnPerDay * waited);
    }
    const rng = this.leadU(id, RENEWAL_SLOT + L.renewals[id]);
    const u = rng();
    L.renewals[id]++;
    const inWindow = t >= this.t0;
    if (inWindow) this.renewalsW++;
    // Expected ARR change at this renewal: churn with p (at most 1), else expand with its rate and mean share.
    const arrBefore = L.arrYen[id];
    const pChurn = Math.min(1, p);
    this.controls.renewalYen -= arrBefore * ((1 - pChurn) * cs.expansionRate * this.c.expansion.mean - pChurn);
    if (u < p) {
      this.controls.renewalYen -= arrBefore;
      if (inWindow) { this.churnedArrW += L.arrYen[id]; this.churnedAccountsW++; }
      this.arr -= L.arrYen[id];
      this.deactivate(id);
      if (L.state[id] === queueState(CS)) this.stages[CS].withdraw(t, t - L.queuedAt[id]);
      // The loss cause keeps naming all churn above the base rate overload's; the waiting cost tells overload from onboarding waits.
      if (u >= cs.churnRate) this.lostToWaiting(u < pOverload ? COST_CHURN_OVERLOAD : COST_CHURN_ONBOARDING, L.arrYen[id]);
      this.lose(id, u < cs.churnRate ? CHURN_BASE : CHURN_OVERLOAD, T_CHURN);
      return;
    }
    if (rng() < cs.expansionRate) {
      this.c.expansion.draw();
      const delta = L.arrYen[id] * drawn[0];
      L.arrYen[id] += delta;
      this.arr += delta;
      this.controls.renewalYen += delta;
      if (inWindow) this.expansionArrW += delta;
    }
    this.events.push(t + this.c.contractDays, PRIORITY[RENEWAL], RENEWAL, id);
  }

  private newLead(): void {
    const t = this.now;
    const c = this.c, m = this.s.marketing;
    const index = this.created++;
    const w1 = this.leadStreams.word1(index), w2 = this.leadStreams.word2(index);
    const u = leadSlot(w1, w2, ARRIVAL_SLOT);
    const kindU = u();
    const buyingNow = kindU < m.mix.buyingNow;
    const later = !buyingNow && kindU < m.mix.buyingNow + m.mix.later;
    // Whether it ever becomes an MQL: buying now; later, if it returns from nurture; never, if marketing passes it on as noise.
    const enters = buyingNow || (later ? u() < m.nurtureReturnShare : u() < m.mqlNoiseShare);
    if (t >= this.t0) { this.leadsW++; this.leadsByWeek[this.week(t)]++; }
    if (!enters && !this.sink) {
      // Its fate is decided on arrival (nurtured for good, or lost as never a buyer): counted, with no row.
      if (later) this.nurturedForGood++;
      else {
        this.lostAll[LOST_NOT_QUALIFIED]++;
        if (t >= this.t0) this.lostWindow[LOST_NOT_QUALIFIED]++;
      }
      return;
    }
    let segment = 0;
    if (enters && c.segments.length > 1) {
      const segmentU = u();
      while (segment < c.segments.length - 1 && segmentU >= c.segmentCut[segment]) segment++;
    }
    let mqlAt = Infinity;
    if (enters) {
      mqlAt = t;
      if (later) {
        c.nurture.draw();
        mqlAt = t + drawn[0];
      }
      c.qualification.draw();
      mqlAt += drawn[0];
    }
    const L = this.L;
    const id = addLead(L, w1, w2);
    L.segment[id] = segment;
    L.noise[id] = enters && !buyingNow && !later ? 1 : 0;
    L.acvYen[id] = NaN; // not drawn yet (drawAcv)
    // Only with an observer does a lead decided on arrival get a row (and an id to be seen by).
    if (this.sink) this.sink(t, id, T_ARRIVE, PLACE_NEW, later ? NURTURE : 0, -1);
    if (later) L.state[id] = NURTURE;
    if (enters) this.events.push(mqlAt, PRIORITY[MQL_READY], MQL_READY, id);
    else if (!later) this.lose(id, LOST_NOT_QUALIFIED);
  }

  private mqlReady(id: number): void {
    const t = this.now;
    const L = this.L;
    if (t >= this.t0) {
      this.mqlsW++;
      this.mqlsByWeek[this.week(t)]++;
      if (L.mqlPasses[id] === 0) this.newMqlsW++;
    }
    this.startPass(id);
    this.arrive(IS, id, false);
  }

  private abandon(id: number): void {
    const t = this.now;
    const L = this.L;
    const k = L.stage[id];
    if (k < 0 || L.state[id] !== queueState(k) || L.abandonAt[id] !== t) return; // stale: already started
    const stage = this.stages[k];
    stage.giveUp(t, t - L.queuedAt[id]);
    L.stage[id] = -1;
    L.abandonAt[id] = Infinity;
    if (k === CS) {
      // A won deal that never got onboarded cancels: its ARR goes.
      this.arr -= L.arrYen[id];
      // A lost logo and lost ARR alike, and a decision for the logo churn rate.
      if (t >= this.t0) { this.churnedArrW += L.arrYen[id]; this.churnedAccountsW++; this.cancelledW++; }
      this.lostToWaiting(COST_CHURN_ONBOARDING, L.arrYen[id]);
      this.deactivate(id);
      return this.lose(id, LOST_CS_ABANDONED, T_CHURN);
    }
    const share = this.c.abandonRecycleShare[k];
    if (share > 0 && this.passU(id, ABANDON_RECYCLE)() < share) return this.recycle(id, stage);
    // Gave up waiting: worth what the same draws say it would have become with no wait
    // (an SQL at its expected ARR for IS, a won deal's ACV for FS), else nothing.
    const g = this.c.segments[L.segment[id]];
    if (k === IS) {
      if ((L.isU[id] = this.passU(id, IS_U)()) < (L.noise[id] ? 0 : g.sqlRate)) this.lostToWaiting(COST_NEVER_CONTACTED, g.winRate * this.drawAcv(id));
    } else if ((L.fsU[id] = this.passU(id, FS_U)()) < g.winRate) this.lostToWaiting(COST_STALLED, L.acvYen[id]);
    this.lose(id, ABANDON_CAUSE[k]);
  }

  /**
   * Stage k's slots follow its productive headcount. When people leave, slots fall
   * at once but work in progress is not interrupted: colleagues take it over (the
   * department takes no new item until its busy slots fall below its capacity), so
   * no item returns to the queue and no lead's draw is spent twice.
   */
  private updateCapacity(k: number): void {
    const t = this.now;
    const { slots, partSpeed } = capacityAt(this.rosters[1 + k], t, this.c.concurrent[k]);
    this.stages[k].setSlots(t, slots, partSpeed);
    this.fill(k);
  }

  /** Schedules the run's first events: the initial book, capacity changes, week and month ends, the first arrival. */
  private schedule(): void {
    const L = this.L, c = this.c, s = this.s, events = this.events;
    const { t0, tEnd, contractDays, segments, segmentCut } = c;
    // Initial book: accounts carried at day 0 of the run, renewals spread over the term.
    const accounts = new LeadStreams(s.seed, this.replication, 'account');
    const cohortStart = Math.max(t0, tEnd - 365);
    for (let i = 0; i < s.customerSuccess.initialAccounts; i++) {
      const id = addLead(L, accounts.word1(i), accounts.word2(i));
      L.initial[id] = 1;
      if (this.sink) this.sink(0, id, T_ARRIVE, PLACE_NEW, CUSTOMER, -1);
      const u = this.leadU(id, ARRIVAL_SLOT);
      L.state[id] = CUSTOMER;
      L.renewals[id] = 1;
      // The book carried in has the deal mix of the segments (an IS-complete SMB book
      // is priced at SMB ACV, not at Field Sales'); one segment draws no segment number.
      let segment = 0;
      if (segments.length > 1) {
        const segmentU = u();
        while (segment < segments.length - 1 && segmentU >= segmentCut[segment]) segment++;
      }
      L.segment[id] = segment;
      segments[segment].acv.draw();
      L.arrYen[id] = drawn[0];
      this.arr += L.arrYen[id];
      this.activate(id);
      events.push(u() * contractDays, PRIORITY[RENEWAL], RENEWAL, id);
    }

    // Capacity: at time 0 and whenever the hiring plan changes it.
    this.now = 0;
    for (let k = 0; k < 3; k++) {
      this.updateCapacity(k);
      for (const t of rosterUpdateTimes(this.rosters[1 + k], tEnd)) if (t > 0) events.push(t, PRIORITY[CAPACITY], CAPACITY, k);
    }
    for (let w = 1; t0 + 7 * w < tEnd - 1e-9; w++) events.push(t0 + 7 * w, PRIORITY[WEEK_END], WEEK_END, -1);
    for (let mo = 1; t0 + MONTH_DAYS * mo < tEnd - 1e-9; mo++) events.push(t0 + MONTH_DAYS * mo, PRIORITY[MONTH_END], MONTH_END, -1);
    events.push(cohortStart, PRIORITY[COHORT], COHORT, -1);
    if (t0 === 0) this.arrStart = this.arr;
    else events.push(t0, PRIORITY[MONTH_END], MONTH_END, -2);

    this.arrivals = new ArrivalProcess(leadRate(s, this.rosters[0]), tEnd, replicationStream(s.seed, this.replication, 'arrivals'), t0);
    const firstArrival = this.arrivals.next();
    if (firstArrival < Infinity) events.push(firstArrival, PRIORITY[ARRIVAL], ARRIVAL, -1);
  }

  /** Whether the run has been scheduled and has handled every event before t0 (then it may be forked). */
  private warmedUp = false;
  private scheduled = false;

  /** Schedules the run and handles every event before t0, the end of the warm-up. */
  warmUp(): void {
    if (this.scheduled) throw new Error('Replication.warmUp: the run has already started');
    this.schedule();
    this.scheduled = true;
    this.handle(this.t0, false);
    this.warmedUp = true;
  }

  /**
   * A copy of this replication at the end of its warm-up (after warmUp, before
   * run), staffed as compiled scenario `arm` plans from t0 on: the lead table,
   * stages, event queue, counters and the arrival process are copied, the rosters
   * are the arm's (drawn with the same streams: identical before t0), the capacity
   * events are the arm's, and the arrival process resumes from its last state
   * before t0 at the arm's lead rate. Run to its horizon, it gives exactly what a
   * run of `arm` from the start gives, when `arm` shares this warm-up (see
   * sharesWarmup in src/engine/fork.ts). Observers are not carried over.
   */
  fork(arm: CompiledScenario): Replication {
    if (!this.warmedUp || this.finished || this.eventCount !== this.warmUpEvents) throw new Error('Replication.fork: fork after warmUp and before run');
    const f = new Replication(arm, this.replication, {}, this);
    const events = f.events;
    // Capacity follows the arm's rosters from t0 on: every capacity event left is at t0 or later.
    events.removeKind(CAPACITY);
    for (let k = 0; k < 3; k++) for (const t of rosterUpdateTimes(f.rosters[1 + k], f.tEnd)) if (t >= f.t0) events.push(t, PRIORITY[CAPACITY], CAPACITY, k);
    // Arrivals at the arm's rate, from the last state before t0 (the draws it had made are replayed).
    const mark = this.arrivals!.mark;
    const u = replicationStream(arm.scenario.seed, this.replication, 'arrivals');
    for (let n = 0; n < mark.draws; n++) u();
    f.arrivals = new ArrivalProcess(leadRate(arm.scenario, f.rosters[0]), f.tEnd, u, Infinity, mark);
    const next = f.arrivals.next();
    if (!events.retimeKind(ARRIVAL, next) && next < Infinity) events.push(next, PRIORITY[ARRIVAL], ARRIVAL, -1);
    f.scheduled = true;
    f.warmUpEvents = f.eventCount;
    return f;
  }

  /** Events handled when warmUp ended (a fork must be made before the run goes on). */
  private warmUpEvents = -1;
  private finished = false;

  /** Runs the replication to its horizon, then closes the last week and month and counts those still waiting. */
  run(): void {
    if (!this.scheduled) {
      this.schedule();
      this.scheduled = true;
    }
    this.handle(this.tEnd, true);
    this.finish();
  }

  /** Handles events in time order up to `until` (inclusive or not). */
  private handle(until: number, inclusive: boolean): void {
    const L = this.L, events = this.events, stages = this.stages, trace = this.trace, arrivals = this.arrivals!;
    // `until` is finite, so an empty queue ends the loop.
    while (events.popUntil(until, inclusive)) {
      const t = events.poppedTime, kind = events.poppedKind, id = events.poppedArg;
      this.now = t;
      this.eventCount++;
      if (trace) trace(t, KIND_NAMES[kind], id);
      switch (kind) {
        case ARRIVAL: {
          this.newLead();
          const next = arrivals.next();
          if (next < Infinity) events.push(next, PRIORITY[ARRIVAL], ARRIVAL, -1);
          break;
        }
        case MQL_READY:
          this.mqlReady(id);
          break;
        case SERVICE_END: {
          const k = L.stage[id];
          if (k === IS) this.endInsideSales(id);
          else if (k === FS) this.endFieldSales(id);
          else {
            L.onboardWaitDays[id] = L.waitedDays[id];
            this.endOnboarding(id);
          }
          this.fill(k);
          break;
        }
        case ABANDON:
          this.abandon(id);
          break;
        case RENEWAL:
          this.renew(id);
          break;
        case CAPACITY:
          this.updateCapacity(id);
          break;
        case WEEK_END:
          for (const stage of stages) stage.closeWeek(t, t - this.lastWeekEnd);
          this.lastWeekEnd = t;
          break;
        case MONTH_END:
          if (id === -2) this.arrStart = this.arr;
          else this.arrByMonth.push(this.arr);
          break;
        case COHORT:
          for (const a of this.active) L.cohortArrYen[a] = L.arrYen[a];
          break;
      }
    }
    if (!inclusive) this.warmUpEvents = this.eventCount;
  }

  /** Closes the last week and month and counts those still waiting at the horizon. */
  private finish(): void {
    const L = this.L, stages = this.stages, tEnd = this.tEnd;
    this.finished = true;
    // Close the last (possibly partial) week and month at the horizon.
    if (tEnd - this.lastWeekEnd > 1e-9) for (const stage of stages) stage.closeWeek(tEnd, tEnd - this.lastWeekEnd);
    this.arrByMonth.push(this.arr);
    // Items still waiting at the horizon count their wait so far (Little's law).
    for (let id = 0; id < L.size; id++) {
      if (L.stage[id] >= 0 && L.state[id] === queueState(L.stage[id])) stages[L.stage[id]].noteStillWaiting(tEnd, tEnd - L.queuedAt[id]);
    }
  }
}

/** A copy of lead table `L` (every column copied, so the copy's leads go their own way). */
function copyLeadTable(L: LeadTable): LeadTable {
  const copy = new LeadTable(0) as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(L)) copy[key] = ArrayBuffer.isView(value) ? (value as Float64Array).slice() : value;
  return copy as unknown as LeadTable;
}

/** Overwrites every field of `target` with a deep copy of `source`'s (a fresh instance keeps its class's shape). */
function copyInto<T extends object>(target: T, source: T): T {
  const t = target as Record<string, unknown>;
  for (const [key, value] of Object.entries(source)) t[key] = deepCopy(value);
  return target;
}

/** A deep copy of plain data and class instances (typed arrays, arrays, objects; prototypes kept, functions shared). */
function deepCopy<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  if (ArrayBuffer.isView(v)) return (v as unknown as Float64Array).slice() as unknown as T;
  if (Array.isArray(v)) return v.map(deepCopy) as unknown as T;
  const copy = Object.create(Object.getPrototypeOf(v)) as Record<string, unknown>;
  for (const [key, value] of Object.entries(v)) copy[key] = deepCopy(value);
  return copy as T;
}
