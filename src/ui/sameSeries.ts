/** Whether a redrawn figure's data really changed: a new partial result is a new object even where its numbers are not. */
import type { SeriesSummary } from '../montecarlo/layout.ts';

const KEYS = ['mean', 'p10', 'p50', 'p90', 'ciLow', 'ciHigh'] as const;

/** Whether two series summaries hold the same numbers (NaN equal to NaN), so a chart of one need not be redrawn for the other. */
export function sameSeries(a: SeriesSummary, b: SeriesSummary): boolean {
  if (a === b) return true;
  for (const k of KEYS) {
    const x = a[k], y = b[k];
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) return false;
  }
  return true;
}
