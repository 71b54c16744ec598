/**
 * The API a simulation worker exposes over comlink (the same in the browser and in
 * Node worker threads).
 */
import * as Comlink from 'comlink';
import type { Scenario } from '../scenario/types.ts';
import { runArmsChunk, runChunk, transferables, type Chunk } from './api.ts';
import { LayoutsSent } from './wire.ts';
import { traceOf, traceTransferables, type ReplicationTrace } from '../runner/trace.ts';

/** The layouts this worker has sent the page: each text crosses once, then its number (wire.ts). */
const sent = new LayoutsSent();

/** The worker's API. */
export const api = {
  /** Runs replications [from, to) and transfers the packed results. */
  runChunk(scenario: Scenario, from: number, to: number): Chunk {
    const chunk = runChunk(scenario, from, to, sent);
    return Comlink.transfer(chunk, transferables(chunk));
  },
  /** Runs replications [from, to) of a base scenario and its arms (shared warm-ups), and transfers the packed rows (one buffer for all). */
  runArms(base: Scenario, arms: Scenario[], from: number, to: number): Chunk {
    const chunk = runArmsChunk(base, arms, from, to, sent);
    return Comlink.transfer(chunk, transferables(chunk));
  },
  /** Runs one replication recording its trace (the workshop replay), and transfers the columns. */
  trace(scenario: Scenario, replication: number): ReplicationTrace {
    const x = traceOf(scenario, replication);
    return Comlink.transfer(x, traceTransferables(x));
  },
  /** Answers at once: tells the pool the worker is alive. */
  ping(): string {
    return 'pong';
  },
};

/** A browser worker's answer to ping once it holds its life lock (see browserWorker.ts). */
export const HOLDING_LIFE_LOCK = 'pong, holding the life lock';

/** The typed boundary between the pool and a worker. */
export type SimWorkerApi = typeof api;
