/**
 * Worker-pool benchmark: replications per second of the baseline with 1 and 2
 * workers, time to the first partial aggregate, and peak main-thread memory for a
 * long run (10,000 replications with BENCH_FULL=1, else 2,000).
 */
import { availableParallelism } from 'node:os';
import { nodePool } from '../src/workers/nodeWorkers.ts';
import { library } from './scenarios.ts';

const baseline = library('baseline.json');

async function throughput(workers: number, reps: number): Promise<number> {
  const pool = nodePool({ size: workers, idleMs: 60_000 });
  await pool.run({ ...baseline, replications: 10 * workers }); // start the workers and warm up their JIT
  const start = performance.now();
  await pool.run({ ...baseline, replications: reps, seed: 'bench' });
  const seconds = (performance.now() - start) / 1000;
  pool.terminate();
  return reps / seconds;
}

async function firstPartial(): Promise<number> {
  const pool = nodePool({ size: Math.max(1, availableParallelism()), idleMs: 60_000 });
  await pool.run({ ...baseline, replications: 10 }); // warm the workers' JIT
  let first = NaN;
  const start = performance.now();
  await pool.run({ ...baseline, replications: 20 }, { onPartial: () => { if (Number.isNaN(first)) first = performance.now() - start; } });
  pool.terminate();
  return first;
}

async function peakMemory(reps: number): Promise<{ peakMb: number; seconds: number }> {
  const pool = nodePool({ idleMs: 0 });
  let peak = 0;
  const sample = () => { peak = Math.max(peak, process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers); };
  const timer = setInterval(sample, 50);
  const start = performance.now();
  await pool.run({ ...baseline, replications: reps }, { onProgress: sample });
  clearInterval(timer);
  pool.terminate();
  return { peakMb: peak / 2 ** 20, seconds: (performance.now() - start) / 1000 };
}

console.log(`Worker pool, baseline scenario, Node ${process.version}, ${availableParallelism()} cores`);
const reps = 300;
const one = await throughput(1, reps);
const two = await throughput(2, reps);
console.log(`1 worker : ${one.toFixed(1)} replications/s`);
console.log(`2 workers: ${two.toFixed(1)} replications/s (${(two / one).toFixed(2)}x one worker)`);
console.log(`first partial aggregate after ${(await firstPartial()).toFixed(0)} ms`);
const long = process.env.BENCH_FULL ? 10_000 : 2_000;
const mem = await peakMemory(long);
console.log(`${long.toLocaleString('en-US')} replications: peak main-thread heap + buffers ${mem.peakMb.toFixed(0)} MB, ${mem.seconds.toFixed(0)} s`);
