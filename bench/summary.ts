/**
 * Cost of summarising a run's accumulator: what the main thread pays for each
 * partial result drawn during a run (issue 13: tasks of 190-410 ms). Feeds real
 * baseline replications, then times summary() at several replication counts.
 * Run with `npx tsx bench/summary.ts`.
 */
import { availableParallelism } from 'node:os';
import { simulateReplication } from '../src/engine/simulate.ts';
import { accumulatorFor, addResult } from '../src/montecarlo/aggregate.ts';
import type { ReplicationResult } from '../src/engine/results.ts';
import { library } from './scenarios.ts';

const scenario = library('baseline.json');
const distinct = 40;
const results: ReplicationResult[] = [];
for (let r = 0; r < distinct; r++) results.push(simulateReplication(scenario, r));

// As the pool does: a summary after each chunk of new replications.
const batch = 10;
const ranges: [number, number][] = [[0, 100], [100, 256], [256, 1000], [1000, 2000]];
const acc = accumulatorFor(results[0], scenario.horizonDays);
const times: number[] = [];
let added = 0;
while (added < 2000) {
  for (let k = 0; k < batch; k++) addResult(acc, { ...results[added % distinct], replication: added++ });
  const start = performance.now();
  acc.summary();
  times.push(performance.now() - start);
}
console.log(`summary() after each ${batch} new replications of the baseline, Node ${process.version}, ${availableParallelism()} cores (results repeat ${distinct} distinct replications)`);
for (const [from, to] of ranges) {
  const slice = times.slice(from / batch, to / batch).sort((a, b) => a - b);
  const median = slice[Math.floor(slice.length / 2)];
  console.log(`replications ${String(from).padStart(4)}-${String(to).padEnd(4)}: median ${median.toFixed(1).padStart(6)} ms, max ${slice[slice.length - 1].toFixed(1).padStart(6)} ms`);
}
