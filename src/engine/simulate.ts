/**
 * One replication of The Model: leads arrive from Marketing, qualify or nurture,
 * queue for Inside Sales, Field Sales and Customer Success, convert or are lost,
 * and won accounts renew, expand or churn. Pure: no DOM, no workers, no globals.
 */
import type { Scenario } from '../scenario/types.ts';
import { compileDist, type Distribution } from './distributions.ts';
import { compileDecay, type Decay } from './decay.ts';
import { EventQueue } from './eventQueue.ts';
import { Stage } from './stage.ts';
import { arrivalTimes, leadRate, MONTH_DAYS } from './arrivals.ts';
import { itemStream, LeadStreams, replicationStream, streamKey } from './random.ts';
import { capacityUpdateTimes, effectiveHeadcount, paidPersonDays, staffPlan, type StaffPlan } from './staffing.ts';
import { createLeadTable, addLead } from './leadTable.ts';
import { LIVE_STATES, LOSS_CAUSES, type ControlSums, type LiveState, type LossCause, type ReplicationResult } from './results.ts';

// Event kinds, and their priority at equal times: capacity first, then releases
// before seizes (a finishing item frees its slot before a newcomer asks for one).
const CAPACITY = 0, SERVICE_END = 1, ABANDON = 2, ARRIVAL = 3, MQL_READY = 4, RENEWAL = 5, WEEK_END = 6, MONTH_END = 7, COHORT = 8;
const PRIORITY = [0, 1, 2, 3, 3, 4, 5, 5, 5];

// Lead states: live states are indices of LIVE_STATES; lost states are LOST + cause index.
// State 0, 'marketing' (not yet an MQL), is a new row's default in the lead table.
const NURTURE = 1, CUSTOMER = 8, LOST = 100;
const queueState = (k: number) => 2 + 2 * k;
const serviceState = (k: number) => 3 + 2 * k;
const IS = 0, FS = 1, CS = 2;
const cause = (c: LossCause) => LOSS_CAUSES.indexOf(c);
const LOST_IS_ABANDONED = cause('isAbandoned'), LOST_IS_COLD = cause('isCold'), LOST_IS_DISQUALIFIED = cause('isDisqualified');
const LOST_FS_ABANDONED = cause('fsAbandoned'), LOST_FS_COLD = cause('fsCold'), LOST_DEAL = cause('dealLost');
const LOST_CS_ABANDONED = cause('csAbandoned'), LOST_NOT_QUALIFIED = cause('notQualified');
const CHURN_BASE = cause('churnBase'), CHURN_OVERLOAD = cause('churnOverload');
const ABANDON_CAUSE = [LOST_IS_ABANDONED, LOST_FS_ABANDONED, LOST_CS_ABANDONED];

/** A segment with its distributions compiled. */
interface CompiledSegment {
  share: number;
  sqlRate: number;
  winRate: number;
  skipFieldSales: boolean;
  isWork: Distribution;
  cycle: Distribution;
  acv: Distribution;
}

/** Optional observers of a run, for tests and debugging. */
export interface SimulateOptions {
  /** Called for every event handled: time, kind name, lead id (or -1). */
  trace?: (t: number, kind: string, id: number) => void;
  /** Called when work on lead `id` starts at time t in department k (0 IS, 1 FS, 2 CS) after `wait` days in its queue. */
  onStart?: (t: number, k: number, id: number, wait: number) => void;
}

const KIND_NAMES = ['capacity', 'serviceEnd', 'abandon', 'arrival', 'mqlReady', 'renewal', 'weekEnd', 'monthEnd', 'cohort'];
const STAGE_KEYS = ['insideSales', 'fieldSales', 'customerSuccess'] as const;

/** Runs replication `replication` of scenario `s` and returns its measures. */
export function simulateReplication(s: Scenario, replication: number, options: SimulateOptions = {}): ReplicationResult {
  const trace = options.trace, onStart = options.onStart;
  const t0 = s.warmupDays;
  const tEnd = s.warmupDays + s.horizonDays;
  const m = s.marketing, cs = s.customerSuccess;
  const contractDays = cs.contractMonths * MONTH_DAYS;

  // Compiled configuration.
  const qualification = compileDist(m.qualificationDays);
  const nurture = compileDist(m.nurtureDays);
  const segments: CompiledSegment[] = (s.segments.length ? s.segments : [
    { name: 'all', share: 1, sqlRate: s.insideSales.sqlRate, winRate: s.fieldSales.winRate, cycleDays: s.fieldSales.cycleDays, acvYen: s.fieldSales.acvYen, skipFieldSales: false, isWorkDays: s.insideSales.workDays },
  ]).map((g) => ({ share: g.share, sqlRate: g.sqlRate, winRate: g.winRate, skipFieldSales: g.skipFieldSales, isWork: compileDist(g.isWorkDays), cycle: compileDist(g.cycleDays), acv: compileDist(g.acvYen) }));
  const segmentCut = segments.map((_, i) => segments.slice(0, i + 1).reduce((a, g) => a + g.share, 0));
  const patience = [s.insideSales.patienceDays, s.fieldSales.patienceDays, cs.patienceDays].map((p) => (p === null ? null : compileDist(p)));
  const abandonRecycleShare = [s.insideSales.abandonRecycleShare, s.fieldSales.abandonRecycleShare, 0];
  const isDecay: Decay = compileDecay(s.insideSales.decay);
  const fsDecay: Decay = compileDecay(s.fieldSales.decay);
  const onboarding = compileDist(cs.onboardingDays);
  const expansion = compileDist(cs.expansionShare);
  const plans: StaffPlan[] = STAGE_KEYS.map((k) => staffPlan(s[k].headcount, s.hiring, k, t0));
  const concurrent = STAGE_KEYS.map((k) => s[k].concurrentPerHead);
  const stages = [new Stage(s.insideSales.discipline, t0), new Stage(s.fieldSales.discipline, t0), new Stage(cs.discipline, t0)];

  // Random streams.
  const arrivalStream = replicationStream(s.seed, replication, 'arrivals');
  const leadStreams = new LeadStreams(s.seed, replication);
  const accountKey = streamKey(s.seed, replication, 'account');

  // State.
  const L = createLeadTable();
  const events = new EventQueue();
  let eventCount = 0;
  let created = 0;
  const lostAll = new Array<number>(LOSS_CAUSES.length).fill(0);
  const lostWindow = new Array<number>(LOSS_CAUSES.length).fill(0);
  const weeks = Math.ceil(s.horizonDays / 7 - 1e-9);
  const months = Math.ceil(s.horizonDays / MONTH_DAYS - 1e-9);
  const leadsByWeek = new Array<number>(weeks).fill(0);
  const mqlsByWeek = new Array<number>(weeks).fill(0);
  const sqlsByWeek = new Array<number>(weeks).fill(0);
  const wonByWeek = new Array<number>(weeks).fill(0);
  const bookingsByMonth = new Array<number>(months).fill(0);
  const arrByMonth: number[] = [];
  /** Deals Inside Sales closed itself (IS-complete segments), won or lost, in the window. */
  let isClosedW = 0;
  let leadsW = 0, mqlsW = 0, newMqlsW = 0, renewalsW = 0, cancelledW = 0, sqlsW = 0, wonW = 0, bookingsW = 0, churnedArrW = 0, expansionArrW = 0, churnedAccountsW = 0;
  let arr = 0, arrStart = 0;
  const controls: ControlSums = { sqlYen: 0, wonYen: 0, renewalYen: 0, sqls: 0, won: 0 };
  /** Ids of active accounts (won and not churned), in no particular order. */
  const active: number[] = [];

  const week = (t: number) => Math.min(weeks - 1, Math.floor((t - t0) / 7));
  const inWindow = (t: number) => t >= t0;

  function activate(id: number): void {
    L.activeIndex[id] = active.length;
    active.push(id);
  }
  function deactivate(id: number): void {
    const last = active.pop()!;
    if (last !== id) {
      active[L.activeIndex[id]] = last;
      L.activeIndex[last] = L.activeIndex[id];
    }
    L.activeIndex[id] = -1;
  }

  function lose(id: number, c: number, t: number): void {
    L.state[id] = LOST + c;
    if (inWindow(t)) lostWindow[c]++;
    // Accounts carried from before day 0 churn like any other, but they are not leads.
    if (!L.initial[id]) lostAll[c]++;
  }

  /** Draws what one pass through the departments needs, in a fixed order (common random numbers). */
  function drawPass(id: number): void {
    const u = L.rng[id], g = segments[L.segment[id]];
    L.isWork[id] = g.isWork.sample(u);
    L.isU[id] = u();
    L.isRecycleU[id] = u();
    L.isPatience[id] = patience[IS] ? patience[IS].sample(u) : Infinity;
    L.fsCycle[id] = g.cycle.sample(u);
    L.fsU[id] = u();
    L.fsRecycleU[id] = u();
    L.fsPatience[id] = patience[FS] ? patience[FS].sample(u) : Infinity;
    L.abandonRecycleU[id] = u();
    L.acvYen[id] = g.acv.sample(u);
    L.onboardDays[id] = onboarding.sample(u);
    L.csPatience[id] = patience[CS] ? patience[CS].sample(u) : Infinity;
  }

  function arrive(k: number, id: number, t: number): void {
    const stage = stages[k];
    stage.noteArrival(t);
    L.stage[id] = k;
    if (stage.hasRoom()) return start(k, id, t, 0);
    L.state[id] = queueState(k);
    L.queuedAt[id] = t;
    L.ticket[id] = stage.enqueue(t, id);
    const p = k === IS ? L.isPatience[id] : k === FS ? L.fsPatience[id] : L.csPatience[id];
    if (p < Infinity) {
      L.abandonAt[id] = t + p;
      events.push(L.abandonAt[id], PRIORITY[ABANDON], ABANDON, id);
    }
  }

  function start(k: number, id: number, t: number, wait: number): void {
    stages[k].start(t, wait);
    if (onStart) onStart(t, k, id, wait);
    L.state[id] = serviceState(k);
    L.waitedDays[id] = wait;
    L.abandonAt[id] = Infinity;
    const work = k === IS ? L.isWork[id] : k === FS ? L.fsCycle[id] : L.onboardDays[id];
    events.push(t + work, PRIORITY[SERVICE_END], SERVICE_END, id);
  }

  /** Starts waiting items while slots are free. */
  const waitingIn = [0, 1, 2].map((k) => (i: number, ticket: number) => L.state[i] === queueState(k) && L.ticket[i] === ticket);
  function fill(k: number, t: number): void {
    const stage = stages[k];
    while (stage.hasRoom()) {
      const id = stage.dequeue(t, waitingIn[k]);
      if (id < 0) return;
      start(k, id, t, t - L.queuedAt[id]);
    }
  }

  function recycle(id: number, stage: Stage, t: number): void {
    stage.noteRecycled(t);
    L.state[id] = NURTURE;
    L.stage[id] = -1;
    const u = L.rng[id];
    if (u() < m.nurtureReturnShare) events.push(t + nurture.sample(u), PRIORITY[MQL_READY], MQL_READY, id);
    else nurture.sample(u); // keep the lead's stream in step either way
  }

  function win(id: number, t: number): void {
    if (inWindow(t)) {
      wonW++;
      wonByWeek[week(t)]++;
      bookingsW += L.acvYen[id];
      bookingsByMonth[Math.min(months - 1, Math.floor((t - t0) / MONTH_DAYS))] += L.acvYen[id];
    }
    L.arrYen[id] = L.acvYen[id];
    arr += L.arrYen[id];
    activate(id);
    events.push(t + contractDays, PRIORITY[RENEWAL], RENEWAL, id);
    arrive(CS, id, t);
  }

  /** Adds a win decision taken with probability `p` to the control sums. */
  function noteWinDecision(id: number, won: boolean, p: number, t: number): void {
    const surprise = (won ? 1 : 0) - p;
    controls.wonYen += surprise * L.acvYen[id];
    if (inWindow(t)) controls.won += surprise;
  }

  function endInsideSales(id: number, t: number): void {
    const g = segments[L.segment[id]];
    const p0 = L.noise[id] ? 0 : g.sqlRate;
    const u = L.isU[id];
    const p = p0 * isDecay(L.waitedDays[id]);
    const converted = u < p;
    const surprise = (converted ? 1 : 0) - p;
    controls.sqlYen += surprise * g.winRate * L.acvYen[id];
    if (inWindow(t)) controls.sqls += surprise;
    stages[IS].finish(t, converted, L.isWork[id]);
    L.stage[id] = -1;
    if (converted) {
      if (inWindow(t)) { sqlsW++; sqlsByWeek[week(t)]++; }
      if (!g.skipFieldSales) return arrive(FS, id, t);
      // IS-complete: Inside Sales closes the deal itself, with no Field Sales queue.
      if (inWindow(t)) isClosedW++;
      const won = L.fsU[id] < g.winRate;
      noteWinDecision(id, won, g.winRate, t);
      if (won) return win(id, t);
      return L.fsRecycleU[id] < s.fieldSales.recycleShare ? recycle(id, stages[IS], t) : lose(id, LOST_DEAL, t);
    }
    if (L.isRecycleU[id] < s.insideSales.recycleShare) return recycle(id, stages[IS], t);
    // Counterfactual with the same draw: would it have converted with no wait?
    lose(id, u < p0 ? LOST_IS_COLD : LOST_IS_DISQUALIFIED, t);
  }

  function endFieldSales(id: number, t: number): void {
    const p0 = segments[L.segment[id]].winRate;
    const u = L.fsU[id];
    const p = p0 * fsDecay(L.waitedDays[id]);
    const won = u < p;
    noteWinDecision(id, won, p, t);
    stages[FS].finish(t, won, L.fsCycle[id]);
    L.stage[id] = -1;
    if (won) return win(id, t);
    if (L.fsRecycleU[id] < s.fieldSales.recycleShare) return recycle(id, stages[FS], t);
    lose(id, u < p0 ? LOST_FS_COLD : LOST_DEAL, t);
  }

  function endOnboarding(id: number, t: number): void {
    const churned = L.state[id] >= LOST;
    stages[CS].finish(t, !churned, L.onboardDays[id]);
    L.stage[id] = -1;
    if (!churned) L.state[id] = CUSTOMER;
  }

  function renew(id: number, t: number): void {
    if (L.state[id] >= LOST) return;
    const heads = effectiveHeadcount(plans[CS], t);
    const coverage = heads > 0 ? active.length / (heads * cs.accountsPerHead) : Infinity;
    // Guarded so that no CSMs (coverage Infinity) with no overload effect is not 0 x Infinity = NaN.
    let p = cs.churnRate + (cs.overloadChurnPerUnit > 0 && coverage > 1 ? cs.overloadChurnPerUnit * (coverage - 1) : 0);
    if (L.renewals[id] === 0) {
      // An onboarding that waited (or is still waiting) raises the first renewal's churn.
      const waited = L.state[id] === queueState(CS) ? t - L.queuedAt[id] : L.onboardWaitDays[id];
      p += Math.min(cs.onboardingWaitChurnMax, cs.onboardingWaitChurnPerDay * waited);
    }
    const u = L.rng[id]();
    L.renewals[id]++;
    if (inWindow(t)) renewalsW++;
    // Expected ARR change at this renewal: churn with p (at most 1), else expand with its rate and mean share.
    const arrBefore = L.arrYen[id];
    const pChurn = Math.min(1, p);
    controls.renewalYen -= arrBefore * ((1 - pChurn) * cs.expansionRate * expansion.mean - pChurn);
    if (u < p) {
      controls.renewalYen -= arrBefore;
      if (inWindow(t)) { churnedArrW += L.arrYen[id]; churnedAccountsW++; }
      arr -= L.arrYen[id];
      deactivate(id);
      if (L.state[id] === queueState(CS)) stages[CS].withdraw(t, t - L.queuedAt[id]);
      lose(id, u < cs.churnRate ? CHURN_BASE : CHURN_OVERLOAD, t);
      return;
    }
    if (L.rng[id]() < cs.expansionRate) {
      const delta = L.arrYen[id] * expansion.sample(L.rng[id]);
      L.arrYen[id] += delta;
      arr += delta;
      controls.renewalYen += delta;
      if (inWindow(t)) expansionArrW += delta;
    }
    events.push(t + contractDays, PRIORITY[RENEWAL], RENEWAL, id);
  }

  function newLead(t: number): void {
    const index = created++;
    const u = leadStreams.stream(index);
    const kindU = u(), segmentU = u(), noiseU = u(), returnU = u();
    let segment = 0;
    while (segment < segments.length - 1 && segmentU >= segmentCut[segment]) segment++;
    const buyingNow = kindU < m.mix.buyingNow;
    const later = !buyingNow && kindU < m.mix.buyingNow + m.mix.later;
    const noise = !buyingNow && !later && noiseU < m.mqlNoiseShare;
    const id = addLead(L, u);
    L.segment[id] = segment;
    L.noise[id] = noise ? 1 : 0;
    if (inWindow(t)) { leadsW++; leadsByWeek[week(t)]++; }
    if (buyingNow || noise) {
      events.push(t + qualification.sample(u), PRIORITY[MQL_READY], MQL_READY, id);
    } else if (later) {
      L.state[id] = NURTURE;
      if (returnU < m.nurtureReturnShare) {
        const nurtureDays = nurture.sample(u);
        events.push(t + nurtureDays + qualification.sample(u), PRIORITY[MQL_READY], MQL_READY, id);
      }
    } else {
      lose(id, LOST_NOT_QUALIFIED, t);
    }
  }

  function mqlReady(id: number, t: number): void {
    if (inWindow(t)) {
      mqlsW++;
      mqlsByWeek[week(t)]++;
      if (L.mqlPasses[id] === 0) newMqlsW++;
    }
    L.mqlPasses[id]++;
    drawPass(id);
    arrive(IS, id, t);
  }

  function abandon(id: number, t: number): void {
    const k = L.stage[id];
    if (k < 0 || L.state[id] !== queueState(k) || L.abandonAt[id] !== t) return; // stale: already started
    const stage = stages[k];
    stage.giveUp(t, t - L.queuedAt[id]);
    L.stage[id] = -1;
    L.abandonAt[id] = Infinity;
    if (k === CS) {
      // A won deal that never got onboarded cancels: its ARR goes.
      arr -= L.arrYen[id];
      // A lost logo and lost ARR alike, and a decision for the logo churn rate.
      if (inWindow(t)) { churnedArrW += L.arrYen[id]; churnedAccountsW++; cancelledW++; }
      deactivate(id);
      return lose(id, LOST_CS_ABANDONED, t);
    }
    if (L.abandonRecycleU[id] < abandonRecycleShare[k]) return recycle(id, stage, t);
    lose(id, ABANDON_CAUSE[k], t);
  }

  function updateCapacity(k: number, t: number): void {
    stages[k].setSlots(t, Math.floor(effectiveHeadcount(plans[k], t) * concurrent[k] + 1e-9));
    fill(k, t);
  }

  // Initial book: accounts carried at day 0 of the run, renewals spread over the term.
  const cohortStart = Math.max(t0, tEnd - 365);
  for (let i = 0; i < cs.initialAccounts; i++) {
    const u = itemStream(accountKey, i);
    const id = addLead(L, u);
    L.initial[id] = 1;
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
    L.arrYen[id] = segments[segment].acv.sample(u);
    arr += L.arrYen[id];
    activate(id);
    events.push(u() * contractDays, PRIORITY[RENEWAL], RENEWAL, id);
  }

  // Capacity: at time 0 and whenever the hiring plan changes it.
  for (let k = 0; k < 3; k++) {
    updateCapacity(k, 0);
    for (const t of capacityUpdateTimes(plans[k], tEnd)) if (t > 0) events.push(t, PRIORITY[CAPACITY], CAPACITY, k);
  }
  for (let w = 1; t0 + 7 * w < tEnd - 1e-9; w++) events.push(t0 + 7 * w, PRIORITY[WEEK_END], WEEK_END, -1);
  for (let mo = 1; t0 + MONTH_DAYS * mo < tEnd - 1e-9; mo++) events.push(t0 + MONTH_DAYS * mo, PRIORITY[MONTH_END], MONTH_END, -1);
  events.push(cohortStart, PRIORITY[COHORT], COHORT, -1);
  if (t0 === 0) arrStart = arr;
  else events.push(t0, PRIORITY[MONTH_END], MONTH_END, -2);

  const nextArrival = arrivalTimes(leadRate(s), tEnd, arrivalStream);
  const firstArrival = nextArrival();
  if (firstArrival < Infinity) events.push(firstArrival, PRIORITY[ARRIVAL], ARRIVAL, -1);
  let lastWeekEnd = t0;

  while (events.size > 0 && events.peekTime() <= tEnd) {
    events.pop();
    const t = events.poppedTime, kind = events.poppedKind, id = events.poppedArg;
    eventCount++;
    if (trace) trace(t, KIND_NAMES[kind], id);
    switch (kind) {
      case ARRIVAL: {
        newLead(t);
        const next = nextArrival();
        if (next < Infinity) events.push(next, PRIORITY[ARRIVAL], ARRIVAL, -1);
        break;
      }
      case MQL_READY:
        mqlReady(id, t);
        break;
      case SERVICE_END: {
        const k = L.stage[id];
        if (k === IS) endInsideSales(id, t);
        else if (k === FS) endFieldSales(id, t);
        else {
          L.onboardWaitDays[id] = L.waitedDays[id];
          endOnboarding(id, t);
        }
        fill(k, t);
        break;
      }
      case ABANDON:
        abandon(id, t);
        break;
      case RENEWAL:
        renew(id, t);
        break;
      case CAPACITY:
        updateCapacity(id, t);
        break;
      case WEEK_END:
        for (const stage of stages) stage.closeWeek(t, t - lastWeekEnd);
        lastWeekEnd = t;
        break;
      case MONTH_END:
        if (id === -2) arrStart = arr;
        else arrByMonth.push(arr);
        break;
      case COHORT:
        for (const a of active) L.cohortArrYen[a] = L.arrYen[a];
        break;
    }
  }

  // Close the last (possibly partial) week and month at the horizon.
  if (tEnd - lastWeekEnd > 1e-9) for (const stage of stages) stage.closeWeek(tEnd, tEnd - lastWeekEnd);
  arrByMonth.push(arr);

  // Population at the horizon: every lead the run created is in exactly one place.
  const live = Object.fromEntries(LIVE_STATES.map((k) => [k, 0])) as Record<LiveState, number>;
  let cohortStartArr = 0, cohortEndArr = 0, cohortKeptArr = 0;
  for (let id = 0; id < L.size; id++) {
    if (L.cohortArrYen[id] > 0) {
      cohortStartArr += L.cohortArrYen[id];
      if (L.state[id] < LOST) {
        cohortEndArr += L.arrYen[id];
        cohortKeptArr += Math.min(L.arrYen[id], L.cohortArrYen[id]);
      }
    }
    if (L.stage[id] >= 0 && L.state[id] === queueState(L.stage[id])) stages[L.stage[id]].noteStillWaiting(tEnd, tEnd - L.queuedAt[id]);
    if (!L.initial[id] && L.state[id] < LOST) live[LIVE_STATES[L.state[id]]]++;
  }
  const named = (counts: number[]) => Object.fromEntries(LOSS_CAUSES.map((c, i) => [c, counts[i]])) as Record<LossCause, number>;

  // Money.
  const years = s.horizonDays / 365;
  const personYears = (k: 'marketing' | 'insideSales' | 'fieldSales' | 'customerSuccess') =>
    paidPersonDays(staffPlan(s[k].headcount, s.hiring, k, t0), t0, tEnd) / 365;
  const acquisitionHeadcountCost =
    personYears('marketing') * m.costPerHeadYen + personYears('insideSales') * s.insideSales.costPerHeadYen + personYears('fieldSales') * s.fieldSales.costPerHeadYen;
  const headcountCost = acquisitionHeadcountCost + personYears('customerSuccess') * cs.costPerHeadYen;
  const programCost = m.programBudgetYenPerMonth * 12 * years + m.campaigns.filter((c) => c.startDay < s.horizonDays).reduce((a, c) => a + c.extraLeads * m.costPerLeadYen, 0);
  const cac = wonW > 0 ? (acquisitionHeadcountCost + programCost) / wonW : NaN;
  const meanAcv = wonW > 0 ? bookingsW / wonW : NaN;
  // Logo churn per renewal decision, annualised from the contract term (see RevenueResult.annualChurn).
  const decisions = renewalsW + cancelledW;
  const churnPerDecision = decisions > 0 ? churnedAccountsW / decisions : cs.churnRate;
  const annualChurn = 1 - Math.pow(1 - Math.min(1, churnPerDecision), 12 / cs.contractMonths);
  const ltv = annualChurn > 0 ? (meanAcv * cs.grossMargin) / annualChurn : NaN;
  const csHeads = effectiveHeadcount(plans[CS], tEnd);

  const [isResult, fsResult, csResult] = stages.map((stage) => stage.result(tEnd));
  return {
    replication,
    events: eventCount,
    insideSales: isResult,
    fieldSales: fsResult,
    customerSuccess: csResult,
    funnel: {
      leads: leadsW,
      mqls: mqlsW,
      sqls: sqlsW,
      won: wonW,
      lost: named(lostWindow),
      newMqls: newMqlsW,
      returnedMqls: mqlsW - newMqlsW,
      mqlRate: leadsW ? newMqlsW / leadsW : NaN,
      sqlRate: mqlsW ? sqlsW / mqlsW : NaN,
      winRate: sqlsW ? wonW / sqlsW : NaN,
      sqlRateOfWorked: isResult.completions ? sqlsW / isResult.completions : NaN,
      winRateOfWorked: fsResult.completions + isClosedW ? wonW / (fsResult.completions + isClosedW) : NaN,
      leadsByWeek,
      mqlsByWeek,
      sqlsByWeek,
      wonByWeek,
    },
    revenue: {
      bookingsYen: bookingsW,
      arrEndYen: arr,
      arrStartYen: arrStart,
      arrByMonth,
      bookingsByMonth,
      churnedArrYen: churnedArrW,
      expansionArrYen: expansionArrW,
      nrr: cohortStartArr > 0 ? cohortEndArr / cohortStartArr : NaN,
      grr: cohortStartArr > 0 ? cohortKeptArr / cohortStartArr : NaN,
      customersEnd: active.length,
      costYen: headcountCost + programCost,
      headcountCostYen: headcountCost,
      programCostYen: programCost,
      cacYen: cac,
      ltvYen: ltv,
      paybackMonths: meanAcv > 0 ? cac / ((meanAcv / 12) * cs.grossMargin) : NaN,
      meanAcvYen: meanAcv,
      annualChurn,
      churnedAccounts: churnedAccountsW,
      renewals: renewalsW,
    },
    population: { created, live, lost: named(lostAll) },
    bookCoverageEnd: csHeads > 0 ? active.length / (csHeads * cs.accountsPerHead) : active.length > 0 ? Infinity : 0,
    controls,
  };
}
