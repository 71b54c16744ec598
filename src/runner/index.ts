/**
 * Runners: the one way replications are run. A Runner takes a scenario and
 * `{ replications?, signal, onProgress, onPartial }` and resolves to a Run: the
 * typed aggregate, the scenario it was computed from, and each replication's
 * compared values (for pairing variants with common random numbers).
 *
 * - `InlineRunner` / `runInline` (inline.ts): this thread; the reference.
 * - `runArms` (both runners): a base scenario and arms paired with it over
 *   replications [from, to), one warm-up per replication shared by the arms
 *   whose plans differ only from day 0 on (engine/fork.ts); rows per scenario,
 *   grown into runs by `GrowingRun` (rows.ts).
 * - `SimPool` (workers/pool.ts): worker threads or web workers, byte-identical
 *   to the inline runner whatever the worker count or chunking.
 *
 * Experiments (src/experiments/) are written against `Runner` and never know
 * which one they got.
 */
export type { ArmsOptions, PartialRun, ReplicationTrace, Run, RunOptions, RunProgress, Runner } from './types.ts';
export { GrowingRun, concatRows, packResults, type Rows } from './rows.ts';
export { RunCancelled, withReplications } from './types.ts';
export { InlineRunner, inlineRunner, runArmsInline, runInline, simulateRange } from './inline.ts';
export { EtaEstimator } from './eta.ts';
export { ENGINE_VERSION } from './version.ts';
