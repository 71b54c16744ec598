/**
 * The app's stop rule for a run (issue 13): every replication of the scenario's
 * count, or, when the user asks for a precision, only until ARR at the horizon is
 * known within ±that share at 95% (the count is then the most to run). It is a
 * run option, not a scenario field: the same scenario and seed give the same
 * numbers for the same rule, and a file or link stays what it was.
 *
 * Pure: no Svelte; the storage is the app's WorkspaceStore.
 */
import { ARR_AT_HORIZON, type PrecisionTarget } from '../../montecarlo/precision.ts';
import type { WorkspaceStore } from './workspaceStore.ts';

/** The stored precision ('' or nothing: run the count). */
export const PRECISION_KEY = 'funnel.precision.v1';

/** The precisions offered, as shares of the mean (±0.5% to ±5%). */
export const PRECISION_CHOICES: readonly number[] = [0.005, 0.01, 0.02, 0.05];

/** The stored precision, or null (run every replication) when none or an unknown one is stored. */
export function loadPrecision(store: WorkspaceStore): number | null {
  const saved = Number(store.read(PRECISION_KEY) ?? NaN);
  return PRECISION_CHOICES.includes(saved) ? saved : null;
}

/** Remembers the precision (null: run the count); true when stored. */
export function savePrecision(store: WorkspaceStore, relative: number | null): boolean {
  return store.write(PRECISION_KEY, relative === null ? '' : String(relative));
}

/**
 * What a run of one scenario is asked to reach: the precision of ARR at the horizon
 * when one is chosen and the scenario runs alone. A comparison pairs replication r
 * of each variant with replication r of the baseline, so while variants are open
 * every scenario runs its whole count (undefined).
 */
export function precisionTarget(relative: number | null, scenariosOpen: number): PrecisionTarget | undefined {
  if (relative === null || scenariosOpen > 1) return undefined;
  return { path: [...ARR_AT_HORIZON], relative };
}

/** A share as a percentage for a precision: 0.0098 -> "0.98%", 0.014 -> "1.4%", 0.01 -> "1%", 0.00001 -> "<0.01%"; "–" when unknown. */
export function formatShare(x: number): string {
  if (!Number.isFinite(x)) return '–';
  const p = 100 * x;
  if (p > 0 && p < 0.005) return '<0.01%';
  return `${p.toFixed(shareDecimals(x)).replace(/\.0+$/, '').replace(/(\.\d*[1-9])0+$/, '$1')}%`;
}

/** The decimals a precision's percentage is read to: two below 1%, one below 10%, none above (two significant digits). */
export function shareDecimals(x: number): number {
  const p = 100 * Math.abs(x);
  return p < 1 ? 2 : p < 10 ? 1 : 0;
}

/**
 * A precision with exactly `decimals` decimals, trailing zeros kept, so shares read
 * side by side in a column line up (±0.20%, ±0.21%, ±1.40%); "<0.01%" below the
 * smallest step and "–" when unknown, as formatShare.
 */
export function formatShareFixed(x: number, decimals: number): string {
  if (!Number.isFinite(x)) return '–';
  const p = 100 * x;
  if (p > 0 && p < 0.005) return '<0.01%';
  return `${p.toFixed(decimals)}%`;
}

/**
 * The replication count a shared or exported scenario should carry so that it
 * opens with the figures on screen: the count the run stopped at when it stopped
 * early at its precision (a run that stopped at n is exactly the run of n), else
 * null (the scenario's own count gives the same figures).
 */
export function stoppedCount(asked: number, shown: { result: { scenario: { replications: number } } } | null, finished: boolean): number | null {
  if (!shown || !finished) return null;
  const n = shown.result.scenario.replications;
  return n < asked ? n : null;
}
