/**
 * A golden result: three seeded replications of the baseline, pinned. A change
 * that moves these numbers changes what users see for the same scenario and seed:
 * if it is intended, update the pins and say why in the CHANGELOG. Pinned for
 * engine version 7 (the samplers: ziggurats for the normal and the exponential,
 * the arrival process's gaps included, so the leads too moved within noise).
 */
import { expect, it } from 'vitest';
import { runInline } from '../../src/runner/inline.ts';
import { libraryScenarios } from '../support/scenarios.ts';

it('baseline, 3 replications, seed "golden": pinned funnel, events, utilisation and ARR', () => {
  const base = libraryScenarios().find((s) => s.file === 'baseline.json')!.scenario;
  const r = runInline({ ...base, replications: 3, seed: 'golden' }).result;
  const m = r.measures;
  expect({
    leads: m.funnel.leads.mean,
    mqls: m.funnel.mqls.mean,
    sqls: m.funnel.sqls.mean,
    won: m.funnel.won.mean,
    events: m.events.mean,
  }).toEqual({ leads: 7796, mqls: 5630.333333333333, sqls: 1584, won: 350.3333333333333, events: 56597.666666666664 });
  expect(m.insideSales.utilisation.mean).toBeCloseTo(0.8113866818670763, 12);
  expect(m.revenue.arrEndYen.mean).toBeCloseTo(1727337896.5002024, 3);
  expect(m.revenue.bookingsYen.p50).toBeCloseTo(412741995.43346137, 3);
  expect(r.bottleneck.department).toBe('marketing');
  expect(r.target).toEqual({ arrYen: 1_750_000_000, probability: 1 / 3 });
});
