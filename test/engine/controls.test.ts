/**
 * The control sums a replication reports for comparisons: each must have
 * expectation exactly zero (else the comparison's estimate would be biased), and a
 * decision whose outcome is certain adds nothing to them.
 */
import { describe, expect, it } from 'vitest';
import { simulateReplication } from '../../src/engine/simulate.ts';
import type { ControlSums } from '../../src/engine/results.ts';
import { normalQuantile } from '../../src/engine/special.ts';
import { summarize } from '../../src/montecarlo/stats.ts';
import { scenarioOf } from '../support/scenarios.ts';

const NAMES: (keyof ControlSums)[] = ['sqlYen', 'wonYen', 'renewalYen', 'sqls', 'won'];

describe('control sums', () => {
  it('are exactly zero when every conversion, win and renewal is certain', () => {
    const s = scenarioOf({
      version: 1,
      seed: 'certain',
      horizonDays: 200,
      warmupDays: 200,
      insideSales: { sqlRate: 1, decay: { kind: 'none' }, patienceDays: { kind: 'exponential', mean: 10 } },
      fieldSales: { winRate: 1, decay: { kind: 'none' } },
      customerSuccess: { churnRate: 0, overloadChurnPerUnit: 0, onboardingWaitChurnPerDay: 0, expansionRate: 0, contractMonths: 3 },
    });
    const r = simulateReplication(s, 0);
    expect(r.funnel.won).toBeGreaterThan(50);
    expect(r.customerSuccess.completions).toBeGreaterThan(50);
    for (const k of NAMES) expect(Math.abs(r.controls[k]), k).toBeLessThan(1e-6);
  });

  it('have mean zero over 300 replications of a scenario with every kind of decision (family-wise 99%)', () => {
    // Decay and patience in both queues, an IS-complete segment, a thin CS team
    // (overload churn), onboarding waits, expansion, renewals inside the run.
    const s = scenarioOf({
      version: 1,
      seed: 'controls-mean-zero',
      horizonDays: 240,
      warmupDays: 120,
      replications: 300,
      marketing: { headcount: 2, programBudgetYenPerMonth: 1_000_000 },
      insideSales: { headcount: 3, patienceDays: { kind: 'lognormal', mean: 20, p90: 45 }, decay: { kind: 'preset', name: 'speedToLead' } },
      fieldSales: { headcount: 3, concurrentPerHead: 4, patienceDays: { kind: 'exponential', mean: 60 }, abandonRecycleShare: 0.5 },
      customerSuccess: { headcount: 1, initialAccounts: 150, contractMonths: 4, concurrentPerHead: 2 },
      segments: [
        { name: 'SMB', share: 0.5, skipFieldSales: true, sqlRate: 0.3, winRate: 0.4, acvYen: { kind: 'lognormal', mean: 300000, p90: 500000 } },
        { name: 'Mid', share: 0.5, sqlRate: 0.3, winRate: 0.25 },
      ],
    });
    const rows = Array.from({ length: s.replications }, (_, r) => simulateReplication(s, r));
    expect(summarize(rows.map((r) => r.funnel.lost.churnOverload)).mean).toBeGreaterThan(1);
    expect(summarize(rows.map((r) => r.funnel.lost.fsCold)).mean).toBeGreaterThan(1);
    // Bonferroni over the five sums: each two-sided at 1 - 0.01 / 5, normal quantile (n = 300).
    const z = normalQuantile(1 - 0.01 / 10);
    for (const k of NAMES) {
      const x = summarize(rows.map((r) => r.controls[k]));
      expect(x.sd, `${k} varies`).toBeGreaterThan(0);
      expect(Math.abs(x.mean), `${k}: mean ${x.mean}, sd ${x.sd}`).toBeLessThan((z * x.sd) / Math.sqrt(x.n));
    }
  });
});
