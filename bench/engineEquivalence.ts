/**
 * Two engines against each other, for a change that moves the numbers (a new
 * ENGINE_VERSION): `REPS` (default 100) replications of every library scenario in
 * each of two work trees, and for every summary measure both report, the distance
 * of the means in standard errors, z = (mean_new - mean_old) / sqrt(se_old^2 + se_new^2).
 * Two engines that draw from the same laws give z about N(0, 1) (the measures of
 * one scenario are correlated, so counts beyond 2 and 3 scatter more than a
 * binomial's): prints how many |z| exceed 2, 3 and 4 against what chance predicts,
 * and the largest. Measures constant in both runs are counted apart (equal or not).
 * With the same seeds the two runs share their uniforms (the leads' streams, the
 * arrival stream), their means are positively correlated and z is conservative;
 * `NEW_SEED=suffix` gives the new engine's runs other seeds (seed + suffix), for
 * two independent samples, whose z is N(0, 1) exactly when the laws are the same.
 * Run: npx tsx bench/engineEquivalence.ts OLD_TREE NEW_TREE
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

interface Moments {
  n: number;
  mean: number;
  sd: number;
}

const isMoments = (x: unknown): x is Moments =>
  typeof x === 'object' && x !== null && typeof (x as Moments).n === 'number' && typeof (x as Moments).mean === 'number' && typeof (x as Moments).sd === 'number';

/** Every summary (n, mean, sd) under `x`, by its path. */
function summaries(x: unknown, path: string, out: Map<string, Moments>): Map<string, Moments> {
  if (isMoments(x)) out.set(path, x);
  else if (typeof x === 'object' && x !== null) for (const [k, v] of Object.entries(x)) summaries(v, path ? `${path}.${k}` : k, out);
  return out;
}

/** The measures of `reps` replications of each library scenario, run by the engine of work tree `tree`. */
async function measuresOf(tree: string, files: string[], reps: number, seedSuffix = ''): Promise<Map<string, Moments>[]> {
  const { runInline } = await import(join(tree, 'src/runner/inline.ts'));
  const { library } = await import(join(tree, 'bench/scenarios.ts'));
  const { ENGINE_VERSION } = await import(join(tree, 'src/engine/version.ts'));
  console.log(`${tree}: engine ${ENGINE_VERSION}${seedSuffix ? `, seeds + "${seedSuffix}"` : ''}`);
  return files.map((f) => {
    const s = library(f);
    return summaries(runInline({ ...s, seed: s.seed + seedSuffix, replications: reps }).result.measures, f, new Map());
  });
}

/** Two-sided tail of the standard normal beyond |z| (Abramowitz and Stegun 7.1.26 for erfc; 1.5e-7). */
function tail(z: number): number {
  const x = Math.abs(z) / Math.SQRT2, t = 1 / (1 + 0.3275911 * x);
  return t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) * Math.exp(-x * x);
}

const [oldTree, newTree] = process.argv.slice(2).map((p) => resolve(p));
if (!oldTree || !newTree) throw new Error('usage: npx tsx bench/engineEquivalence.ts OLD_TREE NEW_TREE');
const reps = Number(process.env.REPS ?? 100);
const files = readdirSync(join(newTree, 'scenarios')).filter((f) => f.endsWith('.json')).sort();
const before = await measuresOf(oldTree, files, reps);
const after = await measuresOf(newTree, files, reps, process.env.NEW_SEED ?? '');

const zs: { path: string; z: number; old: Moments; now: Moments }[] = [];
let constantEqual = 0;
const constantDiffer: string[] = [];
files.forEach((_, s) => {
  for (const [path, old] of before[s]) {
    const now = after[s].get(path);
    if (!now || old.n === 0 || now.n === 0) continue;
    const se2 = (old.sd * old.sd) / old.n + (now.sd * now.sd) / now.n;
    if (se2 === 0) {
      if (old.mean === now.mean) constantEqual++;
      else constantDiffer.push(`${path}: ${old.mean} -> ${now.mean}`);
      continue;
    }
    zs.push({ path, z: (now.mean - old.mean) / Math.sqrt(se2), old, now });
  }
});
const m = zs.length;
const beyond = (c: number) => zs.filter((x) => Math.abs(x.z) > c).length;
console.log(`${files.length} scenarios, ${reps} replications each: ${m} measures with spread, ${constantEqual} constant and equal, ${constantDiffer.length} constant and different`);
for (const c of [2, 3, 4]) console.log(`|z| > ${c}: ${beyond(c)} (chance: ${(m * tail(c)).toFixed(1)})`);
zs.sort((a, b) => Math.abs(b.z) - Math.abs(a.z));
console.log('largest:');
for (const x of zs.slice(0, 8)) console.log(`  z ${x.z.toFixed(2)}  ${x.path}: ${x.old.mean.toPrecision(6)} -> ${x.now.mean.toPrecision(6)} (sd ${x.old.sd.toPrecision(3)}, ${x.now.sd.toPrecision(3)})`);
for (const line of constantDiffer) console.log(`  constant, changed: ${line}`);
