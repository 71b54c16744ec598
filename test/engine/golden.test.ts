/**
 * A golden result: three seeded replications of the baseline, pinned. A change
 * that moves these numbers changes what users see for the same scenario and seed:
 * if it is intended, update the pins and say why in the CHANGELOG. Pinned for
 * engine version 3 (counter-based lead streams; leads are the same, drawn from the
 * arrival stream, which did not change).
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
  }).toEqual({ leads: 7761.666666666667, mqls: 5698, sqls: 1645.3333333333333, won: 355.3333333333333, events: 56706 });
  expect(m.insideSales.utilisation.mean).toBeCloseTo(0.8179008464161454, 12);
  expect(m.revenue.arrEndYen.mean).toBeCloseTo(1722967218.1398864, 3);
  expect(m.revenue.bookingsYen.p50).toBeCloseTo(428767870.0415895, 3);
  expect(r.bottleneck.department).toBe('marketing');
  expect(r.target).toEqual({ arrYen: 1_750_000_000, probability: 1 / 3 });
});
