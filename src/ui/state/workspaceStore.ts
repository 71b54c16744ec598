/**
 * The working scenario (the baseline and its variants) and the chosen language,
 * kept in the browser's storage so that a reload loses nothing.
 *
 * A failed write is never hidden: its failure stays on record until a later
 * write of the same key succeeds. Writing the variants after a failed write of
 * the baseline therefore does not clear the baseline's failure, so a save that
 * stored only part of the workspace never looks like success (issue 11, item 9).
 *
 * Pure: no Svelte; the storage is injected (tests pass a fake).
 */
import type { Draft } from '../editor/draft.ts';
import type { Lang } from '../../i18n/format.ts';
import { describe, isQuotaError, type StorageLike } from './savedLibrary.ts';
import { LAST_EDITS_KEY } from './lastEdits.ts';
import { PRECISION_KEY } from './runPrecision.ts';

/** The baseline's draft. */
export const DRAFT_KEY = 'funnel.draft.v1';
/** The variants: `[{ name, draft }]`. */
export const VARIANTS_KEY = 'funnel.variants.v1';
/** The language the user chose. */
export const LANG_KEY = 'funnel.lang';

/** A write that failed and has not succeeded since. */
export interface StoreFailure {
  key: string;
  /** quota: the storage is full; unavailable: the browser forbids storage here. */
  code: 'quota' | 'unavailable';
  /** The browser's own words, shown as is. */
  detail: string;
}

/** The keys of the workspace and the language, with failed writes on record (see the module comment). */
export class WorkspaceStore {
  private readonly storage: () => StorageLike | null | undefined;
  // Insertion order: the first key that failed is reported first.
  private readonly failed = new Map<string, StoreFailure>();

  /**
   * @param storage the storage, or a function returning it (merely reading
   *   `localStorage` throws where the browser forbids storage).
   */
  constructor(storage: StorageLike | (() => StorageLike | null | undefined)) {
    this.storage = typeof storage === 'function' ? storage : () => storage;
  }

  /** The stored text of `key`, or null when there is none or storage cannot be read. */
  read(key: string): string | null {
    try {
      return this.storage()?.getItem(key) ?? null;
    } catch {
      return null; // storage unavailable (private mode): start fresh
    }
  }

  /** Writes `key`; true when it was stored. A failure stays on record until `key` is written successfully. */
  write(key: string, value: string): boolean {
    try {
      const storage = this.storage();
      if (!storage) throw new Error('localStorage is not available');
      storage.setItem(key, value);
      this.failed.delete(key);
      return true;
    } catch (e) {
      this.failed.set(key, { key, code: isQuotaError(e) ? 'quota' : 'unavailable', detail: describe(e) });
      return false;
    }
  }

  /** Writes the baseline and the variants; true only when both were stored. */
  saveWorkspace(baseline: Draft, variants: readonly { name: string; draft: Draft }[]): boolean {
    // Both writes are tried even if the first fails: each key keeps what it can.
    const draftSaved = this.write(DRAFT_KEY, JSON.stringify(baseline));
    const variantsSaved = this.write(VARIANTS_KEY, JSON.stringify(variants));
    return draftSaved && variantsSaved;
  }

  /** The writes that failed and have not succeeded since, the oldest first. */
  get failures(): StoreFailure[] {
    return [...this.failed.values()];
  }
}

const WHAT: Record<string, Record<Lang, string>> = {
  [DRAFT_KEY]: { en: 'the scenario (baseline)', ja: 'シナリオ(ベースライン)' },
  [VARIANTS_KEY]: { en: 'the variants', ja: 'バリエーション' },
  [LANG_KEY]: { en: 'the language choice', ja: '言語の選択' },
  [LAST_EDITS_KEY]: { en: 'your last edits before a load', ja: '読み込み前の直前の編集' },
  [PRECISION_KEY]: { en: 'the choice of when a run stops', ja: '試行の止め方' },
};

/**
 * What the user must know about `failures`, in `lang`, or null when every write
 * succeeded: what was not saved, that a reload would bring back the older
 * version, and what to do.
 */
export function workspaceStorageMessage(failures: readonly StoreFailure[], lang: Lang): string | null {
  if (!failures.length) return null;
  const what = failures.map((f) => WHAT[f.key]?.[lang] ?? f.key).join(lang === 'ja' ? '・' : ' and ');
  const details = failures.map((f) => f.detail).join('; ');
  const full = failures.some((f) => f.code === 'quota');
  if (lang === 'ja') {
    return (
      `最新の変更を保存できませんでした(${what})。` +
      (full ? 'ブラウザの保存領域がいっぱいです。' : 'このブラウザでは、ここに保存できません(プライベートブラウズやサイトデータのブロックが原因のことがあります)。') +
      `画面上の内容はそのままですが、再読み込みすると以前に保存された内容に戻ります。` +
      (full ? '不要な保存項目や他のサイトのデータを削除するか、' : '') +
      `JSONを書き出して保管してください。保存できるとこの表示は消えます(${details})。`
    );
  }
  return (
    `Your latest changes to ${what} could not be saved in this browser: ` +
    (full ? 'its storage is full. ' : 'it does not allow saving here (private browsing, or site data blocked, can cause this). ') +
    'They are still on screen, but a reload would bring back the version saved before. ' +
    (full ? 'Delete saved items you no longer need, or other sites’ data, or export the scenario as JSON to keep it. ' : 'Export the scenario as JSON to keep it. ') +
    `This notice goes away once saving works again (${details}).`
  );
}

/** The stored baseline draft, or `fallback` when there is none or it is damaged. */
export function loadDraft(store: WorkspaceStore, fallback: () => Draft): Draft {
  try {
    const saved = store.read(DRAFT_KEY);
    if (saved) return JSON.parse(saved) as Draft;
  } catch {
    // Damaged: start from the fallback.
  }
  return fallback();
}

/** The stored variants (at most `max`), or none when they are damaged. */
export function loadVariants(store: WorkspaceStore, max: number): { name: string; draft: Draft }[] {
  try {
    const saved = JSON.parse(store.read(VARIANTS_KEY) ?? '[]') as unknown;
    if (Array.isArray(saved)) return saved.filter((v) => v && typeof v.name === 'string' && v.draft && typeof v.draft === 'object').slice(0, max);
  } catch {
    // Damaged: no variants.
  }
  return [];
}

/** The stored language, or `preferred` when none was chosen. */
export function loadLang(store: WorkspaceStore, preferred: () => Lang): Lang {
  const saved = store.read(LANG_KEY);
  if (saved === 'ja' || saved === 'en') return saved;
  return preferred();
}
