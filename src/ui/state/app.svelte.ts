/**
 * The app's state: the user's draft scenario, the last valid scenario, the run in
 * progress and its results. An edit is validated at once; a valid one re-runs
 * after a short pause, an invalid one keeps the last results and the user's text.
 * The draft is saved in the browser so a reload loses nothing.
 */
import { validateScenario, parseScenarioText } from '../../scenario/validate.ts';
import type { Scenario } from '../../scenario/types.ts';
import type { RunResult } from '../../montecarlo/run.ts';
import { browserPool } from '../../workers/browserWorkers.ts';
import type { SimPool } from '../../workers/pool.ts';
import { preferredLang } from '../i18n/messages.ts';
import type { Lang } from '../i18n/format.ts';
import { setAt, type Draft } from '../editor/draft.ts';
import { LIBRARY } from './library.ts';

const DRAFT_KEY = 'funnel.draft.v1';
const LANG_KEY = 'funnel.lang';
const RERUN_DELAY_MS = 350;

type Status = 'idle' | 'running' | 'done' | 'stopped' | 'error';

function loadDraft(): Draft {
  try {
    const saved = localStorage.getItem(DRAFT_KEY);
    if (saved) return JSON.parse(saved) as Draft;
  } catch {
    // Storage unavailable or damaged: start from the baseline.
  }
  return structuredClone(LIBRARY[0].draft);
}

function loadLang(): Lang {
  try {
    const saved = localStorage.getItem(LANG_KEY);
    if (saved === 'ja' || saved === 'en') return saved;
  } catch {
    // Private mode: fall back to the browser's preference.
  }
  return preferredLang(navigator.languages ?? [navigator.language]);
}

/** The application state (one instance). */
export class AppState {
  lang = $state<Lang>(loadLang());
  draft = $state<Draft>(loadDraft());
  problems = $state<string[]>([]);
  scenario = $state<Scenario | null>(null);
  result = $state<RunResult | null>(null);
  status = $state<Status>('idle');
  progress = $state<{ done: number; total: number; etaMs: number } | null>(null);
  error = $state<string | null>(null);
  importProblems = $state<string[]>([]);
  storageError = $state<string | null>(null);

  private pool: SimPool | null = null;
  private controller: AbortController | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor() {
    this.revalidate(0);
  }

  /** Sets the language and remembers it. */
  setLang(lang: Lang): void {
    this.lang = lang;
    document.documentElement.lang = lang;
    this.persist(LANG_KEY, lang);
  }

  /** Changes one field of the draft. */
  edit(path: readonly string[], value: unknown): void {
    // A $state proxy cannot be structured-cloned: edit a snapshot.
    this.draft = setAt($state.snapshot(this.draft) as Draft, path, value);
    this.revalidate(RERUN_DELAY_MS);
  }

  /** Replaces the whole draft (loading a library scenario or an imported file). */
  replace(draft: Draft): void {
    this.draft = structuredClone(draft);
    this.importProblems = [];
    this.revalidate(0);
  }

  /** Imports a file's text: on errors, shows them and changes nothing. */
  importText(text: string): void {
    const v = parseScenarioText(text);
    if (!v.ok) {
      this.importProblems = v.problems;
      return;
    }
    this.replace(JSON.parse(text) as Draft);
  }

  /** Problems whose path is `path` or lies under it. */
  problemsAt(path: string): string[] {
    return this.problems.filter((p) => p.startsWith(`${path}:`) || p.startsWith(`${path}.`) || p.startsWith(`${path}[`));
  }

  /** Cancels the run in progress (the last results stay). */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.controller?.abort();
  }

  private persist(key: string, value: string): void {
    try {
      localStorage.setItem(key, value);
      this.storageError = null;
    } catch (e) {
      this.storageError = `${(e as Error).name}: ${(e as Error).message}`;
    }
  }

  private revalidate(delayMs: number): void {
    this.persist(DRAFT_KEY, JSON.stringify(this.draft));
    const v = validateScenario($state.snapshot(this.draft));
    if (!v.ok) {
      this.problems = v.problems;
      return;
    }
    this.problems = [];
    this.scenario = v.scenario;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(v.scenario), delayMs);
  }

  private pendingDraw: RunResult | null = null;

  /**
   * Draws a partial result at the next frame, not in the task that summarised it,
   * so neither task blocks the page for long; later partials replace earlier ones.
   */
  private draw(result: RunResult, controller: AbortController): void {
    const scheduled = this.pendingDraw !== null;
    this.pendingDraw = result;
    if (scheduled) return;
    requestAnimationFrame(() => {
      const next = this.pendingDraw;
      this.pendingDraw = null;
      if (next && this.controller === controller) this.result = next;
    });
  }

  private async run(scenario: Scenario): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.pool ??= browserPool({ idleMs: 30_000 });
    this.status = 'running';
    this.error = null;
    this.progress = { done: 0, total: scenario.replications, etaMs: NaN };
    try {
      const result = await this.pool.run(scenario, {
        signal: controller.signal,
        onProgress: (p) => {
          if (this.controller !== controller) return; // a newer run has started
          this.progress = { done: p.done, total: p.total, etaMs: p.etaMs };
          if (p.partial) this.draw(p.partial, controller);
        },
      });
      if (this.controller !== controller) return;
      // Draw in the next frame, apart from the task that summarised the run.
      await new Promise(requestAnimationFrame);
      if (this.controller !== controller) return;
      this.pendingDraw = null;
      this.result = result;
      this.status = 'done';
    } catch (e) {
      if (this.controller !== controller) return;
      if ((e as Error).name === 'AbortError') this.status = 'stopped';
      else {
        this.status = 'error';
        this.error = (e as Error).message;
      }
    }
  }
}
