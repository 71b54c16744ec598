/**
 * A golden result: three seeded replications of the baseline, pinned. A change
 * that moves these numbers changes what users see for the same scenario and seed:
 * if it is intended, update the pins and say why in the CHANGELOG.
 */
import { expect, it } from 'vitest';
import { runInline } from '../../src/montecarlo/run.ts';
import { libraryScenarios } from '../support/scenarios.ts';

it('baseline, 3 replications, seed "golden": pinned funnel, events, utilisation and ARR', () => {
  const base = libraryScenarios().find((s) => s.file === 'baseline.json')!.scenario;
  const r = runInline({ ...base, replications: 3, seed: 'golden' });
  const m = r.measures;
  expect({
    leads: m.funnel.leads.mean,
    mqls: m.funnel.mqls.mean,
    sqls: m.funnel.sqls.mean,
    won: m.funnel.won.mean,
    events: m.events.mean,
  }).toEqual({ leads: 7902.666666666667, mqls: 5241, sqls: 1485, won: 299.3333333333333, events: 34079 });
  expect(m.insideSales.utilisation.mean).toBeCloseTo(0.747055689363389, 12);
  expect(m.revenue.arrEndYen.mean).toBeCloseTo(1123926776.3450973, 3);
  expect(m.revenue.bookingsYen.p50).toBeCloseTo(364279108.1861994, 3);
  expect(r.bottleneck.department).toBe('marketing');
  expect(r.target).toEqual({ arrYen: 1_150_000_000, probability: 0 });
});
