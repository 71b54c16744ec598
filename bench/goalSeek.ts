/**
 * Goal-seek and next best hire benchmark (issues 13 and 16): time to an answer
 * on the baseline with the worker pool, as the CLI runs it (`--reps 40`,
 * `--workers 2`). One case per process, so farm-bench can time this file on two
 * checkouts, alternating:
 *
 *   CASE=impossible  target ARR 15% above the scenario's own target (2.0125 billion yen)
 *   CASE=reachable   target ARR 3% above it (1.8025 billion yen): a plan of a few hires
 *   CASE=nexthire    next best hire on the baseline (its 200 replications, or REPS)
 *
 * WORKERS (default 2) and REPS (default 40 for goal-seek) change the pool and the replications.
 * Prints the answer's outline (status, hires, verified P(target)) and its seconds
 * (and, when the outcome is decided before the search ends, as an impossible
 * target is, the seconds to that partial answer),
 * and for goal-seek where the simulation went: replications simulated per phase
 * (warm-ups, and horizons: one per scenario-replication, arms sharing a warm-up),
 * counted by a runner wrapped around the pool. Phases are told apart by what is
 * run, not by goal-seek's internals: the verification's seed has its suffix, the
 * bound plan hires every department to its bound on day 0, the timing moves a
 * hire past day 0, and every other plan is a search step (with an impossible
 * answer, also its short path).
 */
import { performance } from 'node:perf_hooks';
import { nodePool } from '../src/workers/nodeWorkers.ts';
import { goalSeek, nextBestHire, type GoalSeekPartial } from '../src/experiments/index.ts';
import { DEFAULT_MAX_PER_DEPARTMENT, VERIFY_SEED_SUFFIX } from '../src/experiments/goalSeek.ts';
import type { Runner } from '../src/runner/types.ts';
import { DEPARTMENTS, type Scenario } from '../src/scenario/types.ts';
import { library } from './scenarios.ts';

const baseline = library('baseline.json');
const which = process.env.CASE ?? 'reachable';
const workers = Number(process.env.WORKERS ?? 2);
const reps = Number(process.env.REPS ?? (which === 'nexthire' ? baseline.replications : 40));
const pool = nodePool({ size: workers, idleMs: 60_000 });
const started = performance.now();
const startedCpu = process.cpuUsage();
const startedLoop = performance.eventLoopUtilization();
try {
  if (which === 'nexthire') {
    const hire = await nextBestHire({ scenario: { ...baseline, replications: reps } }, { runner: pool });
    console.log(`next best hire: ${hire.ranked.map((h) => `${h.department} ${(h.differences.arrEndYen.mean / 1e6).toFixed(1)}M`).join(', ')}`);
  } else {
    const share = which === 'impossible' ? 1.15 : 1.03;
    const scenario = { ...baseline, replications: reps };
    const atLeast = share * baseline.targets.arrYen!;
    const counts = new Map<string, { calls: number; warmups: number; horizons: number }>();
    const extra = (s: Scenario) => s.hiring.slice(scenario.hiring.length);
    const phaseOf = (s: Scenario) => {
      const hires = extra(s);
      if (s.seed.endsWith(VERIFY_SEED_SUFFIX)) return 'verify';
      if (hires.some((h) => h.day > 0)) return 'timing';
      if (hires.some((h) => h.change < 0)) return 'step back';
      const all = DEPARTMENTS.every((d) => hires.filter((h) => h.department === d).reduce((a, h) => a + h.change, 0) === DEFAULT_MAX_PER_DEPARTMENT);
      return all ? 'bound plan' : 'search';
    };
    const trace = process.env.TRACE === '1';
    const count = (phase: string, warmups: number, horizons: number) => {
      if (trace) console.log(`  ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s ${phase.padEnd(10)} ${warmups} warm-ups ${horizons} horizons`);
      const c = counts.get(phase) ?? { calls: 0, warmups: 0, horizons: 0 };
      counts.set(phase, { calls: c.calls + 1, warmups: c.warmups + warmups, horizons: c.horizons + horizons });
    };
    const counting: Runner = {
      run: (s, o) => {
        const n = o?.replications ?? s.replications;
        count(phaseOf(s), n, n);
        return pool.run(s, o);
      },
      runArms: (base, arms, o) => {
        // A pass's phase is its most advanced scenario's (a timing pass may carry a day-0 plan beside it).
        const order = ['search', 'step back', 'bound plan', 'timing', 'verify'];
        const phase = [base, ...arms].map(phaseOf).sort((a, b) => order.indexOf(b) - order.indexOf(a))[0];
        count(phase, o.to - o.from, (1 + arms.length) * (o.to - o.from));
        return pool.runArms!(base, arms, o);
      },
    };
    let decidedAt: number | null = null;
    const onStep = (p: GoalSeekPartial) => void (decidedAt ??= p.decided ? performance.now() : null);
    const r = await goalSeek({ scenario, target: { measure: 'arrEndYen', atLeast }, onStep }, { runner: counting });
    if (decidedAt !== null) console.log(`${which}: ${((decidedAt - started) / 1000).toFixed(1)} s to the decided answer (${r.status}), given before the rest of the answer (the path or the timing, and the verification)`);
    const p = r.verification.probability!;
    const added = Object.entries(r.added).filter(([, n]) => n > 0).map(([d, n]) => `${d} +${n}`).join(', ') || 'nobody';
    console.log(`goal-seek ${which} (ARR >= ${(atLeast / 1e9).toFixed(4)}e9): ${r.status}, ${added}, ${r.path.length} steps, ${r.runs} runs, verified P ${(100 * p.p).toFixed(0)}% [${(100 * p.low).toFixed(0)}, ${(100 * p.high).toFixed(0)}]`);
    for (const [i, st] of r.path.entries()) console.log(`  step ${i + 1}: ${st.department} ${(st.change ?? 1) > 0 ? '+' : ''}${st.change ?? 1}, candidates ${st.candidates.join(' ')}, on ${st.replications}; after: P ${st.after.probability ? (100 * st.after.probability.p).toFixed(0) : '-'}% on ${st.after.replications}`);
    if (r.timing.length > 0) console.log(`  timing: ${r.timing.map((t) => `${t.department}@${t.day} ${t.met ? 'met' : 'no'} (${t.after.replications})`).join(', ')}`);
    console.log(`plan: ${r.plan.map((h) => `${h.department} +${h.change} day ${h.day}`).join(', ')}; cost in horizon ${(r.costYenInHorizon / 1e6).toFixed(1)}M`);
    let total = { calls: 0, warmups: 0, horizons: 0 };
    for (const [phase, c] of counts) {
      console.log(`  ${phase.padEnd(10)} ${String(c.calls).padStart(4)} passes ${String(c.warmups).padStart(6)} warm-ups ${String(c.horizons).padStart(7)} horizons`);
      total = { calls: total.calls + c.calls, warmups: total.warmups + c.warmups, horizons: total.horizons + c.horizons };
    }
    console.log(`  ${'total'.padEnd(10)} ${String(total.calls).padStart(4)} passes ${String(total.warmups).padStart(6)} warm-ups ${String(total.horizons).padStart(7)} horizons`);
  }
} finally {
  pool.terminate();
}
// The main thread's busy time (event-loop utilisation: goal-seek's own work, summaries, messages) against the process's CPU (workers too).
const loop = performance.eventLoopUtilization(startedLoop);
const cpu = process.cpuUsage(startedCpu);
console.log(`CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s in all threads, of which the main thread busy ${(loop.active / 1000).toFixed(1)} s`);
console.log(`${which}: ${((performance.now() - started) / 1000).toFixed(1)} s to the answer (${workers} workers)`);
