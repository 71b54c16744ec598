/**
 * Names and units of every measure of a run, in English and Japanese, for the CSV
 * export. Texts the app already shows come from its messages, so the CSV and the
 * screen use the same words. The tables are typed by the result's own fields: a
 * measure added to engine/results.ts without a label here does not compile.
 */
import type { FunnelResult, LiveState, LossCause, RevenueResult, StageResult, StaffingResult, WaitingCostResult } from '../engine/results.ts';
import { department as departmentInfo, isQueueDepartment, type QueueDepartment } from '../domain/departments.ts';
import { LOSS_CAUSE_LIST } from '../domain/lossCauses.ts';
import { translate, type MessageKey } from '../i18n/messages.ts';
import type { Lang } from '../i18n/format.ts';

/** What a measure's numbers are; it also decides how they are written (yen as whole numbers). */
export type Unit = 'count' | 'itemDays' | 'perDay' | 'days' | 'months' | 'yen' | 'share' | 'ratio' | 'slots';

/** A text in both languages, or the key of a text the app already has. */
type Text = MessageKey | { en: string; ja: string };

interface MeasureText {
  label: Text;
  unit: Unit;
}

/** Unit names, as written in the CSV's unit column. */
export const UNIT_LABELS: Record<Unit, { en: string; ja: string }> = {
  count: { en: 'count', ja: '件' },
  itemDays: { en: 'item-days', ja: '件・日' },
  perDay: { en: 'per day', ja: '件/日' },
  days: { en: 'days', ja: '日' },
  months: { en: 'months', ja: 'か月' },
  yen: { en: 'yen', ja: '円' },
  share: { en: 'share (1 = 100%)', ja: '割合(1 = 100%)' },
  ratio: { en: 'ratio (1 = 100%)', ja: '比率(1 = 100%)' },
  slots: { en: 'slots', ja: '枠' },
};

const WAITING = { en: 'Waiting (time average)', ja: '待ち件数(時間平均)' };
const IN_WORK = { en: 'In work (time average)', ja: '対応中件数(時間平均)' };

/** A queueing department's measures; the CSV's department column says which one. */
const STAGE_MEASURES: Record<keyof StageResult, MeasureText> = {
  arrivals: { label: { en: 'Arrivals', ja: '流入件数' }, unit: 'count' },
  starts: { label: { en: 'Work started', ja: '着手件数' }, unit: 'count' },
  completions: { label: { en: 'Work finished', ja: '完了件数' }, unit: 'count' },
  conversions: { label: { en: 'Converted (SQL, won deal or onboarded account)', ja: '転換件数(SQL化・受注・オンボーディング完了)' }, unit: 'count' },
  abandoned: { label: { en: 'Gave up waiting', ja: '待ちで離脱した件数' }, unit: 'count' },
  recycled: { label: { en: 'Sent back to nurture', ja: 'ナーチャリングに戻した件数' }, unit: 'count' },
  workMeanDays: { label: { en: 'Mean work time', ja: '平均対応期間' }, unit: 'days' },
  waitMeanDays: { label: { en: 'Mean wait before work starts', ja: '着手までの平均待ち時間' }, unit: 'days' },
  waitP90Days: { label: { en: 'P90 wait before work starts', ja: '着手までの待ち時間(P90)' }, unit: 'days' },
  pWait: { label: { en: 'Share of items that waited', ja: '待ちが発生した割合' }, unit: 'share' },
  waitAllMeanDays: { label: { en: 'Mean time in the queue (started or gave up)', ja: '待ち行列での平均滞在期間(着手・離脱とも)' }, unit: 'days' },
  abandonShare: { label: 'abandonShare', unit: 'share' },
  utilisation: { label: 'utilisationChart', unit: 'share' },
  queueMean: { label: WAITING, unit: 'count' },
  wipMean: { label: IN_WORK, unit: 'count' },
  queueDays: { label: { en: 'Item-days spent waiting', ja: '待ちの延べ日数' }, unit: 'itemDays' },
  arrivalsPerDay: { label: { en: 'Arrivals per day', ja: '1日あたり流入件数' }, unit: 'perDay' },
  queueEnd: { label: 'backlogEnd', unit: 'count' },
  wipEnd: { label: { en: 'In work at the end', ja: '期末の対応中件数' }, unit: 'count' },
  // A week's time average: the same words as the period's, the section tells them apart.
  queueByWeek: { label: WAITING, unit: 'count' },
  wipByWeek: { label: IN_WORK, unit: 'count' },
  slotsEnd: { label: { en: 'Slots at the end (people × items at once)', ja: '期末の対応枠(人数 × 同時対応数)' }, unit: 'slots' },
};

const FUNNEL_MEASURES: Record<Exclude<keyof FunnelResult, 'lost'>, MeasureText> = {
  leads: { label: 'leads', unit: 'count' },
  newMqls: { label: 'newMqls', unit: 'count' },
  returnedMqls: { label: 'returnedMqls', unit: 'count' },
  mqls: { label: 'allMqls', unit: 'count' },
  sqls: { label: 'sqls', unit: 'count' },
  won: { label: 'wonDeals', unit: 'count' },
  sqlsToFieldSales: { label: { en: 'SQLs handed to Field Sales', ja: 'FSに渡したSQL' }, unit: 'count' },
  wonByFieldSales: { label: { en: 'Deals won by Field Sales', ja: 'FSの受注' }, unit: 'count' },
  wonByInsideSales: { label: { en: 'Deals won by Inside Sales alone (IS-complete)', ja: 'ISが単独で受注(IS完結)' }, unit: 'count' },
  mqlRate: { label: 'mqlRate', unit: 'share' },
  sqlRate: { label: 'sqlRate', unit: 'share' },
  winRate: { label: 'winRate', unit: 'share' },
  sqlRateOfWorked: { label: 'sqlRateOfWorked', unit: 'share' },
  winRateOfWorked: { label: 'winRateOfWorked', unit: 'share' },
  leadsByWeek: { label: 'leads', unit: 'count' },
  mqlsByWeek: { label: 'mqls', unit: 'count' },
  sqlsByWeek: { label: 'sqls', unit: 'count' },
  wonByWeek: { label: 'wonDeals', unit: 'count' },
};

const REVENUE_MEASURES: Record<keyof RevenueResult, MeasureText> = {
  bookingsYen: { label: { en: 'Bookings (ACV won)', ja: '受注金額(ACV)' }, unit: 'yen' },
  arrEndYen: { label: 'arrEndYen', unit: 'yen' },
  arrStartYen: { label: { en: 'ARR at the start', ja: '期首ARR' }, unit: 'yen' },
  arrByMonth: { label: { en: 'ARR at the end of the month', ja: '月末ARR' }, unit: 'yen' },
  bookingsByMonth: { label: { en: 'Bookings (ACV won)', ja: '受注金額(ACV)' }, unit: 'yen' },
  churnedArrYen: { label: { en: 'Churned ARR', ja: '解約ARR' }, unit: 'yen' },
  expansionArrYen: { label: { en: 'Expansion ARR', ja: 'アップセルARR' }, unit: 'yen' },
  nrr: { label: 'nrr', unit: 'ratio' },
  grr: { label: { en: 'GRR', ja: 'GRR' }, unit: 'ratio' },
  customersEnd: { label: { en: 'Customers at the end', ja: '期末顧客数' }, unit: 'count' },
  costYen: { label: 'costYen', unit: 'yen' },
  headcountCostYen: { label: { en: 'People cost', ja: '人件費' }, unit: 'yen' },
  programCostYen: { label: { en: 'Programme spend', ja: '施策費' }, unit: 'yen' },
  cacYen: { label: 'cacYen', unit: 'yen' },
  ltvYen: { label: 'ltv', unit: 'yen' },
  paybackMonths: { label: { en: 'CAC payback', ja: 'CAC回収期間' }, unit: 'months' },
  meanAcvYen: { label: { en: 'Mean ACV of deals won', ja: '受注の平均ACV' }, unit: 'yen' },
  annualChurn: { label: 'churn', unit: 'share' },
  churnedAccounts: { label: 'churnedAccounts', unit: 'count' },
  renewals: { label: { en: 'Renewal decisions', ja: '更新判断の件数' }, unit: 'count' },
};

/** ARR lost to waiting (waitingCost.<cause>Yen): the README's "The cost of waiting in yen". */
const WAITING_COST_MEASURES: Record<keyof WaitingCostResult, MeasureText> = {
  neverContactedYen: { label: { en: 'ARR lost to waiting: MQLs never contacted', ja: '待ちによるARR損失: 未接触のMQL' }, unit: 'yen' },
  wentColdYen: { label: { en: 'ARR lost to waiting: MQLs that went cold waiting for IS', ja: '待ちによるARR損失: IS待ちで冷めたMQL' }, unit: 'yen' },
  stalledYen: { label: { en: 'ARR lost to waiting: opportunities stalled waiting for FS', ja: '待ちによるARR損失: FS待ちで停滞した商談' }, unit: 'yen' },
  churnOverloadYen: { label: { en: 'ARR lost to waiting: churn from CS overload', ja: '待ちによるARR損失: CS過負荷による解約' }, unit: 'yen' },
  churnOnboardingYen: { label: { en: 'ARR lost to waiting: churn from onboarding waits', ja: '待ちによるARR損失: オンボーディング待ちによる解約' }, unit: 'yen' },
  totalYen: { label: { en: 'ARR lost to waiting (total)', ja: '待ちによるARR損失(合計)' }, unit: 'yen' },
  arrIfNoWaitYen: { label: { en: 'ARR had no one waited (ARR at the end + ARR lost to waiting)', ja: '待ちがなかった場合のARR(期末ARR + 待ちによる損失)' }, unit: 'yen' },
};

const PAID = { en: 'Paid headcount (time average)', ja: '在籍人数(時間平均)' };
const PRODUCTIVE = { en: 'Productive headcount, ramp counted (time average)', ja: '戦力人数(立ち上がり考慮、時間平均)' };

/** A department's people (staffing.<department>); the department column says which, Marketing's label says so. */
const STAFFING_MEASURES: Record<keyof StaffingResult, MeasureText> = {
  paidEnd: { label: { en: 'Paid headcount at the end', ja: '期末の在籍人数' }, unit: 'count' },
  productiveEnd: { label: { en: 'Productive headcount at the end (ramp counted)', ja: '期末の戦力人数(立ち上がり考慮)' }, unit: 'count' },
  leavers: { label: { en: 'People who left (attrition)', ja: '離職者数' }, unit: 'count' },
  paidByWeek: { label: PAID, unit: 'count' },
  productiveByWeek: { label: PRODUCTIVE, unit: 'count' },
};

// A cause's name is the one the charts show (its descriptor's label).
const LOSS_TEXT = Object.fromEntries(LOSS_CAUSE_LIST.map((c) => [c.cause, c.label])) as Record<LossCause, Text>;

const LIVE_TEXT: Record<LiveState, Text> = {
  marketing: { en: 'In Marketing (before MQL)', ja: 'マーケティング(MQL前)' },
  nurture: { en: 'In nurture', ja: 'ナーチャリング中' },
  isQueue: { en: 'Waiting for IS', ja: 'IS待ち' },
  isService: { en: 'Being worked by IS', ja: 'IS対応中' },
  fsQueue: { en: 'Waiting for FS', ja: 'FS待ち' },
  fsService: { en: 'In a sales cycle (FS)', ja: 'FS商談中' },
  csQueue: { en: 'Waiting for onboarding', ja: 'オンボーディング待ち' },
  csService: { en: 'Onboarding', ja: 'オンボーディング中' },
  customer: { en: 'Customer', ja: '顧客' },
};

/** Prefixes of the grouped measures (losses and where leads are), joined to the item's name. */
const GROUPS = {
  funnelLost: { en: 'Lost in the period', ja: '期間中の損失' },
  populationLive: { en: 'All leads created, where at the end', ja: '作成した全リードの期末状態' },
  populationLost: { en: 'All leads created, lost', ja: '作成した全リードの損失' },
};
const CREATED: MeasureText = { label: { en: 'Leads created in the whole run (warm-up included)', ja: '作成したリード(ウォームアップを含む全期間)' }, unit: 'count' };
const EVENTS: MeasureText = { label: { en: 'Simulation events', ja: 'シミュレーションのイベント数' }, unit: 'count' };
const COVERAGE: MeasureText = { label: { en: 'Book coverage at the end (accounts / CS capacity)', ja: '期末の担当カバー率(顧客数 / CS担当能力)' }, unit: 'ratio' };

function textOf(t: Text, lang: Lang): string {
  return typeof t === 'string' ? translate(lang, t) : t[lang];
}

function grouped(prefix: { en: string; ja: string }, item: Text, lang: Lang): string {
  return `${prefix[lang]}: ${textOf(item, lang)}`;
}

function lookup<T>(table: Record<string, T>, key: string | undefined): T | undefined {
  return key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}

const NAMED_DEPARTMENTS = { marketing: 1, insideSales: 1, fieldSales: 1, customerSuccess: 1 };

/** How the CSV names a measure: its label, its unit and the department it belongs to. */
export interface MeasureDescription {
  label: string;
  unit: Unit;
  department: QueueDepartment | null;
}

/**
 * The label, unit and department of the measure at `path` in a run's measures
 * (e.g. ['insideSales', 'waitMeanDays'] or ['funnel', 'lost', 'isCold']); null for
 * a path that is not a measure.
 */
export function describeMeasure(path: readonly string[], lang: Lang): MeasureDescription | null {
  const [group, key, item] = path;
  const plain = (m: MeasureText | undefined, department: QueueDepartment | null = null): MeasureDescription | null =>
    m ? { label: textOf(m.label, lang), unit: m.unit, department } : null;
  if (path.length === 1) {
    if (group === 'events') return plain(EVENTS);
    if (group === 'bookCoverageEnd') return plain(COVERAGE, 'customerSuccess');
    return null;
  }
  const department = isQueueDepartment(group) ? group : null;
  if (path.length === 2) {
    if (department) return plain(lookup(STAGE_MEASURES, key), department);
    if (group === 'funnel') return plain(lookup(FUNNEL_MEASURES, key));
    if (group === 'revenue') return plain(lookup(REVENUE_MEASURES, key));
    if (group === 'waitingCost') return plain(lookup(WAITING_COST_MEASURES, key));
    if (group === 'population' && key === 'created') return plain(CREATED);
    return null;
  }
  if (path.length === 3) {
    if (group === 'staffing') {
      const m = lookup(STAFFING_MEASURES, item);
      if (!m || !key || !Object.hasOwn(NAMED_DEPARTMENTS, key)) return null;
      if (isQueueDepartment(key)) return plain(m, key);
      return { label: `${translate(lang, departmentInfo(key as 'marketing').label)}: ${textOf(m.label, lang)}`, unit: m.unit, department: null };
    }
    const cause = lookup(LOSS_TEXT, item);
    if (group === 'funnel' && key === 'lost' && cause) return { label: grouped(GROUPS.funnelLost, cause, lang), unit: 'count', department: null };
    if (group === 'population' && key === 'lost' && cause) return { label: grouped(GROUPS.populationLost, cause, lang), unit: 'count', department: null };
    const state = lookup(LIVE_TEXT, item);
    if (group === 'population' && key === 'live' && state) return { label: grouped(GROUPS.populationLive, state, lang), unit: 'count', department: null };
  }
  return null;
}

/** The name of department `d`, as the CSV's department column writes it. */
export function departmentName(d: QueueDepartment, lang: Lang): string {
  return translate(lang, departmentInfo(d).label);
}
