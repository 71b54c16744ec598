/**
 * What a simulation worker does: run a chunk of replications and return them as
 * flat rows (see montecarlo/layout.ts) packed in one buffer (see wire.ts), ready
 * to be transferred.
 */
import type { Scenario } from '../scenario/types.ts';
import { simulateReplication } from '../engine/simulate.ts';
import { simulateArms } from '../engine/fork.ts';
import type { ReplicationResult } from '../engine/results.ts';
import { packResults } from '../runner/rows.ts';
import { LayoutsSent, packChunk, type PackedChunk } from './wire.ts';

/** Replications [from, to) of one or more scenarios as flat rows in one buffer (wire.ts; unpackChunk reads them). */
export type Chunk = PackedChunk;

/** Runs replications [from, to) of `scenario` and packs them (no transfer list: see transferables); `sent`: the worker's layouts sent so far. */
export function runChunk(scenario: Scenario, from: number, to: number, sent?: LayoutsSent): Chunk {
  const results: ReplicationResult[] = [];
  for (let r = from; r < to; r++) results.push(simulateReplication(scenario, r));
  if (results.length === 0) throw new Error(`runChunk: expected at least one replication, got [${from}, ${to})`);
  return packChunk([packResults(results, scenario.horizonDays, from)], sent);
}

/** Runs replications [from, to) of `base` and its arms (one warm-up per replication for arms that share it): rows per scenario, base first, in one chunk. */
export function runArmsChunk(base: Scenario, arms: readonly Scenario[], from: number, to: number, sent?: LayoutsSent): Chunk {
  const results: ReplicationResult[][] = [base, ...arms].map(() => []);
  for (let r = from; r < to; r++) simulateArms(base, arms, r).forEach((x, i) => results[i].push(x));
  if (to <= from) throw new Error(`runArmsChunk: expected at least one replication, got [${from}, ${to})`);
  return packChunk(results.map((rs) => packResults(rs, base.horizonDays, from)), sent);
}

/** The buffer of a chunk (its one), to hand over without copying. */
export function transferables(chunk: Chunk): ArrayBuffer[] {
  return [chunk.buffer];
}
