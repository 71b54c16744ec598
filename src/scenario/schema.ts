/**
 * The valibot schema of a scenario file. Every field is optional and takes its
 * default from DEFAULT_SCENARIO, so a short file is a valid scenario. Each rule
 * carries the message users see after the field's path ("must be ...").
 */
import * as v from 'valibot';
import { DEFAULT_SCENARIO as D, DEFAULT_RAMP_DAYS } from './defaults.ts';
import { DEPARTMENTS, LESSON_MEASURES, SCENARIO_VERSION, type StaffChance, type Staffing, type Waiting } from './types.ts';
import { distProblem } from '../engine/distributions.ts';
import type { DistSpec } from './distribution.ts';
import { LIMITS as L, showLimit } from './limits.ts';
import { rule } from './rules.ts';

/** Message of a strict object's own issues: an unknown key (likely a typo) or a missing one. */
export const UNKNOWN_KEY = rule('is not a known field (check the spelling)', 'unknownKey');
export const REQUIRED_KEY = rule('is required', 'required');

/** The rule of a value above its limit. */
const atMostRule = (max: number) => rule(`must be at most ${showLimit(max)} (the limit of this field)`, 'atMost', { max });

/** A finite number satisfying `ok`, reported as `rule`, and at most `max` (see limits.ts). */
function num(ok: (x: number) => boolean, rule: string, max = Infinity) {
  return v.pipe(
    v.number(rule),
    v.check((x) => Number.isFinite(x) && ok(x), rule),
    v.check((x) => x <= max, atMostRule(max)),
  );
}

/** A list of at most `max` items (checked before its items, so a long list costs nothing more). */
function list<S extends v.GenericSchema>(item: S, rule: string, max: number, tooLong = `must hold at most ${showLimit(max)} items (the limit of this field)`) {
  return v.pipe(
    v.array(v.unknown(), rule),
    v.maxLength(max, tooLong),
    v.array(item, rule),
  );
}

/** A text of at most `max` characters. */
const text = (max: number) => v.pipe(v.string('must be a text'), v.maxLength(max, `must be at most ${showLimit(max)} characters long`));

const wholeAtLeast0 = (max: number) => num((x) => Number.isInteger(x) && x >= 0, rule('must be a whole number >= 0', 'number', { min: 0, whole: 1 }), max);
const wholeAtLeast1 = (max: number) => num((x) => Number.isInteger(x) && x >= 1, rule('must be a whole number >= 1', 'number', { min: 1, whole: 1 }), max);
const atLeast0 = (max: number) => num((x) => x >= 0, rule('must be a number >= 0', 'number', { min: 0 }), max);
const above0 = (max: number) => num((x) => x > 0, rule('must be a number > 0', 'number', { min: 0, above: 1 }), max);
const probability = num((x) => x >= 0 && x <= 1, rule('must be a probability between 0 and 1', 'probability'));
const month = num((x) => Number.isInteger(x) && x >= 1 && x <= 12, rule('must be a month number from 1 to 12', 'number', { min: 1, max: 12, whole: 1 }));
/** People are counted in full-time equivalents in steps of 0.05 (a day a month is 0.05 of a person). */
export const FTE_STEP = 0.05;
/** Whether `x` is a whole number of FTE steps (within rounding: 0.15 is 3 steps, though 0.15 / 0.05 is 2.9999999999999996). */
export const isFteStep = (x: number) => Math.abs(x / FTE_STEP - Math.round(x / FTE_STEP)) < 1e-6;
const headcount = num((x) => x >= 0 && isFteStep(x), rule(`must be a number >= 0 in steps of ${FTE_STEP}`, 'number', { min: 0, step: FTE_STEP }), L.headcount);
/** An ISO calendar date ("2027-04-01") that exists, in years 1900 to 2200. */
const isoDate = v.pipe(
  v.string('must be a date written YYYY-MM-DD, or null'),
  v.check((x) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(x);
    if (!m) return false;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(y, mo - 1, d));
    return y >= 1900 && y <= 2200 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
  }, 'must be a date written YYYY-MM-DD (a day that exists, in 1900-2200), or null'),
);
const yearlyCost = atLeast0(L.costPerHeadYen);

const strict = <E extends v.ObjectEntries>(entries: E) =>
  v.strictObject(entries, (issue) => (issue.expected === 'never' ? UNKNOWN_KEY : REQUIRED_KEY));

const DIST_KINDS = 'fixed, uniform, triangular, exponential, gamma, erlang, lognormal, empirical';

/**
 * A distribution of non-negative values whose parameters are at most `max`; a
 * bare number means a fixed value.
 */
function distOf(max: number) {
  const value = atLeast0(max);
  const positive = above0(max);
  const cv = v.optional(above0(L.cv));
  return v.pipe(
    v.unknown(),
    v.check((x) => typeof x !== 'number' || (Number.isFinite(x) && x >= 0), rule('must be a number >= 0 or a distribution', 'number', { min: 0 })),
    v.check((x) => typeof x !== 'number' || x <= max, atMostRule(max)),
    v.transform((x) => (typeof x === 'number' ? { kind: 'fixed', value: x } : x)),
    v.variant(
      'kind',
      [
        strict({ kind: v.literal('fixed'), value }),
        strict({ kind: v.literal('uniform'), min: value, max: value }),
        strict({ kind: v.literal('triangular'), min: value, mode: value, max: value }),
        strict({ kind: v.literal('exponential'), mean: positive }),
        strict({ kind: v.literal('gamma'), mean: positive, p90: v.optional(positive), cv }),
        strict({ kind: v.literal('erlang'), mean: positive, k: wholeAtLeast1(L.erlangK) }),
        strict({ kind: v.literal('lognormal'), mean: positive, p90: v.optional(positive), cv }),
        strict({
          kind: v.literal('empirical'),
          values: v.pipe(list(value, 'must be a list of numbers', L.empiricalValues), v.minLength(1, 'must be a non-empty list of numbers')),
        }),
      ],
      // A text typed into a duration or deal-size field lands here: said as the number it must be.
      rule(`must be a number or a distribution with kind one of ${DIST_KINDS}`, 'number', { min: 0 }),
    ),
    v.check((d) => distProblem(d as DistSpec) === null, (issue) => distProblem(issue.input as DistSpec) ?? 'is not a valid distribution'),
  );
}

/** Durations in days; deal sizes in yen; expansions as a share of ARR. */
const dist = distOf(L.durationDays);
const acvDist = distOf(L.acvYen);
const shareDist = distOf(L.expansionShare);

const decay = v.variant(
  'kind',
  [
    strict({ kind: v.literal('none') }),
    strict({ kind: v.literal('halfLife'), halfLifeDays: above0(L.halfLifeDays) }),
    strict({
      kind: v.literal('curve'),
      points: v.pipe(
        // Strict: a point is exactly [waitDays, multiplier], like every object of the format holds only known fields.
        list(
          v.pipe(
            v.array(v.unknown(), 'each point must be [waitDays > 0, multiplier > 0]'),
            v.length(2, 'each point must be exactly [waitDays, multiplier]'),
            v.strictTuple([above0(L.decayWaitDays), above0(L.decayMultiplier)], 'each point must be [waitDays > 0, multiplier > 0]'),
          ),
          'must be a list of [waitDays, multiplier] points',
          L.decayPoints,
        ),
        v.minLength(1, 'must hold at least one point'),
        v.check((ps) => ps.every((p, i) => i === 0 || p[0] > ps[i - 1][0]), 'must have strictly increasing waitDays'),
      ),
    }),
    strict({ kind: v.literal('preset'), name: v.picklist(['speedToLead'], 'must be one of speedToLead') }),
  ],
  'must have kind one of none, halfLife, curve, preset',
);

const discipline = v.picklist(['fifo', 'newestFirst'], 'must be one of fifo, newestFirst');
const patience = v.nullable(dist);

const opt = <S extends v.GenericSchema>(schema: S, fallback: unknown) =>
  v.optional(schema, () => structuredClone(fallback) as v.InferInput<S>);

const rampShape = v.picklist(['linear', 'ladder'], 'must be one of linear, ladder');

/** Fields of every department's staffing by chance (attrition, backfill, time to fill, ramp), with defaults from `d`. */
const chanceEntries = (d: StaffChance) => ({
  attritionPerYear: opt(atLeast0(L.attritionPerYear), d.attritionPerYear),
  backfill: opt(v.boolean('must be true or false'), d.backfill),
  timeToFillDays: opt(dist, d.timeToFillDays),
  rampDays: opt(atLeast0(L.rampDays), d.rampDays),
  rampShape: opt(rampShape, d.rampShape),
});

const M = D.marketing;
const marketing = strict({
  headcount: opt(headcount, M.headcount),
  costPerHeadYen: opt(yearlyCost, M.costPerHeadYen),
  leadsPerHeadPerWeek: opt(atLeast0(L.leadsPerHeadPerWeek), M.leadsPerHeadPerWeek),
  programBudgetYenPerMonth: opt(atLeast0(L.programBudgetYenPerMonth), M.programBudgetYenPerMonth),
  costPerLeadYen: opt(num((x) => x >= L.costPerLeadYenMin, rule(`must be a number >= ${L.costPerLeadYenMin}`, 'number', { min: L.costPerLeadYenMin }), L.costPerLeadYen), M.costPerLeadYen),
  seasonality: opt(
    v.pipe(list(atLeast0(L.seasonality), 'must be a list of 12 numbers >= 0', 12, 'must be a list of 12 numbers >= 0 (January first)'), v.length(12, 'must be a list of 12 numbers >= 0 (January first)')),
    M.seasonality,
  ),
  startMonth: opt(month, M.startMonth),
  campaigns: opt(
    list(
      strict({
        startDay: atLeast0(L.campaignStartDay),
        durationDays: num((x) => x >= L.campaignDurationDaysMin, `must be a number of days >= ${showLimit(L.campaignDurationDaysMin)} (one hour)`, L.campaignDurationDays),
        extraLeads: atLeast0(L.campaignExtraLeads),
      }),
      'must be a list',
      L.campaigns,
    ),
    M.campaigns,
  ),
  mix: opt(
    v.pipe(
      strict({ buyingNow: opt(probability, M.mix.buyingNow), later: opt(probability, M.mix.later), never: opt(probability, M.mix.never) }),
      v.check((m) => Math.abs(m.buyingNow + m.later + m.never - 1) < 1e-9, (i) => {
        const m = i.input as { buyingNow: number; later: number; never: number };
        return `shares must sum to 1 (got buyingNow + later + never = ${+(m.buyingNow + m.later + m.never).toFixed(6)})`;
      }),
    ),
    M.mix,
  ),
  qualificationDays: opt(dist, M.qualificationDays),
  nurtureDays: opt(dist, M.nurtureDays),
  nurtureReturnShare: opt(probability, M.nurtureReturnShare),
  mqlNoiseShare: opt(probability, M.mqlNoiseShare),
  ...chanceEntries(M),
});

/** Fields every queueing department has: staffing, with defaults from `d`. */
const staffingEntries = (d: Staffing) => ({
  headcount: opt(headcount, d.headcount),
  concurrentPerHead: opt(wholeAtLeast1(L.concurrentPerHead), d.concurrentPerHead),
  costPerHeadYen: opt(yearlyCost, d.costPerHeadYen),
  ...chanceEntries(d),
});

/** Fields of Inside Sales' and Field Sales' queues: waiting costs, with defaults from `d`. */
const waitingEntries = (d: Waiting) => ({
  patienceDays: opt(patience, d.patienceDays),
  abandonRecycleShare: opt(probability, d.abandonRecycleShare),
  decay: opt(decay, d.decay),
  discipline: opt(discipline, d.discipline),
});

const IS = D.insideSales;
const insideSales = strict({
  ...staffingEntries(IS),
  workDays: opt(dist, IS.workDays),
  sqlRate: opt(probability, IS.sqlRate),
  recycleShare: opt(probability, IS.recycleShare),
  ...waitingEntries(IS),
});

const FS = D.fieldSales;
const fieldSales = strict({
  ...staffingEntries(FS),
  cycleDays: opt(dist, FS.cycleDays),
  winRate: opt(probability, FS.winRate),
  recycleShare: opt(probability, FS.recycleShare),
  ...waitingEntries(FS),
  acvYen: opt(acvDist, FS.acvYen),
});

const CS = D.customerSuccess;
const customerSuccess = strict({
  ...staffingEntries(CS),
  patienceDays: opt(patience, CS.patienceDays),
  discipline: opt(discipline, CS.discipline),
  onboardingDays: opt(dist, CS.onboardingDays),
  accountsPerHead: opt(above0(L.accountsPerHead), CS.accountsPerHead),
  contractMonths: opt(wholeAtLeast1(L.contractMonths), CS.contractMonths),
  churnRate: opt(probability, CS.churnRate),
  overloadChurnPerUnit: opt(atLeast0(L.overloadChurnPerUnit), CS.overloadChurnPerUnit),
  onboardingWaitChurnPerDay: opt(probability, CS.onboardingWaitChurnPerDay),
  onboardingWaitChurnMax: opt(probability, CS.onboardingWaitChurnMax),
  expansionRate: opt(probability, CS.expansionRate),
  expansionShare: opt(shareDist, CS.expansionShare),
  initialAccounts: opt(wholeAtLeast0(L.initialAccounts), CS.initialAccounts),
  grossMargin: opt(probability, CS.grossMargin),
});

const hire = strict({
  department: v.picklist(DEPARTMENTS, `must be one of ${DEPARTMENTS.join(', ')}`),
  day: atLeast0(L.hireDay),
  change: v.pipe(
    num((x) => isFteStep(x), rule(`must be a number in steps of ${FTE_STEP}`, 'number', { step: FTE_STEP })),
    // A removal takes whole people (a part-timer leaves as one person).
    v.check((x) => x >= 0 || Number.isInteger(x), rule('must be a whole number when negative (a removal is of whole people)', 'number', { whole: 1 })),
    v.check((x) => Math.abs(x) <= L.hireChange, `must be a number from -${showLimit(L.hireChange)} to ${showLimit(L.hireChange)} (the limit of this field)`),
  ),
  rampDays: v.optional(atLeast0(L.rampDays)),
  rampShape: v.optional(rampShape),
  from: v.optional(v.picklist(['start', 'requisition'], 'must be one of start, requisition'), 'start'),
});

const segment = strict({
  name: v.pipe(text(L.segmentNameChars), v.minLength(1, 'must not be empty')),
  share: probability,
  sqlRate: v.optional(probability),
  winRate: v.optional(probability),
  cycleDays: v.optional(dist),
  acvYen: v.optional(acvDist),
  skipFieldSales: v.optional(v.boolean('must be true or false'), false),
  isWorkDays: v.optional(dist),
});

/** A text of a lesson, non-empty, in both languages. */
const lessonLine = v.pipe(text(L.lessonTextChars), v.check((x) => x.trim() !== '', 'must not be empty'));
const lessonText = strict({ ja: lessonLine, en: lessonLine });

/** What the scenario teaches (every part required: a workshop round needs them all). */
const lesson = strict({
  summary: lessonText,
  measure: v.picklist(LESSON_MEASURES, `must be one of ${LESSON_MEASURES.join(', ')}`),
  question: lessonText,
  fixQuestion: lessonText,
  bounds: v.pipe(
    list(atLeast0(L.lessonBound), 'must be a list of numbers >= 0', L.lessonBounds),
    v.minLength(1, 'must hold at least one bound (two choices)'),
    v.check((bs) => bs.every((b, i) => i === 0 || b > bs[i - 1]), 'must be strictly increasing'),
  ),
  fix: strict({
    department: v.picklist(DEPARTMENTS, `must be one of ${DEPARTMENTS.join(', ')}`),
    add: wholeAtLeast1(L.hireChange),
  }),
  orid: strict({ o: lessonText, r: lessonText, i: lessonText, d: lessonText }),
});

/** The whole file, in the current format (an older one is migrated first: migrate.ts). `version` is required. */
export const scenarioSchema = strict({
  version: v.literal(SCENARIO_VERSION, `must be ${SCENARIO_VERSION} (the scenario format this app reads; it migrates versions 1 and 2)`),
  name: opt(text(L.nameChars), D.name),
  description: opt(text(L.descriptionChars), D.description),
  horizonDays: opt(num((x) => x >= 7 && x <= 3650, rule('must be a number of days from 7 to 3650', 'number', { min: 7, max: 3650 })), D.horizonDays),
  warmupDays: opt(num((x) => x >= 0 && x <= 3650, rule('must be a number of days from 0 to 3650', 'number', { min: 0, max: 3650 })), D.warmupDays),
  startDate: opt(v.nullable(isoDate), D.startDate),
  replications: opt(num((x) => Number.isInteger(x) && x >= 1 && x <= 100_000, rule('must be a whole number from 1 to 100000', 'number', { min: 1, max: 100_000, whole: 1 })), D.replications),
  seed: opt(
    v.pipe(
      v.union([v.string(), v.number()], 'must be a text or a number'),
      v.check((x) => typeof x === 'number' || x.length <= L.seedChars, `must be at most ${showLimit(L.seedChars)} characters long`),
    ),
    D.seed,
  ),
  marketing: opt(marketing, {}),
  insideSales: opt(insideSales, {}),
  fieldSales: opt(fieldSales, {}),
  customerSuccess: opt(customerSuccess, {}),
  hiring: opt(list(hire, 'must be a list', L.hires), []),
  segments: opt(
    v.pipe(
      list(segment, 'must be a list', L.segments),
      v.check((ss) => ss.length === 0 || Math.abs(ss.reduce((a, s) => a + s.share, 0) - 1) < 1e-9, (i) => {
        const ss = i.input as { share: number }[];
        return `shares must sum to 1 (got ${+ss.reduce((a, s) => a + s.share, 0).toFixed(6)})`;
      }),
    ),
    [],
  ),
  targets: opt(strict({ arrYen: v.optional(v.nullable(atLeast0(L.targetArrYen)), null) }), { arrYen: null }),
  lesson: opt(v.nullable(lesson), D.lesson),
});

export { DEFAULT_RAMP_DAYS };
