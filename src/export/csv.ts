/**
 * A run's results as CSV that Excel opens cleanly, Japanese Excel included:
 * UTF-8 with a BOM (without it Japanese Excel reads the file as Shift_JIS and
 * garbles every label), CRLF line ends and RFC 4180 quoting.
 *
 * The file is one rectangular table (every row has the same number of fields):
 *
 * 1. Rows naming the run, key in the first field and value in the second: scenario
 *    name, seed, replications, horizon and warm-up in days, ARR target in yen and
 *    the probability of reaching it (empty without a target), the bottleneck, and
 *    the engine version that made the numbers.
 * 2. An empty row.
 * 3. The results in long format, one row per measure (and per week or month of a
 *    series), under the header `section, measure, department, unit, week, month,
 *    mean, p10, p50, p90, ci_low, ci_high` (in Japanese: 区分, 指標, 部門, 単位, 週,
 *    経過月, 平均, P10, 中央値, P90, 95%信頼区間下限, 95%信頼区間上限). Sections, in
 *    this order: the whole period (every number measured per replication: week and
 *    month empty); weekly (every series named ...ByWeek: week 1 is days 0-7 of the
 *    period); monthly (every series named ...ByMonth: month n is the n-th 365/12-day
 *    month from day 0, not a calendar month). `department` names the queueing
 *    department a measure belongs to, empty for the funnel, revenue and population.
 *    p10, p50 and p90 are percentiles over replications; ci_low and ci_high the 95%
 *    confidence interval of the mean.
 *
 * Numbers use '.' and no thousands separators; yen are whole numbers, everything
 * else has 6 significant digits (more only before the decimal point); shares are
 * fractions (1 = 100%). A value that is not defined (a rate with nothing to
 * divide, an interval from one replication) is an empty field.
 */
import type { RunResult } from '../montecarlo/run.ts';
import type { Lang } from '../i18n/format.ts';
import { translate } from '../i18n/messages.ts';
import { departmentName, describeMeasure, UNIT_LABELS, type Unit } from './csvLabels.ts';
import { QUEUE_DEPARTMENTS } from '../domain/departments.ts';

/** The results table's header, by language. */
export const CSV_COLUMNS: Record<Lang, readonly string[]> = {
  en: ['section', 'measure', 'department', 'unit', 'week', 'month', 'mean', 'p10', 'p50', 'p90', 'ci_low', 'ci_high'],
  ja: ['区分', '指標', '部門', '単位', '週', '経過月', '平均', 'P10', '中央値', 'P90', '95%信頼区間下限', '95%信頼区間上限'],
};

type Section = 'period' | 'weekly' | 'monthly';

const SECTION_LABELS: Record<Section, Record<Lang, string>> = {
  period: { en: 'whole period', ja: '期間全体' },
  weekly: { en: 'weekly', ja: '週次' },
  monthly: { en: 'monthly', ja: '月次' },
};

const META_KEYS = {
  scenario: { en: 'scenario', ja: 'シナリオ' },
  seed: { en: 'seed', ja: 'シード' },
  replications: { en: 'replications', ja: '試行回数' },
  horizonDays: { en: 'horizon_days', ja: '期間(日)' },
  warmupDays: { en: 'warmup_days', ja: 'ウォームアップ(日)' },
  targetArrYen: { en: 'target_arr_yen', ja: 'ARR目標(円)' },
  targetProbability: { en: 'target_probability', ja: '目標達成確率' },
  bottleneck: { en: 'bottleneck', ja: 'ボトルネック' },
  engineVersion: { en: 'engine_version', ja: 'エンジン版' },
} satisfies Record<string, Record<Lang, string>>;

const LIMIT_WORDS = {
  capacity: { en: 'limited by capacity', ja: '処理能力が制約' },
  demand: { en: 'limited by demand', ja: '需要が制約' },
};

/** A summary (one number) or a series summary (arrays) as found in a run's measures. */
interface Stats<T> {
  mean: T;
  p10: T;
  p50: T;
  p90: T;
  ciLow: T;
  ciHigh: T;
}

interface Leaf {
  path: string[];
  stats: Stats<number> | Stats<number[]>;
}

/** Summaries in measure order; undefined values may be NaN or, from JSON, null. */
function leavesOf(node: unknown, path: string[], out: Leaf[]): Leaf[] {
  if (typeof node !== 'object' || node === null) return out;
  if ('ciHigh' in node && 'p50' in node) out.push({ path, stats: node as Leaf['stats'] });
  else for (const [key, child] of Object.entries(node)) leavesOf(child, [...path, key], out);
  return out;
}

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * A text field: quoted when it holds a comma, quote, CR or LF. Text Excel would run
 * as a formula (=, +, -, @ or a control character first; a shared link's scenario
 * name is someone else's text) gets a leading apostrophe.
 */
export function textField(s: string): string {
  const safe = /^[=+\-@\t\r\n]/.test(s) && !NUMBER_TEXT.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Plain digits for a number that String() would write with an exponent. */
function withoutExponent(x: number): string {
  const s = String(x);
  if (!/e/i.test(s)) return s;
  if (Math.abs(x) >= 1) return BigInt(Math.round(x)).toString();
  const decimals = Math.min(100, 5 - Math.floor(Math.log10(Math.abs(x))));
  return x.toFixed(decimals).replace(/\.?0+$/, '');
}

/** A number field: empty when undefined, yen whole, else 6 significant digits. */
function numberField(x: unknown, unit: Unit): string {
  if (typeof x !== 'number' || !Number.isFinite(x)) return '';
  // `|| 0` turns -0 into 0.
  if (unit === 'yen') return withoutExponent(Math.round(x) || 0);
  if (x === 0) return '0';
  const integerDigits = Math.floor(Math.log10(Math.abs(x))) + 1;
  return withoutExponent(Number(x.toPrecision(Math.min(100, Math.max(6, integerDigits)))) || 0);
}

function sectionOf(leaf: Leaf): Section {
  if (!Array.isArray(leaf.stats.mean)) return 'period';
  return leaf.path[leaf.path.length - 1].endsWith('ByMonth') ? 'monthly' : 'weekly';
}

// The order a reader looks for things in: the funnel and money first, the engine's event count last.
const GROUP_ORDER = ['funnel', 'revenue', 'waitingCost', ...QUEUE_DEPARTMENTS, 'bookCoverageEnd', 'staffing', 'population', 'events'];
const groupRank = (leaf: Leaf) => {
  const i = GROUP_ORDER.indexOf(leaf.path[0]);
  return i < 0 ? GROUP_ORDER.length : i;
};

// Control variates are the comparison's statistical aid (mean zero by construction), not business measures.
const NOT_EXPORTED = ['controls'];

function resultRows(result: RunResult, lang: Lang): string[][] {
  // Array sort is stable: within a group, measures keep the result's order.
  const leaves = leavesOf(result.measures, [], [])
    .filter((l) => !NOT_EXPORTED.includes(l.path[0]))
    .sort((a, b) => groupRank(a) - groupRank(b));
  const rows: string[][] = [];
  for (const section of ['period', 'weekly', 'monthly'] as const) {
    for (const leaf of leaves.filter((l) => sectionOf(l) === section)) {
      // A measure without a label still appears, under its path (tests keep labels complete).
      const d = describeMeasure(leaf.path, lang) ?? { label: leaf.path.join('.'), unit: 'count' as const, department: null };
      const head = [SECTION_LABELS[section][lang], d.label, d.department ? departmentName(d.department, lang) : '', UNIT_LABELS[d.unit][lang]].map(textField);
      const s = leaf.stats;
      const values = (i: number | null) =>
        [s.mean, s.p10, s.p50, s.p90, s.ciLow, s.ciHigh].map((v) => numberField(i === null ? v : (v as number[])[i], d.unit));
      if (section === 'period') rows.push([...head, '', '', ...values(null)]);
      else {
        const n = (s.mean as number[]).length;
        for (let i = 0; i < n; i++) {
          const at = String(i + 1);
          rows.push([...head, section === 'weekly' ? at : '', section === 'monthly' ? at : '', ...values(i)]);
        }
      }
    }
  }
  return rows;
}

function metaRows(result: RunResult, lang: Lang): string[][] {
  const { scenario, target, bottleneck } = result;
  const pairs: [keyof typeof META_KEYS, string][] = [
    ['scenario', textField(scenario.name)],
    ['seed', textField(scenario.seed)],
    ['replications', String(scenario.replications)],
    ['horizonDays', String(scenario.horizonDays)],
    ['warmupDays', String(scenario.warmupDays)],
    ['targetArrYen', target ? numberField(target.arrYen, 'yen') : ''],
    ['targetProbability', target ? numberField(target.probability, 'share') : ''],
    ['bottleneck', textField(`${translate(lang, bottleneck.department)}${lang === 'ja' ? `(${LIMIT_WORDS[bottleneck.limit].ja})` : ` (${LIMIT_WORDS[bottleneck.limit].en})`}`)],
    // Which engine made the numbers: the same scenario and seed give others under another version.
    ['engineVersion', String(result.engineVersion)],
  ];
  return pairs.map(([key, value]) => [textField(META_KEYS[key][lang]), value]);
}

/** `result` as CSV text (see the top of this file for the layout), labels in `lang`. */
export function resultCsv(result: RunResult, lang: Lang): string {
  const header = CSV_COLUMNS[lang].map(textField);
  const width = header.length;
  const pad = (row: string[]) => [...row, ...new Array<string>(width - row.length).fill('')];
  const rows = [...metaRows(result, lang).map(pad), pad([]), header, ...resultRows(result, lang)];
  return '\uFEFF' + rows.map((r) => r.join(',')).join('\r\n') + '\r\n';
}

/**
 * A file name for the CSV of scenario `scenarioName`: letters (any script), digits,
 * '-' and '_' kept, anything else (path separators, spaces, characters Windows
 * refuses) turned into '-', at most 60 characters of the name.
 */
export function csvFileName(scenarioName: string, lang: Lang): string {
  const safe = Array.from(
    scenarioName
      .normalize('NFC')
      .replace(/[^\p{L}\p{M}\p{N}_-]+/gu, '-')
      .replace(/^-+|-+$/g, ''),
  )
    .slice(0, 60)
    .join('')
    .replace(/-+$/, '');
  return `${safe || 'funnel'}-${lang === 'ja' ? '結果' : 'results'}.csv`;
}
