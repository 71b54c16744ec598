/**
 * The scenarios the workshop offers: the app's working scenario (kept in this
 * browser) first when it has a lesson of its own and is not a library file as
 * shipped, so a trainer who has just built a scenario finds it on top; then the
 * library's prepared lessons.
 */
import type { Draft } from '../editor/draft.ts';
import type { Lang } from '../../i18n/format.ts';
import { checkScenario } from '../../scenario/validate.ts';
import { LIBRARY } from '../state/library.ts';
import { LIBRARY_NAMES_JA } from '../state/libraryNames.ts';
import { DEFAULT_LESSON_FILE } from './route.ts';

/** The working scenario's address in the workshop: `#/workshop/current`. */
export const CURRENT_FILE = 'current.json';

/** A scenario the workshop can show: its file (or CURRENT_FILE), name and draft. */
export interface WorkshopScenario {
  file: string;
  name: string;
  draft: Draft;
}

/** The library file `working` is, as shipped (byte for byte as JSON), if any. */
const shippedFile = (working: Draft) => {
  const text = JSON.stringify(working);
  return LIBRARY.find((l) => JSON.stringify(l.draft) === text)?.file;
};

/**
 * Whether `working`, a draft that is not a library file as shipped, can be played
 * in the workshop: it must be valid and have a lesson of its own.
 */
function playable(working: Draft): WorkshopScenario | 'invalid' | 'noLesson' {
  const checked = checkScenario(working);
  if (!checked.ok) return 'invalid';
  return checked.scenario.lesson ? { file: CURRENT_FILE, name: checked.scenario.name, draft: working } : 'noLesson';
}

/** `working` (the app's working draft, or null) if it is valid, has a lesson and differs from every library file, then the library. */
export function workshopScenarios(working: Draft | null): WorkshopScenario[] {
  const own = working && !shippedFile(working) ? playable(working) : null;
  return typeof own === 'object' && own ? [own, ...LIBRARY] : LIBRARY;
}

/**
 * Why the app's link opens the round it does: the working draft itself
 * (`current`), the library file it is as shipped (`shipped`), or the prepared
 * lesson, because the draft is the app's starting point or nothing (`prepared`),
 * has no lesson (`noLesson`) or has errors (`invalid`). The link's tooltip says
 * it, so a trainer who imported a scenario without a lesson learns why another opens.
 */
export type WorkshopPick = 'current' | 'shipped' | 'prepared' | 'noLesson' | 'invalid';

/** A library file as a workshop scenario. */
const libraryScenario = (file: string): WorkshopScenario => LIBRARY.find((l) => l.file === file)!;

/**
 * The workshop round the app's link opens for the working draft, and why (see
 * WorkshopPick). The app asks on every edit, so the draft is compared with the
 * library once.
 */
export function workshopLinkFor(working: Draft | null): { scenario: WorkshopScenario; pick: WorkshopPick } {
  const prepared = (pick: WorkshopPick) => ({ scenario: libraryScenario(DEFAULT_LESSON_FILE), pick });
  if (!working) return prepared('prepared');
  const shipped = shippedFile(working);
  if (shipped) return shipped !== LIBRARY[0].file ? { scenario: libraryScenario(shipped), pick: 'shipped' } : prepared('prepared');
  const own = playable(working);
  return typeof own === 'object' ? { scenario: own, pick: 'current' } : prepared(own);
}

/** The workshop's address for scenario file `file` (or CURRENT_FILE) in `lang` (Japanese is the workshop's default). */
export function workshopAddress(file: string, lang: Lang): string {
  return `#/workshop/${file.replace(/\.json$/, '')}${lang === 'en' ? '?lang=en' : ''}`;
}

/**
 * A workshop scenario's title in `lang`: a library file's Japanese title; for the
 * working scenario too when it still bears a library file's (English) name, as an
 * edited library scenario does.
 */
export function workshopTitle(s: WorkshopScenario, lang: Lang): string {
  if (lang !== 'ja') return s.name;
  const file = s.file === CURRENT_FILE ? LIBRARY.find((l) => l.name === s.name)?.file : s.file;
  return (file && LIBRARY_NAMES_JA[file]) ?? s.name;
}
