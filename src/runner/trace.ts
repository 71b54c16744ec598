/**
 * One replication's trace as the runners hand it over: the engine's recorded
 * transitions (engine/trace.ts) in typed columns cut to length, so a worker can
 * transfer them without copying, and the replication's own result beside them.
 */
import type { Scenario } from '../scenario/types.ts';
import type { ReplicationResult } from '../engine/results.ts';
import { traceReplication } from '../engine/simulate.ts';

/** Every change of a lead's place in one replication (codes as in engine/trace.ts), and its result. */
export interface ReplicationTrace {
  replication: number;
  result: ReplicationResult;
  /** Transitions recorded (the length of every column). */
  length: number;
  t: Float64Array;
  leadId: Int32Array;
  /** TRANSITION_KINDS index. */
  kind: Uint8Array;
  /** PLACES codes. */
  from: Uint8Array;
  to: Uint8Array;
  /** LOSS_CAUSES index, or -1. */
  cause: Int8Array;
}

/** Runs replication `replication` of `scenario` recording its trace. */
export function traceOf(scenario: Scenario, replication: number): ReplicationTrace {
  const { result, trace } = traceReplication(scenario, replication);
  const n = trace.length;
  return {
    replication,
    result,
    length: n,
    t: trace.t.slice(0, n),
    leadId: trace.leadId.slice(0, n),
    kind: trace.kind.slice(0, n),
    from: trace.from.slice(0, n),
    to: trace.to.slice(0, n),
    cause: trace.cause.slice(0, n),
  };
}

/** The buffers of a trace, to hand over without copying. */
export function traceTransferables(x: ReplicationTrace): ArrayBuffer[] {
  return [x.t, x.leadId, x.kind, x.from, x.to, x.cause].map((a) => a.buffer as ArrayBuffer);
}

/** The codes of the columns, for readers that may not import the engine (the workshop). */
export { PLACES, TRANSITION_KINDS, PLACE_LOST, PLACE_NEW, type Place, type TransitionKind } from '../engine/trace.ts';
