/**
 * Worker-pool benchmark: replications per second of the baseline with 1 and 2
 * workers, time to the first partial aggregate and to the first resting on 10
 * replications, and peak main-thread memory for a long run (10,000 replications
 * with BENCH_FULL=1, else 2,000; BENCH_MEMORY=0 leaves it out).
 *
 * The machine is often shared, so 1 and 2 workers are run in turn ROUNDS times
 * (default 3: 1 2 1 2 1 2) and the ratio is taken pair by pair (its median
 * printed). Two yardsticks say whether a ratio under 2 is the pool's:
 * - the same replications on two bare worker threads, one chunk each (no dealing,
 *   no accumulation): what the machine gives two threads of this work;
 * - on Linux, each thread's CPU time over the timed run (/proc/self/task): the
 *   workers' CPU per replication, with 1 and 2 workers, and the main thread's (the
 *   pool's dealing and accumulating). A pool that costs nothing keeps both the
 *   same; a ratio under the bare threads' with the same CPU per replication is
 *   time the workers waited.
 */
import { availableParallelism } from 'node:os';
import { readdirSync, readFileSync } from 'node:fs';
import { nodePool, nodeWorkerFactory } from '../src/workers/nodeWorkers.ts';
import { FIRST_STEADY_PICTURE } from '../src/workers/pool.ts';
import { library } from './scenarios.ts';

const baseline = library('baseline.json');
const REPS = Number(process.env.REPS ?? 300);
const ROUNDS = Number(process.env.ROUNDS ?? 3);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** CPU seconds of each thread of this process (Linux; empty elsewhere). */
function threadCpu(): Map<string, number> {
  const out = new Map<string, number>();
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(tid, (Number(fields[11]) + Number(fields[12])) / 100); // utime + stime, in clock ticks of 1/100 s
    }
  } catch {
    // not Linux: no per-thread figures
  }
  return out;
}

/** Per-thread CPU over `body`: the main thread's, the `workers` busiest others' (the simulation threads), and the rest. */
async function cpuOver(workers: number, body: () => Promise<void>): Promise<{ main: number; sim: number; rest: number }> {
  const before = threadCpu();
  await body();
  const after = threadCpu();
  const main = String(process.pid);
  const used = [...after].filter(([tid]) => tid !== main).map(([tid, s]) => s - (before.get(tid) ?? 0)).sort((a, b) => b - a);
  const sum = (xs: number[]) => xs.reduce((a, x) => a + x, 0);
  return { main: (after.get(main) ?? 0) - (before.get(main) ?? 0), sim: sum(used.slice(0, workers)), rest: sum(used.slice(workers)) };
}

interface Timed {
  rate: number;
  cpu: { main: number; sim: number; rest: number };
}

/** Replications per second of the pool with `workers` workers (started and warmed first), and the CPU it took. */
async function throughput(workers: number): Promise<Timed> {
  const pool = nodePool({ size: workers, idleMs: 60_000 });
  await pool.run({ ...baseline, replications: 10 * workers }); // start the workers and warm up their JIT
  let seconds = 0;
  const cpu = await cpuOver(workers, async () => {
    const start = performance.now();
    await pool.run({ ...baseline, replications: REPS, seed: 'bench' });
    seconds = (performance.now() - start) / 1000;
  });
  pool.terminate();
  return { rate: REPS / seconds, cpu };
}

/** The same work on `workers` bare worker threads, one chunk each: what the machine gives, without the pool. */
async function bare(workers: number): Promise<number> {
  const handles = Array.from({ length: workers }, () => nodeWorkerFactory()());
  await Promise.all(handles.map((h) => h.ready));
  await Promise.all(handles.map((h) => h.api.runChunk(baseline, 0, 10))); // warm up, as the pool's run does
  const share = Math.ceil(REPS / workers);
  const start = performance.now();
  await Promise.all(handles.map((h, i) => h.api.runChunk({ ...baseline, seed: 'bench' }, i * share, Math.min(REPS, (i + 1) * share))));
  const seconds = (performance.now() - start) / 1000;
  handles.forEach((h) => h.terminate());
  return REPS / seconds;
}

/** Time (ms) from asking a run on warm workers to its first partial aggregate, and to the first resting on FIRST_STEADY_PICTURE. */
async function firstPartials(): Promise<{ first: number; steady: number }> {
  const pool = nodePool({ size: Math.max(1, availableParallelism()), idleMs: 60_000 });
  await pool.run({ ...baseline, replications: 10 }); // warm the workers' JIT
  let first = NaN;
  let steady = NaN;
  const start = performance.now();
  await pool.run(
    { ...baseline, replications: 40 },
    {
      onPartial: (p) => {
        const at = performance.now() - start;
        if (Number.isNaN(first)) first = at;
        if (Number.isNaN(steady) && p.result.scenario.replications >= FIRST_STEADY_PICTURE) steady = at;
      },
    },
  );
  pool.terminate();
  return { first, steady };
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

console.log(`Worker pool, baseline scenario, ${REPS} replications, Node ${process.version}, ${availableParallelism()} cores, load ${readLoad()}`);
const ones: Timed[] = [];
const twos: Timed[] = [];
const bareRatios: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  ones.push(await throughput(1));
  twos.push(await throughput(2));
  const [b1, b2] = [await bare(1), await bare(2)];
  bareRatios.push(b2 / b1);
  console.log(
    `round ${round + 1}: pool 1 worker ${ones[round].rate.toFixed(1)}, 2 workers ${twos[round].rate.toFixed(1)} replications/s (${(twos[round].rate / ones[round].rate).toFixed(2)}x); ` +
      `bare threads ${b1.toFixed(1)} and ${b2.toFixed(1)} (${(b2 / b1).toFixed(2)}x); load ${readLoad()}`,
  );
}
const ratios = ones.map((o, i) => twos[i].rate / o.rate);
console.log(`1 worker : ${median(ones.map((x) => x.rate)).toFixed(1)} replications/s (median of ${ROUNDS})`);
console.log(`2 workers: ${median(twos.map((x) => x.rate)).toFixed(1)} replications/s; ratio ${median(ratios).toFixed(2)}x (pairwise median; ${ratios.map((r) => r.toFixed(2)).join(', ')})`);
console.log(`bare threads, one chunk each: ${median(bareRatios).toFixed(2)}x (${bareRatios.map((r) => r.toFixed(2)).join(', ')}): the machine's own ratio for this work`);
if (ones[0].cpu.sim > 0) {
  const ms = (s: number) => ((1000 * s) / REPS).toFixed(1);
  const cpu = (xs: Timed[], k: 'main' | 'sim' | 'rest') => median(xs.map((x) => x.cpu[k]));
  console.log(
    `CPU per replication (median): 1 worker ${ms(cpu(ones, 'sim'))} ms in the worker, main thread ${ms(cpu(ones, 'main'))} ms, other threads (V8's GC and compilers) ${ms(cpu(ones, 'rest'))} ms; ` +
      `2 workers ${ms(cpu(twos, 'sim'))} ms in the workers, main thread ${ms(cpu(twos, 'main'))} ms, other threads ${ms(cpu(twos, 'rest'))} ms`,
  );
}
const partials = await firstPartials();
console.log(`first partial aggregate after ${partials.first.toFixed(0)} ms, first resting on ${FIRST_STEADY_PICTURE} or more after ${partials.steady.toFixed(0)} ms (warm workers, ${Math.max(1, availableParallelism())} of them)`);
if (process.env.BENCH_MEMORY !== '0') {
  const long = process.env.BENCH_FULL ? 10_000 : 2_000;
  const mem = await peakMemory(long);
  console.log(`${long.toLocaleString('en-US')} replications: peak main-thread heap + buffers ${mem.peakMb.toFixed(0)} MB, ${mem.seconds.toFixed(0)} s`);
}

function readLoad(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return '?';
  }
}
