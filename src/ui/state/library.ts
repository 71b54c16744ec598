/** The scenario library (scenarios/*.json), bundled with the app. */
import type { Draft } from '../editor/draft.ts';
import type { Lang } from '../../i18n/format.ts';

const files = import.meta.glob('/scenarios/*.json', { eager: true, import: 'default' }) as Record<string, Draft>;

/** Library scenarios, the baseline first. */
export const LIBRARY: { file: string; name: string; draft: Draft }[] = Object.entries(files)
  .map(([path, draft]) => ({ file: path.split('/').pop()!, name: String(draft.name ?? path), draft }))
  .sort((a, b) => (a.file === 'baseline.json' ? -1 : b.file === 'baseline.json' ? 1 : a.file.localeCompare(b.file)));

/**
 * A draft's lesson in a sentence in `lang` (its `lesson.summary`), if the draft has
 * one; the draft is as written, so anything but a text counts as none.
 */
export function lessonSummary(draft: Draft, lang: Lang): string | undefined {
  const lesson = draft.lesson as { summary?: Record<string, unknown> } | null | undefined;
  const text = typeof lesson === 'object' && lesson !== null ? lesson.summary?.[lang] : undefined;
  return typeof text === 'string' && text.trim() !== '' ? text : undefined;
}
