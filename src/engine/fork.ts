/**
 * A shared warm-up: plans that differ only in their hires from day 0 on (goal-seek's
 * candidates, next best hire, what-ifs made of hires) see the same warm-up, event
 * for event. A replication of the base scenario is run to the end of its warm-up
 * once, then forked for each arm (Replication.fork), and each copy goes on to the
 * horizon with the arm's staffing. Each arm's result is exactly what a run of the
 * arm from the start gives (test/engine/fork.test.ts), for about a third of the work.
 */
import type { Scenario } from '../scenario/types.ts';
import { compileScenario } from './compile.ts';
import { Replication } from './replication.ts';
import { summarise } from './summary.ts';
import type { ReplicationResult } from './results.ts';

/** The scenario's fields as JSON with sorted keys, name, hiring and replication count left out. */
function withoutPlan(s: Scenario): string {
  const rest: Record<string, unknown> = { ...s, name: '', hiring: [], replications: 0 };
  return JSON.stringify(rest, (_, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v));
}

/**
 * Whether `arm` can continue from `base`'s warm-up: the two scenarios are equal
 * but for their hiring plans (and name and replication count), there is a warm-up,
 * and no hire of either plan is dated before day 0 (every hire starts at the end
 * of the warm-up or later, so the warm-up's staffing, leads and draws are the same).
 */
export function sharesWarmup(base: Scenario, arm: Scenario): boolean {
  if (base.warmupDays <= 0) return false;
  if (base.hiring.some((h) => h.day < 0) || arm.hiring.some((h) => h.day < 0)) return false;
  return withoutPlan(base) === withoutPlan(arm);
}

/**
 * Replication `replication` of `base` and of each arm: `[base, ...arms]` results
 * in that order. Arms that share base's warm-up continue from one warm-up;
 * the others are run from the start.
 */
export function simulateArms(base: Scenario, arms: readonly Scenario[], replication: number): ReplicationResult[] {
  const root = new Replication(compileScenario(base), replication);
  const shared = arms.map((a) => sharesWarmup(base, a));
  if (!shared.some(Boolean)) {
    root.run();
    return [summarise(root), ...arms.map((a) => runOne(a, replication))];
  }
  root.warmUp();
  // Forks are made before the base goes on (a fork copies the state at t0).
  const out: ReplicationResult[] = [];
  for (let i = 0; i < arms.length; i++) {
    if (!shared[i]) continue;
    const f = root.fork(compileScenario(arms[i]));
    f.run();
    out[i + 1] = summarise(f);
  }
  root.run();
  out[0] = summarise(root);
  for (let i = 0; i < arms.length; i++) if (!shared[i]) out[i + 1] = runOne(arms[i], replication);
  return out;
}

function runOne(s: Scenario, replication: number): ReplicationResult {
  const r = new Replication(compileScenario(s), replication);
  r.run();
  return summarise(r);
}
