/**
 * Sensitivity in the app: the rows finished so far (each input's pair reaches the
 * page as it finishes, so the tornado grows bar by bar), the scenario they were
 * computed from, and the job the app submits to its queue (see jobQueue.ts).
 * Stopping keeps the rows so far; a run interrupted by an edit's run, or asked
 * again for the same scenario after a stop, does not redo the inputs it finished
 * (the same scenario and seed give the same rows).
 */
import type { Scenario } from '../../scenario/types.ts';
import { sensitivity, SENSITIVITY_INPUTS, type SensitivityRow } from '../../experiments/sensitivity.ts';
import type { Job } from './jobQueue.ts';
import { ReactiveJobStatus } from './jobStatus.svelte.ts';

/** The queue's key of the sensitivity job: a new request supersedes the one running. */
export const SENSITIVITY_KEY = 'sensitivity';
/**
 * Paired replications of each of the 21 runs (at most the scenario's own count):
 * 40 is just above the 36 pairs from which a paired difference uses its control
 * variates (compare.ts), which narrow the intervals several-fold. Measured on this
 * 2-core machine, shared (load 4-11), for the default scenario: 150-165 s in
 * Chromium to the finished tornado, the first bar after 20-28 s; the CLI with 2
 * workers took 156 s wall, 80 s of CPU, so about 40 s on two idle cores.
 */
export const SENSITIVITY_REPLICATIONS = 40;
/** Inputs in all (bars of a finished tornado). */
export const SENSITIVITY_TOTAL = SENSITIVITY_INPUTS.length;

/** Sensitivity's state in the app. */
export class SensitivityState {
  /** The rows finished, in the order they finished. */
  rows = $state.raw<SensitivityRow[]>([]);
  /** The baseline's mean ARR at the horizon on the same replications (NaN until its run is done). */
  baselineArrYen = $state(NaN);
  /** The scenario the rows were computed from (labels read it), and its text to tell a later edit. */
  scenario = $state.raw<Scenario | null>(null);
  scenarioText = $state('');
  /** Paired replications of every run. */
  replications = $state(0);
  readonly status = new ReactiveJobStatus();

  /** The job that runs sensitivity on `scenario` (band: the app's analysis band). */
  jobFor(scenario: Scenario, band: number): Job<SensitivityRow[]> {
    const text = JSON.stringify(scenario);
    const replications = Math.min(SENSITIVITY_REPLICATIONS, scenario.replications);
    // Asked again for the same scenario (after a stop): the rows on screen are its rows, kept and not run again.
    if (text !== this.scenarioText || replications !== this.replications) {
      this.rows = [];
      this.baselineArrYen = NaN;
    }
    this.scenario = scenario;
    this.scenarioText = text;
    this.replications = replications;
    this.status.state = 'running';
    this.status.error = null;
    this.status.progress = null;
    return {
      key: SENSITIVITY_KEY,
      band: () => band,
      status: this.status,
      size: () => ({ total: replications, steps: 1 + 2 * SENSITIVITY_TOTAL }),
      start: (options) =>
        sensitivity(
          {
            scenario,
            replications,
            // Started again after an interruption: the rows already on screen are this same ask's.
            known: this.rows,
            onRow: (row, base) => {
              // Only the job still running may draw its rows.
              if (this.status.state !== 'running' || options.signal?.aborted) return;
              this.baselineArrYen = base;
              if (!this.rows.some((r) => r.input === row.input)) this.rows = [...this.rows, row];
            },
          },
          options,
        ),
      done: (rows) => {
        this.rows = rows;
      },
    };
  }

  /** Back to nothing asked (a new workspace). */
  reset(): void {
    this.rows = [];
    this.baselineArrYen = NaN;
    this.scenario = null;
    this.scenarioText = '';
    this.replications = 0;
    this.status.reset();
  }
}
