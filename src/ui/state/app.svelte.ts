/**
 * The application state (one instance), wiring three parts that each do one job:
 * the workspace (workspace.svelte.ts: the baseline, its variants, their drafts),
 * its storage in the browser (workspaceStore.ts), and the job queue
 * (jobQueue.ts), which runs the experiments (src/experiments/) on one worker pool.
 *
 * A valid edit asks for a run after a short pause; the scenario on screen runs
 * first, then the others, so a comparison fills in while the user reads; the
 * next-best-hire analysis runs last. Each job reports through its status object.
 */
import { parseScenarioText, withoutBom, type Issue } from '../../scenario/validate.ts';
import { decodeScenarioBytes } from '../../scenario/fileText.ts';
import type { Scenario } from '../../scenario/types.ts';
import type { RunResult } from '../../montecarlo/run.ts';
import type { NextHire } from '../../montecarlo/compare.ts';
import type { PartialRun, Run } from '../../runner/types.ts';
import { nextBestHire, nextHireSteps, singleRun } from '../../experiments/index.ts';
import { browserPool } from '../../workers/browserWorkers.ts';
import { FIRST_STEADY_PICTURE, type SimPool } from '../../workers/pool.ts';
import { preferredLang } from '../../i18n/messages.ts';
import type { Lang } from '../../i18n/format.ts';
import type { Draft } from '../editor/draft.ts';
import { applyWhatIf, whatIfName, type WhatIf } from '../editor/whatIf.ts';
import { LIBRARY } from './library.ts';
import { LANG_KEY, WorkspaceStore, loadDraft, loadLang, loadVariants, type StoreFailure } from './workspaceStore.ts';
import { JobQueue, type Job, type JobState } from './jobQueue.ts';
import { ReactiveJobStatus } from './jobStatus.svelte.ts';
import { Entry, MAX_VARIANTS, Workspace, type NamedDraft } from './workspace.svelte.ts';
import { SavedLibrary } from './savedLibrary.ts';
import { GOAL_SEEK_KEY, GoalSeekState, type GoalSeekAsk } from './goalSeek.svelte.ts';
import { goalSeekText } from '../../i18n/goalSeekMessages.ts';
import { loadPrecision, precisionTarget, savePrecision } from './runPrecision.ts';
import { SENSITIVITY_KEY, SensitivityState } from './sensitivity.svelte.ts';
import { loadWouldLoseEdits, readLastEdits, writeLastEdits, type LastEdits, type LoadSource } from './lastEdits.ts';

export { Entry, MAX_VARIANTS } from './workspace.svelte.ts';
/** Where a scenario's run stands (every job's state: see jobQueue.ts). */
export type Status = JobState;

/**
 * The pause after an edit before its run starts. Typed fields commit on Enter or
 * on leaving them, so the pause only gathers a slider drag or quick ± clicks into
 * one run; a run superseded sooner costs at most one replication in flight. It
 * was 350 ms: 200 ms of it was waiting before the first picture (issue 13).
 */
const RERUN_DELAY_MS = 150;
/**
 * Least time between two partial results drawn during a run (ms): redrawing the
 * page is the main thread's longest work while a run goes on (issue 13: tasks of
 * 100-190 ms when drawn every frame), and bands that move three times a second read as well.
 */
const PARTIAL_GAP_MS = 300;
/** A partial drawn without waiting for its gap: the first to rest on FIRST_STEADY_PICTURE replications. */
const firstSteady = (p: PartialRun, last: PartialRun | null) =>
  p.result.scenario.replications >= FIRST_STEADY_PICTURE && (last === null || last.result.scenario.replications < FIRST_STEADY_PICTURE);
/** Jobs of the scenario on screen run first and interrupt the others. */
const ON_SCREEN = 0;
const OFF_SCREEN = 1;
const ANALYSIS = 2;
const NEXT_HIRE_KEY = 'nextHire';

/** The browser's storage of the workspace (reading `localStorage` itself throws where storage is forbidden). */
const store = new WorkspaceStore(() => localStorage);

/** The application state (one instance). */
export class AppState {
  lang = $state<Lang>(loadLang(store, () => preferredLang(navigator.languages ?? [navigator.language])));
  readonly workspace = new Workspace([
    { name: '', draft: loadDraft(store, () => structuredClone(LIBRARY[0].draft)) },
    ...loadVariants(store, MAX_VARIANTS),
  ]);
  importProblems = $state<string[]>([]);
  /** The workspace the last load over unsaved work replaced, kept in storage (restorable: see `load`). */
  lastEdits = $state.raw<LastEdits | null>(readLastEdits(store));
  /** The last edits were kept by a load just now: the notice that offers them back is up until dismissed. */
  lastEditsJustKept = $state(false);
  /** A load waiting for the user to confirm it, because it would replace unsaved work. */
  pendingLoad = $state.raw<{ items: NamedDraft[]; source: LoadSource; whole: boolean; active: number } | null>(null);
  /** Writes of the workspace that failed and have not succeeded since (shown until they do). */
  storageFailures = $state.raw<StoreFailure[]>([]);
  /**
   * The stop rule of a run: null runs every replication of the scenario's count;
   * a share stops once ARR at the horizon is within ±that at 95% (see runPrecision.ts).
   */
  precision = $state<number | null>(loadPrecision(store));
  nextHire = $state.raw<NextHire | null>(null);
  /** The next-best-hire analysis's status (its progress `step` is the hire being run). */
  readonly nextHireJob = new ReactiveJobStatus();
  /** Goal-seek for the baseline: the least hiring that reaches an ARR target. */
  readonly goalSeek = new GoalSeekState();
  /** Sensitivity of the baseline: which inputs move ARR at the horizon most. */
  readonly sensitivity = new SensitivityState();

  private pool: SimPool | null = null;
  private readonly jobs = new JobQueue(() => this.simPool(), undefined, { partialGapMs: PARTIAL_GAP_MS, urgent: firstSteady });
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Entries edited since the last run was asked for (debounced). */
  // Bookkeeping, never drawn: a plain Set on purpose.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private dirty = new Set<Entry>();

  constructor() {
    for (const e of this.entries) if (e.validate()) this.dirty.add(e);
    // Page load: the workers boot (a new thread each, their script fetched and
    // evaluated) while the page is being built, instead of after it, so the run
    // asked for below finds them ready when the first layout is done.
    if (this.dirty.size) this.simPool().prestart();
    this.askRuns(0);
  }

  /** The page's one worker pool, made when first needed. */
  private simPool(): SimPool {
    return (this.pool ??= browserPool({ partialEveryMs: PARTIAL_GAP_MS }));
  }

  get entries(): Entry[] {
    return this.workspace.entries;
  }
  /** Index of the scenario the editor and the single-run results show. */
  get active(): number {
    return this.workspace.active;
  }
  /** The scenario on screen. */
  get current(): Entry {
    return this.workspace.current;
  }
  /** The baseline every variant is compared against. */
  get baseline(): Entry {
    return this.workspace.baseline;
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
  /** The result on screen with the scenario it was computed from (which may be older than `scenario`). */
  get shown(): PartialRun | null {
    return this.current.shown;
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
    store.write(LANG_KEY, lang);
    this.storageFailures = store.failures;
  }

  /** Sets the stop rule (null: every replication), remembers it and runs the scenarios again under it. */
  setPrecision(relative: number | null): void {
    if (relative === this.precision) return;
    this.precision = relative;
    savePrecision(store, relative);
    this.storageFailures = store.failures;
    this.nextHire = null;
    for (const e of this.entries) if (e.validate()) this.dirty.add(e);
    this.askRuns(0);
  }

  /** The precision a run of the scenarios open now is asked to reach (none while comparing: see runPrecision.ts). */
  get precisionNow() {
    return precisionTarget(this.precision, this.entries.length);
  }

  /** Shows scenario `i` in the editor and the results; its run, if wanted, goes first. */
  select(i: number): void {
    this.workspace.select(i);
    this.jobs.reconsider();
  }

  /** Changes one field of the scenario on screen. */
  edit(path: readonly string[], value: unknown): void {
    this.changed(this.workspace.edit(path, value), RERUN_DELAY_MS);
  }

  /**
   * Every load goes through here: a library scenario, an imported file, a saved
   * item, a share link, or the last edits restored. `items` replaces the scenario
   * on screen, or, when `whole`, the whole workspace (then `active` is shown).
   * When that would lose work saved nowhere else, the workspace is first kept as
   * the last edits, in storage, so the user can restore it (issue 14).
   */
  load(items: NamedDraft[], source: LoadSource, whole = items.length > 1, active = 0): void {
    this.pendingLoad = null;
    const workspace = this.workspace.items();
    const saved = new SavedLibrary(() => localStorage).list();
    if (loadWouldLoseEdits(workspace, this.active, items, whole, LIBRARY.map((l) => l.draft), saved)) {
      this.lastEdits = { items: workspace, active: this.active, keptAt: nowIso(), by: source };
      writeLastEdits(store, this.lastEdits);
      this.lastEditsJustKept = true;
      this.storageFailures = store.failures;
    }
    this.importProblems = [];
    if (whole) {
      this.replaceAll(items);
      this.select(active);
    } else this.changed(this.workspace.replace(items[0].draft), 0);
  }

  /**
   * A load the user asked for (library, file, saved item): when it would replace
   * work saved nowhere else it waits in `pendingLoad` for the user to confirm or
   * cancel (a load over edits asks first); otherwise it loads at once. Links ask
   * through their own prompt, then call load().
   */
  requestLoad(items: NamedDraft[], source: LoadSource, whole = items.length > 1, active = 0): void {
    const saved = new SavedLibrary(() => localStorage).list();
    if (loadWouldLoseEdits(this.workspace.items(), this.active, items, whole, LIBRARY.map((l) => l.draft), saved)) {
      this.pendingLoad = { items, source, whole, active };
      return;
    }
    this.load(items, source, whole, active);
  }

  /** Confirms the load waiting for an answer (the edits it replaces are kept as the last edits). */
  confirmLoad(): void {
    const p = this.pendingLoad;
    if (p) this.load(p.items, p.source, p.whole, p.active);
  }

  /** Cancels the load waiting for an answer: nothing changes. */
  cancelLoad(): void {
    this.pendingLoad = null;
  }

  /** Brings back the last edits a load replaced (itself a load: edits made since are kept in turn). */
  restoreLastEdits(): void {
    const kept = this.lastEdits;
    this.lastEditsJustKept = false;
    if (kept) this.load(structuredClone(kept.items), 'lastEdits', true, kept.active);
  }

  /** Replaces the whole workspace: a baseline and its variants. */
  private replaceAll(items: { name: string; draft: Draft }[]): void {
    this.stop();
    this.nextHire = null;
    this.nextHireJob.reset();
    this.goalSeek.reset();
    this.sensitivity.reset();
    for (const e of this.workspace.replaceAll(items)) if (e.validate()) this.dirty.add(e);
    this.saveWorkspace();
    this.askRuns(0);
  }

  /** Imports a file's text: on errors, shows them and changes nothing. */
  importText(text: string): void {
    const v = parseScenarioText(text);
    if (!v.ok) {
      this.importProblems = v.problems;
      return;
    }
    this.requestLoad([{ name: '', draft: JSON.parse(withoutBom(text)) as Draft }], 'file');
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
    const base = $state.snapshot(this.baseline.draft) as Draft;
    const draft = whatIf ? applyWhatIf(base, whatIf) : structuredClone(base);
    const name = whatIf ? whatIfName(whatIf, this.lang) : `${this.lang === 'ja' ? 'コピー' : 'Copy'} ${this.entries.length}`;
    this.addEntry(name, draft);
  }

  /**
   * Whether the baseline changed since goal-seek searched it: its plan was found
   * for another scenario (the panel then offers a new search, not a variant).
   */
  get goalSeekStale(): boolean {
    const searched = this.goalSeek.scenario;
    const now = this.baseline.scenario;
    return searched !== null && (!now || JSON.stringify($state.snapshot(now)) !== JSON.stringify(searched));
  }

  /**
   * Adds goal-seek's plan as a variant: the baseline with the plan's hires, named
   * 「目標逆算の計画 +N名」, so its verdict and paired difference sit beside the
   * baseline's in the comparison. Not from a stale answer (see goalSeekStale).
   */
  addGoalSeekVariant(): void {
    const r = this.goalSeek.result;
    if (!r || r.plan.length === 0 || this.goalSeekStale) return;
    const base = $state.snapshot(this.baseline.draft) as Draft;
    const hiring = Array.isArray(base.hiring) ? base.hiring : [];
    const draft = { ...structuredClone(base), hiring: [...structuredClone(hiring), ...structuredClone(r.plan)] };
    const added = r.plan.reduce((a, h) => a + Math.max(0, h.change), 0);
    const removed = r.plan.reduce((a, h) => a + Math.max(0, -h.change), 0);
    this.addEntry(goalSeekText(this.lang, removed > 0 ? 'gsVariantNameChange' : 'gsVariantName', { added, removed }), draft);
  }

  /** Adds a variant and shows it, then runs it. */
  private addEntry(name: string, draft: Draft): void {
    const e = this.workspace.add(name, draft);
    if (!e) return;
    // A baseline that stopped early at its precision runs again in full: its pairs must cover the variant's.
    const first = this.baseline;
    if (this.precision !== null && first.scenario && !(first.status === 'done' && first.paired?.scenario.replications === first.scenario.replications)) this.dirty.add(first);
    this.changed(e, 0);
  }

  /** Removes variant `i` (the baseline stays). */
  removeVariant(i: number): void {
    const e = this.workspace.remove(i);
    if (!e) return;
    this.dirty.delete(e);
    this.jobs.cancel(runKey(e));
    this.saveWorkspace();
  }

  /** Renames variant `i`. */
  renameVariant(i: number, name: string): void {
    if (this.workspace.rename(i, name)) this.saveWorkspace();
  }

  /** Problems whose path is `path` or lies under it. */
  problemsAt(path: string): string[] {
    return this.problems.filter((p) => p.startsWith(`${path}:`) || p.startsWith(`${path}.`) || p.startsWith(`${path}[`));
  }

  /** Issues whose path is `path` or lies under it. */
  issuesAt(path: string): Issue[] {
    return this.current.issues.filter((i) => i.path === path || i.path.startsWith(`${path}.`) || i.path.startsWith(`${path}[`));
  }

  /** Asks where one more person adds the most, for the baseline (after the baseline's own run). */
  requestNextHire(): void {
    this.nextHire = null;
    this.nextHireJob.state = 'running';
    this.nextHireJob.error = null;
    this.nextHireJob.progress = null;
    this.jobs.submit(this.nextHireJobFor());
  }

  /** Searches the least hiring that takes the baseline to `ask` (the baseline as it is now, valid). */
  requestGoalSeek(ask: GoalSeekAsk): void {
    const scenario = this.baseline.scenario;
    if (!scenario) return;
    this.jobs.submit(this.goalSeek.jobFor($state.snapshot(scenario) as Scenario, ask, ANALYSIS));
  }

  /** Stops goal-seek; the steps taken so far stay on screen. */
  stopGoalSeek(): void {
    this.jobs.stopJob(GOAL_SEEK_KEY);
  }

  /** Runs sensitivity on the baseline as it is now (valid). */
  requestSensitivity(): void {
    const scenario = this.baseline.scenario;
    if (scenario) this.jobs.submit(this.sensitivity.jobFor($state.snapshot(scenario) as Scenario, ANALYSIS));
  }

  /** Stops sensitivity; the bars finished so far stay on screen. */
  stopSensitivity(): void {
    this.jobs.stopJob(SENSITIVITY_KEY);
  }

  /** Cancels the runs in progress and the ones waiting (the last results stay) until the next edit or request. */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.dirty.clear();
    this.jobs.stop();
  }

  private saveWorkspace(): void {
    const { baseline, variants } = this.workspace.snapshot();
    store.saveWorkspace(baseline, variants);
    this.storageFailures = store.failures;
  }

  private changed(e: Entry, delayMs: number): void {
    this.saveWorkspace();
    if (!e.validate()) return;
    // A baseline change makes the next-best-hire answer stale.
    if (e === this.baseline && this.nextHire) this.nextHire = null;
    this.dirty.add(e);
    this.askRuns(delayMs);
  }

  /** After `delayMs` without another edit, asks for a run of each edited scenario. */
  private askRuns(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    // Workers released while the page was idle boot during the pause, not after it.
    if (delayMs > 0) this.pool?.prestart();
    this.timer = setTimeout(() => {
      this.timer = null;
      const edited = [...this.dirty];
      this.dirty.clear();
      for (const e of edited) if (this.entries.includes(e)) this.jobs.submit(this.runJobFor(e));
    }, delayMs);
  }

  /** The single run of entry `e`: partial results are drawn as they come. */
  private runJobFor(e: Entry): Job<Run> {
    return {
      key: runKey(e),
      band: () => (e === this.current ? ON_SCREEN : OFF_SCREEN),
      status: e.job,
      size: () => ({ total: e.scenario!.replications, steps: 1 }),
      start: (options) => singleRun(e.scenario!, options, this.precisionNow),
      partial: (p) => (e.shown = p),
      done: (run) => {
        // The final partial, already drawn, is this result: keep it, so nothing on screen is drawn again.
        if (e.shown?.result !== run.result || e.shown.scenario !== run.scenario) e.shown = run;
        e.paired = run;
      },
    };
  }

  /** The next-best-hire analysis of the baseline's finished run. */
  private nextHireJobFor(): Job<NextHire> {
    const base = () => this.baseline.paired!;
    return {
      key: NEXT_HIRE_KEY,
      band: () => ANALYSIS,
      // It pairs with the baseline's run: wait for it, and for a newer one asked for.
      ready: () => this.baseline.paired !== null && !this.jobs.has(runKey(this.baseline)),
      status: this.nextHireJob,
      size: () => ({ total: base().scenario.replications, steps: nextHireSteps(true) }),
      start: (options) => nextBestHire({ scenario: base().scenario, base: base() }, options),
      done: (answer) => (this.nextHire = answer),
    };
  }
}

/** The time now, ISO 8601 (a stamp stored as text, never drawn: no reactive date needed). */
const nowIso = () => new Date().toISOString();

/** The job key of entry `e`'s run: a newer run of the same entry supersedes an older one. */
const runKey = (e: Entry) => `run:${e.id}`;
