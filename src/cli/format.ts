/**
 * Plain-text report of a run for the terminal: departments, funnel, revenue and
 * the bottleneck verdict, with medians and P10-P90 ranges.
 */
import type { RunResult } from '../montecarlo/run.ts';
import type { Summary } from '../montecarlo/stats.ts';
import type { BottleneckVerdict } from '../montecarlo/bottleneck.ts';
import { LOSS_CAUSES, type LossCause } from '../engine/results.ts';
import type { NextHire } from '../montecarlo/compare.ts';
import { funnelSteps, type FunnelStepKey } from '../montecarlo/funnelSteps.ts';
import { printable } from '../scenario/printable.ts';
import type { WarmupCheck } from '../montecarlo/warmup.ts';

/** English names of departments. */
export const DEPARTMENT_NAMES = {
  marketing: 'Marketing',
  insideSales: 'Inside Sales',
  fieldSales: 'Field Sales',
  customerSuccess: 'Customer Success',
} as const;

/** English names of loss causes, in the words of MODEL.md. */
export const LOSS_NAMES: Record<LossCause, string> = {
  notQualified: 'never qualified (not a buyer)',
  isAbandoned: 'never contacted (gave up waiting for IS)',
  isCold: 'went cold waiting for IS',
  isDisqualified: 'disqualified by IS',
  fsAbandoned: 'stalled waiting for FS (gave up)',
  fsCold: 'stalled waiting for FS (intent decayed)',
  dealLost: 'lost deal',
  csAbandoned: 'cancelled waiting for onboarding',
  churnBase: 'base churn',
  churnOverload: 'churned from overload',
};

/** English names of the funnel's rows. */
const FUNNEL_NAMES: Record<FunnelStepKey, string> = {
  leads: 'Leads',
  newMqls: 'New MQLs',
  returnedMqls: 'Returned from nurture',
  mqls: 'MQLs to IS (new + returned)',
  sqls: 'SQLs',
  won: 'Won',
};

const count = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '-');
const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : '-');
const days = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '-');

/** Yen in millions or billions (JPY 12.3M), for an English terminal. */
export function yen(x: number): string {
  if (!Number.isFinite(x)) return '-';
  const a = Math.abs(x);
  if (a >= 1e9) return `¥${(x / 1e9).toFixed(2)}B`;
  if (a >= 1e6) return `¥${(x / 1e6).toFixed(1)}M`;
  return `¥${Math.round(x).toLocaleString('en-US')}`;
}

function pad(cells: string[], widths: number[]): string {
  return cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  return [pad(header, widths), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map((r) => pad(r, widths))];
}

const range = (s: Summary, f: (x: number) => string) => `${f(s.p10)} - ${f(s.p90)}`;

/** One sentence naming the bottleneck and its evidence; a verdict decided by the next best hire says so. */
export function verdictSentence(v: BottleneckVerdict): string {
  const gain = `+${yen(v.hireGainYen ?? 0)}`;
  if (v.limit === 'demand' && v.basis === 'nextHire') return `One more marketer adds the most ARR (${gain}): lead volume from Marketing limits the funnel.`;
  const notes = v.evidence
    .filter((e) => e.congested && e.blockedBy !== null && e.blockedBy === v.department)
    .map((e) => `${DEPARTMENT_NAMES[e.department]} is congested too, but ${DEPARTMENT_NAMES[e.blockedBy!]} already gets nearly all it can work, so one more person in ${DEPARTMENT_NAMES[e.department]} would add no wins.`);
  if (v.basis === 'nextHire') notes.push(`Decided by the next best hire: one more person in ${DEPARTMENT_NAMES[v.department]} adds ${gain} ARR, the most of any department.`);
  return [loadSentence(v), ...notes].join(' ');
}

/** The sentence judged from load: the department's evidence, or demand. */
function loadSentence(v: BottleneckVerdict): string {
  if (v.limit === 'demand') {
    const busiest = [...v.evidence].sort((a, b) => b.utilisation - a.utilisation)[0];
    return `No department is congested (busiest: ${DEPARTMENT_NAMES[busiest.department]} at ${pct(busiest.utilisation)}): lead volume from Marketing limits the funnel.`;
  }
  const e = v.evidence.find((x) => x.department === v.department)!;
  const item = { insideSales: 'MQLs', fieldSales: 'opportunities', customerSuccess: 'new accounts' }[e.department];
  const lostWords = { insideSales: 'were never contacted or went cold', fieldSales: 'stalled', customerSuccess: 'churned from overload or gave up on onboarding' }[e.department];
  // Nothing started: there is no wait to quote, only items that were never worked.
  if (!Number.isFinite(e.waitDays)) {
    return `${DEPARTMENT_NAMES[e.department]} is the bottleneck: no work started there, so its ${item} were never worked (${count(e.queueEnd)} waiting at the end); ${count(e.lostWaiting)} ${lostWords} in the period.`;
  }
  return (
    `${DEPARTMENT_NAMES[e.department]} is the bottleneck: ${pct(e.utilisation)} busy, ${item} wait ${days(e.waitDays)} days on median, ` +
    `${count(e.lostWaiting)} ${lostWords} in the period, ${count(e.queueEnd)} waiting at the end.`
  );
}

/** English names of the weekly series the warm-up check reads. */
const DRIFT_SERIES: Record<string, string> = {
  'funnel.mqlsByWeek': 'MQLs per week',
  'funnel.wonByWeek': 'wins per week',
  'insideSales.queueByWeek': 'the Inside Sales queue',
  'fieldSales.queueByWeek': 'the Field Sales queue',
  'customerSuccess.queueByWeek': 'the Customer Success queue',
};

/** The warm-up check as a sentence: steady, not checked (and why), or which series still drift. */
export function warmupSentence(w: WarmupCheck): string {
  if (w.steady === null) return `Warm-up: not checked, the scenario changes over the period by design (${w.reasons.join(', ')}).`;
  if (w.steady) return `Warm-up: after ${w.warmupDays} days, weekly MQLs, wins and queues show no material drift (a steady state).`;
  const drifts = w.series
    .filter((x) => x.drifts)
    .map((x) => {
      const s = x.slopePerWeek;
      const signed = (v: number) => `${v >= 0 ? '+' : ''}${v.toFixed(2)}`;
      return `${DRIFT_SERIES[x.series] ?? x.series} ${x.relativeChange > 0 ? 'rose' : 'fell'} ${pct(Math.abs(x.relativeChange))} across the period (${signed(s.mean)} a week, 95% CI ${signed(s.ciLow)} to ${signed(s.ciHigh)}; MSER-5 would drop the first ${x.mserWeeks} weeks)`;
    });
  return (
    `Warning: not a steady state after the ${w.warmupDays}-day warm-up: ${drifts.join('; ')}. ` +
    'Lengthen warmupDays, or read these figures as those of a business still changing (a queue that grows while its department is at full use never settles: that is overload).'
  );
}

/** The full terminal report. */
export function formatReport(r: RunResult): string {
  const m = r.measures;
  const lines: string[] = [];
  // The name and seed are the file's text: printable() keeps escape codes in them from acting on the terminal.
  lines.push(`${printable(r.scenario.name)}: ${r.scenario.replications} replications, ${r.scenario.horizonDays} days, seed "${printable(r.scenario.seed)}"`);
  lines.push('Figures are medians over replications with the P10 - P90 range.', '');
  const stages = [
    ['Inside Sales', m.insideSales, m.funnel.lost.isAbandoned.p50 + m.funnel.lost.isCold.p50],
    ['Field Sales', m.fieldSales, m.funnel.lost.fsAbandoned.p50 + m.funnel.lost.fsCold.p50],
    ['Customer Success', m.customerSuccess, m.funnel.lost.csAbandoned.p50 + m.funnel.lost.churnOverload.p50],
  ] as const;
  // A wait is undefined where nothing started: say so rather than print 0.
  const wait = (x: number) => (Number.isFinite(x) ? days(x) : 'none started');
  lines.push(
    ...table(
      ['Department', 'Utilisation', 'Mean wait (days)', 'P90 wait', 'Gave up', 'Backlog at end', 'Lost while waiting'],
      stages.map(([name, s, lost]) => [name, pct(s.utilisation.p50), wait(s.waitMeanDays.p50), wait(s.waitP90Days.p50), pct(s.abandonShare.p50), count(s.queueEnd.p50), count(lost)]),
    ),
    'Waits are before work starts, of the items whose work started. Gave up: share of those who left the queue',
    'without being worked. Lost while waiting: gave up, or lost after work because intent decayed while waiting',
    '(for CS: cancelled before onboarding, or churned from overload).',
  );
  lines.push('', 'Funnel');
  const f = m.funnel;
  lines.push(
    ...table(
      ['Step', 'Count', 'P10 - P90', 'Conversion'],
      funnelSteps(f).map((step) => [
        FUNNEL_NAMES[step.key],
        count(step.summary.p50),
        range(step.summary, count),
        step.rate ? `${pct(step.rate.value)} of ${FUNNEL_NAMES[step.rate.of]}` : '',
      ]),
    ),
    `Of the items actually worked: SQL rate ${pct(f.sqlRateOfWorked.p50)} of MQLs worked, win rate ${pct(f.winRateOfWorked.p50)} of deals worked.`,
  );
  lines.push('', 'Lost, by cause');
  lines.push(...table(['Cause', 'Count', 'P10 - P90'], LOSS_CAUSES.map((c) => [LOSS_NAMES[c], count(f.lost[c].p50), range(f.lost[c], count)])));
  const v = m.revenue;
  lines.push('', 'Revenue');
  lines.push(
    ...table(
      ['Measure', 'Median', 'P10 - P90'],
      [
        ['Bookings (new ACV)', yen(v.bookingsYen.p50), range(v.bookingsYen, yen)],
        ['ARR at start', yen(v.arrStartYen.p50), range(v.arrStartYen, yen)],
        ['ARR at horizon', yen(v.arrEndYen.p50), range(v.arrEndYen, yen)],
        ['Churned ARR', yen(v.churnedArrYen.p50), range(v.churnedArrYen, yen)],
        ['Expansion ARR', yen(v.expansionArrYen.p50), range(v.expansionArrYen, yen)],
        ['NRR', pct(v.nrr.p50), range(v.nrr, pct)],
        ['GRR', pct(v.grr.p50), range(v.grr, pct)],
        ['Cost (people + programmes)', yen(v.costYen.p50), range(v.costYen, yen)],
        ['Direct CAC (people of Marketing, IS, FS + programmes)', yen(v.cacYen.p50), range(v.cacYen, yen)],
        ['Annual logo churn (per renewal, annualised)', pct(v.annualChurn.p50), range(v.annualChurn, pct)],
        ['LTV (ACV x gross margin / annual logo churn)', yen(v.ltvYen.p50), range(v.ltvYen, yen)],
        ['CAC payback (months)', days(v.paybackMonths.p50), range(v.paybackMonths, days)],
      ],
    ),
  );
  if (r.target) lines.push('', `Probability ARR at horizon >= ${yen(r.target.arrYen)}: ${pct(r.target.probability)}`);
  lines.push('', `Bottleneck: ${verdictSentence(r.bottleneck)}`);
  lines.push(warmupSentence(r.warmup));
  return lines.join('\n');
}

/** The next-best-hire ranking for the terminal. */
export function formatNextHire(name: string, h: NextHire): string {
  const signedYen = (x: number) => (Math.abs(x) < 0.5 ? '0' : x > 0 ? `+${yen(x)}` : `-${yen(-x)}`);
  const signed = (x: number) => (Math.round(x) === 0 ? '0' : x > 0 ? `+${count(x)}` : `-${count(-x)}`);
  const rows = h.ranked.map((o, i) => {
    const d = o.differences;
    return [
      `${i + 1}. ${DEPARTMENT_NAMES[o.department]}`,
      signedYen(d.arrEndYen.mean),
      `${signedYen(d.arrEndYen.ciLow)} to ${signedYen(d.arrEndYen.ciHigh)}`,
      pct(d.arrEndYen.pBetter),
      signed(-d.lostWhileWaiting.mean),
      signedYen(d.costYen.mean),
    ];
  });
  const lines = [
    `${printable(name)}: one more person in each department, hired on day 0 with the usual ramp (${h.replications} paired replications, common random numbers and control variates)`,
    '',
    ...table(['Hire', 'ARR at horizon', '95% CI', 'P(better)', 'Lost while waiting avoided', 'Cost'], rows),
    '',
    `Bottleneck now: ${verdictSentence(h.bottleneckNow)}`,
    `After the best hire: ${verdictSentence(h.bottleneckAfter)}`,
  ];
  return lines.join('\n');
}
