/** The bottleneck verdict as a sentence in the user's language. */
import type { RunResult } from '../montecarlo/run.ts';
import type { BottleneckVerdict } from '../montecarlo/bottleneck.ts';
import { translate } from './i18n/messages.ts';
import { formatCount, formatDays, formatPercent, formatYen, type Lang } from './i18n/format.ts';

/** One sentence: which department limits the funnel, the evidence, and what it costs. */
export function verdictText(result: RunResult, lang: Lang): string {
  return verdictOf(result.bottleneck, lang);
}

/** The sentence for a bottleneck verdict; a verdict decided by the next best hire says so. */
export function verdictOf(v: BottleneckVerdict, lang: Lang): string {
  const gain = `+${formatYen(v.hireGainYen ?? 0, lang)}`;
  if (v.limit === 'demand' && v.basis === 'nextHire') return translate(lang, 'verdictDemandByHire', { gain });
  const sentence = loadSentence(v, lang);
  const heldBack = v.evidence.filter((e) => e.blockedBy !== null && e.blockedBy === v.department);
  const notes = heldBack.map((e) => translate(lang, 'verdictHeldBack', { up: translate(lang, e.department), down: translate(lang, e.blockedBy!) }));
  if (v.basis === 'nextHire') notes.push(translate(lang, 'verdictByHire', { dept: translate(lang, v.department), gain }));
  return [sentence, ...notes].join(lang === 'ja' ? '' : ' ');
}

/** The sentence judged from load: the department's evidence, or demand. */
function loadSentence(v: BottleneckVerdict, lang: Lang): string {
  if (v.limit === 'demand') {
    const busiest = [...v.evidence].sort((a, b) => b.utilisation - a.utilisation)[0];
    return translate(lang, 'verdictDemand', { dept: translate(lang, busiest.department), util: formatPercent(busiest.utilisation) });
  }
  const e = v.evidence.find((x) => x.department === v.department)!;
  const words = {
    insideSales: ['itemsIs', 'lostIs'],
    fieldSales: ['itemsFs', 'lostFs'],
    customerSuccess: ['itemsCs', 'lostCs'],
  } as const;
  const [items, lostWords] = words[e.department];
  return translate(lang, 'verdictCapacity', {
    dept: translate(lang, e.department),
    util: formatPercent(e.utilisation),
    items: translate(lang, items),
    wait: formatDays(e.waitDays, lang),
    lost: formatCount(e.lostWaiting, lang),
    lostWords: translate(lang, lostWords),
  });
}
