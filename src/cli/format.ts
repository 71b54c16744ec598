/**
 * Plain-text report of a run for the terminal: departments, funnel, revenue and
 * the bottleneck verdict, with medians and P10-P90 ranges, in English or
 * Japanese. Texts come from i18n/messages.ts; departments and causes of loss from
 * their descriptors (src/domain).
 */
import type { RunResult } from '../montecarlo/run.ts';
import type { Summary } from '../montecarlo/stats.ts';
import type { BottleneckVerdict } from '../montecarlo/bottleneck.ts';
import type { NextHire } from '../montecarlo/compare.ts';
import { funnelSteps, type FunnelStepKey } from '../montecarlo/funnelSteps.ts';
import { printable } from '../scenario/printable.ts';
import type { WarmupCheck } from '../montecarlo/warmup.ts';
import { translate, type MessageKey } from '../i18n/messages.ts';
import { formatCount, formatPercent, formatYen, type Lang } from '../i18n/format.ts';
import { department, isQueueDepartment, QUEUE_DEPARTMENT_LIST, type Department } from '../domain/departments.ts';
import { LOSS_CAUSE_LIST, sumOf, waitingLossesOf } from '../domain/lossCauses.ts';

/** Names of the funnel's rows in the report (all MQLs keep a name short enough for a table). */
const FUNNEL_NAMES: Record<FunnelStepKey, MessageKey> = {
  leads: 'leads',
  newMqls: 'newMqls',
  returnedMqls: 'returnedMqls',
  mqls: 'reportMqls',
  sqls: 'sqls',
  won: 'won',
};

/** Why the warm-up was not checked, by WarmupCheck reason. */
const REASON_NAMES: Record<WarmupCheck['reasons'][number], MessageKey> = {
  seasonality: 'reportReasonSeasonality',
  campaign: 'reportReasonCampaign',
  hiring: 'reportReasonHiring',
};

/** How the report writes numbers in one language ('-' or '–' where a number is undefined). */
interface Numbers {
  count: (x: number) => string;
  pct: (x: number) => string;
  days: (x: number) => string;
  yen: (x: number) => string;
}

const days = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '-');

/** Yen in millions or billions (JPY 12.3M), for an English terminal. */
export function yen(x: number): string {
  if (!Number.isFinite(x)) return '-';
  const a = Math.abs(x);
  if (a >= 1e9) return `¥${(x / 1e9).toFixed(2)}B`;
  if (a >= 1e6) return `¥${(x / 1e6).toFixed(1)}M`;
  return `¥${Math.round(x).toLocaleString('en-US')}`;
}

/**
 * English keeps the terminal's own formats (a percentage with one decimal, yen in
 * M and B with one more digit than the app's); Japanese uses the app's (i18n/format.ts):
 * yen in 万 and 億. Days are one decimal in both, the unit being in the heading.
 */
const NUMBERS: Record<Lang, Numbers> = {
  en: {
    count: (x) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '-'),
    pct: (x) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : '-'),
    days,
    yen,
  },
  ja: {
    count: (x) => formatCount(x, 'ja'),
    pct: formatPercent,
    days,
    yen: (x) => formatYen(x, 'ja'),
  },
};

/** Columns a text takes in a terminal: East Asian wide and full-width characters take two. */
function columns(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const wide =
      (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6);
    n += wide ? 2 : 1;
  }
  return n;
}

function pad(cells: string[], widths: number[]): string {
  return cells
    .map((c, i) => {
      const fill = ' '.repeat(Math.max(0, widths[i] - columns(c)));
      return i === 0 ? c + fill : fill + c;
    })
    .join('  ')
    .trimEnd();
}

/** Rows under a header, columns aligned (wide characters count double), the first left-aligned. */
export function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(columns(h), ...rows.map((r) => columns(r[i]))));
  return [pad(header, widths), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map((r) => pad(r, widths))];
}

/** The report's texts and numbers in `lang`. */
function writer(lang: Lang) {
  const t = (k: MessageKey, v: Record<string, string | number> = {}) => translate(lang, k, v);
  const n = NUMBERS[lang];
  return {
    t,
    n,
    dept: (d: Department) => t(department(d).label),
    range: (s: Summary, f: (x: number) => string) => `${f(s.p10)} - ${f(s.p90)}`,
    /** Sentences side by side: a space in English, none in Japanese. */
    join: (sentences: string[]) => sentences.join(lang === 'ja' ? '' : ' '),
  };
}

/** One sentence naming the bottleneck and its evidence; a verdict decided by the next best hire says so. */
export function verdictSentence(v: BottleneckVerdict, lang: Lang = 'en'): string {
  const w = writer(lang);
  const gain = `+${w.n.yen(v.hireGainYen ?? 0)}`;
  if (v.limit === 'demand' && v.basis === 'nextHire') return w.t('verdictDemandByHire', { gain });
  const notes = v.evidence
    .filter((e) => e.congested && e.blockedBy !== null && e.blockedBy === v.department)
    .map((e) => w.t('verdictHeldBack', { up: w.dept(e.department), down: w.dept(e.blockedBy!) }));
  if (v.basis === 'nextHire') notes.push(w.t('verdictByHire', { dept: w.dept(v.department), gain }));
  return w.join([loadSentence(v, lang), ...notes]);
}

/** The sentence judged from load: the department's evidence, or demand. */
function loadSentence(v: BottleneckVerdict, lang: Lang): string {
  const { t, n, dept } = writer(lang);
  if (v.limit === 'demand') {
    const busiest = [...v.evidence].sort((a, b) => b.utilisation - a.utilisation)[0];
    return t('reportDemand', { dept: dept(busiest.department), util: n.pct(busiest.utilisation) });
  }
  const e = v.evidence.find((x) => x.department === v.department)!;
  const stage = department(e.department).stage;
  const words = { dept: dept(e.department), items: t(stage.reportItems), lost: n.count(e.lostWaiting), lostWords: t(stage.reportLostWords), waiting: n.count(e.queueEnd), yen: n.yen(e.lostWaitingYen) };
  // Nothing started: there is no wait to quote, only items that were never worked.
  if (!Number.isFinite(e.waitDays)) return t('reportVerdictNoneStarted', words);
  return t('reportVerdictCapacity', { ...words, util: n.pct(e.utilisation), wait: n.days(e.waitDays) });
}

/** The name of a weekly series the warm-up check reads ('insideSales.queueByWeek': the Inside Sales queue). */
function seriesName(series: string, lang: Lang): string {
  const { t, dept } = writer(lang);
  if (series === 'funnel.mqlsByWeek') return t('warmupMqls');
  if (series === 'funnel.wonByWeek') return t('warmupWon');
  const d = series.split('.')[0];
  return isQueueDepartment(d) ? t('warmupQueue', { dept: dept(d) }) : series;
}

/** The warm-up check as a sentence: steady, not checked (and why), or which series still drift. */
export function warmupSentence(w: WarmupCheck, lang: Lang = 'en'): string {
  const { t, n } = writer(lang);
  const list = lang === 'ja' ? '、' : ', ';
  if (w.steady === null) return t('reportWarmupNotChecked', { reasons: w.reasons.map((r) => t(REASON_NAMES[r])).join(list) });
  if (w.steady) return t('reportWarmupSteady', { days: w.warmupDays });
  const signed = (v: number) => `${v >= 0 ? '+' : ''}${v.toFixed(2)}`;
  const drifts = w.series
    .filter((x) => x.drifts)
    .map((x) =>
      t(x.relativeChange > 0 ? 'reportDriftRise' : 'reportDriftFall', {
        series: seriesName(x.series, lang),
        pct: n.pct(Math.abs(x.relativeChange)),
        slope: signed(x.slopePerWeek.mean),
        low: signed(x.slopePerWeek.ciLow),
        high: signed(x.slopePerWeek.ciHigh),
        weeks: x.mserWeeks,
      }),
    );
  return t('reportWarmupWarning', { days: w.warmupDays, drifts: drifts.join(lang === 'ja' ? '、' : '; ') });
}

/** The full terminal report, in English unless `lang` says otherwise. */
export function formatReport(r: RunResult, lang: Lang = 'en'): string {
  const { t, n, dept, range } = writer(lang);
  const m = r.measures;
  const lines: string[] = [];
  // The name and seed are the file's text: printable() keeps escape codes in them from acting on the terminal.
  lines.push(t('reportHeader', { name: printable(r.scenario.name), reps: r.scenario.replications, days: r.scenario.horizonDays, seed: printable(r.scenario.seed) }));
  lines.push(t('reportMedians'), '');
  // A wait is undefined where nothing started: say so rather than print 0.
  const wait = (x: number) => (Number.isFinite(x) ? n.days(x) : t('reportNoneStarted'));
  lines.push(
    ...table(
      [t('reportDepartment'), t('reportUtilisation'), t('reportMeanWait'), t('reportP90Wait'), t('reportGaveUp'), t('reportBacklogEnd'), t('lostWhileWaiting')],
      QUEUE_DEPARTMENT_LIST.map((d) => {
        const s = m[d.key];
        const lost = sumOf(waitingLossesOf(d.key), (c) => m.funnel.lost[c].p50);
        return [dept(d.key), n.pct(s.utilisation.p50), wait(s.waitMeanDays.p50), wait(s.waitP90Days.p50), n.pct(s.abandonShare.p50), n.count(s.queueEnd.p50), n.count(lost)];
      }),
    ),
    ...t('reportStagesNote').split('\n'),
  );
  lines.push('', t('reportFunnel'));
  const f = m.funnel;
  lines.push(
    ...table(
      [t('reportStep'), t('reportCount'), t('reportRange'), t('reportConversion')],
      funnelSteps(f).map((step) => [
        t(FUNNEL_NAMES[step.key]),
        n.count(step.summary.p50),
        range(step.summary, n.count),
        step.rate ? t('rateOf', { rate: n.pct(step.rate.value), of: t(FUNNEL_NAMES[step.rate.of]) }) : '',
      ]),
    ),
    t('reportWorked', { sql: n.pct(f.sqlRateOfWorked.p50), win: n.pct(f.winRateOfWorked.p50) }),
  );
  lines.push('', t('lossesChart'));
  lines.push(...table([t('reportCause'), t('reportCount'), t('reportRange')], LOSS_CAUSE_LIST.map((c) => [t(c.reportLabel), n.count(f.lost[c.cause].p50), range(f.lost[c.cause], n.count)])));
  const v = m.revenue;
  const row = (label: MessageKey, s: Summary, format: (x: number) => string) => [t(label), format(s.p50), range(s, format)];
  lines.push('', t('reportRevenue'));
  lines.push(
    ...table(
      [t('measure'), t('kpiMedian'), t('reportRange')],
      [
        row('reportBookings', v.bookingsYen, n.yen),
        row('reportArrStart', v.arrStartYen, n.yen),
        row('arrEndYen', v.arrEndYen, n.yen),
        row('reportChurnedArr', v.churnedArrYen, n.yen),
        row('reportExpansionArr', v.expansionArrYen, n.yen),
        row('nrr', v.nrr, n.pct),
        row('reportGrr', v.grr, n.pct),
        row('reportCost', v.costYen, n.yen),
        row('reportCac', v.cacYen, n.yen),
        row('reportAnnualChurn', v.annualChurn, n.pct),
        row('reportLtv', v.ltvYen, n.yen),
        row('reportPayback', v.paybackMonths, n.days),
      ],
    ),
  );
  if (r.target) lines.push('', t('reportTarget', { target: n.yen(r.target.arrYen), p: n.pct(r.target.probability) }));
  lines.push('', t('reportBottleneck', { sentence: verdictSentence(r.bottleneck, lang) }));
  lines.push(warmupSentence(r.warmup, lang));
  return lines.join('\n');
}

/** The next-best-hire ranking for the terminal, in English unless `lang` says otherwise. */
export function formatNextHire(name: string, h: NextHire, lang: Lang = 'en'): string {
  const { t, n, dept } = writer(lang);
  const signedYen = (x: number) => (Math.abs(x) < 0.5 ? '0' : x > 0 ? `+${n.yen(x)}` : `-${n.yen(-x)}`);
  const signed = (x: number) => (Math.round(x) === 0 ? '0' : x > 0 ? `+${n.count(x)}` : `-${n.count(-x)}`);
  const rows = h.ranked.map((o, i) => {
    const d = o.differences;
    return [
      `${i + 1}. ${dept(o.department)}`,
      signedYen(d.arrEndYen.mean),
      t('reportInterval', { low: signedYen(d.arrEndYen.ciLow), high: signedYen(d.arrEndYen.ciHigh) }),
      n.pct(d.arrEndYen.pBetter),
      signed(-d.lostWhileWaiting.mean),
      signedYen(d.costYen.mean),
    ];
  });
  const lines = [
    t('reportHireHeader', { name: printable(name), reps: h.replications }),
    '',
    ...table([t('hire'), t('arrEndYen'), t('ci95'), t('reportPBetter'), t('lostAvoided'), t('costYen')], rows),
    '',
    t('reportBottleneckNow', { sentence: verdictSentence(h.bottleneckNow, lang) }),
    t('reportBottleneckAfter', { sentence: verdictSentence(h.bottleneckAfter, lang) }),
  ];
  return lines.join('\n');
}
