/**
 * The last edits a load replaces: kept only when the load would lose work saved
 * nowhere else, stored and read back, and told apart from what is on screen.
 */
import { describe, expect, it } from 'vitest';
import { LAST_EDITS_KEY, loadWouldLoseEdits, readLastEdits, sameWorkspace, writeLastEdits } from '../../src/ui/state/lastEdits.ts';
import { WorkspaceStore } from '../../src/ui/state/workspaceStore.ts';
import type { StorageLike } from '../../src/ui/state/savedLibrary.ts';
import type { Draft } from '../../src/ui/editor/draft.ts';

class Memory implements StorageLike {
  readonly data = new Map<string, string>();
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.data.set(key, value);
  }
  removeItem(key: string): void {
    this.data.delete(key);
  }
}

const library: Draft[] = [{ version: 1, name: 'Baseline', insideSales: { headcount: 5 } }, { version: 1, name: 'Marketing too strong', insideSales: { headcount: 4 } }];
const edited: Draft = { version: 1, name: 'Baseline', insideSales: { headcount: 7 } };
const one = (draft: Draft) => [{ name: '', draft }];

describe('loadWouldLoseEdits', () => {
  it('a library scenario loaded over an edited one loses the edits', () => {
    expect(loadWouldLoseEdits(one(edited), 0, one(library[1]), false, library, [])).toBe(true);
  });
  it('a library scenario loaded over an unedited library scenario loses nothing', () => {
    expect(loadWouldLoseEdits(one(library[0]), 0, one(library[1]), false, library, [])).toBe(false);
  });
  it('edits that are in the saved library are not lost', () => {
    expect(loadWouldLoseEdits(one(edited), 0, one(library[1]), false, library, [{ drafts: [edited] }])).toBe(false);
  });
  it('a load of the scenario on screen replaces only that one: an edited variant elsewhere is not its business', () => {
    const ws = [{ name: '', draft: library[0] }, { name: 'IS 7', draft: edited }];
    expect(loadWouldLoseEdits(ws, 0, one(library[1]), false, library, [])).toBe(false);
    expect(loadWouldLoseEdits(ws, 1, one(library[1]), false, library, [])).toBe(true);
  });
  it('a load of a whole workspace loses an edited variant', () => {
    const ws = [{ name: '', draft: library[0] }, { name: 'IS 7', draft: edited }];
    expect(loadWouldLoseEdits(ws, 0, one(library[1]), true, library, [])).toBe(true);
  });
  it('key order does not make a library scenario look edited', () => {
    expect(loadWouldLoseEdits(one({ insideSales: { headcount: 5 }, name: 'Baseline', version: 1 }), 0, one(library[1]), false, library, [])).toBe(false);
  });
});

describe('stored last edits', () => {
  it('are read back as written', () => {
    const store = new WorkspaceStore(new Memory());
    const kept = { items: one(edited), active: 0, keptAt: '2026-11-26T01:00:00.000Z', by: 'library' as const };
    expect(writeLastEdits(store, kept)).toBe(true);
    expect(readLastEdits(store)).toEqual(kept);
    expect(sameWorkspace(kept, one(edited))).toBe(true);
    expect(sameWorkspace(kept, one(library[0]))).toBe(false);
  });
  it('damaged or empty storage offers nothing', () => {
    const memory = new Memory();
    const store = new WorkspaceStore(memory);
    expect(readLastEdits(store)).toBeNull();
    memory.setItem(LAST_EDITS_KEY, '{"items": [tru');
    expect(readLastEdits(store)).toBeNull();
    memory.setItem(LAST_EDITS_KEY, '{"items": []}');
    expect(readLastEdits(store)).toBeNull();
  });
});
