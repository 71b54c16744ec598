/**
 * The cost of waiting in yen: each cause's ARR, recomputed lead by lead from the
 * lead table, sums to the total the waterfall claims; a thin Inside Sales loses
 * more yen than the balanced baseline.
 */
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/engine/compile.ts';
import { LOST, Replication } from '../../src/engine/replication.ts';
import { summarise } from '../../src/engine/summary.ts';
import { LOSS_CAUSES, WAITING_COSTS, type LossCause } from '../../src/engine/results.ts';
import { runInline } from '../../src/runner/inline.ts';
import { libraryScenarios } from '../support/scenarios.ts';

const library = (file: string) => libraryScenarios().find((s) => s.file === file)!.scenario;
const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(b)));

describe('the cost of waiting in yen', () => {
  for (const file of ['marketing-too-strong.json', 'is-too-strong.json', 'fs-too-strong.json']) {
    it(`${file}, no warm-up: each cause recomputed from the leads it lost, and the waterfall sums exactly`, () => {
      const s = { ...library(file), warmupDays: 0, seed: 'waiting-cost' };
      const r = new Replication(compileScenario(s), 0);
      r.run();
      const res = summarise(r);
      const L = r.L;
      const lostTo = (c: LossCause) => (id: number) => L.state[id] === LOST + LOSS_CAUSES.indexOf(c);
      const seg = (id: number) => r.c.segments[L.segment[id]];
      let never = 0, cold = 0, stalled = 0, churn = 0;
      for (let id = 0; id < L.size; id++) {
        const g = seg(id);
        if (lostTo('isAbandoned')(id) && L.isU[id] < (L.noise[id] ? 0 : g.sqlRate)) never += g.winRate * L.acvYen[id];
        if (lostTo('isCold')(id)) cold += g.winRate * L.acvYen[id];
        if (lostTo('fsAbandoned')(id) && L.fsU[id] < g.winRate) stalled += L.acvYen[id];
        if (lostTo('fsCold')(id)) stalled += L.acvYen[id];
        if (lostTo('churnOverload')(id) || lostTo('csAbandoned')(id)) churn += L.arrYen[id];
      }
      const w = res.waitingCost;
      close(w.neverContactedYen, never);
      close(w.wentColdYen, cold);
      close(w.stalledYen, stalled);
      close(w.churnOverloadYen + w.churnOnboardingYen, churn);
      // The waterfall: from ARR had no one waited, each cause down to the ARR reached.
      close(WAITING_COSTS.reduce((a, c) => a + w[`${c}Yen`], 0), w.totalYen);
      close(w.arrIfNoWaitYen - w.totalYen, res.revenue.arrEndYen);
      expect(w.totalYen).toBeGreaterThan(0);
    });
  }

  it('each thin department shows its own cost: IS causes in Marketing too strong, FS in IS too strong, CS in FS too strong', () => {
    const cost = (file: string) => {
      const s = { ...library(file), warmupDays: 0, seed: 'waiting-cost' };
      return runInline({ ...s, replications: 2 }).result.measures.waitingCost;
    };
    const m = cost('marketing-too-strong.json'), i = cost('is-too-strong.json'), f = cost('fs-too-strong.json');
    expect(m.neverContactedYen.mean + m.wentColdYen.mean).toBeGreaterThan(m.stalledYen.mean + m.churnOverloadYen.mean + m.churnOnboardingYen.mean);
    expect(i.stalledYen.mean).toBeGreaterThan(i.churnOverloadYen.mean + i.churnOnboardingYen.mean);
    expect(f.churnOverloadYen.mean + f.churnOnboardingYen.mean).toBeGreaterThan(0);
  });

  it('Marketing too strong loses more yen to waiting than the baseline (95% CIs of the mean apart), carried by a run with mean, P10, P90 and CI', () => {
    const results = (file: string) => runInline({ ...library(file), replications: 6, seed: 'waiting-cost' }).result;
    const mtsResult = results('marketing-too-strong.json');
    const base = results('baseline.json').measures.waitingCost.totalYen, mts = mtsResult.measures.waitingCost.totalYen;
    // The verdict's evidence carries its department's yen: Inside Sales' two causes.
    const w = mtsResult.measures.waitingCost;
    expect(mtsResult.bottleneck.department).toBe('insideSales');
    expect(mtsResult.bottleneck.evidence.find((e) => e.department === 'insideSales')!.lostWaitingYen).toBeCloseTo(w.neverContactedYen.mean + w.wentColdYen.mean, 3);
    for (const x of [base, mts]) expect(Object.keys(x)).toEqual(expect.arrayContaining(['mean', 'p10', 'p90', 'ciLow', 'ciHigh']));
    expect(mts.ciLow).toBeGreaterThan(base.ciHigh);
  });
});
