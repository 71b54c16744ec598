/**
 * The workshop's address: `#/workshop[/<library file without .json>][?mode=replay|compare|lesson&lang=en&reps=N]`.
 * Japanese unless the address says otherwise (workshops are run in Japanese).
 */
import type { Lang } from '../../i18n/format.ts';

/** What the workshop shows: one replay, before and after, or a lesson. */
export type Mode = 'replay' | 'compare' | 'lesson';

/** Replay speeds, in days of the simulation per second (from a day to a month). */
export const SPEEDS = [
  { days: 1, label: 'wsSpanDay' },
  { days: 7, label: 'wsSpanWeek' },
  { days: 365 / 12, label: 'wsSpanMonth' },
] as const;

/** Replications of a reveal unless the address asks for another count. */
export const REVEAL_REPLICATIONS = 40;

/** The prepared lesson the workshop opens on when its address names no scenario (why a strong marketing team needs a strong IS team). */
export const DEFAULT_LESSON_FILE = 'marketing-too-strong.json';

/** Whether `hash` opens the workshop. */
export function isWorkshopHash(hash: string): boolean {
  return /^#\/workshop(\/|\?|$)/.test(hash);
}

/** The workshop's settings read from its address. */
export function parseWorkshopHash(hash: string): { file: string; mode: Mode; lang: Lang; reps: number } {
  const m = /^#\/workshop(?:\/([\w-]+))?(?:\?(.*))?$/.exec(hash);
  const params = new URLSearchParams(m?.[2] ?? '');
  const mode = params.get('mode');
  const reps = Number(params.get('reps'));
  return {
    file: m?.[1] ? `${m[1]}.json` : DEFAULT_LESSON_FILE,
    mode: mode === 'compare' || mode === 'lesson' ? mode : 'replay',
    lang: params.get('lang') === 'en' ? 'en' : 'ja',
    reps: Number.isInteger(reps) && reps >= 2 && reps <= 1000 ? reps : REVEAL_REPLICATIONS,
  };
}
