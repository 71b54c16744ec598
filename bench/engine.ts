/**
 * Engine benchmark: events per second and replications per second on one core,
 * for the baseline and for a Jackson network. Run with `npm run bench`.
 */
import { availableParallelism } from 'node:os';
import { simulateReplication, traceReplication } from '../src/engine/simulate.ts';
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

/** The animation trace: transitions and bytes per replication, and time with and without the recorder, alternating. */
function measureTrace(scenario: Scenario, pairs: number): void {
  const plain: number[] = [], traced: number[] = [];
  let transitions = 0, bytes = 0;
  for (let r = 0; r < pairs; r++) {
    let start = performance.now();
    simulateReplication(scenario, r);
    plain.push(performance.now() - start);
    start = performance.now();
    const { trace } = traceReplication(scenario, r);
    traced.push(performance.now() - start);
    transitions += trace.length;
    bytes += trace.bytes;
  }
  const half = (xs: number[]) => median(xs.slice(Math.floor(xs.length / 2)));
  console.log(
    `baseline trace         ${Math.round(transitions / pairs).toLocaleString('en-US')} transitions, ${(bytes / pairs / 1024).toFixed(0)} KiB per replication; ` +
      `median ${half(traced).toFixed(1)} ms traced vs ${half(plain).toFixed(1)} ms plain (${(half(traced) / half(plain)).toFixed(2)}x, second half of ${pairs} alternating pairs)`,
  );
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

measureTrace(library('baseline.json'), 30);
