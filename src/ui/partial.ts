/** Whether the figures on screen are those of a whole run or of its first replications only. */
import type { PartialRun } from '../runner/types.ts';

/** How far the run on screen got. */
export interface PartialCount {
  /** Replications aggregated in what is shown. */
  done: number;
  /** Replications the run asked for. */
  total: number;
}

/**
 * The count of a result that holds fewer replications than its run asked for (a
 * run going on, stopped or failed), or null for a whole run: such figures are
 * not the answer and every place that shows them says so (issue 14).
 */
export function partialOf(shown: PartialRun | null): PartialCount | null {
  if (!shown) return null;
  const done = shown.result.scenario.replications;
  const total = shown.scenario.replications;
  return done < total ? { done, total } : null;
}
