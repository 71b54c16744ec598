/**
 * Numbers that say what they are: each funnel rate is the ratio of its rows, the
 * logo churn behind LTV is per renewal decision, cancelled onboardings count as lost
 * logos, and a wait is undefined (not 0) where nothing started.
 */
import { describe, expect, it } from 'vitest';
import { simulateReplication } from '../../src/engine/simulate.ts';
import { summarize, tQuantile } from '../../src/montecarlo/stats.ts';
import { libraryScenarios, scenarioOf } from '../support/scenarios.ts';

const library = libraryScenarios();
const draftOf = (file: string) => library.find((s) => s.file === file)!.draft;

describe('each funnel rate is the ratio of its rows', () => {
  for (const { file, scenario } of library) {
    it(`${file}: MQL rate = new MQLs / leads, SQL rate = SQLs / MQLs, win rate = won / SQLs`, () => {
      for (let r = 0; r < 3; r++) {
        const f = simulateReplication(scenario, r).funnel;
        expect(f.newMqls + f.returnedMqls).toBe(f.mqls);
        expect(f.mqlRate).toBe(f.newMqls / f.leads);
        expect(f.sqlRate).toBe(f.sqls / f.mqls);
        expect(f.winRate).toBe(f.won / f.sqls);
      }
    });
  }

  it('Marketing too strong: MQLs never contacted count against the SQL rate (below the rate of MQLs worked)', () => {
    const s = library.find((x) => x.file === 'marketing-too-strong.json')!.scenario;
    const f = simulateReplication(s, 0).funnel;
    expect(f.sqlRate).toBeLessThan(0.8 * f.sqlRateOfWorked);
  });
});

describe('logo churn and LTV', () => {
  // Churn at renewal is exactly the base rate: no overload, no onboarding-wait effect.
  const flat = scenarioOf({
    ...draftOf('baseline.json'),
    replications: 40,
    customerSuccess: { ...(draftOf('baseline.json').customerSuccess as object), churnRate: 0.1, overloadChurnPerUnit: 0, onboardingWaitChurnPerDay: 0, contractMonths: 12 },
  });

  it('annual logo churn is churned logos per renewal decision: 10% at renewal reads 10%, in a growing book', () => {
    const results = Array.from({ length: 40 }, (_, r) => simulateReplication(flat, r));
    const s = summarize(results.map((x) => x.revenue.annualChurn));
    const half = tQuantile(0.9995, s.n - 1) * (s.sd / Math.sqrt(s.n));
    expect(Math.abs(s.mean - 0.1), `mean ${s.mean} +- ${half}`).toBeLessThan(half);
    // LTV follows from it.
    for (const x of results) expect(x.revenue.ltvYen).toBeCloseTo((x.revenue.meanAcvYen * flat.customerSuccess.grossMargin) / x.revenue.annualChurn, 3);
  });

  it('a monthly contract annualises the churn per renewal: 1 - (1 - c)^12', () => {
    const monthly = scenarioOf({
      ...draftOf('baseline.json'),
      customerSuccess: { ...(draftOf('baseline.json').customerSuccess as object), churnRate: 0.02, overloadChurnPerUnit: 0, onboardingWaitChurnPerDay: 0, contractMonths: 1 },
    });
    const results = Array.from({ length: 20 }, (_, r) => simulateReplication(monthly, r));
    const s = summarize(results.map((x) => x.revenue.annualChurn));
    const half = tQuantile(0.9995, s.n - 1) * (s.sd / Math.sqrt(s.n));
    expect(Math.abs(s.mean - (1 - 0.98 ** 12)), `mean ${s.mean} +- ${half}`).toBeLessThan(half);
  });

  it('accounts cancelled while waiting for onboarding are lost logos, like churn', () => {
    const s = scenarioOf({
      ...draftOf('fs-too-strong.json'),
      customerSuccess: { ...(draftOf('fs-too-strong.json').customerSuccess as object), patienceDays: { kind: 'exponential', mean: 5 } },
    });
    const x = simulateReplication(s, 0);
    expect(x.funnel.lost.csAbandoned).toBeGreaterThan(0);
    expect(x.revenue.churnedAccounts).toBe(x.funnel.lost.churnBase + x.funnel.lost.churnOverload + x.funnel.lost.csAbandoned);
  });
});

describe('what waits cover', () => {
  it('a department with nobody in it has an undefined wait, not 0, and its abandonment share says who left', () => {
    const s = scenarioOf({ ...draftOf('baseline.json'), insideSales: { headcount: 0, patienceDays: { kind: 'exponential', mean: 20 } } });
    const x = simulateReplication(s, 0).insideSales;
    expect(x.starts).toBe(0);
    expect(x.waitMeanDays).toBeNaN();
    expect(x.waitP90Days).toBeNaN();
    expect(x.pWait).toBeNaN();
    expect(x.abandoned).toBeGreaterThan(0);
    expect(x.abandonShare).toBe(1);
  });

  it('the abandonment share is those who gave up over those who left the queue', () => {
    const s = library.find((x) => x.file === 'marketing-too-strong.json')!.scenario;
    const x = simulateReplication(s, 0).insideSales;
    expect(x.abandoned).toBeGreaterThan(0);
    expect(x.abandonShare).toBe(x.abandoned / (x.abandoned + x.starts));
  });
});

describe('the book carried in at day 0', () => {
  it('IS-complete: initial accounts are priced at the segments\' deal mix (80% SMB at ¥300K, 20% mid-market at ¥1.5M), not at Field Sales ACV', () => {
    const s = scenarioOf({ ...draftOf('is-complete.json'), warmupDays: 0 });
    const perAccount = Array.from({ length: 20 }, (_, r) => simulateReplication(s, r).revenue.arrStartYen / s.customerSuccess.initialAccounts);
    const st = summarize(perAccount);
    const half = tQuantile(0.9995, st.n - 1) * (st.sd / Math.sqrt(st.n));
    const mix = 0.8 * 300_000 + 0.2 * 1_500_000;
    expect(Math.abs(st.mean - mix), `mean ${st.mean} +- ${half}`).toBeLessThan(half);
  });

  it('one segment: the book is priced at Field Sales ACV', () => {
    const s = scenarioOf({ ...draftOf('baseline.json'), warmupDays: 0 });
    const perAccount = Array.from({ length: 20 }, (_, r) => simulateReplication(s, r).revenue.arrStartYen / s.customerSuccess.initialAccounts);
    const st = summarize(perAccount);
    const half = tQuantile(0.9995, st.n - 1) * (st.sd / Math.sqrt(st.n));
    expect(Math.abs(st.mean - 1_200_000), `mean ${st.mean} +- ${half}`).toBeLessThan(half);
  });
});
