/**
 * Variance reduction, measured: the difference "IS x2" makes on "Marketing too
 * strong", estimated as the comparison does it (replication r of the variant paired
 * with replication r of the baseline, common random numbers, and control variates),
 * against the same difference from two independently seeded runs, at the scenario's
 * own replication count (200).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { nodePool } from '../../src/workers/nodeWorkers.ts';
import { compareValues, pairedDifference, type PairedDifference } from '../../src/montecarlo/compare.ts';
import { controlledMean } from '../../src/montecarlo/controlVariates.ts';
import { validateScenario } from '../../src/scenario/validate.ts';
import { applyWhatIf } from '../../src/ui/editor/whatIf.ts';
import { tQuantile } from '../../src/montecarlo/stats.ts';
import { libraryScenarios } from '../support/scenarios.ts';

const item = libraryScenarios().find((s) => s.file === 'marketing-too-strong.json')!;

/**
 * Marketing too strong as the library had it when the decomposition's bounds below
 * were set (engine 1, before the library was recalibrated): FIFO with patience, a
 * steeper decay and a higher SQL rate, written out in full so that later changes to
 * the defaults do not move it.
 */
const ENGINE1_MARKETING_TOO_STRONG = {
  version: 1, name: 'Marketing too strong (as of engine 1)', horizonDays: 365, warmupDays: 365, replications: 200, seed: 'mkt-strong',
  marketing: { headcount: 6, programBudgetYenPerMonth: 6_000_000 },
  insideSales: {
    headcount: 6, concurrentPerHead: 12, sqlRate: 0.45, discipline: 'fifo',
    decay: { kind: 'curve', points: [[1, 1], [7, 0.5], [30, 0.15]] },
    patienceDays: { kind: 'lognormal', mean: 21, p90: 45 },
  },
  fieldSales: { headcount: 12 },
  customerSuccess: { headcount: 10, expansionRate: 0.3, expansionShare: { kind: 'gamma', mean: 0.2, cv: 0.5 } },
};
const pool = nodePool({ size: 2, idleMs: 0 });
afterAll(() => pool.terminate());

const width = (d: { ciLow: number; ciHigh: number }) => d.ciHigh - d.ciLow;
const millions = (d: PairedDifference) => `${(d.mean / 1e6).toFixed(1)}M ± ${((d.ciHigh - d.mean) / 1e6).toFixed(1)}M`;

/** The difference of two independent samples' means with its 95% Welch interval. */
function independentDifference(a: number[], b: number[]): { mean: number; ciLow: number; ciHigh: number } {
  const stats = (x: number[]) => {
    const m = x.reduce((s, v) => s + v, 0) / x.length;
    return { m, v: x.reduce((s, v) => s + (v - m) ** 2, 0) / (x.length - 1) / x.length };
  };
  const sa = stats(a), sb = stats(b);
  const se2 = sa.v + sb.v;
  const df = se2 ** 2 / (sa.v ** 2 / (a.length - 1) + sb.v ** 2 / (b.length - 1));
  const half = tQuantile(0.975, df) * Math.sqrt(se2);
  return { mean: sb.m - sa.m, ciLow: sb.m - sa.m - half, ciHigh: sb.m - sa.m + half };
}

/** IS x2 on `draft`, estimated three ways at 200 replications each. */
async function measure(draft: unknown) {
  const b0 = validateScenario(draft);
  const v = validateScenario(applyWhatIf(draft as typeof item.draft, 'insideSalesDouble'));
  if (!b0.ok || !v.ok) throw new Error([...(b0.ok ? [] : b0.problems), ...(v.ok ? [] : v.problems)].join('\n'));
  const base = b0.scenario, variant = v.scenario;
  expect(variant.insideSales.headcount).toBe(2 * base.insideSales.headcount);
  expect(variant.replications).toBe(200);
  const b = (await pool.run(base)).values;
  const paired = (await pool.run(variant)).values;
  const independent = (await pool.run({ ...variant, seed: `${variant.seed}/independent` })).values;

  // As the app and the CLI report it: common random numbers and control variates.
  const reported = compareValues(b, paired).arrEndYen;
  // Common random numbers alone: the plain mean of the paired differences.
  const crnOnly = pairedDifference(b.measures.arrEndYen, paired.measures.arrEndYen, 'higher');
  // Independent seeds: two unrelated samples.
  const ind = independentDifference(b.measures.arrEndYen, independent.measures.arrEndYen);
  // Independent seeds with each run's own control variates, to show what pairing adds to them.
  const own = (x: typeof b) => controlledMean(x.measures.arrEndYen, x.controls);
  const indControlledWidth = Math.hypot(width(own(b)), width(own(independent)));
  const ratio = width(reported) / width(ind);
  console.info(
    `${base.name}: IS x2, ARR difference at the horizon, 200 pairs: reported (CRN + control variates) ${millions(reported)}; ` +
      `CRN alone ${millions(crnOnly)}; independent seeds ${(ind.mean / 1e6).toFixed(1)}M ± ${((ind.ciHigh - ind.mean) / 1e6).toFixed(1)}M. ` +
      `Width ratios against independent seeds: reported ${ratio.toFixed(3)}, CRN alone ${(width(crnOnly) / width(ind)).toFixed(3)}; ` +
      `reported against independent seeds with their own control variates ${(width(reported) / indControlledWidth).toFixed(3)}`,
  );
  expect(reported.controlsUsed).toBe(5);
  // All three estimate the same difference: the intervals overlap.
  for (const [x, y] of [[reported, ind], [crnOnly, ind], [reported, crnOnly]] as const) {
    expect(x.ciLow).toBeLessThan(y.ciHigh);
    expect(y.ciLow).toBeLessThan(x.ciHigh);
  }
  return { ratio, crnRatio: width(crnOnly) / width(ind), pairingOverControls: width(reported) / indControlledWidth };
}

describe('variance reduction', () => {
  it('IS x2 on Marketing too strong (the library\'s): the comparison\'s 95% interval of the ARR difference is at most a third as wide as with independent seeds', async () => {
    const m = await measure(item.draft);
    expect(m.ratio).toBeLessThanOrEqual(1 / 3);
  }, 300_000);

  it('IS x2 on Marketing too strong as of engine 1: at most a third as wide, and each part does real work', async () => {
    const m = await measure(ENGINE1_MARKETING_TOO_STRONG);
    expect(m.ratio).toBeLessThanOrEqual(1 / 3);
    // Pairing alone about halves the interval, and pairing still narrows it when both
    // sides use control variates. The pairing bound was 0.5, set on this seed's value:
    // over 8 seeds (mkt-strong, s1-s7) the ratio averages 0.505 on engine 6 (sd 0.028;
    // 4 of 8 seeds above 0.5, this one 0.488) and 0.510 on engine 7 (sd 0.013; this
    // seed 0.530), so 0.5 tested the seed, not the pairing. The bound is now engine
    // 7's mean plus three seed-to-seed standard deviations (pooled over both engines,
    // 0.022): 0.58, still far below the 1.0 of runs that share no random numbers.
    expect(m.crnRatio).toBeLessThanOrEqual(0.58);
    expect(m.pairingOverControls).toBeLessThanOrEqual(0.6);
  }, 300_000);
});
