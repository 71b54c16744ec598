/**
 * The saved library: round trips through a fake localStorage, name rules, and
 * the failures a browser can give (storage full, storage forbidden, a damaged
 * value), none of which may lose or silently change what is stored.
 */
import { describe, expect, it } from 'vitest';
import {
  MAX_NAME_LENGTH,
  SAVED_LIBRARY_ERROR_CODES,
  SAVED_LIBRARY_KEY,
  SavedLibrary,
  savedLibraryMessage,
  type SavedLibraryError,
  type StorageLike,
} from '../../src/ui/state/savedLibrary.ts';

/** An in-memory localStorage whose next writes or reads can be made to throw. */
class FakeStorage implements StorageLike {
  readonly data = new Map<string, string>();
  writeError: unknown = null;
  readError: unknown = null;
  writes = 0;
  getItem(key: string): string | null {
    if (this.readError) throw this.readError;
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.writeError) throw this.writeError;
    this.writes++;
    this.data.set(key, String(value));
  }
  removeItem(key: string): void {
    if (this.writeError) throw this.writeError;
    this.data.delete(key);
  }
}

/** A clock one minute later at each call, from a fixed start. */
function clock(start = Date.UTC(2025, 3, 1, 9, 0, 0)) {
  let t = start;
  return () => {
    const d = new Date(t);
    t += 60_000;
    return d;
  };
}

/** Ids id1, id2, ... */
function ids(prefix = 'id') {
  let n = 0;
  return () => `${prefix}${++n}`;
}

const make = (storage: FakeStorage | (() => StorageLike)) => new SavedLibrary(storage, clock(), ids());
const A = { version: 1, name: 'A', insideSales: { headcount: 6 } };
const B = { version: 1, name: 'B', insideSales: { headcount: 12 } };
const stored = (s: FakeStorage) => s.data.get(SAVED_LIBRARY_KEY);
const errorOf = (r: { ok: boolean; error?: SavedLibraryError }) => (r.ok ? null : r.error!);

describe('round trip', () => {
  it('saves, lists, renames and deletes, and a new instance on the same storage sees the same items', () => {
    const storage = new FakeStorage();
    const lib = make(storage);
    expect(lib.list()).toEqual([]);
    expect(lib.problem).toBeNull();

    const s = lib.save('  My plan  ', 'scenario', [A]);
    expect(s).toEqual({ ok: true, value: { id: 'id1', name: 'My plan', kind: 'scenario', savedAt: '2025-04-01T09:00:00.000Z', drafts: [A] } });
    const c = lib.save('IS doubled?', 'comparison', [A, B], ['IS ×2']);
    expect(c.ok && c.value).toMatchObject({ id: 'id2', kind: 'comparison', drafts: [A, B], variantNames: ['IS ×2'] });

    expect(JSON.parse(stored(storage)!)).toMatchObject({ format: 'funnel-library', version: 1, items: [{ id: 'id1' }, { id: 'id2' }] });
    expect([...storage.data.keys()]).toEqual([SAVED_LIBRARY_KEY]);

    const again = make(storage);
    expect(again.list()).toEqual(lib.list());
    expect(again.get('id1')).toEqual(s.ok && s.value);

    const r = again.rename('id1', 'Renamed');
    expect(r.ok && r.value).toMatchObject({ id: 'id1', name: 'Renamed', savedAt: '2025-04-01T09:00:00.000Z' });
    expect(lib.get('id1')?.name).toBe('Renamed'); // the other instance reads it again

    expect(again.remove('id2')).toEqual({ ok: true, value: undefined });
    expect(make(storage).list().map((i) => i.id)).toEqual(['id1']);
    expect(again.get('id2')).toBeNull();
  });

  it('lists newest first, an overwritten item moving to the top', () => {
    const lib = make(new FakeStorage());
    for (const n of ['one', 'two', 'three']) lib.save(n, 'scenario', [A]);
    expect(lib.list().map((i) => i.name)).toEqual(['three', 'two', 'one']);
    lib.save('one', 'scenario', [B], undefined, { overwrite: true });
    expect(lib.list().map((i) => i.name)).toEqual(['one', 'three', 'two']);
    expect(lib.list()[0]).toMatchObject({ id: 'id1', drafts: [B] });
  });

  it('keeps what was saved, not the caller’s later edits to its drafts', () => {
    const lib = make(new FakeStorage());
    const draft = structuredClone(A);
    lib.save('x', 'scenario', [draft]);
    draft.insideSales.headcount = 99;
    expect(lib.list()[0].drafts[0]).toEqual(A);
  });

  it('a save in another tab is kept by this tab’s next save', () => {
    const storage = new FakeStorage();
    const tab1 = new SavedLibrary(storage, clock(), ids('a'));
    const tab2 = new SavedLibrary(storage, clock(), ids('b'));
    tab1.list();
    tab2.save('from tab 2', 'scenario', [B]);
    tab1.save('from tab 1', 'scenario', [A]);
    expect(make(storage).list().map((i) => i.name).sort()).toEqual(['from tab 1', 'from tab 2']);
  });

  it('an id already stored (two tabs, same millisecond) gets a suffix', () => {
    const storage = new FakeStorage();
    new SavedLibrary(storage, clock(), () => 'same').save('first', 'scenario', [A]);
    const r = new SavedLibrary(storage, clock(), () => 'same').save('second', 'scenario', [A]);
    expect(r.ok && r.value.id).toBe('same-2');
  });

  it('the default id maker gives distinct ids', () => {
    const lib = new SavedLibrary(new FakeStorage());
    const a = lib.save('a', 'scenario', [A]);
    const b = lib.save('b', 'scenario', [A]);
    expect(a.ok && b.ok && a.value.id !== b.value.id).toBe(true);
  });

  it('refuses drafts that are not a scenario or a comparison, saving nothing', () => {
    const storage = new FakeStorage();
    const lib = make(storage);
    expect(errorOf(lib.save('x', 'scenario', [A, B]))?.code).toBe('invalid');
    expect(errorOf(lib.save('x', 'comparison', [A, B, B, B, B]))?.code).toBe('invalid');
    expect(errorOf(lib.save('x', 'comparison', [A, B], ['a', 'b']))?.code).toBe('invalid');
    expect(errorOf(lib.save('x', 'scenario', [[] as unknown as typeof A]))?.code).toBe('invalid');
    expect(storage.writes).toBe(0);
  });
});

describe('names', () => {
  it('are required, trimmed, and at most 80 characters', () => {
    const lib = make(new FakeStorage());
    expect(errorOf(lib.save('', 'scenario', [A]))).toEqual({ code: 'nameEmpty' });
    expect(errorOf(lib.save(' \t\n', 'scenario', [A]))).toEqual({ code: 'nameEmpty' });
    expect(errorOf(lib.save('x'.repeat(MAX_NAME_LENGTH + 1), 'scenario', [A]))).toEqual({ code: 'nameTooLong', count: 81 });
    expect(lib.save(` ${'x'.repeat(MAX_NAME_LENGTH)} `, 'scenario', [A]).ok).toBe(true);
    // Characters, not UTF-16 units: 80 emoji are 160 units.
    expect(lib.save('😀'.repeat(MAX_NAME_LENGTH), 'scenario', [A]).ok).toBe(true);
    expect(lib.list()).toHaveLength(2);
  });

  it('of the same kind are not overwritten silently; another kind may share a name', () => {
    const storage = new FakeStorage();
    const lib = make(storage);
    lib.save('Plan A', 'scenario', [A]);
    const before = stored(storage);
    for (const same of ['Plan A', ' plan a ', 'Ｐｌａｎ　Ａ']) {
      const e = errorOf(lib.save(same, 'scenario', [B]));
      expect(e).toMatchObject({ code: 'nameTaken', kind: 'scenario' });
      expect(savedLibraryMessage(e!, 'en')).toBe(`A saved scenario named “${same.trim()}” already exists: replace it, rename it, or choose another name.`);
    }
    expect(stored(storage)).toBe(before);
    expect(lib.save('Plan A', 'comparison', [A, B], ['B']).ok).toBe(true);
    expect(lib.list()).toHaveLength(2);
  });

  it('rename follows the same rules, and may change only the case of its own name', () => {
    const lib = make(new FakeStorage());
    lib.save('one', 'scenario', [A]);
    lib.save('two', 'scenario', [A]);
    expect(errorOf(lib.rename('id2', 'ONE'))).toMatchObject({ code: 'nameTaken', name: 'ONE' });
    expect(errorOf(lib.rename('id2', '  '))).toEqual({ code: 'nameEmpty' });
    expect(errorOf(lib.rename('id2', 'y'.repeat(81)))?.code).toBe('nameTooLong');
    expect(lib.rename('id2', 'Two').ok).toBe(true);
    expect(lib.list().map((i) => i.name)).toEqual(['Two', 'one']);
  });

  it('an unknown id is notFound', () => {
    const lib = make(new FakeStorage());
    expect(errorOf(lib.rename('nope', 'x'))?.code).toBe('notFound');
    expect(errorOf(lib.remove('nope'))?.code).toBe('notFound');
  });
});

describe('storage full', () => {
  const quotaErrors: [string, unknown][] = [
    ['QuotaExceededError', new DOMException('The quota has been exceeded.', 'QuotaExceededError')],
    ['Firefox NS_ERROR_DOM_QUOTA_REACHED', Object.assign(new Error('Persistent storage maximum size reached'), { name: 'NS_ERROR_DOM_QUOTA_REACHED' })],
    ['legacy code 22', Object.assign(new Error('quota'), { code: 22 })],
    ['legacy code 1014', Object.assign(new Error('quota'), { code: 1014 })],
  ];
  for (const [what, error] of quotaErrors) {
    it(`${what}: returns quota and leaves the library and the storage as they were`, () => {
      const storage = new FakeStorage();
      const lib = make(storage);
      lib.save('kept', 'scenario', [A]);
      const before = stored(storage);
      const listed = lib.list();
      storage.writeError = error;
      const r = lib.save('too much', 'scenario', [B]);
      expect(errorOf(r)?.code).toBe('quota');
      expect(savedLibraryMessage(errorOf(r)!, 'en')).toMatch(/^Browser storage is full: .* Nothing was saved\.$/);
      expect(errorOf(lib.rename('id1', 'other'))?.code).toBe('quota');
      expect(errorOf(lib.remove('id1'))?.code).toBe('quota');
      expect(stored(storage)).toBe(before);
      expect(lib.list()).toEqual(listed);
      expect(lib.get('id2')).toBeNull();
      storage.writeError = null;
      expect(lib.save('too much', 'scenario', [B]).ok).toBe(true); // nothing half-done blocks a retry
    });
  }
});

describe('storage not allowed', () => {
  it('a throwing localStorage getter: empty list, problem and errors say unavailable', () => {
    const lib = make(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    expect(lib.list()).toEqual([]);
    expect(lib.problem).toEqual({ code: 'unavailable', detail: 'SecurityError: The operation is insecure.' });
    expect(errorOf(lib.save('x', 'scenario', [A]))?.code).toBe('unavailable');
    expect(savedLibraryMessage(lib.problem!, 'en')).toMatch(/^This browser does not allow saving here/);
  });

  it('a missing localStorage (null) is unavailable too', () => {
    const lib = make(() => null as unknown as StorageLike);
    expect(lib.problem?.code).toBe('unavailable');
  });

  it('getItem throwing SecurityError: unavailable, and nothing is written', () => {
    const storage = new FakeStorage();
    storage.readError = new DOMException('Access is denied for this document.', 'SecurityError');
    const lib = make(storage);
    expect(lib.list()).toEqual([]);
    expect(lib.problem?.code).toBe('unavailable');
    expect(errorOf(lib.save('x', 'scenario', [A]))?.code).toBe('unavailable');
    expect(storage.writes).toBe(0);
    storage.readError = null; // allowed again (the user changed a setting): it recovers
    expect(lib.save('x', 'scenario', [A]).ok).toBe(true);
    expect(lib.problem).toBeNull();
  });

  it('setItem throwing SecurityError: unavailable, and the library is unchanged', () => {
    const storage = new FakeStorage();
    const lib = make(storage);
    storage.writeError = new DOMException('denied', 'SecurityError');
    expect(errorOf(lib.save('x', 'scenario', [A]))?.code).toBe('unavailable');
    expect(lib.list()).toEqual([]);
    expect(stored(storage)).toBeUndefined();
  });
});

describe('a damaged stored value', () => {
  const damaged: [string, string, RegExp][] = [
    ['bad JSON', '{"format":"funnel-library","version":1,"items":[', /^not valid JSON: /],
    ['not an object', '[1,2]', /^not a funnel-library value$/],
    ['another format', '{"format":"something","items":[]}', /^not a funnel-library value$/],
    ['a newer version', '{"format":"funnel-library","version":2,"items":[]}', /^version 2, written by a newer Funnel/],
    ['items not a list', '{"format":"funnel-library","version":1,"items":{}}', /^"items" is not a list$/],
  ];
  for (const [what, text, detail] of damaged) {
    it(`${what}: is reported, and later saves, renames and deletes refuse to write over it`, () => {
      const storage = new FakeStorage();
      storage.data.set(SAVED_LIBRARY_KEY, text);
      const lib = make(storage);
      expect(lib.list()).toEqual([]);
      expect(lib.problem?.code).toBe('damaged');
      expect(lib.problem?.detail).toMatch(detail);
      expect(savedLibraryMessage(lib.problem!, 'en')).toMatch(/^The saved library could not be read \(.+\); it was left untouched/);
      expect(errorOf(lib.save('x', 'scenario', [A]))?.code).toBe('damaged');
      expect(errorOf(lib.rename('id1', 'x'))?.code).toBe('damaged');
      expect(errorOf(lib.remove('id1'))?.code).toBe('damaged');
      expect(stored(storage)).toBe(text);
      expect(storage.writes).toBe(0);
      expect(lib.unreadableText()).toBe(text);
    });
  }

  it('is thrown away only on discardUnreadable, after which saving works', () => {
    const storage = new FakeStorage();
    storage.data.set(SAVED_LIBRARY_KEY, 'not json');
    const lib = make(storage);
    expect(lib.discardUnreadable().ok).toBe(true);
    expect(lib.problem).toBeNull();
    expect(lib.save('x', 'scenario', [A]).ok).toBe(true);
  });
});

describe('unreadable items', () => {
  const good = { id: 'g', name: 'good', kind: 'scenario', savedAt: '2025-01-01T00:00:00.000Z', drafts: [A] };
  const badDrafts = { id: 'b', name: 'bad', kind: 'scenario', savedAt: '2025-01-02T00:00:00.000Z', drafts: ['not an object'] };
  const text = JSON.stringify({ format: 'funnel-library', version: 1, items: [good, badDrafts, 42] });

  it('are skipped with a problem note, kept when saving, and dropped only on request', () => {
    const storage = new FakeStorage();
    storage.data.set(SAVED_LIBRARY_KEY, text);
    const lib = make(storage);
    expect(lib.list()).toEqual([good]);
    expect(lib.problem).toMatchObject({ code: 'unreadableItems', count: 2 });
    expect(lib.problem?.detail).toBe('item 2: the drafts of "bad" are not scenario objects; item 3: not an object');
    expect(savedLibraryMessage(lib.problem!, 'en')).toMatch(/^2 saved items could not be read/);
    expect(savedLibraryMessage(lib.problem!, 'ja')).toMatch(/^保存項目のうち2件を読み込めなかった/);

    expect(lib.save('new', 'scenario', [B]).ok).toBe(true);
    const items = JSON.parse(stored(storage)!).items;
    expect(items.slice(0, 3)).toEqual([good, badDrafts, 42]);
    expect(items).toHaveLength(4);
    expect(JSON.parse(lib.unreadableText()!)).toEqual([badDrafts, 42]);

    expect(lib.discardUnreadable().ok).toBe(true);
    expect(JSON.parse(stored(storage)!).items.map((i: { id: string }) => i.id)).toEqual(['g', 'id1']);
    expect(lib.problem).toBeNull();
  });

  it('a second item with an id already used is set aside, not listed twice', () => {
    const storage = new FakeStorage();
    storage.data.set(SAVED_LIBRARY_KEY, JSON.stringify({ format: 'funnel-library', version: 1, items: [good, { ...good, name: 'twin' }] }));
    const lib = make(storage);
    expect(lib.list().map((i) => i.name)).toEqual(['good']);
    expect(lib.problem?.code).toBe('unreadableItems');
  });
});

describe('messages', () => {
  const samples: Record<string, SavedLibraryError> = {
    nameTaken: { code: 'nameTaken', name: 'Plan A', kind: 'comparison' },
    nameTooLong: { code: 'nameTooLong', count: 95 },
    unreadableItems: { code: 'unreadableItems', count: 1, detail: 'item 1: not an object' },
  };
  for (const code of SAVED_LIBRARY_ERROR_CODES) {
    it(`${code} has an English and a Japanese message`, () => {
      const error = samples[code] ?? { code, detail: 'SomeError: details' };
      const en = savedLibraryMessage(error, 'en');
      const ja = savedLibraryMessage(error, 'ja');
      expect(en).toMatch(/^[A-Z0-9]/);
      expect(en).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(ja).toMatch(/[\u3040-\u30ff]/); // kana: written in Japanese, not the English text
      expect(ja).toMatch(/[。）]$/);
      for (const m of [en, ja]) expect(m).not.toMatch(/undefined|\$\{|\[object/);
    });
  }

  it('say what matters in each language', () => {
    expect(savedLibraryMessage({ code: 'quota' }, 'ja')).toContain('ブラウザの保存領域がいっぱいです。');
    expect(savedLibraryMessage({ code: 'quota' }, 'ja')).toContain('何も保存されていません。');
    const taken: SavedLibraryError = { code: 'nameTaken', name: '計画A', kind: 'comparison' };
    expect(savedLibraryMessage(taken, 'ja')).toBe('「計画A」という名前の比較はすでに保存されています。上書きするか、既存のものの名前を変えるか、別の名前にしてください。');
    expect(savedLibraryMessage(taken, 'en')).toBe('A saved comparison named “計画A” already exists: replace it, rename it, or choose another name.');
    expect(savedLibraryMessage(samples.nameTooLong, 'ja')).toBe('名前は80文字以内にしてください（現在95文字）。');
    expect(savedLibraryMessage({ code: 'unreadableItems', count: 1 }, 'en')).toBe('1 saved item could not be read and is not listed; it is kept as it was.');
  });
});
