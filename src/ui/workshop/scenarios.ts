/**
 * The scenarios the workshop offers: the library's, then the app's working
 * scenario (kept in this browser) when it has a lesson of its own and is not a
 * library file as shipped, so a trainer's own file gets a workshop round too.
 */
import type { Draft } from '../editor/draft.ts';
import { checkScenario } from '../../scenario/validate.ts';
import { LIBRARY } from '../state/library.ts';

/** The working scenario's address in the workshop: `#/workshop/current`. */
export const CURRENT_FILE = 'current.json';

/** A scenario the workshop can show: its file (or CURRENT_FILE), name and draft. */
export interface WorkshopScenario {
  file: string;
  name: string;
  draft: Draft;
}

/** The library, then `working` (the app's working draft, or null) if it is valid, has a lesson and differs from every library file. */
export function workshopScenarios(working: Draft | null): WorkshopScenario[] {
  if (!working) return LIBRARY;
  const checked = checkScenario(working);
  const text = JSON.stringify(working);
  if (!checked.ok || !checked.scenario.lesson || LIBRARY.some((l) => JSON.stringify(l.draft) === text)) return LIBRARY;
  return [...LIBRARY, { file: CURRENT_FILE, name: checked.scenario.name, draft: working }];
}
