/** The scenario library (scenarios/*.json), bundled with the app. */
import type { Draft } from '../editor/draft.ts';

const files = import.meta.glob('/scenarios/*.json', { eager: true, import: 'default' }) as Record<string, Draft>;

/** Library scenarios, the baseline first. */
export const LIBRARY: { file: string; name: string; draft: Draft }[] = Object.entries(files)
  .map(([path, draft]) => ({ file: path.split('/').pop()!, name: String(draft.name ?? path), draft }))
  .sort((a, b) => (a.file === 'baseline.json' ? -1 : b.file === 'baseline.json' ? 1 : a.file.localeCompare(b.file)));
