/**
 * The funnel as it is shown (chart, CLI): its rows and, beside a row, the rate of
 * conversion from an earlier row. Each rate is the ratio of the two medians shown,
 * so what a reader divides is what the screen says; the per-replication rates
 * (FunnelResult.mqlRate and the rest) have their own rows in the KPI table.
 */
import type { FunnelResult } from '../engine/results.ts';
import type { Aggregated } from './aggregate.ts';
import type { Summary } from './stats.ts';

/** A row of the funnel. */
export type FunnelStepKey = 'leads' | 'newMqls' | 'returnedMqls' | 'mqls' | 'sqls' | 'won';

/** One row: its counts over replications and, when it converts from an earlier row, the rate. */
export interface FunnelStep {
  key: FunnelStepKey;
  summary: Summary;
  /** This row's median over the median of row `of` (NaN when that is 0). */
  rate?: { of: FunnelStepKey; value: number };
}

/**
 * Leads -> new MQLs (first time, of leads) -> returned from nurture -> all MQLs handed
 * to IS -> SQLs (of all MQLs) -> won (of SQLs). MQLs never contacted and opportunities
 * that gave up waiting stay in the denominators, as they do in the rows.
 */
export function funnelSteps(f: Aggregated<FunnelResult>): FunnelStep[] {
  const ratio = (a: Summary, b: Summary) => (b.p50 > 0 ? a.p50 / b.p50 : NaN);
  return [
    { key: 'leads', summary: f.leads },
    { key: 'newMqls', summary: f.newMqls, rate: { of: 'leads', value: ratio(f.newMqls, f.leads) } },
    { key: 'returnedMqls', summary: f.returnedMqls },
    { key: 'mqls', summary: f.mqls },
    { key: 'sqls', summary: f.sqls, rate: { of: 'mqls', value: ratio(f.sqls, f.mqls) } },
    { key: 'won', summary: f.won, rate: { of: 'sqls', value: ratio(f.won, f.sqls) } },
  ];
}
