/**
 * The app's state: a baseline scenario and up to three variants (each the user's
 * draft, its last valid scenario and its results), the one the editor shows, and
 * the next-best-hire analysis. An edit is validated at once; a valid one re-runs
 * after a short pause, an invalid one keeps the last results and the user's text.
 * Runs go one at a time through one worker pool: the scenario on screen first,
 * then the others, so a comparison fills in while the user reads. Drafts are
 * saved in the browser so a reload loses nothing.
 */
import { checkScenario, parseScenarioText, withoutBom, type Issue } from '../../scenario/validate.ts';
import { decodeScenarioBytes } from '../../scenario/fileText.ts';
import type { Scenario } from '../../scenario/types.ts';
import type { RunResult } from '../../montecarlo/run.ts';
import { nextBestHire, type NextHire, type PairedRun } from '../../montecarlo/compare.ts';
import { browserPool } from '../../workers/browserWorkers.ts';
import type { SimPool } from '../../workers/pool.ts';
import { preferredLang } from '../../i18n/messages.ts';
import type { Lang } from '../../i18n/format.ts';
import { setAt, type Draft } from '../editor/draft.ts';
import { applyWhatIf, whatIfName, type WhatIf } from '../editor/whatIf.ts';
import { LIBRARY } from './library.ts';
import { DRAFT_KEY, LANG_KEY, VARIANTS_KEY, WorkspaceStore, type StoreFailure } from './workspaceStore.ts';
import { MAX_SHARED_VARIANTS, MAX_VARIANT_NAME } from '../../share/link.ts';

const RERUN_DELAY_MS = 350;
/** A baseline and at most three variants side by side (as many as a share link carries). */
export const MAX_VARIANTS = MAX_SHARED_VARIANTS;

/** Where a scenario's run stands. */
export type Status = 'idle' | 'running' | 'done' | 'stopped' | 'error';

/** One scenario of the workspace: the baseline (index 0) or a variant. */
export class Entry {
  readonly id: number;
  name = $state('');
  draft = $state<Draft>({});
  problems = $state<string[]>([]);
  /** The same problems structured, for the editor to say in the UI's language at each field. */
  issues = $state.raw<Issue[]>([]);
  scenario = $state.raw<Scenario | null>(null);
  result = $state.raw<RunResult | null>(null);
  /** The finished run of `scenario`, with per-replication values for pairing. */
  paired = $state.raw<PairedRun | null>(null);
  status = $state<Status>('idle');
  progress = $state<{ done: number; total: number; etaMs: number } | null>(null);
  error = $state<string | null>(null);
  /** The scenario's run is wanted (changed since its last finished run). */
  stale = false;

  constructor(id: number, name: string, draft: Draft) {
    this.id = id;
    this.name = name;
    this.draft = draft;
  }
}

/** The browser's storage of the workspace (reading `localStorage` itself throws where storage is forbidden). */
const store = new WorkspaceStore(() => localStorage);
const read = (key: string) => store.read(key);

function loadDraft(): Draft {
  try {
    const saved = read(DRAFT_KEY);
    if (saved) return JSON.parse(saved) as Draft;
  } catch {
    // Damaged: start from the baseline.
  }
  return structuredClone(LIBRARY[0].draft);
}

function loadVariants(): { name: string; draft: Draft }[] {
  try {
    const saved = JSON.parse(read(VARIANTS_KEY) ?? '[]') as unknown;
    if (Array.isArray(saved)) return saved.filter((v) => v && typeof v.name === 'string' && v.draft && typeof v.draft === 'object').slice(0, MAX_VARIANTS);
  } catch {
    // Damaged: no variants.
  }
  return [];
}

function loadLang(): Lang {
  const saved = read(LANG_KEY);
  if (saved === 'ja' || saved === 'en') return saved;
  return preferredLang(navigator.languages ?? [navigator.language]);
}

/** The application state (one instance). */
export class AppState {
  lang = $state<Lang>(loadLang());
  entries = $state<Entry[]>([]);
  /** Index of the scenario the editor and the single-run results show. */
  active = $state(0);
  importProblems = $state<string[]>([]);
  /** Writes of the workspace that failed and have not succeeded since (shown until they do). */
  storageFailures = $state.raw<StoreFailure[]>([]);
  nextHire = $state.raw<NextHire | null>(null);
  nextHireStatus = $state<{ state: 'running' | 'done' | 'stopped' | 'error'; done: number; message?: string } | null>(null);

  private pool: SimPool | null = null;
  private controller: AbortController | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private pumping = false;
  private nextId = 0;
  private nextHireWanted = false;
  /** Entries edited since the last scheduled run (debounced). */
  // Scheduler bookkeeping, never drawn: a plain Set on purpose.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private dirty = new Set<Entry>();
  /** The entry whose run is in progress. */
  private running: Entry | null = null;
  /** The user pressed Stop: nothing runs until the next edit or request. */
  private halted = false;

  constructor() {
    this.entries = [new Entry(this.nextId++, '', loadDraft()), ...loadVariants().map((v) => new Entry(this.nextId++, v.name, v.draft))];
    for (const e of this.entries) if (this.validate(e)) e.stale = true;
    this.schedule(0);
  }

  /** The scenario on screen. */
  get current(): Entry {
    return this.entries[Math.min(this.active, this.entries.length - 1)];
  }
  /** The baseline every variant is compared against. */
  get baseline(): Entry {
    return this.entries[0];
  }
  get draft(): Draft {
    return this.current.draft;
  }
  get problems(): string[] {
    return this.current.problems;
  }
  get scenario(): Scenario | null {
    return this.current.scenario;
  }
  get result(): RunResult | null {
    return this.current.result;
  }
  get status(): Status {
    return this.current.status;
  }
  get progress() {
    return this.current.progress;
  }
  get error(): string | null {
    return this.current.error;
  }

  /** Sets the language and remembers it. */
  setLang(lang: Lang): void {
    this.lang = lang;
    document.documentElement.lang = lang;
    this.persist(LANG_KEY, lang);
  }

  /** Shows scenario `i` in the editor and the results. */
  select(i: number): void {
    this.active = Math.max(0, Math.min(i, this.entries.length - 1));
    this.schedule(0);
  }

  /** Changes one field of the scenario on screen. */
  edit(path: readonly string[], value: unknown): void {
    const e = this.current;
    // A $state proxy cannot be structured-cloned: edit a snapshot.
    e.draft = setAt($state.snapshot(e.draft) as Draft, path, value);
    this.changed(e, RERUN_DELAY_MS);
  }

  /** Replaces the scenario on screen (a library scenario, an imported file or a shared link). */
  replace(draft: Draft): void {
    const e = this.current;
    e.draft = structuredClone(draft);
    this.importProblems = [];
    this.changed(e, 0);
  }

  /** Replaces the whole workspace: a baseline and its variants (opening a saved comparison). */
  replaceAll(items: { name: string; draft: Draft }[]): void {
    this.stopRuns();
    this.entries = items.slice(0, MAX_VARIANTS + 1).map((v) => new Entry(this.nextId++, v.name, structuredClone(v.draft)));
    this.active = 0;
    this.nextHire = null;
    this.nextHireStatus = null;
    for (const e of this.entries) if (this.validate(e)) e.stale = true;
    this.saveWorkspace();
    this.halted = false;
    this.schedule(0);
  }

  /** Imports a file's text: on errors, shows them and changes nothing. */
  importText(text: string): void {
    const v = parseScenarioText(text);
    if (!v.ok) {
      this.importProblems = v.problems;
      return;
    }
    this.replace(JSON.parse(withoutBom(text)) as Draft);
  }

  /** Imports a file's first bytes (`size`: the whole file's): UTF-8, or UTF-16 with a byte-order mark, as the CLI reads it. */
  importBytes(bytes: Uint8Array, size: number): void {
    const decoded = decodeScenarioBytes(bytes, size);
    if (!decoded.ok) {
      this.importProblems = decoded.problems;
      return;
    }
    this.importText(decoded.text);
  }

  /** Adds a variant of the baseline: a copy, or a one-click what-if. Shows it. */
  addVariant(whatIf: WhatIf | null): void {
    if (this.entries.length > MAX_VARIANTS) return;
    const base = $state.snapshot(this.baseline.draft) as Draft;
    const draft = whatIf ? applyWhatIf(base, whatIf) : structuredClone(base);
    const name = whatIf ? whatIfName(whatIf, this.lang) : `${this.lang === 'ja' ? 'コピー' : 'Copy'} ${this.entries.length}`;
    const e = new Entry(this.nextId++, name, draft);
    this.entries = [...this.entries, e];
    this.active = this.entries.length - 1;
    this.changed(e, 0);
  }

  /** Removes variant `i` (the baseline stays). */
  removeVariant(i: number): void {
    if (i <= 0 || i >= this.entries.length) return;
    this.entries = this.entries.filter((_, k) => k !== i);
    if (this.active >= i) this.active = Math.max(0, this.active - 1);
    this.saveWorkspace();
  }

  /** Renames variant `i`. */
  renameVariant(i: number, name: string): void {
    const trimmed = name.trim();
    if (i <= 0 || !trimmed) return;
    this.entries[i].name = [...trimmed].slice(0, MAX_VARIANT_NAME).join('');
    this.saveWorkspace();
  }

  /** Problems whose path is `path` or lies under it. */
  problemsAt(path: string): string[] {
    return this.problems.filter((p) => p.startsWith(`${path}:`) || p.startsWith(`${path}.`) || p.startsWith(`${path}[`));
  }

  /** Issues whose path is `path` or lies under it. */
  issuesAt(path: string): Issue[] {
    return this.current.issues.filter((i) => i.path === path || i.path.startsWith(`${path}.`) || i.path.startsWith(`${path}[`));
  }

  /** Asks where one more person adds the most, for the baseline. */
  requestNextHire(): void {
    this.nextHireWanted = true;
    this.nextHire = null;
    this.nextHireStatus = { state: 'running', done: 0 };
    this.halted = false;
    this.schedule(0);
  }

  /** Cancels the runs in progress (the last results stay) until the next edit. */
  stop(): void {
    this.stopRuns();
  }

  private stopRuns(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.halted = true;
    this.dirty.clear();
    for (const e of this.entries) e.stale = false;
    this.nextHireWanted = false;
    if (this.nextHireStatus?.state === 'running') this.nextHireStatus = { state: 'stopped', done: 0 };
    this.controller?.abort();
  }

  private persist(key: string, value: string): void {
    store.write(key, value);
    this.storageFailures = store.failures;
  }

  private saveWorkspace(): void {
    store.saveWorkspace($state.snapshot(this.baseline.draft) as Draft, this.entries.slice(1).map((e) => ({ name: e.name, draft: $state.snapshot(e.draft) as Draft })));
    this.storageFailures = store.failures;
  }

  /** Validates an entry's draft; a valid one becomes its scenario and wants a run. */
  private validate(e: Entry): boolean {
    const v = checkScenario($state.snapshot(e.draft));
    if (!v.ok) {
      e.issues = v.issues;
      e.problems = v.issues.map((i) => i.text);
      return false;
    }
    e.issues = [];
    e.problems = [];
    e.scenario = v.scenario;
    return true;
  }

  private changed(e: Entry, delayMs: number): void {
    this.saveWorkspace();
    if (!this.validate(e)) return;
    // A baseline change makes the next-best-hire answer stale.
    if (e === this.baseline && this.nextHire) this.nextHire = null;
    this.dirty.add(e);
    this.schedule(delayMs);
  }

  /**
   * After `delayMs` without another edit: the edited scenarios want a run, and a
   * run in progress stops if it is for an edited scenario or for one off screen
   * while the one on screen waits (it is run again later).
   */
  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      for (const e of this.dirty) e.stale = true;
      if (this.dirty.size) this.halted = false;
      const edited = this.running !== null && this.dirty.has(this.running);
      const onScreenWaits = this.current.stale && this.running !== this.current;
      this.dirty.clear();
      if (edited || onScreenWaits) this.controller?.abort();
      void this.pump();
    }, delayMs);
  }

  /** Runs wanted work one piece at a time: the scenario on screen, the others, then the next hire. */
  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (!this.halted) {
        const entry = [this.current, ...this.entries].find((e) => e.stale && e.scenario);
        if (entry) await this.runEntry(entry);
        else if (this.nextHireWanted && this.baseline.paired) await this.runNextHire();
        else break;
      }
    } finally {
      this.pumping = false;
    }
  }

  private pendingDraw: RunResult | null = null;

  /**
   * Draws a partial result at the next frame, not in the task that summarised it,
   * so neither task blocks the page for long; later partials replace earlier ones.
   */
  private draw(entry: Entry, result: RunResult, controller: AbortController): void {
    const scheduled = this.pendingDraw !== null;
    this.pendingDraw = result;
    if (scheduled) return;
    requestAnimationFrame(() => {
      const next = this.pendingDraw;
      this.pendingDraw = null;
      if (next && this.controller === controller) entry.result = next;
    });
  }

  private async runEntry(entry: Entry): Promise<void> {
    const scenario = entry.scenario!;
    entry.stale = false;
    const controller = new AbortController();
    this.controller = controller;
    this.running = entry;
    this.pool ??= browserPool({ idleMs: 30_000 });
    entry.status = 'running';
    entry.error = null;
    entry.progress = { done: 0, total: scenario.replications, etaMs: NaN };
    try {
      const paired = await this.pool.runPaired(scenario, {
        signal: controller.signal,
        onProgress: (p) => {
          if (this.controller !== controller) return; // a newer run has started
          entry.progress = { done: p.done, total: p.total, etaMs: p.etaMs };
          if (p.partial) this.draw(entry, p.partial, controller);
        },
      });
      if (controller.signal.aborted) throw new DOMException('stopped', 'AbortError');
      // Draw in the next frame, apart from the task that summarised the run.
      await new Promise(requestAnimationFrame);
      this.pendingDraw = null;
      entry.result = paired.result;
      entry.paired = paired;
      entry.status = 'done';
    } catch (e) {
      if (controller.signal.aborted) {
        // Stopped by the user, or set aside for an edited scenario: run it again later.
        if (!this.halted) entry.stale = true;
        entry.status = this.halted ? 'stopped' : 'running';
        return;
      }
      entry.status = 'error';
      entry.error = (e as Error).message;
    } finally {
      if (this.controller === controller) this.controller = null;
      if (this.running === entry) this.running = null;
    }
  }

  private async runNextHire(): Promise<void> {
    const base = this.baseline;
    const scenario = base.scenario!;
    const paired = base.paired!;
    this.nextHireWanted = false;
    const controller = new AbortController();
    this.controller = controller;
    this.nextHireStatus = { state: 'running', done: 0 };
    try {
      const answer = await nextBestHire(
        scenario,
        (s) => {
          if (controller.signal.aborted) throw new DOMException('stopped', 'AbortError');
          return this.pool!.runPaired(s, { signal: controller.signal });
        },
        paired,
        (done) => (this.nextHireStatus = { state: 'running', done }),
      );
      if (controller.signal.aborted) throw new DOMException('stopped', 'AbortError');
      this.nextHire = answer;
      this.nextHireStatus = { state: 'done', done: 4 };
    } catch (e) {
      if (controller.signal.aborted) {
        // An edit interrupted it: ask again once the edited scenarios have run.
        if (!this.halted) this.nextHireWanted = true;
        this.nextHireStatus = { state: this.halted ? 'stopped' : 'running', done: 0 };
        return;
      }
      this.nextHireStatus = { state: 'error', done: 0, message: (e as Error).message };
    } finally {
      if (this.controller === controller) this.controller = null;
    }
  }
}
