/**
 * The user's saved library in the browser: named scenarios and comparisons (a
 * baseline and its variants) that survive reloads, under one localStorage key.
 *
 * Nothing is lost silently. Every call reads the stored value again (so a save in
 * another tab is seen, not overwritten) and the library in memory is only ever
 * what was read or what was written successfully: a failed write (storage full,
 * storage not allowed) leaves both as they were. A stored value this code cannot
 * read is reported and never written over; single unreadable items are reported,
 * not listed, and written back as they were.
 *
 * Pure: no Svelte, no globals except the optional crypto.randomUUID; storage,
 * clock and id maker are injected.
 */
import type { Draft } from '../editor/draft.ts';
import type { Lang } from '../../i18n/format.ts';

/** The one localStorage key of the library. */
export const SAVED_LIBRARY_KEY = 'funnel.library.v1';
/** The longest name, in characters (code points, so an emoji counts once). */
export const MAX_NAME_LENGTH = 80;
// A baseline and up to three variants; app.svelte.ts's MAX_VARIANTS + 1, not
// imported because that module pulls in Svelte runes and the worker pool.
const MAX_COMPARISON_DRAFTS = 4;
const FORMAT = 'funnel-library';
const VERSION = 1;

/** What a saved item holds: one scenario, or a baseline with its variants. */
export type SavedKind = 'scenario' | 'comparison';

/** One saved scenario or comparison. */
export interface SavedItem {
  id: string;
  name: string;
  kind: SavedKind;
  /** When it was saved (ISO 8601); a rename keeps it. */
  savedAt: string;
  /** One draft for a scenario; the baseline first, then up to three variants, for a comparison. */
  drafts: Draft[];
  /** The variants' names, in the order of drafts[1..]. */
  variantNames?: string[];
}

/** Why an operation failed, or what is wrong with the stored library. */
export type SavedLibraryErrorCode =
  | 'quota' // the browser's storage is full
  | 'unavailable' // the browser does not allow storage here (private mode, blocked site data)
  | 'damaged' // the stored value cannot be read: it is kept and not written over
  | 'unreadableItems' // some stored items cannot be read: they are kept but not listed
  | 'nameEmpty'
  | 'nameTooLong'
  | 'nameTaken'
  | 'notFound'
  | 'invalid'; // the drafts given to save are not a scenario or a comparison (a caller's bug)

/** Every error code, for exhaustive checks (the messages' tests iterate it). */
export const SAVED_LIBRARY_ERROR_CODES: readonly SavedLibraryErrorCode[] = [
  'quota', 'unavailable', 'damaged', 'unreadableItems', 'nameEmpty', 'nameTooLong', 'nameTaken', 'notFound', 'invalid',
];

/**
 * An error as a code and its parameters, so the UI words it in its language
 * (savedLibraryMessage). `detail` is technical text (a browser's error, a reason
 * the stored value was refused), shown as is in both languages.
 */
export interface SavedLibraryError {
  code: SavedLibraryErrorCode;
  detail?: string;
  /** nameTaken: the name asked for. */
  name?: string;
  /** nameTaken: the kind it is taken in. */
  kind?: SavedKind;
  /** nameTooLong: the name's length; unreadableItems: how many items. */
  count?: number;
}

/** The outcome of an operation: its value, or why nothing changed. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: SavedLibraryError };

/** What the library needs of window.localStorage (tests pass a fake). */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Options of SavedLibrary.save. */
export interface SaveOptions {
  /**
   * Replace the item of the same kind and name (it keeps its id and gets a new
   * savedAt). Without it such a save fails with nameTaken, so the UI can ask first.
   */
  overwrite?: boolean;
}

/** A stored item: read, or kept verbatim because it could not be read. */
type Slot = { item: SavedItem } | { raw: unknown; why: string };

const fail = (error: SavedLibraryError): { ok: false; error: SavedLibraryError } => ({ ok: false, error });

/** The user's saved library (see the module comment). */
export class SavedLibrary {
  private readonly storage: () => StorageLike | null | undefined;
  private readonly now: () => Date;
  private readonly newId: () => string;
  private slots: Slot[] = [];
  private readProblem: SavedLibraryError | null = null;
  /** The stored text when it is damaged, kept so the user can copy it before discarding it. */
  private damagedText: string | null = null;

  /**
   * @param storage the storage, or a function returning it: the app passes
   *   `() => localStorage`, because merely reading `localStorage` throws where the
   *   browser forbids storage, and that must be reported, not crash the panel.
   * @param now the clock (savedAt and default ids).
   * @param newId makes an id; by default crypto.randomUUID where the page has it
   *   (only secure contexts do), else time and a counter. A clash with a stored id
   *   (another tab, the same millisecond) is resolved by a suffix.
   */
  constructor(storage: StorageLike | (() => StorageLike | null | undefined), now: () => Date = () => new Date(), newId?: () => string) {
    this.storage = typeof storage === 'function' ? storage : () => storage;
    this.now = now;
    let counter = 0;
    this.newId =
      newId ??
      (() => (typeof globalThis.crypto?.randomUUID === 'function' ? globalThis.crypto.randomUUID() : `${now().getTime().toString(36)}-${(counter++).toString(36)}`));
    this.load();
  }

  /**
   * What is wrong with the stored library as last read, or null: unavailable,
   * damaged (then nothing is saved over it) or unreadableItems.
   */
  get problem(): SavedLibraryError | null {
    return this.readProblem;
  }

  /** The saved items, newest first (the ones that can be read). */
  list(): SavedItem[] {
    this.load();
    const indexed = this.items().map((item, i) => ({ item, i, t: Date.parse(item.savedAt) }));
    // Newest first; an unreadable date sorts last; equal times: the later stored first.
    indexed.sort((a, b) => (Number.isNaN(b.t) ? -Infinity : b.t) - (Number.isNaN(a.t) ? -Infinity : a.t) || b.i - a.i);
    return indexed.map((x) => x.item);
  }

  /** The item with this id, or null. */
  get(id: string): SavedItem | null {
    this.load();
    return this.items().find((item) => item.id === id) ?? null;
  }

  /**
   * Saves drafts under a name: one draft for a scenario; the baseline then up to
   * three variants for a comparison, with the variants' names. A name already
   * used by an item of the same kind (compared ignoring case, surrounding spaces
   * and full-width/half-width forms) fails with nameTaken unless
   * `options.overwrite`.
   */
  save(name: string, kind: SavedKind, drafts: Draft[], variantNames?: string[], options: SaveOptions = {}): Result<SavedItem> {
    const checked = checkName(name);
    if (!checked.ok) return checked;
    const invalid = checkDrafts(kind, drafts, variantNames);
    if (invalid) return fail({ code: 'invalid', detail: invalid });
    let item: SavedItem;
    try {
      // Through JSON, so the returned and remembered item is exactly what is stored
      // (a caller's later edits to its drafts do not reach it).
      const fresh: SavedItem = { id: '', name: checked.value, kind, savedAt: this.now().toISOString(), drafts };
      if (kind === 'comparison' && variantNames) fresh.variantNames = variantNames;
      item = JSON.parse(JSON.stringify(fresh)) as SavedItem;
    } catch (e) {
      return fail({ code: 'invalid', detail: `the drafts cannot be stored as JSON (${describe(e)})` });
    }
    return this.update((slots) => {
      const key = nameKey(item.name);
      const at = slots.findIndex((s) => 'item' in s && s.item.kind === kind && nameKey(s.item.name) === key);
      if (at >= 0 && !options.overwrite) return fail({ code: 'nameTaken', name: item.name, kind });
      if (at >= 0) {
        item.id = (slots[at] as { item: SavedItem }).item.id;
        slots[at] = { item };
      } else {
        item.id = this.uniqueId(slots);
        slots.push({ item });
      }
      return { ok: true, value: item };
    });
  }

  /** Renames an item (its savedAt stays); the name rules are those of save. */
  rename(id: string, name: string): Result<SavedItem> {
    const checked = checkName(name);
    if (!checked.ok) return checked;
    return this.update((slots) => {
      const at = slots.findIndex((s) => 'item' in s && s.item.id === id);
      if (at < 0) return fail({ code: 'notFound', detail: id });
      const old = (slots[at] as { item: SavedItem }).item;
      const key = nameKey(checked.value);
      if (slots.some((s) => 'item' in s && s.item.id !== id && s.item.kind === old.kind && nameKey(s.item.name) === key)) {
        return fail({ code: 'nameTaken', name: checked.value, kind: old.kind });
      }
      const item = { ...old, name: checked.value };
      slots[at] = { item };
      return { ok: true, value: item };
    });
  }

  /** Deletes an item. */
  remove(id: string): Result<void> {
    return this.update((slots) => {
      const at = slots.findIndex((s) => 'item' in s && s.item.id === id);
      if (at < 0) return fail({ code: 'notFound', detail: id });
      slots.splice(at, 1);
      return { ok: true, value: undefined };
    });
  }

  /**
   * The stored text this library cannot read (the whole damaged value, or the
   * unreadable items as JSON), for the user to copy before discarding it; else null.
   */
  unreadableText(): string | null {
    this.load();
    if (this.damagedText !== null) return this.damagedText;
    const raws = this.slots.flatMap((s) => ('raw' in s ? [s.raw] : []));
    return raws.length ? JSON.stringify(raws, null, 2) : null;
  }

  /**
   * Throws away what cannot be read, on the user's explicit request: the whole
   * damaged value (the library starts empty), or the unreadable items (the others
   * stay). The only way this module deletes data it did not understand.
   */
  discardUnreadable(): Result<void> {
    const storage = this.load();
    if (!storage) return fail(this.readProblem!);
    if (this.damagedText !== null) {
      try {
        storage.removeItem(SAVED_LIBRARY_KEY);
      } catch (e) {
        return fail({ code: 'unavailable', detail: describe(e) });
      }
      this.load();
      return { ok: true, value: undefined };
    }
    return this.update((slots) => {
      const kept = slots.filter((s) => 'item' in s);
      slots.splice(0, slots.length, ...kept);
      return { ok: true, value: undefined };
    });
  }

  private items(): SavedItem[] {
    return this.slots.flatMap((s) => ('item' in s ? [s.item] : []));
  }

  /** A fresh id no stored item has. */
  private uniqueId(slots: Slot[]): string {
    const taken = new Set(slots.map((s) => ('item' in s ? s.item.id : rawId(s.raw))));
    const base = this.newId();
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    return id;
  }

  /**
   * Reads the stored value into memory; returns the storage, or null when the
   * browser does not allow it (then the library is empty and problem says why).
   */
  private load(): StorageLike | null {
    this.slots = [];
    this.readProblem = null;
    this.damagedText = null;
    let storage: StorageLike;
    let text: string | null;
    try {
      const s = this.storage();
      if (!s) throw new Error('no localStorage in this browser');
      storage = s;
      text = storage.getItem(SAVED_LIBRARY_KEY);
    } catch (e) {
      this.readProblem = { code: 'unavailable', detail: describe(e) };
      return null;
    }
    if (text === null) return storage;
    const read = readLibrary(text);
    if (typeof read === 'string') {
      this.damagedText = text;
      this.readProblem = { code: 'damaged', detail: read };
      return storage;
    }
    this.slots = read;
    const unreadable = read.filter((s): s is { raw: unknown; why: string } => 'raw' in s);
    if (unreadable.length) this.readProblem = { code: 'unreadableItems', count: unreadable.length, detail: unreadable.map((s) => s.why).join('; ') };
    return storage;
  }

  /**
   * Reads the library, applies `change` to a copy of its slots and writes the
   * result; memory takes the new slots only once the write has succeeded.
   */
  private update<T>(change: (slots: Slot[]) => Result<T>): Result<T> {
    const storage = this.load();
    if (!storage) return fail(this.readProblem!);
    // Writing would replace a value we could not read: refuse, keep it for the user.
    if (this.damagedText !== null) return fail(this.readProblem!);
    const slots = this.slots.slice();
    const result = change(slots);
    if (!result.ok) return result;
    const text = JSON.stringify({ format: FORMAT, version: VERSION, items: slots.map((s) => ('item' in s ? s.item : s.raw)) });
    try {
      storage.setItem(SAVED_LIBRARY_KEY, text);
    } catch (e) {
      return fail(isQuotaError(e) ? { code: 'quota', detail: describe(e) } : { code: 'unavailable', detail: describe(e) });
    }
    this.slots = slots;
    if (this.readProblem?.code === 'unreadableItems' && !slots.some((s) => 'raw' in s)) this.readProblem = null;
    return result;
  }
}

/** The message for an error, in English or natural Japanese. */
export function savedLibraryMessage(error: SavedLibraryError, lang: Lang): string {
  const m = MESSAGES[error.code];
  return m ? m[lang](error) : `${error.code}${error.detail ? ` (${error.detail})` : ''}`;
}

const paren = (e: SavedLibraryError, lang: Lang) => (e.detail ? (lang === 'ja' ? `（${e.detail}）` : ` (${e.detail})`) : '');
const kindEn = (k: SavedKind | undefined) => (k === 'comparison' ? 'comparison' : 'scenario');
const kindJa = (k: SavedKind | undefined) => (k === 'comparison' ? '比較' : 'シナリオ');

const MESSAGES: Record<SavedLibraryErrorCode, Record<Lang, (e: SavedLibraryError) => string>> = {
  quota: {
    en: () => 'Browser storage is full: delete saved items you no longer need, or other sites’ data, and try again. Nothing was saved.',
    ja: () => 'ブラウザの保存領域がいっぱいです。不要になった保存項目や他のサイトのデータを削除してから、もう一度お試しください。何も保存されていません。',
  },
  unavailable: {
    en: (e) => `This browser does not allow saving here: private browsing, or cookies and site data blocked for this site, can cause this. Nothing can be saved to or opened from the library${paren(e, 'en')}.`,
    ja: (e) => `このブラウザでは、ここに保存できません。プライベートブラウズや、このサイトの Cookie・サイトデータのブロックが原因のことがあります。ライブラリへの保存も読み込みもできません${paren(e, 'ja')}。`,
  },
  damaged: {
    en: (e) => `The saved library could not be read${paren(e, 'en')}; it was left untouched, and nothing will be saved over it.`,
    ja: (e) => `保存済みライブラリを読み込めませんでした${paren(e, 'ja')}。データはそのまま残してあり、上書き保存はしません。`,
  },
  unreadableItems: {
    en: (e) => `${e.count ?? 'Some'} saved item${e.count === 1 ? '' : 's'} could not be read${paren(e, 'en')} and ${e.count === 1 ? 'is' : 'are'} not listed; ${e.count === 1 ? 'it is' : 'they are'} kept as ${e.count === 1 ? 'it was' : 'they were'}.`,
    ja: (e) => `保存項目のうち${e.count ?? ''}件を読み込めなかったため、一覧に表示していません${paren(e, 'ja')}。データはそのまま残してあります。`,
  },
  nameEmpty: {
    en: () => 'Enter a name to save under.',
    ja: () => '保存する名前を入力してください。',
  },
  nameTooLong: {
    en: (e) => `A name can have at most ${MAX_NAME_LENGTH} characters${e.count ? ` (this one has ${e.count})` : ''}.`,
    ja: (e) => `名前は${MAX_NAME_LENGTH}文字以内にしてください${e.count ? `（現在${e.count}文字）` : ''}。`,
  },
  nameTaken: {
    en: (e) => `A saved ${kindEn(e.kind)} named “${e.name ?? ''}” already exists: replace it, rename it, or choose another name.`,
    ja: (e) => `「${e.name ?? ''}」という名前の${kindJa(e.kind)}はすでに保存されています。上書きするか、既存のものの名前を変えるか、別の名前にしてください。`,
  },
  notFound: {
    en: () => 'This saved item no longer exists (it may have been deleted in another tab).',
    ja: () => 'この保存項目は見つかりません（別のタブで削除された可能性があります）。',
  },
  invalid: {
    en: (e) => `Nothing was saved: this is not a scenario or a comparison${paren(e, 'en')}.`,
    ja: (e) => `保存できませんでした。シナリオまたは比較として正しくありません${paren(e, 'ja')}。`,
  },
};

/** The trimmed name, or why it is refused. */
function checkName(name: string): Result<string> {
  const trimmed = String(name ?? '').trim();
  if (!trimmed) return fail({ code: 'nameEmpty' });
  const length = [...trimmed].length;
  if (length > MAX_NAME_LENGTH) return fail({ code: 'nameTooLong', count: length });
  return { ok: true, value: trimmed };
}

/**
 * The form names are compared in: "Plan A", "plan a" and "Ｐｌａｎ Ａ" (full-width,
 * common in Japanese input) would look like one item in the list.
 */
function nameKey(name: string): string {
  return name.normalize('NFKC').trim().toLowerCase();
}

/** Why these drafts are not a scenario or a comparison, or null. */
function checkDrafts(kind: SavedKind, drafts: unknown, variantNames: unknown): string | null {
  if (kind !== 'scenario' && kind !== 'comparison') return `kind must be "scenario" or "comparison", got ${JSON.stringify(kind)}`;
  if (!Array.isArray(drafts)) return 'drafts must be a list';
  if (kind === 'scenario' && drafts.length !== 1) return `a scenario has 1 draft, got ${drafts.length}`;
  if (kind === 'comparison' && (drafts.length < 1 || drafts.length > MAX_COMPARISON_DRAFTS)) {
    return `a comparison has a baseline and up to ${MAX_COMPARISON_DRAFTS - 1} variants, got ${drafts.length} drafts`;
  }
  if (!drafts.every(isObject)) return 'every draft must be a JSON object';
  if (kind === 'comparison' && variantNames !== undefined) {
    if (!Array.isArray(variantNames) || !variantNames.every((n) => typeof n === 'string')) return 'variantNames must be a list of texts';
    if (variantNames.length !== drafts.length - 1) return `${drafts.length - 1} variants need ${drafts.length - 1} names, got ${variantNames.length}`;
  }
  return null;
}

/** The stored text as slots, or why it cannot be read at all. */
function readLibrary(text: string): Slot[] | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return `not valid JSON: ${(e as Error).message}`;
  }
  if (!isObject(value) || value.format !== FORMAT) return `not a ${FORMAT} value`;
  if (value.version !== VERSION) {
    return typeof value.version === 'number' && value.version > VERSION
      ? `version ${value.version}, written by a newer Funnel than this one`
      : `unknown version ${JSON.stringify(value.version)}`;
  }
  if (!Array.isArray(value.items)) return '"items" is not a list';
  const seen = new Set<string>();
  return value.items.map((raw: unknown, i: number): Slot => {
    const item = readItem(raw);
    if (typeof item === 'string') return { raw, why: `item ${i + 1}: ${item}` };
    // Two items with one id (two tabs' default ids clashing): the first wins, the other is kept aside.
    if (seen.has(item.id)) return { raw, why: `item ${i + 1}: the id ${item.id} is used twice` };
    seen.add(item.id);
    return { item };
  });
}

/** One stored item, or why it cannot be read. */
function readItem(x: unknown): SavedItem | string {
  if (!isObject(x)) return 'not an object';
  const { id, name, kind, savedAt, drafts, variantNames } = x;
  if (typeof id !== 'string' || !id) return 'no id';
  if (typeof name !== 'string') return 'no name';
  if (kind !== 'scenario' && kind !== 'comparison') return `"${name}" has an unknown kind ${JSON.stringify(kind)}`;
  if (typeof savedAt !== 'string') return `"${name}" has no save date`;
  if (!Array.isArray(drafts) || drafts.length === 0 || !drafts.every(isObject)) return `the drafts of "${name}" are not scenario objects`;
  const item: SavedItem = { id, name, kind, savedAt, drafts: drafts as Draft[] };
  // Names of variants only label tabs: bad ones are dropped, the item is still usable.
  if (Array.isArray(variantNames) && variantNames.every((n) => typeof n === 'string')) item.variantNames = variantNames as string[];
  return item;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function rawId(raw: unknown): string | undefined {
  return isObject(raw) && typeof raw.id === 'string' ? raw.id : undefined;
}

/**
 * Storage full: the standard name, Firefox's older name, and the legacy codes
 * (22; 1014 in old Firefox) for browsers that set only a code.
 */
export function isQuotaError(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false;
  const { name, code } = e as { name?: unknown; code?: unknown };
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014;
}

/** A browser error as one line of technical text. */
export function describe(e: unknown): string {
  if (e && typeof e === 'object' && 'message' in e) {
    const { name, message } = e as { name?: unknown; message?: unknown };
    return name && name !== 'Error' ? `${String(name)}: ${String(message)}` : String(message);
  }
  return String(e);
}
