/**
 * The departments, declared once: each one's name, colours, place in the engine
 * and editable fields. The editor, the charts, the flow picture, the CSV, the
 * bottleneck verdict and the CLI all read these descriptors.
 *
 * The order is the scenario's DEPARTMENTS (flow order), which the schema and the
 * engine read too; a department added there without a descriptor here does not
 * compile. Texts are message keys: every text lives in i18n/messages.ts beside
 * its translation, where the compiler checks both languages have it.
 */
import { DEPARTMENTS, QUEUE_DEPARTMENTS, type Department, type QueueDepartment } from '../scenario/types.ts';
import type { MessageKey } from '../i18n/messages.ts';
import { COST_PER_HEAD, HEADCOUNT, STAFF_CHANCE, WAITING_FIELDS, type FieldDef } from './fields.ts';

/** What a department with a queue adds: its engine stage and the words for what waits there. */
export interface QueueStage {
  /** The engine's index of the department's stage (SimulateOptions.onStart's k): 0 IS, 1 FS, 2 CS. */
  index: number;
  /** The items it works, as the verdict names them ("MQLs"), in the app and in the terminal report. */
  items: MessageKey;
  reportItems: MessageKey;
  /** What happened to the items it lost while waiting, as the verdict says it, in the app and in the terminal report. */
  lostWords: MessageKey;
  reportLostWords: MessageKey;
}

/** Everything the app says and draws about one department. */
export interface DepartmentInfo<K extends Department = Department> {
  key: K;
  /** Its name. */
  label: MessageKey;
  /** Colour of its charts, its flow box and its next-hire row (colour-blind safe: Okabe and Ito). */
  colour: string;
  /** Colour of its card's top border in the editor. */
  cardColour: string;
  /**
   * What flows into it from the department before (a count of the run's funnel) and
   * that flow's name, for the flow picture's arrows. IS-complete deals reach Customer
   * Success from Inside Sales directly (funnel.wonByInsideSales), drawn as their own arrow.
   */
  inflow: { count: 'leads' | 'mqls' | 'sqlsToFieldSales' | 'wonByFieldSales'; label: MessageKey };
  /** Its queueing stage in the engine; null for Marketing, the source of leads, which has no queue. */
  stage: K extends QueueDepartment ? QueueStage : null;
  /** Its editable fields, in the editor's order; paths are within the department. */
  fields: FieldDef[];
  /**
   * Validation problems about several of its fields together, shown under its card:
   * the path in the scenario, and the label that names them in the message.
   */
  jointProblems: { path: string; label: MessageKey }[];
}

const INFO: { [K in Department]: DepartmentInfo<K> } = {
  marketing: {
    key: 'marketing',
    label: 'marketing',
    inflow: { count: 'leads', label: 'leads' },
    colour: '#E69F00',
    cardColour: '#e69f00',
    stage: null,
    fields: [
      HEADCOUNT,
      { path: ['leadsPerHeadPerWeek'], label: 'leadsPerHead', help: 'leadsPerHeadHelp', kind: 'number' },
      { path: ['programBudgetYenPerMonth'], label: 'programBudget', help: 'programBudgetHelp', kind: 'yen' },
      { path: ['costPerLeadYen'], label: 'costPerLead', help: 'costPerLeadHelp', kind: 'yen' },
      { path: ['mix', 'buyingNow'], label: 'mixBuyingNow', help: 'mixBuyingNowHelp', kind: 'percent' },
      { path: ['mix', 'later'], label: 'mixLater', help: 'mixLaterHelp', kind: 'percent' },
      { path: ['mix', 'never'], label: 'mixNever', help: 'mixNeverHelp', kind: 'percent' },
      { path: ['mqlNoiseShare'], label: 'mqlNoise', help: 'mqlNoiseHelp', kind: 'percent' },
      COST_PER_HEAD,
      ...STAFF_CHANCE,
      { path: ['startMonth'], label: 'startMonth', help: 'startMonthHelp', kind: 'month', advanced: true },
      { path: ['seasonality'], label: 'seasonality', help: 'seasonalityHelp', kind: 'seasonality', advanced: true },
      { path: ['qualificationDays'], label: 'qualificationDays', help: 'qualificationDaysHelp', kind: 'mean', advanced: true },
      { path: ['nurtureDays'], label: 'nurtureDays', help: 'nurtureDaysHelp', kind: 'mean', advanced: true },
      { path: ['nurtureReturnShare'], label: 'nurtureReturn', help: 'nurtureReturnHelp', kind: 'percent', advanced: true },
    ],
    // The three shares of the mix must sum to 1: a problem of none of them alone.
    jointProblems: [{ path: 'marketing.mix', label: 'leadMix' }, { path: 'marketing', label: 'marketing' }],
  },
  insideSales: {
    key: 'insideSales',
    label: 'insideSales',
    inflow: { count: 'mqls', label: 'mqls' },
    colour: '#0072B2',
    // A lighter blue than its charts' (as shipped; see the report of issue 12).
    cardColour: '#56b4e9',
    stage: { index: 0, items: 'itemsIs', reportItems: 'reportItemsIs', lostWords: 'lostIs', reportLostWords: 'reportLostIs' },
    fields: [
      HEADCOUNT,
      { path: ['concurrentPerHead'], label: 'concurrentIs', help: 'concurrentIsHelp', kind: 'count' },
      { path: ['workDays'], label: 'workDays', help: 'workDaysHelp', kind: 'mean' },
      { path: ['sqlRate'], label: 'sqlRate', help: 'sqlRateHelp', kind: 'percent', overriddenBySegment: 'sqlRate' },
      ...WAITING_FIELDS,
      { path: ['recycleShare'], label: 'recycleIs', help: 'recycleIsHelp', kind: 'percent', advanced: true },
      COST_PER_HEAD,
      ...STAFF_CHANCE,
    ],
    jointProblems: [],
  },
  fieldSales: {
    key: 'fieldSales',
    label: 'fieldSales',
    inflow: { count: 'sqlsToFieldSales', label: 'sqls' },
    colour: '#009E73',
    cardColour: '#009e73',
    stage: { index: 1, items: 'itemsFs', reportItems: 'reportItemsFs', lostWords: 'lostFs', reportLostWords: 'reportLostFs' },
    fields: [
      HEADCOUNT,
      { path: ['concurrentPerHead'], label: 'concurrentFs', help: 'concurrentFsHelp', kind: 'count' },
      { path: ['cycleDays'], label: 'cycleDays', help: 'cycleDaysHelp', kind: 'mean', overriddenBySegment: 'cycleDays' },
      { path: ['winRate'], label: 'winRate', help: 'winRateHelp', kind: 'percent', overriddenBySegment: 'winRate' },
      { path: ['acvYen'], label: 'acv', help: 'acvHelp', kind: 'mean', yen: true, overriddenBySegment: 'acvYen' },
      ...WAITING_FIELDS,
      { path: ['recycleShare'], label: 'recycleFs', help: 'recycleFsHelp', kind: 'percent', advanced: true },
      COST_PER_HEAD,
      ...STAFF_CHANCE,
    ],
    jointProblems: [],
  },
  customerSuccess: {
    key: 'customerSuccess',
    label: 'customerSuccess',
    inflow: { count: 'wonByFieldSales', label: 'won' },
    colour: '#CC79A7',
    cardColour: '#cc79a7',
    stage: { index: 2, items: 'itemsCs', reportItems: 'reportItemsCs', lostWords: 'lostCs', reportLostWords: 'reportLostCs' },
    fields: [
      HEADCOUNT,
      { path: ['concurrentPerHead'], label: 'concurrentCs', help: 'concurrentCsHelp', kind: 'count' },
      { path: ['onboardingDays'], label: 'onboardingDays', help: 'onboardingDaysHelp', kind: 'mean' },
      { path: ['accountsPerHead'], label: 'accountsPerCsm', help: 'accountsPerCsmHelp', kind: 'number' },
      { path: ['churnRate'], label: 'churnRate', help: 'churnRateHelp', kind: 'percent' },
      { path: ['overloadChurnPerUnit'], label: 'overloadChurn', help: 'overloadChurnHelp', kind: 'percent' },
      { path: ['expansionRate'], label: 'expansionRate', help: 'expansionRateHelp', kind: 'percent' },
      { path: ['expansionShare'], label: 'expansionShare', help: 'expansionShareHelp', kind: 'mean', share: true, advanced: true },
      { path: ['contractMonths'], label: 'contractMonths', help: 'contractMonthsHelp', kind: 'number', advanced: true },
      { path: ['onboardingWaitChurnPerDay'], label: 'onboardingWaitChurn', help: 'onboardingWaitChurnHelp', kind: 'percent', advanced: true },
      { path: ['onboardingWaitChurnMax'], label: 'onboardingWaitChurnMax', help: 'onboardingWaitChurnMaxHelp', kind: 'percent', advanced: true },
      { path: ['patienceDays'], label: 'onboardingPatience', help: 'onboardingPatienceHelp', kind: 'patience', advanced: true },
      { path: ['discipline'], label: 'discipline', help: 'discipline', kind: 'discipline', advanced: true },
      { path: ['initialAccounts'], label: 'initialAccounts', help: 'initialAccountsHelp', kind: 'number', advanced: true },
      { path: ['grossMargin'], label: 'grossMargin', help: 'grossMarginHelp', kind: 'percent', advanced: true },
      COST_PER_HEAD,
      ...STAFF_CHANCE,
    ],
    jointProblems: [],
  },
};

/** The descriptor of department `d`. */
export function department<K extends Department>(d: K): DepartmentInfo<K> {
  return INFO[d];
}

/** All departments' descriptors, in flow order. */
export const DEPARTMENT_LIST: readonly DepartmentInfo[] = DEPARTMENTS.map((d) => INFO[d]);

/** The departments with a queue (all but Marketing), in flow order. */
export const QUEUE_DEPARTMENT_LIST: readonly DepartmentInfo<QueueDepartment>[] = QUEUE_DEPARTMENTS.map((d) => INFO[d]);

/** Whether `key` names a department with a queue (a group of a run's measures, say). */
export function isQueueDepartment(key: string): key is QueueDepartment {
  return (QUEUE_DEPARTMENTS as readonly string[]).includes(key);
}

export { DEPARTMENTS, QUEUE_DEPARTMENTS, type Department, type QueueDepartment };
