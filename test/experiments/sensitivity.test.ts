/** Sensitivity: each input at its low and high value, paired with the baseline, sorted by swing. */
import { describe, expect, it } from 'vitest';
import { scaleDist, sensitivity, SENSITIVITY_INPUTS, withInput } from '../../src/experiments/index.ts';
import { inlineRunner } from '../../src/runner/index.ts';
import { jacksonScenario } from '../support/scenarios.ts';

const scenario = jacksonScenario({ lambda: 3, is: { servers: 4, mu: 1, sqlRate: 0.3 }, fs: { servers: 3, mu: 0.5, winRate: 0.4 }, cs: { servers: 2, mu: 0.5 }, horizonDays: 150, warmupDays: 30, replications: 12, seed: 'sensitivity' });

describe('sensitivity', () => {
  it('scales an input without touching the scenario; a head count moves by at least one person', () => {
    const copy = structuredClone(scenario);
    expect(withInput(scenario, 'fieldSales.winRate', 1.1).fieldSales.winRate).toBeCloseTo(0.44, 12);
    expect(withInput(scenario, 'fieldSales.headcount', 1.1).fieldSales.headcount).toBe(4);
    expect(withInput(scenario, 'fieldSales.headcount', 0.9).fieldSales.headcount).toBe(2);
    expect(scenario).toEqual(copy);
    expect(scaleDist({ kind: 'lognormal', mean: 100, p90: 200 }, 1.1)).toEqual({ kind: 'lognormal', mean: 110.00000000000001, p90: 220.00000000000003 });
    expect(scaleDist(5, 2)).toBe(10);
  });

  it('pairs every run with the baseline: an input at 0 changes nothing; a higher win rate adds ARR, a lower one takes it away; rows by swing', async () => {
    const steps: number[] = [];
    const rows = await sensitivity({ scenario }, { runner: inlineRunner, onProgress: (p) => steps.push(p.step) });
    expect(new Set(steps).size).toBe(1 + 2 * SENSITIVITY_INPUTS.length);
    expect(rows.map((r) => r.input).sort()).toEqual([...SENSITIVITY_INPUTS].sort());
    const budget = rows.find((r) => r.input === 'marketing.programBudgetYenPerMonth')!;
    expect(scenario.marketing.programBudgetYenPerMonth).toBe(0);
    expect([budget.low.mean, budget.high.mean, budget.swing]).toEqual([0, 0, 0]);
    const win = rows.find((r) => r.input === 'fieldSales.winRate')!;
    expect(win.high.ciLow).toBeGreaterThan(0);
    expect(win.low.ciHigh).toBeLessThan(0);
    for (let i = 1; i < rows.length; i++) expect(Math.abs(rows[i - 1].swing)).toBeGreaterThanOrEqual(Math.abs(rows[i].swing));
    // Below the pairs control variates need, the swing of the pairs is the plain mean: the same as high minus low.
    for (const r of rows) expect(r.swingPaired.controlsUsed === 0 ? r.swingPaired.mean - r.swing : 0).toBeCloseTo(0, 3);
    expect(win.swingPaired.ciLow).toBeGreaterThan(0);
  }, 120_000);
});

describe('sensitivity, row by row (the app draws each bar as its pair finishes)', () => {
  it('hands each row on as its pair finishes, with the baseline mean; known rows are not run again and the answer is the same', async () => {
    const calls: number[] = [];
    const counting = { run: (s: typeof scenario, o?: Parameters<typeof inlineRunner.run>[1]) => (calls.push(o?.replications ?? -1), inlineRunner.run(s, o)) };
    const seen: { input: string; base: number }[] = [];
    const rows = await sensitivity({ scenario, replications: 4, onRow: (r, base) => seen.push({ input: r.input, base }) }, { runner: counting });
    expect(seen.map((s) => s.input)).toEqual([...SENSITIVITY_INPUTS]);
    expect(calls).toEqual(new Array(1 + 2 * SENSITIVITY_INPUTS.length).fill(4));
    const base = await inlineRunner.run(scenario, { replications: 4 });
    const arr = base.values.measures.arrEndYen;
    expect(seen[0].base).toBeCloseTo(arr.reduce((a, b) => a + b, 0) / 4, 6);
    expect(rows.every((r) => r.low.n === 4 && r.high.n === 4)).toBe(true);
    calls.length = 0;
    const known = rows.filter((r) => r.input === 'fieldSales.winRate' || r.input === 'insideSales.headcount');
    const again = await sensitivity({ scenario, replications: 4, known }, { runner: counting });
    expect(calls).toHaveLength(1 + 2 * (SENSITIVITY_INPUTS.length - 2));
    expect(again).toEqual(rows);
  }, 120_000);
});
