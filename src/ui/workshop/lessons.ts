/**
 * The workshop's lessons: each library scenario's `lesson` (scenarios/*.json, in
 * Japanese and English: the situation in a sentence, a question the room answers
 * before the reveal, the answers to choose from as ranges of one measure of the
 * year, the fix played as a second round, ORID debrief prompts), read from the
 * validated file. The answer is always the simulation's, never stored.
 */
import type { Lesson, LessonMeasure } from '../../scenario/types.ts';
import { checkScenario } from '../../scenario/validate.ts';
import type { Lang } from '../../i18n/format.ts';
import { formatItems, formatYen } from '../../i18n/format.ts';
import { LIBRARY } from '../state/library.ts';

export type { Lesson, LessonMeasure };

/** A library scenario's lesson, with the file it is stored in. */
export interface WorkshopLesson extends Lesson {
  file: string;
}

/** The library's lessons, in the library's order of files (a file without a valid lesson has none). */
export const LESSONS: WorkshopLesson[] = LIBRARY.flatMap(({ file, draft }) => {
  const checked = checkScenario(draft);
  return checked.ok && checked.scenario.lesson ? [{ file, ...checked.scenario.lesson }] : [];
});

/** The lesson of library file `file`. */
export function lessonOf(file: string): WorkshopLesson | undefined {
  return LESSONS.find((l) => l.file === file);
}

/** The situation: the scenario's lesson in a sentence. */
export function situationOf(file: string, lang: Lang): string {
  return lessonOf(file)?.summary[lang] ?? '';
}

/** A value of the lesson's measure as the room reads it. */
export function formatMeasure(measure: LessonMeasure, x: number, lang: Lang): string {
  if (measure === 'arrEndYen') return formatYen(x, lang);
  return formatItems(x, lang);
}

/** The choices: ranges of the measure, [lo, hi) (lo -Infinity for the first, hi Infinity for the last). */
export function choicesOf(lesson: Lesson): { lo: number; hi: number }[] {
  const b = lesson.bounds;
  return [-Infinity, ...b].map((lo, i) => ({ lo, hi: i < b.length ? b[i] : Infinity }));
}

/** A choice in words: "under 300", "300–375", "450 or more". */
export function choiceText(lesson: Lesson, choice: { lo: number; hi: number }, lang: Lang): string {
  const f = (x: number) => formatMeasure(lesson.measure, x, lang);
  if (choice.lo === -Infinity) return lang === 'ja' ? `${f(choice.hi)}未満` : `under ${f(choice.hi)}`;
  if (choice.hi === Infinity) return lang === 'ja' ? `${f(choice.lo)}以上` : `${f(choice.lo)} or more`;
  return `${f(choice.lo)} 〜 ${f(choice.hi)}`;
}
