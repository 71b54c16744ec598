/**
 * The largest (and a few smallest) values a scenario may hold. Each is beyond any
 * real business, so no honest plan meets one; together they keep every sum the
 * engine forms finite and every replication's memory and time bounded. The README
 * lists them ("Limits"); validation names the limit a value breaks.
 */
export const LIMITS = {
  /** People in one department at the start. */
  headcount: 10_000,
  /** Items one person works at once. */
  concurrentPerHead: 1_000,
  /** Annual loaded cost of one person, yen. */
  costPerHeadYen: 1e10,
  leadsPerHeadPerWeek: 100_000,
  programBudgetYenPerMonth: 1e12,
  /** A paid lead costs at least one yen (a smaller price makes an unbounded lead count). */
  costPerLeadYenMin: 1,
  costPerLeadYen: 1e9,
  /** Monthly seasonality factor (1 = an average month). */
  seasonality: 100,
  campaigns: 1_000,
  campaignStartDay: 3650,
  /** A campaign lasts at least an hour: its leads are spread over its duration. */
  campaignDurationDaysMin: 1 / 24,
  campaignDurationDays: 3650,
  campaignExtraLeads: 5_000_000,
  /** Any parameter of a duration (days): value, min, mode, max, mean, p90, observed values. */
  durationDays: 3650,
  /** Any parameter of a deal size (yen). */
  acvYen: 1e11,
  /** Any parameter of an expansion, as a share of the account's ARR. */
  expansionShare: 10,
  /** Coefficient of variation of a gamma or lognormal. */
  cv: 10,
  /** Phases of an Erlang distribution (each sample draws k numbers). */
  erlangK: 1_000,
  empiricalValues: 10_000,
  halfLifeDays: 3650,
  decayPoints: 1_000,
  decayWaitDays: 3650,
  decayMultiplier: 100,
  accountsPerHead: 1_000_000,
  contractMonths: 120,
  overloadChurnPerUnit: 100,
  /** Accounts in the book at day 0 (each is simulated: memory and time grow with it). */
  initialAccounts: 200_000,
  hires: 1_000,
  hireDay: 3650,
  /** People added or removed by one hiring entry. */
  hireChange: 10_000,
  rampDays: 3650,
  /** Leavers per person-year (10: the average stay is five weeks). */
  attritionPerYear: 10,
  segments: 100,
  segmentNameChars: 200,
  nameChars: 500,
  descriptionChars: 50_000,
  seedChars: 500,
  targetArrYen: 1e16,
  /** Each text of a lesson, in either language (a sentence or a short paragraph). */
  lessonTextChars: 2_000,
  /** Bounds between a lesson's answer choices (n bounds make n + 1 choices). */
  lessonBounds: 10,
  /** A bound of a lesson's choices (ARR in yen the largest measure: the ARR target's limit). */
  lessonBound: 1e16,
} as const;

/**
 * A limit as the messages show it: 10,000 or 100,000,000,000; 1/24 as 0.0417.
 * Grouped by hand, the same text as toLocaleString('en-US') for a whole number
 * under 1e21: the schema builds its messages when it loads, and ICU's number
 * formatting, built on each toLocaleString call, cost 50-90 ms there, in every
 * CLI process and on every page load.
 */
export function showLimit(x: number): string {
  return Number.isInteger(x) ? String(x).replace(/\B(?=(\d{3})+$)/g, ',') : String(+x.toFixed(4));
}
