/**
 * Whether opening a share link would lose the user's work. A link replaces the
 * baseline (a scenario link) or the whole workspace (a comparison link); that
 * loses nothing when every scenario it replaces can be had again: a library
 * scenario, an item of the saved library, or what the link itself brings.
 * Otherwise the app asks first (a load over edits asks first).
 *
 * Pure: the library and the saved items are passed in.
 */
import type { Draft } from '../editor/draft.ts';
import type { SavedItem } from './savedLibrary.ts';
import { migrateDraft } from '../../scenario/migrate.ts';

/** A scenario of the workspace or of a link: a variant's name ('' for the baseline) and its draft. */
export interface NamedDraft {
  name: string;
  draft: Draft;
}

/** JSON with object keys sorted, so drafts equal in content compare equal whatever order their fields were set in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/**
 * True when opening `incoming` (the link's baseline, then its variants) over
 * `workspace` (the baseline, then its variants) would replace a scenario that
 * exists nowhere else: not in `library`, not in `saved`, not in the link.
 */
export function linkWouldLoseEdits(workspace: readonly NamedDraft[], incoming: readonly NamedDraft[], library: readonly Draft[], saved: readonly SavedItem[]): boolean {
  // Compared as opened: a version 1 draft (an old link or saved item) is migrated when opened, so it is compared migrated.
  const canonical = (d: Draft) => canonicalJson(migrateDraft(d).value);
  const drafts = new Set([...library, ...saved.flatMap((s) => s.drafts), ...incoming.map((i) => i.draft)].map(canonical));
  const pair = (name: string, draft: Draft) => `${JSON.stringify(name)}:${canonical(draft)}`;
  const variants = new Set([
    ...saved.filter((s) => s.kind === 'comparison').flatMap((s) => s.drafts.slice(1).map((d, i) => pair(s.variantNames?.[i] ?? '', d))),
    ...incoming.slice(1).map((v) => pair(v.name, v.draft)),
  ]);
  const [baseline, ...rest] = workspace;
  if (baseline && !drafts.has(canonical(baseline.draft))) return true;
  // A scenario link replaces the baseline only; a comparison link replaces the variants too.
  if (incoming.length === 1) return false;
  return rest.some((v) => !variants.has(pair(v.name, v.draft)));
}
