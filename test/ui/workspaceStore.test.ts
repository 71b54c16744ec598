/**
 * The working scenario's storage: a write that fails for one key (storage full)
 * stays reported while other keys are written, until that key is written again
 * successfully; a partial save never reports success.
 */
import { describe, expect, it } from 'vitest';
import { DRAFT_KEY, LANG_KEY, VARIANTS_KEY, WorkspaceStore, workspaceStorageMessage } from '../../src/ui/state/workspaceStore.ts';
import type { StorageLike } from '../../src/ui/state/savedLibrary.ts';

/** An in-memory localStorage that is "full" for the keys in `full`. */
class FullForSomeKeys implements StorageLike {
  readonly data = new Map<string, string>();
  readonly full = new Set<string>();
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.full.has(key)) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.data.set(key, value);
  }
  removeItem(key: string): void {
    this.data.delete(key);
  }
}

const before = { version: 1, name: 'before', insideSales: { headcount: 6 } };
const after = { version: 1, name: 'after', insideSales: { headcount: 9 } };
const variants = [{ name: 'IS ×2', draft: { version: 1, insideSales: { headcount: 12 } } }];

describe('a write that fails for one key', () => {
  it('stays reported after the other keys are written, and a partial save is not success', () => {
    const storage = new FullForSomeKeys();
    const store = new WorkspaceStore(storage);
    expect(store.saveWorkspace(before, [])).toBe(true);
    storage.full.add(DRAFT_KEY);
    // The baseline fails, the variants succeed: the save as a whole failed.
    expect(store.saveWorkspace(after, variants)).toBe(false);
    expect(storage.data.get(DRAFT_KEY)).toBe(JSON.stringify(before));
    expect(storage.data.get(VARIANTS_KEY)).toBe(JSON.stringify(variants));
    expect(store.failures.map((f) => [f.key, f.code])).toEqual([[DRAFT_KEY, 'quota']]);
    // Other successful writes (the variants again, the language) do not clear it.
    expect(store.write(VARIANTS_KEY, '[]')).toBe(true);
    expect(store.write(LANG_KEY, 'ja')).toBe(true);
    expect(store.failures.map((f) => f.key)).toEqual([DRAFT_KEY]);
    expect(workspaceStorageMessage(store.failures, 'en')).toMatch(/the scenario \(baseline\) could not be saved.*storage is full.*a reload would bring back/);
    expect(workspaceStorageMessage(store.failures, 'ja')).toContain('保存できませんでした(シナリオ(ベースライン))。ブラウザの保存領域がいっぱいです');
    // Space is freed: the next write of that key succeeds and clears the failure.
    storage.full.delete(DRAFT_KEY);
    expect(store.saveWorkspace(after, variants)).toBe(true);
    expect(storage.data.get(DRAFT_KEY)).toBe(JSON.stringify(after));
    expect(store.failures).toEqual([]);
    expect(workspaceStorageMessage(store.failures, 'en')).toBeNull();
  });

  it('names every key that failed, oldest first, and clears each one only by its own write', () => {
    const storage = new FullForSomeKeys();
    const store = new WorkspaceStore(storage);
    storage.full.add(VARIANTS_KEY).add(LANG_KEY);
    store.write(LANG_KEY, 'en');
    expect(store.saveWorkspace(after, variants)).toBe(false);
    expect(store.failures.map((f) => f.key)).toEqual([LANG_KEY, VARIANTS_KEY]);
    expect(workspaceStorageMessage(store.failures, 'en')).toMatch(/the language choice and the variants/);
    storage.full.delete(LANG_KEY);
    store.write(LANG_KEY, 'en');
    expect(store.failures.map((f) => f.key)).toEqual([VARIANTS_KEY]);
  });

  it('storage forbidden (reading localStorage throws) is reported as unavailable, and reads answer null', () => {
    const store = new WorkspaceStore(() => {
      throw new DOMException('Access is denied for this document.', 'SecurityError');
    });
    expect(store.read(DRAFT_KEY)).toBeNull();
    expect(store.saveWorkspace(after, [])).toBe(false);
    expect(store.failures.map((f) => [f.key, f.code])).toEqual([[DRAFT_KEY, 'unavailable'], [VARIANTS_KEY, 'unavailable']]);
    expect(workspaceStorageMessage(store.failures, 'en')).toMatch(/does not allow saving here.*SecurityError: Access is denied/);
  });
});
