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
 * Warm-ups kept for later passes over the same replications (goal-seek runs the
 * same replications of one scenario, with other plans, dozens of times): per
 * replication, the replication at the end of its warm-up, never run further, so
 * every later pass forks it instead of warming up again (a fork leaves its parent
 * as it was). Only the last scenario's are kept (its fields without the plan, as
 * sharesWarmup compares them), and only within WARM_BYTES (the lead table's
 * columns: about 4 MB a baseline replication); results are the same either way.
 */
const warm = { key: '', roots: new Map<number, Replication>(), bytes: 0 };
/** At most this many bytes of kept warm-ups per thread (about 40 baseline replications). */
const WARM_BYTES = 176e6;

/** Bytes of a replication's lead table (what a kept warm-up holds). */
const tableBytes = (r: Replication) => Object.values(r.L).reduce((a: number, v) => a + (ArrayBuffer.isView(v) ? v.byteLength : 0), 0);

/** Replication `replication` of `base` at the end of its warm-up: kept from an earlier pass, or warmed up now (and kept when there is room). */
function warmedUp(base: Scenario, replication: number): { root: Replication; kept: boolean } {
  const key = withoutPlan(base);
  if (key !== warm.key) Object.assign(warm, { key, roots: new Map(), bytes: 0 });
  const hit = warm.roots.get(replication);
  if (hit) return { root: hit, kept: true };
  const root = new Replication(compileScenario(base), replication);
  root.warmUp();
  const bytes = tableBytes(root);
  if (warm.bytes + bytes > WARM_BYTES) return { root, kept: false };
  warm.roots.set(replication, root);
  warm.bytes += bytes;
  return { root, kept: true };
}

/**
 * Replication `replication` of `base` and of each arm: `[base, ...arms]` results
 * in that order. Arms that share base's warm-up continue from one warm-up (kept
 * for the next pass over this replication, see `warm`); the others are run from
 * the start.
 */
export function simulateArms(base: Scenario, arms: readonly Scenario[], replication: number): ReplicationResult[] {
  const shared = arms.map((a) => sharesWarmup(base, a));
  if (!shared.some(Boolean)) {
    const root = new Replication(compileScenario(base), replication);
    root.run();
    return [summarise(root), ...arms.map((a) => runOne(a, replication))];
  }
  // A kept warm-up may have been warmed with another plan of the same scenario: the base is a fork of it too.
  const { root, kept } = warmedUp(base, replication);
  // Forks are made before the base goes on (a fork copies the state at t0).
  const out: ReplicationResult[] = [];
  for (let i = 0; i < arms.length; i++) {
    if (!shared[i]) continue;
    const f = root.fork(compileScenario(arms[i]));
    f.run();
    out[i + 1] = summarise(f);
  }
  const own = kept ? root.fork(compileScenario(base)) : root;
  own.run();
  out[0] = summarise(own);
  for (let i = 0; i < arms.length; i++) if (!shared[i]) out[i + 1] = runOne(arms[i], replication);
  return out;
}

function runOne(s: Scenario, replication: number): ReplicationResult {
  const r = new Replication(compileScenario(s), replication);
  r.run();
  return summarise(r);
}
