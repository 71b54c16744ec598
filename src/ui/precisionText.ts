/** What the screen says about a run's precision (issue 13): while it runs, and what a finished result rests on. */
import type { PartialRun } from '../runner/types.ts';
import type { Summary } from '../montecarlo/stats.ts';
import { summaryRelativeHalfWidth } from '../montecarlo/precision.ts';
import { translate } from '../i18n/messages.ts';
import { formatCount, type Lang } from '../i18n/format.ts';
import { formatShare, formatShareFixed, shareDecimals } from './state/runPrecision.ts';

/** ARR at the horizon's 95% half-width over its mean in `shown` (NaN with fewer than 2 replications). */
export function arrPrecisionOf(shown: PartialRun | null): number {
  return shown ? summaryRelativeHalfWidth(shown.result.measures.revenue.arrEndYen) : NaN;
}

/**
 * "精度 ±1.4% → 目標 ±1%" while a run aims at `target`; "精度 → 目標 ±1%" until this
 * run has an interval. `done` is the run's progress: a result on screen resting on
 * more replications, or a whole one, is the previous run's, whose precision is not this run's.
 */
export function precisionProgressText(shown: PartialRun | null, done: number, target: number, lang: Lang): string {
  const own = shown && shown.result.scenario.replications < shown.scenario.replications && shown.result.scenario.replications <= done;
  const now = own ? arrPrecisionOf(shown) : NaN;
  return Number.isFinite(now)
    ? translate(lang, 'precisionProgress', { now: formatShare(now), target: formatShare(target) })
    : translate(lang, 'precisionWaiting', { target: formatShare(target) });
}

/**
 * What a finished result rests on: its replication count, and when it stopped
 * before the count asked for (`asked`) at precision `target`, the precision reached.
 * Null for a partial result (the partial marker says how far it got).
 */
export function restsOnText(shown: PartialRun | null, asked: number | null, target: number | null, lang: Lang): string | null {
  if (!shown) return null;
  const n = shown.result.scenario.replications;
  if (n < shown.scenario.replications) return null;
  const count = formatCount(n, lang);
  const now = arrPrecisionOf(shown);
  if (target !== null && asked !== null && n < asked && Number.isFinite(now))
    return translate(lang, 'restsOnPrecision', { n: count, now: formatShare(now), target: formatShare(target) });
  return translate(lang, 'restsOn', { n: count });
}

/**
 * A KPI's precision as the table's ± column shows it: its mean's 95% half-width
 * over the mean ("±0.38%", "±<0.01%" when tiny); "±0 (same every time)" when every
 * replication gave the same value (a plain "±0%" read as a share rounded away);
 * "–" without an interval (a fixed input, a run of one, a mean of 0).
 */
export function kpiPrecisionText(s: Summary, lang: Lang): string {
  const r = summaryRelativeHalfWidth(s);
  if (!Number.isFinite(r)) return '–';
  if (r === 0) return translate(lang, 'kpiPrecisionExact');
  return `±${formatShare(r)}`;
}

/**
 * The KPI table's ± column: each figure as kpiPrecisionText says it, but every
 * share with the same decimals, those the smallest needs (±0.20% beside ±0.21%
 * and ±1.40%, never ±0.2% beside ±0.21%), so the column reads alike and its
 * decimal points line up. The exact and the unknown keep their words.
 */
export function kpiPrecisionColumn(summaries: readonly Summary[], lang: Lang): string[] {
  const shares = summaries.map(summaryRelativeHalfWidth);
  // "<0.01%" needs no decimals of its own: it is below every step shown.
  const shown = shares.filter((r) => Number.isFinite(r) && r !== 0 && 100 * Math.abs(r) >= 0.005);
  const decimals = shown.length ? Math.max(...shown.map(shareDecimals)) : 0;
  return summaries.map((s, i) => (Number.isFinite(shares[i]) && shares[i] !== 0 ? `±${formatShareFixed(shares[i], decimals)}` : kpiPrecisionText(s, lang)));
}
