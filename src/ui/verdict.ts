/** The bottleneck verdict and the warm-up notice as sentences in the user's language. */
import type { BottleneckVerdict } from '../montecarlo/bottleneck.ts';
import type { WarmupCheck } from '../montecarlo/warmup.ts';
import { translate } from '../i18n/messages.ts';
import { department, isQueueDepartment } from '../domain/departments.ts';
import { formatCount, formatDays, formatPercent, formatYen, type Lang } from '../i18n/format.ts';

/** The sentence for a bottleneck verdict; a verdict decided by the next best hire says so. */
export function verdictOf(v: BottleneckVerdict, lang: Lang): string {
  const gain = `+${formatYen(v.hireGainYen ?? 0, lang)}`;
  if (v.limit === 'demand' && v.basis === 'nextHire') return translate(lang, 'verdictDemandByHire', { gain });
  const sentence = loadSentence(v, lang);
  const heldBack = v.evidence.filter((e) => e.congested && e.blockedBy !== null && e.blockedBy === v.department);
  const notes = heldBack.map((e) => translate(lang, 'verdictHeldBack', { up: translate(lang, e.department), down: translate(lang, e.blockedBy!) }));
  if (v.basis === 'nextHire') notes.push(translate(lang, 'verdictByHire', { dept: translate(lang, v.department), gain }));
  return [sentence, ...notes].join(lang === 'ja' ? '' : ' ');
}

/**
 * The verdict as one short, whole sentence: what an executive reads first, on the
 * sticky bar's one line at 1280 px (the department, how busy, the ARR lost to
 * waiting; or that demand limits). `verdictOf` is the full text.
 */
export function verdictShort(v: BottleneckVerdict, lang: Lang): string {
  const gain = `+${formatYen(v.hireGainYen ?? 0, lang)}`;
  if (v.limit === 'demand') return v.basis === 'nextHire' ? translate(lang, 'verdictShortDemandByHire', { gain }) : translate(lang, 'verdictShortDemand');
  const dept = translate(lang, v.department);
  if (v.basis === 'nextHire') return translate(lang, 'verdictShortByHire', { dept, gain });
  const e = v.evidence.find((x) => x.department === v.department)!;
  if (!Number.isFinite(e.waitDays)) return translate(lang, 'verdictShortNoneStarted', { dept, waiting: formatCount(e.queueEnd, lang) });
  return translate(lang, 'verdictShortCapacity', { dept, util: formatPercent(e.utilisation), yen: formatYen(e.lostWaitingYen, lang) });
}

/** The sentence judged from load: the department's evidence, or demand. */
function loadSentence(v: BottleneckVerdict, lang: Lang): string {
  if (v.limit === 'demand') {
    const busiest = [...v.evidence].sort((a, b) => b.utilisation - a.utilisation)[0];
    return translate(lang, 'verdictDemand', { dept: translate(lang, busiest.department), util: formatPercent(busiest.utilisation) });
  }
  const e = v.evidence.find((x) => x.department === v.department)!;
  const { items, lostWords } = department(e.department).stage;
  // Nothing started: there is no wait to quote, only items that were never worked.
  if (!Number.isFinite(e.waitDays)) {
    return translate(lang, 'verdictNoneStarted', {
      dept: translate(lang, e.department),
      items: translate(lang, items),
      waiting: formatCount(e.queueEnd, lang),
      lost: formatCount(e.lostWaiting, lang),
      lostWords: translate(lang, lostWords),
      yen: formatYen(e.lostWaitingYen, lang),
    });
  }
  return translate(lang, 'verdictCapacity', {
    dept: translate(lang, e.department),
    util: formatPercent(e.utilisation),
    items: translate(lang, items),
    wait: formatDays(e.waitDays, lang),
    lost: formatCount(e.lostWaiting, lang),
    lostWords: translate(lang, lostWords),
    yen: formatYen(e.lostWaitingYen, lang),
  });
}

/** A short notice when the period after the warm-up is not a steady state (null when it is, or was not checked). */
export function warmupNotice(w: WarmupCheck | undefined, lang: Lang): string | null {
  if (!w || w.steady !== false) return null;
  const name = (series: string) => {
    if (series === 'funnel.mqlsByWeek') return translate(lang, 'warmupMqls');
    if (series === 'funnel.wonByWeek') return translate(lang, 'warmupWon');
    const dept = series.split('.')[0];
    return translate(lang, 'warmupQueue', { dept: isQueueDepartment(dept) ? translate(lang, department(dept).label) : dept });
  };
  const what = w.series
    .filter((x) => x.drifts)
    .map((x) => translate(lang, x.relativeChange > 0 ? 'warmupRise' : 'warmupFall', { series: name(x.series), pct: formatPercent(Math.abs(x.relativeChange)) }))
    .join(lang === 'ja' ? '、' : ', ');
  return translate(lang, 'warmupDrift', { days: formatCount(w.warmupDays, lang), what });
}

/** The warm-up notice's short form (its first sentence), or null when there is no notice. */
export function warmupShort(w: WarmupCheck | undefined, lang: Lang): string | null {
  if (!w || w.steady !== false) return null;
  return translate(lang, 'warmupShort', { days: formatCount(w.warmupDays, lang) });
}

/**
 * When a variant moves the bottleneck, the sentence that says so, with the new
 * bottleneck's wait and losses ("Field Sales becomes the bottleneck: opportunities
 * wait 23 days on median and 40 stalled"); null when it stays where it was.
 */
export function bottleneckShift(before: BottleneckVerdict, after: BottleneckVerdict, lang: Lang): string | null {
  const where = (v: BottleneckVerdict) => (v.limit === 'demand' ? 'demand' : v.department);
  if (where(before) === where(after)) return null;
  const from = before.limit === 'demand' ? translate(lang, 'marketing') : translate(lang, before.department);
  if (after.limit === 'demand') return translate(lang, 'shiftToDemand', { from });
  const e = after.evidence.find((x) => x.department === after.department);
  if (!e) return null;
  const words = { insideSales: ['itemsIs', 'lostIs'], fieldSales: ['itemsFs', 'lostFs'], customerSuccess: ['itemsCs', 'lostCs'] } as const;
  const [items, lostWords] = words[e.department];
  const vars = {
    dept: translate(lang, e.department),
    from,
    items: translate(lang, items),
    wait: formatDays(e.waitDays, lang),
    lost: formatCount(e.lostWaiting, lang),
    lostWords: translate(lang, lostWords),
  };
  return translate(lang, before.limit === 'demand' ? 'shiftFromDemand' : 'shiftTo', vars);
}
