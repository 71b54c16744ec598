/**
 * The editor's fields per department, as data: where each field lives in the
 * scenario, how it is shown, and its label and help text.
 */
import type { MessageKey } from '../../i18n/messages.ts';

/** How a field is edited. */
export type FieldKind =
  | 'count' // a whole number (headcount: with stepper and slider)
  | 'number'
  | 'text' // a string kept as typed, digits included (the seed)
  | 'percent' // stored 0-1, shown 0-100
  | 'yen'
  | 'mean' // the mean of a distribution, keeping its shape
  | 'patience' // mean of the patience (its shape kept; exponential when new), empty = forever
  | 'decay'; // none / half-life / speed-to-lead preset

/** One field of the editor. */
export interface FieldDef {
  path: string[];
  label: MessageKey;
  help: MessageKey;
  kind: FieldKind;
  headcount?: boolean;
  /** A mean in yen (a deal size): typed and shown as an amount, like a 'yen' field. */
  yen?: boolean;
}

/** A card of the editor: a department, or the run settings. */
export interface CardDef {
  title: MessageKey;
  department: 'marketing' | 'insideSales' | 'fieldSales' | 'customerSuccess' | 'run';
  fields: FieldDef[];
}

const waiting = (d: 'insideSales' | 'fieldSales'): FieldDef[] => [
  { path: [d, 'patienceDays'], label: 'patience', help: 'patienceHelp', kind: 'patience' },
  { path: [d, 'decay'], label: 'decayKind', help: 'halfLifeHelp', kind: 'decay' },
];

/** The cards, in flow order, then the run settings. */
export const CARDS: CardDef[] = [
  {
    title: 'marketing',
    department: 'marketing',
    fields: [
      { path: ['marketing', 'headcount'], label: 'headcount', help: 'headcountHelp', kind: 'count', headcount: true },
      { path: ['marketing', 'leadsPerHeadPerWeek'], label: 'leadsPerHead', help: 'leadsPerHeadHelp', kind: 'number' },
      { path: ['marketing', 'programBudgetYenPerMonth'], label: 'programBudget', help: 'programBudgetHelp', kind: 'yen' },
      { path: ['marketing', 'costPerLeadYen'], label: 'costPerLead', help: 'costPerLeadHelp', kind: 'yen' },
      { path: ['marketing', 'mix', 'buyingNow'], label: 'mixBuyingNow', help: 'mixBuyingNowHelp', kind: 'percent' },
      { path: ['marketing', 'mix', 'later'], label: 'mixLater', help: 'mixLaterHelp', kind: 'percent' },
      { path: ['marketing', 'mix', 'never'], label: 'mixNever', help: 'mixNeverHelp', kind: 'percent' },
      { path: ['marketing', 'mqlNoiseShare'], label: 'mqlNoise', help: 'mqlNoiseHelp', kind: 'percent' },
    ],
  },
  {
    title: 'insideSales',
    department: 'insideSales',
    fields: [
      { path: ['insideSales', 'headcount'], label: 'headcount', help: 'headcountHelp', kind: 'count', headcount: true },
      { path: ['insideSales', 'concurrentPerHead'], label: 'concurrentIs', help: 'concurrentIsHelp', kind: 'count' },
      { path: ['insideSales', 'workDays'], label: 'workDays', help: 'workDaysHelp', kind: 'mean' },
      { path: ['insideSales', 'sqlRate'], label: 'sqlRate', help: 'sqlRateHelp', kind: 'percent' },
      ...waiting('insideSales'),
    ],
  },
  {
    title: 'fieldSales',
    department: 'fieldSales',
    fields: [
      { path: ['fieldSales', 'headcount'], label: 'headcount', help: 'headcountHelp', kind: 'count', headcount: true },
      { path: ['fieldSales', 'concurrentPerHead'], label: 'concurrentFs', help: 'concurrentFsHelp', kind: 'count' },
      { path: ['fieldSales', 'cycleDays'], label: 'cycleDays', help: 'cycleDaysHelp', kind: 'mean' },
      { path: ['fieldSales', 'winRate'], label: 'winRate', help: 'winRateHelp', kind: 'percent' },
      { path: ['fieldSales', 'acvYen'], label: 'acv', help: 'acvHelp', kind: 'mean', yen: true },
      ...waiting('fieldSales'),
    ],
  },
  {
    title: 'customerSuccess',
    department: 'customerSuccess',
    fields: [
      { path: ['customerSuccess', 'headcount'], label: 'headcount', help: 'headcountHelp', kind: 'count', headcount: true },
      { path: ['customerSuccess', 'concurrentPerHead'], label: 'concurrentCs', help: 'concurrentCsHelp', kind: 'count' },
      { path: ['customerSuccess', 'onboardingDays'], label: 'onboardingDays', help: 'onboardingDaysHelp', kind: 'mean' },
      { path: ['customerSuccess', 'accountsPerHead'], label: 'accountsPerCsm', help: 'accountsPerCsmHelp', kind: 'number' },
      { path: ['customerSuccess', 'churnRate'], label: 'churnRate', help: 'churnRateHelp', kind: 'percent' },
      { path: ['customerSuccess', 'overloadChurnPerUnit'], label: 'overloadChurn', help: 'overloadChurnHelp', kind: 'percent' },
      { path: ['customerSuccess', 'expansionRate'], label: 'expansionRate', help: 'expansionRateHelp', kind: 'percent' },
    ],
  },
  {
    title: 'run',
    department: 'run',
    fields: [
      { path: ['horizonDays'], label: 'horizonDays', help: 'horizonDaysHelp', kind: 'number' },
      { path: ['warmupDays'], label: 'warmupDays', help: 'warmupDaysHelp', kind: 'number' },
      { path: ['replications'], label: 'replications', help: 'replicationsHelp', kind: 'number' },
      { path: ['seed'], label: 'seed', help: 'seedHelp', kind: 'text' },
      { path: ['targets', 'arrYen'], label: 'targetArr', help: 'targetArrHelp', kind: 'yen' },
    ],
  },
];
