/**
 * Engine benchmark: events per second and replications per second on one core,
 * for the baseline and for a Jackson network. Run with `npm run bench`.
 */
import { availableParallelism } from 'node:os';
import { simulateReplication } from '../src/engine/simulate.ts';
import type { Scenario } from '../src/scenario/types.ts';
import { jackson, library } from './scenarios.ts';

function measure(name: string, scenario: Scenario, warmup: number, reps: number): void {
  for (let r = 0; r < warmup; r++) simulateReplication(scenario, r);
  let events = 0;
  const start = performance.now();
  for (let r = 0; r < reps; r++) events += simulateReplication(scenario, warmup + r).events;
  const seconds = (performance.now() - start) / 1000;
  console.log(
    `${name.padEnd(22)} ${(events / seconds / 1e6).toFixed(2).padStart(6)} M events/s  ${(reps / seconds).toFixed(1).padStart(7)} replications/s  (${Math.round(events / reps).toLocaleString('en-US')} events per replication, ${reps} replications)`,
  );
}

console.log(`Engine, one core in Node ${process.version} (${availableParallelism()} cores on this machine)`);
measure('baseline', library('baseline.json'), 20, 100);
measure('Jackson network', jackson(), 20, 100);
