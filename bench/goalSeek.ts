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
 * Prints the answer's outline (status, hires, verified P(target)) and its seconds.
 */
import { nodePool } from '../src/workers/nodeWorkers.ts';
import { goalSeek, nextBestHire } from '../src/experiments/index.ts';
import { library } from './scenarios.ts';

const baseline = library('baseline.json');
const which = process.env.CASE ?? 'reachable';
const workers = Number(process.env.WORKERS ?? 2);
const reps = Number(process.env.REPS ?? (which === 'nexthire' ? baseline.replications : 40));
const pool = nodePool({ size: workers, idleMs: 60_000 });
const started = performance.now();
try {
  if (which === 'nexthire') {
    const hire = await nextBestHire({ scenario: { ...baseline, replications: reps } }, { runner: pool });
    console.log(`next best hire: ${hire.ranked.map((h) => `${h.department} ${(h.differences.arrEndYen.mean / 1e6).toFixed(1)}M`).join(', ')}`);
  } else {
    const share = which === 'impossible' ? 1.15 : 1.03;
    const scenario = { ...baseline, replications: reps };
    const atLeast = share * baseline.targets.arrYen!;
    const r = await goalSeek({ scenario, target: { measure: 'arrEndYen', atLeast } }, { runner: pool });
    const p = r.verification.probability!;
    const added = Object.entries(r.added).filter(([, n]) => n > 0).map(([d, n]) => `${d} +${n}`).join(', ') || 'nobody';
    console.log(`goal-seek ${which} (ARR >= ${(atLeast / 1e9).toFixed(4)}e9): ${r.status}, ${added}, ${r.path.length} steps, ${r.runs} runs, verified P ${(100 * p.p).toFixed(0)}% [${(100 * p.low).toFixed(0)}, ${(100 * p.high).toFixed(0)}]`);
  }
} finally {
  pool.terminate();
}
console.log(`${which}: ${((performance.now() - started) / 1000).toFixed(1)} s to the answer (${workers} workers)`);
