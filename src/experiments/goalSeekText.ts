
/** Goal-seek's answer in sentences, shared by the CLI and the app (texts in src/i18n/goalSeekMessages.ts). */
import type { GoalSeekPartial, GoalSeekProgress, GoalSeekResult, GoalTarget, ServiceTarget } from './goalSeek.ts';
import { formatCount, formatPercent, formatYen, type Lang } from '../i18n/format.ts';
import { goalSeekText, type GoalSeekKey } from '../i18n/goalSeekMessages.ts';
import { translate } from '../i18n/messages.ts';

const TARGET_KEYS = { arrEndYen: 'gsTargetArrEndYen', bookingsYen: 'gsTargetBookingsYen', won: 'gsTargetWon' } as const;
const SERVICE_KEYS = { isWaitP90Hours: 'gsServiceIsWaitP90Hours', fsBacklogWeeks: 'gsServiceFsBacklogWeeks', csCoverageMax: 'gsServiceCsCoverageMax' } as const;

/** The main target in words: "ARR at the horizon at least ¥2B". */
export function targetText(target: GoalTarget, lang: Lang): string {
  const value = target.measure === 'won' ? formatCount(target.atLeast, lang) : formatYen(target.atLeast, lang);
  return goalSeekText(lang, TARGET_KEYS[target.measure], { value });
}

/** A service target in words. */
export function serviceText(target: ServiceTarget, limit: number, lang: Lang): string {
  return goalSeekText(lang, SERVICE_KEYS[target], { limit: String(limit) });
}

/**
 * An outcome decided before the answer is complete, in one sentence (null when
 * none is): the bound plan surely short, or the plan's people chosen, with what
 * still runs (the timing and the check, or the check alone: the partial's phase).
 */
export function decidedText(p: GoalSeekPartial, bound: number, lang: Lang): string | null {
  if (!p.decided) return null;
  if (p.decided === 'bounds') return goalSeekText(lang, 'gsDecidedBounds', { bound });
  return goalSeekText(lang, p.phase === 'verify' ? 'gsDecidedMetVerify' : 'gsDecidedMet');
}

/** Why the search ended, in one sentence. */
export function outcomeText(r: GoalSeekResult, bound: number, lang: Lang): string {
  const hires = r.plan.reduce((s, h) => s + Math.max(0, h.change), 0);
  const removed = r.plan.reduce((s, h) => s + Math.max(0, -h.change), 0);
  if (r.status === 'alreadyMet') return goalSeekText(lang, 'gsAlreadyMet');
  const cost = { cost: formatYen(r.costYenPerYear, lang), costInHorizon: formatYen(r.costYenInHorizon, lang) };
  if (r.status === 'met' && removed > 0) return goalSeekText(lang, 'gsMetChange', { added: hires, removed, ...cost });
  if (r.status === 'met') return goalSeekText(lang, 'gsMet', { hires, ...cost });
  return goalSeekText(lang, r.status === 'bounds' ? 'gsBounds' : 'gsNoGain', { bound });
}

/** A step's or a plan entry's people, signed: "+3", "-1". */
export function signedPeople(change: number): string {
  return change < 0 ? `-${-change}` : `+${change}`;
}

/** The verification in one sentence (and a warning when it falls short). */
export function verifiedText(r: GoalSeekResult, lang: Lang): string {
  const p = r.verification.probability;
  if (!p) {
    const readings = r.verification.service.map((s) => `${serviceText(s.target, s.limit, lang)}: ${s.mean.toFixed(2)} (95% ${s.low.toFixed(2)} - ${s.high.toFixed(2)})`);
    return goalSeekText(lang, 'gsVerifiedService', { reps: r.verification.replications, readings: readings.join(lang === 'ja' ? '、' : '; ') });
  }
  const line = goalSeekText(lang, 'gsVerified', { reps: r.verification.replications, p: formatPercent(p.p), low: formatPercent(p.low), high: formatPercent(p.high) });
  return r.reached && p.high < r.confidence ? `${line}${lang === 'ja' ? '' : ' '}${goalSeekText(lang, 'gsVerifiedBelow', { confidence: formatPercent(r.confidence) })}` : line;
}

/** A time-to-fill distribution in words: "median 55 days, P85 98 days". */
export function fillText(median: number, quantile: number, confidence: number, lang: Lang): string {
  return lang === 'ja' ? `中央値${median}日、P${Math.round(confidence * 100)} ${quantile}日` : `median ${median} days, P${Math.round(confidence * 100)} ${quantile} days`;
}


const TASK_KEYS: Record<GoalSeekProgress['task'], GoalSeekKey> = {
  bounds: 'gsTaskBounds', path: 'gsTaskPath', candidates: 'gsTaskCandidates', check: 'gsTaskCheck',
  stepBack: 'gsTaskStepBack', baseline: 'gsTaskBaseline', timing: 'gsTaskTiming', verify: 'gsTaskVerify',
};

/**
 * What goal-seek is trying now, in one sentence for the progress line: the step
 * and the plan it starts from (`added`: the people the plan adds so far), the hire
 * being timed, or the check; while people are still being chosen, the plan's
 * P(target) as last read against the confidence asked, so the distance left shows.
 */
export function progressText(p: GoalSeekProgress, added: number, bound: number, confidence: number, lang: Lang): string {
  const vars = { step: p.searchStep, hires: added, bound, hire: p.timing?.hire ?? 0, of: p.timing?.of ?? 0, department: p.timing ? translate(lang, p.timing.department) : '' };
  const line = goalSeekText(lang, TASK_KEYS[p.task], vars);
  const choosing = p.task === 'candidates' || p.task === 'check' || p.task === 'stepBack';
  if (!choosing || p.probability === null) return line;
  const gap = goalSeekText(lang, 'gsTaskP', { p: formatPercent(p.probability), confidence: formatPercent(confidence) });
  return lang === 'ja' ? `${line}。${gap}` : `${line}. ${gap}`;
}

const PHASE_KEYS: Record<GoalSeekProgress['phase'], GoalSeekKey> = { search: 'gsPhaseSearch', timing: 'gsPhaseTiming', verify: 'gsPhaseVerify' };

/** A stage's name, as the panel's stages and the CLI's progress lines give it: 探索中, 時期を調整中, 検証中. */
export function phaseText(phase: GoalSeekProgress['phase'], lang: Lang): string {
  return goalSeekText(lang, PHASE_KEYS[phase]);
}

/**
 * The CLI's progress line in the app's words: the stage, the task line (see
 * progressText) and, once the trial has runs, how far it is:
 * 「【探索中】手順1:…比較しています(この試算:40回中40回)」.
 */
export function progressLineText(p: GoalSeekProgress, added: number, bound: number, confidence: number, lang: Lang): string {
  const task = progressText(p, added, bound, confidence, lang);
  const stage = lang === 'ja' ? `【${phaseText(p.phase, lang)}】` : `[${phaseText(p.phase, lang)}] `;
  if (!(p.total > 0)) return `${stage}${task}`;
  const runs = goalSeekText(lang, 'gsTaskRuns', { done: p.done, total: p.total });
  return lang === 'ja' ? `${stage}${task}(${runs})` : `${stage}${task} (${runs})`;
}
