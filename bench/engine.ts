/**
 * Engine benchmark on one core: the first replication of a fresh process against
 * the steady time; events and replications per second for the baseline and the
 * Jackson network; the engine against a minimal hand-written event loop on the same
 * Jackson model (bench/minimalLoop.ts), alternating, in wall and CPU time, both in
 * this process after the baseline and in a fresh process that runs only them; and the animation trace's size
 * and cost. Run with `npm run bench` (or `npx tsx bench/engine.ts`). The first
 * replication is also timed in BENCH_FRESH (default 5) fresh processes, since one
 * process's first replication swings with the machine's load; the minimal loop's
 * own first run against its steady runs in as many fresh processes is printed
 * beside it, as the reference for what V8 itself costs a fresh process.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { simulateReplication, traceReplication } from '../src/engine/simulate.ts';
import { erlangC } from '../src/engine/erlang.ts';
import type { Scenario } from '../src/scenario/types.ts';
import { JACKSON, jackson, library } from './scenarios.ts';
import { minimalJackson } from './minimalLoop.ts';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Milliseconds `f` takes. */
function time(f: () => unknown): number {
  const start = performance.now();
  f();
  return performance.now() - start;
}

/** The first replication in this (fresh) process, then the median of the steady ones after a warm-up. */
function firstVsSteady(name: string, scenario: Scenario, warmup: number, reps: number): void {
  const first = time(() => simulateReplication(scenario, 0));
  const times: number[] = [];
  for (let r = 1; r <= warmup + reps; r++) times.push(time(() => simulateReplication(scenario, r)));
  const steady = median(times.slice(warmup));
  console.log(
    `${name.padEnd(22)} first replication ${first.toFixed(0)} ms in a fresh process, steady ${steady.toFixed(1)} ms (median of ${reps} after ${warmup}): first/steady ${(first / steady).toFixed(1)}x; ` +
      `replications 2-6: ${times.slice(0, 5).map((t) => t.toFixed(0)).join(', ')} ms`,
  );
}

/** In a child process (`--first`): the first run of `run` and the median of 10 after 10 more, as JSON. */
function firstInThisProcess(run: (r: number) => unknown): void {
  const first = time(() => run(0));
  const times: number[] = [];
  for (let r = 1; r <= 20; r++) times.push(time(() => run(r)));
  console.log(JSON.stringify({ first, steady: median(times.slice(10)) }));
}

/**
 * The first run against the steady time in `n` fresh processes (this script with
 * `--first` and `what`: the baseline's replications, the Jackson network's, or the
 * minimal loop's runs of that model, whose first/steady is what plain hand-written
 * JS pays for V8's start), as medians.
 */
function firstInFreshProcesses(name: string, n: number, what: 'baseline' | 'jackson' | 'minimal' = 'baseline'): void {
  const runs: { first: number; steady: number }[] = [];
  for (let i = 0; i < n; i++) {
    const child = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, '--first', what], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`bench child failed: ${child.stderr}`);
    runs.push(JSON.parse(child.stdout.trim().split('\n').pop()!));
  }
  const first = median(runs.map((r) => r.first)), steady = median(runs.map((r) => r.steady));
  console.log(
    `${name.padEnd(22)} in ${n} fresh processes: first replication median ${first.toFixed(0)} ms, steady median ${steady.toFixed(1)} ms; ` +
      `first/steady per process median ${median(runs.map((r) => r.first / r.steady)).toFixed(1)}x (${runs.map((r) => (r.first / r.steady).toFixed(1)).join(', ')})`,
  );
}

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

/**
 * The engine against the minimal loop on the same Jackson model, run in turn; waits
 * checked against Erlang C. `where` says in the output which process ran it: this
 * one after the baseline (whose scenario shape makes the engine's call sites
 * polymorphic, while the minimal loop's never are), or a fresh one that runs the
 * Jackson model alone, as the app's worker runs one scenario shape.
 */
function versusMinimal(warmup: number, pairs: number, where: string): void {
  const scenario = jackson();
  const engine: number[] = [], minimal: number[] = [], engineCpu: number[] = [], minimalCpu: number[] = [];
  const waits = { engine: [0, 0, 0], minimal: [0, 0, 0] };
  let engineEvents = 0, minimalEvents = 0, engineLeads = 0, minimalLeads = 0;
  for (let i = 0; i < warmup + pairs; i++) {
    let e = 0;
    const cpuBefore = process.cpuUsage();
    engine.push(time(() => {
      const r = simulateReplication(scenario, i);
      engineEvents += r.events;
      engineLeads += r.population.created;
      [r.insideSales, r.fieldSales, r.customerSuccess].forEach((x, k) => (waits.engine[k] += x.waitMeanDays));
      e = r.events;
    }));
    const cpuBetween = process.cpuUsage();
    minimal.push(time(() => {
      const m = minimalJackson(i + 1);
      minimalEvents += m.events;
      minimalLeads += m.leads;
      m.meanWait.forEach((w, k) => (waits.minimal[k] += w));
    }));
    const cpuAfter = process.cpuUsage();
    const ms = (from: NodeJS.CpuUsage, to: NodeJS.CpuUsage) => (to.user - from.user + to.system - from.system) / 1000;
    engineCpu.push(ms(cpuBefore, cpuBetween));
    minimalCpu.push(ms(cpuBetween, cpuAfter));
    if (!(e > 0)) throw new Error('no events');
  }
  const J = JACKSON, runs = warmup + pairs;
  const theory = [
    erlangC(J.insideSales.servers, J.leadsPerDay, 1 / J.insideSales.meanDays).meanWait,
    erlangC(J.fieldSales.servers, J.leadsPerDay * J.insideSales.pass, 1 / J.fieldSales.meanDays).meanWait,
    erlangC(J.customerSuccess.servers, J.leadsPerDay * J.insideSales.pass * J.fieldSales.pass, 1 / J.customerSuccess.meanDays).meanWait,
  ];
  const e = median(engine.slice(warmup)), m = median(minimal.slice(warmup));
  const ec = median(engineCpu.slice(warmup)), mc = median(minimalCpu.slice(warmup));
  const fmt = (xs: number[]) => xs.map((x) => (x / runs).toFixed(2)).join(' / ');
  console.log(`Jackson network, ${J.horizonDays} days: engine vs a minimal hand-written event loop on the same Jackson model, ${where}`);
  console.log(`  wall: engine ${e.toFixed(1)} ms, minimal loop ${m.toFixed(1)} ms per run (medians of ${pairs} alternating pairs after ${warmup}): engine speed ${(m / e).toFixed(2)}x the minimal loop's`);
  console.log(`  CPU:  engine ${ec.toFixed(1)} ms, minimal loop ${mc.toFixed(1)} ms per run (the same pairs): engine speed ${(mc / ec).toFixed(2)}x the minimal loop's`);
  console.log(`  per run: leads ${Math.round(engineLeads / runs)} vs ${Math.round(minimalLeads / runs)}, events ${Math.round(engineEvents / runs)} vs ${Math.round(minimalEvents / runs)} (the engine adds week and month ends)`);
  console.log(`  mean waits IS / FS / CS (days): engine ${fmt(waits.engine)}, minimal ${fmt(waits.minimal)}, Erlang C ${theory.map((x) => x.toFixed(2)).join(' / ')}`);
}

/** versusMinimal in a fresh child process (`--versus`) that runs nothing else; its lines printed here. */
function versusMinimalInFreshProcess(): void {
  const child = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, '--versus'], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`bench child failed: ${child.stderr}`);
  process.stdout.write(child.stdout);
}

/** The animation trace: transitions and bytes per replication, and time with and without the recorder, alternating. */
function measureTrace(scenario: Scenario, pairs: number): void {
  const plain: number[] = [], traced: number[] = [];
  let transitions = 0, bytes = 0;
  for (let r = 0; r < pairs; r++) {
    plain.push(time(() => simulateReplication(scenario, r)));
    traced.push(time(() => {
      const { trace } = traceReplication(scenario, r);
      transitions += trace.length;
      bytes += trace.bytes;
    }));
  }
  const half = (xs: number[]) => median(xs.slice(Math.floor(xs.length / 2)));
  console.log(
    `baseline trace         ${Math.round(transitions / pairs).toLocaleString('en-US')} transitions, ${(bytes / pairs / 1024).toFixed(0)} KiB per replication; ` +
      `median ${half(traced).toFixed(1)} ms traced vs ${half(plain).toFixed(1)} ms plain (${(half(traced) / half(plain)).toFixed(2)}x, second half of ${pairs} alternating pairs)`,
  );
}

const baseline = library('baseline.json');
if (process.argv.includes('--first')) {
  const J = jackson();
  if (process.argv.includes('minimal')) firstInThisProcess((r) => minimalJackson(r + 1));
  else if (process.argv.includes('jackson')) firstInThisProcess((r) => simulateReplication(J, r));
  else firstInThisProcess((r) => simulateReplication(baseline, r));
  process.exit(0);
}
if (process.argv.includes('--versus')) {
  versusMinimal(15, 20, 'in a fresh process that runs only these (one scenario shape, as in the app\'s worker)');
  process.exit(0);
}
console.log(`Engine, one core in Node ${process.version} (${availableParallelism()} cores on this machine)`);
firstVsSteady('baseline', baseline, 10, 30);
firstInFreshProcesses('baseline', Number(process.env.BENCH_FRESH ?? 5));
firstInFreshProcesses('Jackson network', Number(process.env.BENCH_FRESH ?? 5), 'jackson');
firstInFreshProcesses('minimal loop (Jackson)', Number(process.env.BENCH_FRESH ?? 5), 'minimal');
measure('baseline', baseline, 20, 100);
measure('Jackson network', jackson(), 5, 20);
versusMinimal(5, 20, 'in this process after the baseline (the engine\'s call sites polymorphic)');
versusMinimalInFreshProcess();
measureTrace(baseline, 30);
