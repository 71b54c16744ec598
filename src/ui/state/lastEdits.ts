/**
 * The last edits a load replaced, kept in the browser's storage so that loading a
 * library scenario, a file, a saved item or a link over unsaved work never loses
 * it: the workspace as it was (the baseline, its variants, which one was on
 * screen), when it was replaced and by what. Kept only when the load would lose
 * work (see linkOverEdits.ts); a later load over the restored library scenario
 * keeps the older edits.
 *
 * Pure: the store is injected (tests pass one over a fake storage).
 */
import { canonicalJson, type NamedDraft } from './linkOverEdits.ts';
import type { WorkspaceStore } from './workspaceStore.ts';
import { migrateDraft } from '../../scenario/migrate.ts';

/** The storage key of the last edits. */
export const LAST_EDITS_KEY = 'funnel.lastEdits.v1';

/** What replaced the last edits (named in the notice that offers them back). */
export type LoadSource = 'library' | 'file' | 'saved' | 'link' | 'lastEdits';

/** A workspace replaced by a load. */
export interface LastEdits {
  /** The baseline (name '') and its variants. */
  items: NamedDraft[];
  /** The index of the scenario that was on screen. */
  active: number;
  /** When it was replaced (ISO 8601). */
  keptAt: string;
  /** What replaced it. */
  by: LoadSource;
}

/** The stored last edits, or null when there are none or they are damaged. */
export function readLastEdits(store: WorkspaceStore): LastEdits | null {
  try {
    const v = JSON.parse(store.read(LAST_EDITS_KEY) ?? 'null') as Partial<LastEdits> | null;
    if (!v || !Array.isArray(v.items) || !v.items.length) return null;
    if (!v.items.every((i) => i && typeof i.name === 'string' && i.draft && typeof i.draft === 'object')) return null;
    const active = Number.isInteger(v.active) && v.active! >= 0 && v.active! < v.items.length ? v.active! : 0;
    return { items: v.items, active, keptAt: String(v.keptAt ?? ''), by: v.by ?? 'library' };
  } catch {
    return null; // damaged: nothing to offer
  }
}

/** Stores `edits`; true when it was stored (a failure stays on the store's record and is shown). */
export function writeLastEdits(store: WorkspaceStore, edits: LastEdits): boolean {
  return store.write(LAST_EDITS_KEY, JSON.stringify(edits));
}

/** True when the workspace `items` is what `edits` holds (nothing to restore). */
export function sameWorkspace(edits: LastEdits, items: readonly NamedDraft[]): boolean {
  return canonicalJson(edits.items) === canonicalJson(items);
}

/**
 * True when loading `incoming` would lose work: when a scenario it replaces (the
 * one on screen, or the whole workspace when `whole`) is neither a library
 * scenario, nor in the saved library, nor brought back by the load itself.
 */
export function loadWouldLoseEdits(
  workspace: readonly NamedDraft[],
  active: number,
  incoming: readonly NamedDraft[],
  whole: boolean,
  library: readonly NamedDraft['draft'][],
  saved: readonly { drafts: NamedDraft['draft'][] }[],
): boolean {
  // Compared as opened: a version 1 draft is migrated when opened, so it is compared migrated.
  const canonical = (d: NamedDraft['draft']) => canonicalJson(migrateDraft(d).value);
  const known = new Set([...library, ...saved.flatMap((s) => s.drafts), ...incoming.map((i) => i.draft)].map(canonical));
  const replaced = whole ? workspace : workspace.slice(active, active + 1);
  return replaced.some((r) => !known.has(canonical(r.draft)));
}
