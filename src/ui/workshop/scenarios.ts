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
 * `working` as the workshop offers it, or null: it must not be a library file as
 * shipped (`shipped`, from shippedFile: asked once by each caller), be valid and
 * have a lesson of its own.
 */
function ownScenario(working: Draft, shipped: string | undefined): WorkshopScenario | null {
  if (shipped) return null;
  const checked = checkScenario(working);
  return checked.ok && checked.scenario.lesson ? { file: CURRENT_FILE, name: checked.scenario.name, draft: working } : null;
}

/** `working` (the app's working draft, or null) if it is valid, has a lesson and differs from every library file, then the library. */
export function workshopScenarios(working: Draft | null): WorkshopScenario[] {
  const own = working && ownScenario(working, shippedFile(working));
  return own ? [own, ...LIBRARY] : LIBRARY;
}

/**
 * The workshop round the app's link opens for the working draft: the draft itself
 * (CURRENT_FILE) when the workshop offers it; the library file it is, as shipped,
 * when the trainer loaded one other than the app's starting point; otherwise the
 * prepared lesson (DEFAULT_LESSON_FILE). The app asks on every edit, so the draft
 * is compared with the library once.
 */
export function workshopFileFor(working: Draft | null): string {
  if (!working) return DEFAULT_LESSON_FILE;
  const shipped = shippedFile(working);
  if (ownScenario(working, shipped)) return CURRENT_FILE;
  return shipped && shipped !== LIBRARY[0].file ? shipped : DEFAULT_LESSON_FILE;
}

/** The workshop's address for the working draft in `lang` (Japanese is the workshop's default). */
export function workshopHrefFor(working: Draft | null, lang: Lang): string {
  return `#/workshop/${workshopFileFor(working).replace(/\.json$/, '')}${lang === 'en' ? '?lang=en' : ''}`;
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
