/**
 * One replication of The Model: leads arrive from Marketing, qualify or nurture,
 * queue for Inside Sales, Field Sales and Customer Success, convert or are lost,
 * and won accounts renew, expand or churn. Pure: no DOM, no workers, no globals.
 *
 * In three parts, each testable alone: the scenario compiled (compile.ts), the
 * event handlers over the replication's state (replication.ts), and the measures
 * read from that state at the horizon (summary.ts).
 */
import type { Scenario } from '../scenario/types.ts';
import { compileScenario } from './compile.ts';
import { Replication, type SimulateOptions } from './replication.ts';
import { summarise } from './summary.ts';
import { TraceRecorder } from './trace.ts';
import type { ReplicationResult } from './results.ts';
import type { LeadTable } from './leadTable.ts';
import type { EventQueue } from './eventQueue.ts';

export type { SimulateOptions };

/**
 * The lead table of the last replication this thread finished, kept for the next
 * (null while a replication uses it: one run inside another's observer gets its own).
 */
let spareTable: LeadTable | null = null;
/** The event queue of the last replication this thread finished, kept likewise. */
let spareQueue: EventQueue | null = null;

/** Runs replication `replication` of scenario `s` and returns its measures. */
export function simulateReplication(s: Scenario, replication: number, options: SimulateOptions = {}): ReplicationResult {
  const spare = spareTable ?? undefined, queue = spareQueue ?? undefined;
  spareTable = null;
  spareQueue = null;
  const r = new Replication(compileScenario(s), replication, options, undefined, spare, queue);
  r.run();
  const result = summarise(r);
  spareTable = r.L;
  spareQueue = r.events;
  for (const stage of r.stages) stage.release();
  return result;
}

/** Runs replication `replication` of scenario `s` recording every change of a lead's place (see trace.ts). */
export function traceReplication(s: Scenario, replication: number): { result: ReplicationResult; trace: TraceRecorder } {
  const trace = new TraceRecorder();
  const result = simulateReplication(s, replication, { transitions: trace.sink });
  return { result, trace };
}
