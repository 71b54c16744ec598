/**
 * The scenario format (version 3): everything the engine needs to simulate one
 * business. Version 2 added each department's staffing over time (attrition,
 * backfill, time to fill, ramp) and requisition-dated hires; version 3 lets a
 * headcount and a hire be a fraction of a person (FTE, in steps of 0.05) and
 * names the calendar date of day 0 (`startDate`); older files are migrated on
 * load (migrate.ts). These are the resolved types, with every default filled in; a file on
 * disk may omit any field (see defaults.ts). Times are in days, money in yen.
 */
import type { DistSpec } from './distribution.ts';

export type { DistSpec };

/** The current scenario format version. */
export const SCENARIO_VERSION = 3;

/** The departments of The Model that hold a queue, in flow order. */
export const QUEUE_DEPARTMENTS = ['insideSales', 'fieldSales', 'customerSuccess'] as const;
/** A department with a queue: Inside Sales, Field Sales or Customer Success. */
export type QueueDepartment = (typeof QUEUE_DEPARTMENTS)[number];
/** All four departments, in flow order. */
export const DEPARTMENTS = ['marketing', ...QUEUE_DEPARTMENTS] as const;
/** One of the four departments. */
export type Department = (typeof DEPARTMENTS)[number];

/**
 * How a waiting item's conversion probability falls with its wait.
 * - none: waiting costs nothing;
 * - halfLife: the probability halves every `halfLifeDays`;
 * - curve: points (wait days -> multiplier), interpolated linearly in log(wait) and
 *   log(multiplier), flat before the first point and after the last;
 * - preset: a named curve shipped with the app (see engine/decay.ts).
 */
export type DecaySpec =
  | { kind: 'none' }
  | { kind: 'halfLife'; halfLifeDays: number }
  | { kind: 'curve'; points: [number, number][] }
  | { kind: 'preset'; name: 'speedToLead' };

/** Which waiting item a freed slot takes next. */
export type Discipline = 'fifo' | 'newestFirst';

/** What a queue does to its waiting items: patience, decay, order. */
export interface Waiting {
  /** How long an item waits before giving up; null = forever. */
  patienceDays: DistSpec | null;
  /** Share of items that give up waiting and go back to nurture instead of being lost. */
  abandonRecycleShare: number;
  /** How conversion falls with the wait before work starts. */
  decay: DecaySpec;
  discipline: Discipline;
}

/**
 * How a new person's productivity grows over the ramp: linearly from 0 to 100%, or
 * a ladder of 25/50/75/100% by quarter of the ramp (GitLab handbook's quota ramp).
 */
export type RampShape = 'linear' | 'ladder';

/**
 * How a department's headcount changes by chance: people leave at random, and a
 * leaver's seat (or a planned hire's, from its requisition) is filled after a
 * time to fill, then the newcomer ramps.
 */
export interface StaffChance {
  /** Attrition: leavers per person-year (a hazard rate; 0 = nobody leaves). Each person leaves after an exponential time. */
  attritionPerYear: number;
  /** A leaver's replacement is requested at once (true) or the seat stays empty (false). */
  backfill: boolean;
  /** Days from a requisition (a leaver's departure, or a planned hire's requisition date) to the newcomer's first day. */
  timeToFillDays: DistSpec;
  /** Days for a newcomer to reach full capacity (the default ramp of this department's hires and backfills). */
  rampDays: number;
  rampShape: RampShape;
}

/** Capacity of a department: people, and items one person works at once. */
export interface Staffing extends StaffChance {
  /** People, in full-time equivalents (FTE, steps of 0.05): 0.5 is one half-time person, 2.5 two full-timers and a half-timer. */
  headcount: number;
  /** Items (MQLs, opportunities, onboardings) one person works at the same time. */
  concurrentPerHead: number;
  /** Annual loaded cost of one person (salary x ~1.22 in Japan). */
  costPerHeadYen: number;
}

/** Marketing: creates leads and qualifies them to MQL. */
export interface Marketing extends StaffChance {
  /** People, in FTE (see Staffing.headcount). */
  headcount: number;
  costPerHeadYen: number;
  /** Leads one marketer creates per week from owned channels (content, events, SEO). */
  leadsPerHeadPerWeek: number;
  /** Paid programme spend per month; leads = spend / costPerLeadYen. */
  programBudgetYenPerMonth: number;
  costPerLeadYen: number;
  /** Lead-rate factor for each calendar month, January first (12 numbers, 1 = average). */
  seasonality: number[];
  /** Calendar month (1-12) in which day 0 falls; Japanese fiscal years start in April. With a startDate, its month. */
  startMonth: number;
  /** Bursts of extra leads (a webinar, a trade show). */
  campaigns: { startDay: number; durationDays: number; extraLeads: number }[];
  /** Lead mix at capture (THE MODEL: 10% buying now, 65% later, 25% never). */
  mix: { buyingNow: number; later: number; never: number };
  /** Time from capture to MQL for a lead that is ready to buy. */
  qualificationDays: DistSpec;
  /** Time in nurture before a not-yet-ready (or recycled) lead is ready again. */
  nurtureDays: DistSpec;
  /** Share of nurtured leads that do become ready (the rest stay in nurture). */
  nurtureReturnShare: number;
  /** Share of never-buy leads marketing passes on as MQL anyway (MQL quality). */
  mqlNoiseShare: number;
}

/** Inside Sales: works MQLs and makes SQLs (商談化). */
export interface InsideSales extends Staffing, Waiting {
  /** Time a rep's cadence holds one MQL. */
  workDays: DistSpec;
  /** 商談化率: probability a genuine MQL, worked with no wait, becomes an SQL. */
  sqlRate: number;
  /** Share of MQLs that do not become SQL which go back to nurture (the rest are closed). */
  recycleShare: number;
}

/** Field Sales: works SQLs through the sales cycle to a won or lost deal. */
export interface FieldSales extends Staffing, Waiting {
  /** The sales cycle: how long one opportunity holds an AE's slot. */
  cycleDays: DistSpec;
  /** 受注率: probability an opportunity worked with no wait is won. */
  winRate: number;
  /** Share of lost deals that go back to nurture. */
  recycleShare: number;
  /** Annual contract value of a won deal. */
  acvYen: DistSpec;
}

/** Customer Success: onboards won deals and carries the book through renewals. */
export interface CustomerSuccess extends Staffing {
  /** Onboarding queue: patience and order (decay does not apply). */
  patienceDays: DistSpec | null;
  discipline: Discipline;
  onboardingDays: DistSpec;
  /** Accounts one CSM can carry in the book at full coverage. */
  accountsPerHead: number;
  contractMonths: number;
  /** 解約率: probability an account churns at a renewal, with full coverage. */
  churnRate: number;
  /** Added churn probability per unit of book overload (coverage - 1). */
  overloadChurnPerUnit: number;
  /** Added first-renewal churn probability per day an onboarding waited, capped. */
  onboardingWaitChurnPerDay: number;
  onboardingWaitChurnMax: number;
  /** Probability a renewing account expands, and by what fraction of its ARR. */
  expansionRate: number;
  expansionShare: DistSpec;
  /** Accounts already in the book at day 0, with renewals spread over the term. */
  initialAccounts: number;
  grossMargin: number;
}

/**
 * A change in headcount on a given day: the hiring plan. Hires ramp to full capacity;
 * removals take effect at once (the longest-serving people leave first).
 */
export interface Hire {
  department: Department;
  /** The start date ('start'), or the requisition date ('requisition'), in days from day 0. */
  day: number;
  /** People added (positive, in FTE: 1.5 is a full-timer and a half-timer) or removed (negative, whole people; removals take effect at once). */
  change: number;
  /** Days for a new hire to reach full capacity (default: the department's rampDays). */
  rampDays: number;
  /** Ramp of these hires (default: the department's rampShape). */
  rampShape: RampShape;
  /** 'start': the hires start on `day`; 'requisition': each starts after a time to fill drawn from the department's timeToFillDays. */
  from: 'start' | 'requisition';
}

/** A segment of leads (e.g. SMB, mid-market, enterprise) with its own economics. */
export interface Segment {
  name: string;
  /** Share of leads in this segment; shares sum to 1. */
  share: number;
  sqlRate: number;
  winRate: number;
  cycleDays: DistSpec;
  acvYen: DistSpec;
  /** IS-complete (インサイドセールス完結型): Inside Sales closes the deal, no Field Sales. */
  skipFieldSales: boolean;
  /** IS work time for this segment (defaults to Inside Sales' work time). */
  isWorkDays: DistSpec;
}

/** A text in both languages of the app. */
export interface LessonText {
  ja: string;
  en: string;
}

/** The measures a lesson asks about (per simulated year, as the comparison counts them). */
export const LESSON_MEASURES = ['won', 'arrEndYen', 'lostWhileWaiting'] as const;
/** A measure a lesson asks about: deals won, ARR at the horizon (yen), leads lost while waiting. */
export type LessonMeasure = (typeof LESSON_MEASURES)[number];

/**
 * What a scenario teaches, for the app's "about this scenario" panel and a workshop
 * round: the lesson in a sentence, a question the room answers before the reveal,
 * the answers to choose from (ranges of one measure), the fix played as a second
 * round, and ORID debrief prompts. The answer is always the simulation's, never stored.
 */
export interface Lesson {
  /** The scenario's lesson in a sentence (the README's scenario table). */
  summary: LessonText;
  measure: LessonMeasure;
  /** The question of round 1 (the scenario as it is) and of round 2 (with the fix). */
  question: LessonText;
  fixQuestion: LessonText;
  /** Bounds between the choices, increasing: n bounds make n + 1 ranges, from "under the first" to "the last or more". */
  bounds: number[];
  /** The fix: people joining a department on day 0. */
  fix: { department: Department; add: number };
  /** ORID debrief prompts: objective, reflective, interpretive, decisional. */
  orid: { o: LessonText; r: LessonText; i: LessonText; d: LessonText };
}

/** A complete, validated scenario. */
export interface Scenario {
  version: 3;
  name: string;
  description: string;
  horizonDays: number;
  /** Statistics of waits, queues and utilisation ignore the first days (0 = none). */
  warmupDays: number;
  /**
   * The calendar date of day 0 of the plan (ISO "2027-04-01"), or null: the plan
   * counts days and months only. When set, marketing.startMonth is its month, and
   * the hiring plan and calendar show dates (src/domain/calendar.ts converts).
   */
  startDate: string | null;
  replications: number;
  seed: string;
  marketing: Marketing;
  insideSales: InsideSales;
  fieldSales: FieldSales;
  customerSuccess: CustomerSuccess;
  hiring: Hire[];
  /** Empty: one segment with the departments' own rates. */
  segments: Segment[];
  targets: { arrYen: number | null };
  /** What the scenario teaches, in Japanese and English; null: no lesson (no workshop round). */
  lesson: Lesson | null;
}
