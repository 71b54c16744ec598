/**
 * Variance reduction by common random numbers, measured: the paired difference of
 * "IS x2" on "Marketing too strong" against the difference of two independently
 * seeded runs, at the scenario's own replication count.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { nodePool } from '../../src/workers/nodeWorkers.ts';
import { pairedDifference } from '../../src/montecarlo/compare.ts';
import { validateScenario } from '../../src/scenario/validate.ts';
import { applyWhatIf } from '../../src/ui/editor/whatIf.ts';
import { libraryScenarios } from '../support/scenarios.ts';

const item = libraryScenarios().find((s) => s.file === 'marketing-too-strong.json')!;
const pool = nodePool({ size: 2, idleMs: 0 });
afterAll(() => pool.terminate());

describe('common random numbers', () => {
  it('IS x2 on Marketing too strong: the paired 95% interval of the ARR difference is at most half as wide as with independent seeds', async () => {
    const v = validateScenario(applyWhatIf(item.draft, 'insideSalesDouble'));
    if (!v.ok) throw new Error(v.problems.join('\n'));
    const base = item.scenario, variant = v.scenario;
    expect(variant.insideSales.headcount).toBe(2 * base.insideSales.headcount);
    expect(variant.replications).toBe(200);
    const b = (await pool.runPaired(base)).values.arrEndYen;
    const paired = (await pool.runPaired(variant)).values.arrEndYen;
    const independent = (await pool.runPaired({ ...variant, seed: `${variant.seed}/independent` })).values.arrEndYen;
    const crn = pairedDifference(b, paired, true);
    const ind = pairedDifference(b, independent, true);
    const ratio = (crn.ciHigh - crn.ciLow) / (ind.ciHigh - ind.ciLow);
    console.info(`IS x2 ARR difference: paired ${(crn.mean / 1e6).toFixed(1)}M ± ${((crn.ciHigh - crn.mean) / 1e6).toFixed(1)}M, independent ${(ind.mean / 1e6).toFixed(1)}M ± ${((ind.ciHigh - ind.mean) / 1e6).toFixed(1)}M, width ratio ${ratio.toFixed(3)}`);
    // Both estimate the same difference: the intervals overlap.
    expect(crn.ciLow).toBeLessThan(ind.ciHigh);
    expect(ind.ciLow).toBeLessThan(crn.ciHigh);
    expect(ratio).toBeLessThanOrEqual(0.5);
  }, 300_000);
});
