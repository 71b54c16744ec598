/**
 * The workspace: a baseline scenario and up to three variants, each the user's
 * draft, its last valid scenario and what was computed from it, and which one the
 * editor shows. An edit is validated at once; an invalid draft keeps its last
 * valid scenario and results. Storage and runs are not its business (see
 * app.svelte.ts, which wires it to storage and to the job queue).
 */
import { checkScenario, type Issue } from '../../scenario/validate.ts';
import { migrateDraft } from '../../scenario/migrate.ts';
import type { Scenario } from '../../scenario/types.ts';
import type { RunResult } from '../../montecarlo/run.ts';
import type { PartialRun, Run } from '../../runner/types.ts';
import { MAX_SHARED_VARIANTS, MAX_VARIANT_NAME } from '../../share/link.ts';
import { setAt, type Draft } from '../editor/draft.ts';
import { ReactiveJobStatus } from './jobStatus.svelte.ts';
import type { JobState } from './jobQueue.ts';

/** A baseline and at most three variants side by side (as many as a share link carries). */
export const MAX_VARIANTS = MAX_SHARED_VARIANTS;

/** A named draft, as stored and shared. */
export interface NamedDraft {
  name: string;
  draft: Draft;
}

/** One scenario of the workspace: the baseline (index 0) or a variant. */
export class Entry {
  readonly id: number;
  name = $state('');
  draft = $state<Draft>({});
  problems = $state<string[]>([]);
  /** The same problems structured, for the editor to say in the UI's language at each field. */
  issues = $state.raw<Issue[]>([]);
  /** The last valid scenario of the draft (what the next run will use). */
  scenario = $state.raw<Scenario | null>(null);
  /** The older scenario format the draft is written in and was migrated from on validation (null: the current one). */
  migratedFrom = $state<number | null>(null);
  /** What is on screen: the latest partial or finished aggregate, with the scenario it was computed from. */
  shown = $state.raw<PartialRun | null>(null);
  /** The finished run of `scenario`, with per-replication values for pairing. */
  paired = $state.raw<Run | null>(null);
  /** Its run's status. */
  readonly job = new ReactiveJobStatus();

  /**
   * The older format the scenario was opened in (a version 1 file, saved item or
   * link), for the editor to say so; null when it was current. The draft itself is
   * migrated when opened, so edits and exports are in the current format.
   */
  openedFrom = $state<number | null>(null);

  constructor(id: number, name: string, draft: Draft) {
    this.id = id;
    this.name = name;
    this.open(draft);
  }

  /** Puts `draft` here as opened (a copy), migrated to the current format. */
  open(draft: Draft): void {
    // A snapshot: a copy whether `draft` is plain or another entry's $state proxy (which structuredClone refuses).
    const migrated = migrateDraft($state.snapshot(draft));
    this.draft = migrated.value as Draft;
    this.openedFrom = migrated.migratedFrom;
  }

  /** The result on screen (partial while a run goes on). */
  get result(): RunResult | null {
    return this.shown?.result ?? null;
  }
  get status(): JobState {
    return this.job.state;
  }
  get progress() {
    return this.job.progress;
  }
  get error(): string | null {
    return this.job.error;
  }

  /** Validates the draft; a valid one becomes the scenario. */
  validate(): boolean {
    const v = checkScenario($state.snapshot(this.draft));
    if (!v.ok) {
      this.issues = v.issues;
      this.problems = v.issues.map((i) => i.text);
      return false;
    }
    this.issues = [];
    this.problems = [];
    this.scenario = v.scenario;
    this.migratedFrom = v.migratedFrom;
    return true;
  }
}

/** The baseline and its variants. */
export class Workspace {
  entries = $state<Entry[]>([]);
  /** Index of the scenario the editor and the single-run results show. */
  active = $state(0);
  private nextId = 0;

  constructor(items: readonly NamedDraft[]) {
    this.entries = this.make(items);
  }

  /** The scenario on screen. */
  get current(): Entry {
    return this.entries[Math.min(this.active, this.entries.length - 1)];
  }
  /** The baseline every variant is compared against. */
  get baseline(): Entry {
    return this.entries[0];
  }

  /** Shows scenario `i`. */
  select(i: number): void {
    this.active = Math.max(0, Math.min(i, this.entries.length - 1));
  }

  /** Changes one field of the scenario on screen; returns it. */
  edit(path: readonly string[], value: unknown): Entry {
    const e = this.current;
    // A $state proxy cannot be structured-cloned: edit a snapshot.
    e.draft = setAt($state.snapshot(e.draft) as Draft, path, value);
    return e;
  }

  /** Replaces the draft on screen; returns its entry. */
  replace(draft: Draft): Entry {
    const e = this.current;
    e.open(draft);
    return e;
  }

  /** Replaces everything: a baseline and its variants, the baseline on screen. */
  replaceAll(items: readonly NamedDraft[]): Entry[] {
    this.entries = this.make(items.slice(0, MAX_VARIANTS + 1).map((v) => ({ name: v.name, draft: structuredClone(v.draft) })));
    this.active = 0;
    return this.entries;
  }

  /** Adds a variant and shows it; null when there are already MAX_VARIANTS. */
  add(name: string, draft: Draft): Entry | null {
    if (this.entries.length > MAX_VARIANTS) return null;
    const e = this.make([{ name, draft }])[0];
    this.entries = [...this.entries, e];
    this.active = this.entries.length - 1;
    return e;
  }

  /** Removes variant `i` (the baseline stays); returns it. */
  remove(i: number): Entry | null {
    if (i <= 0 || i >= this.entries.length) return null;
    const e = this.entries[i];
    this.entries = this.entries.filter((_, k) => k !== i);
    if (this.active >= i) this.active = Math.max(0, this.active - 1);
    return e;
  }

  /** Renames variant `i`; false when nothing changed. */
  rename(i: number, name: string): boolean {
    const trimmed = name.trim();
    if (i <= 0 || !trimmed) return false;
    this.entries[i].name = [...trimmed].slice(0, MAX_VARIANT_NAME).join('');
    return true;
  }

  /** The drafts as plain data: the baseline and the named variants. */
  snapshot(): { baseline: Draft; variants: NamedDraft[] } {
    return {
      baseline: $state.snapshot(this.baseline.draft) as Draft,
      variants: this.entries.slice(1).map((e) => ({ name: e.name, draft: $state.snapshot(e.draft) as Draft })),
    };
  }

  /** Every scenario as plain data, the baseline first (named ''), as a load replaces them. */
  items(): NamedDraft[] {
    return this.entries.map((e, i) => ({ name: i === 0 ? '' : e.name, draft: $state.snapshot(e.draft) as Draft }));
  }

  private make(items: readonly NamedDraft[]): Entry[] {
    return items.map((v) => new Entry(this.nextId++, v.name, v.draft));
  }
}
