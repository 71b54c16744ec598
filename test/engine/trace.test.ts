/**
 * The trace for animation: replaying its transitions lead by lead ends where the
 * replication's own counts say (wins, losses by cause, churn, starts, recycles, the
 * population at the horizon), and observing changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { simulateReplication, traceReplication } from '../../src/engine/simulate.ts';
import { LIVE_STATES, LOSS_CAUSES, type LossCause } from '../../src/engine/results.ts';
import type { Place, Transition } from '../../src/engine/trace.ts';
import { libraryScenarios } from '../support/scenarios.ts';

const library = libraryScenarios();

describe.each(['baseline.json', 'is-complete.json'])('the trace of %s, replication 0', (file) => {
  const scenario = library.find((s) => s.file === file)!.scenario;
  const { result, trace } = traceReplication(scenario, 0);
  const all: Transition[] = trace.all();
  const t0 = scenario.warmupDays;
  const inWindow = all.filter((x) => x.t >= t0);
  const count = (xs: Transition[], test: (x: Transition) => boolean) => xs.reduce((n, x) => n + (test(x) ? 1 : 0), 0);

  it('changes nothing in the result', () => {
    expect(JSON.stringify(result)).toBe(JSON.stringify(simulateReplication(scenario, 0)));
    expect(all.length).toBeGreaterThan(10_000);
  });

  it('is in time order, and each transition leaves the place where the lead was', () => {
    const place = new Map<number, Place>();
    let last = -Infinity, backwards = 0, mismatches = 0, stays = 0, causeWrong = 0;
    for (const x of all) {
      if (x.t < last) backwards++;
      last = x.t;
      if ((place.get(x.leadId) ?? 'new') !== x.from) mismatches++;
      place.set(x.leadId, x.to);
      if (x.from === x.to) stays++;
      if ((x.cause !== undefined) !== (x.to === 'lost')) causeWrong++;
    }
    expect({ backwards, mismatches, stays, causeWrong }).toEqual({ backwards: 0, mismatches: 0, stays: 0, causeWrong: 0 });
  });

  it('ends with the population at the horizon: created, live by state, lost by cause', () => {
    const place = new Map<number, Place>();
    const cause = new Map<number, LossCause>();
    const initial = new Set<number>();
    for (const x of all) {
      if (x.kind === 'arrive' && x.to === 'customer') initial.add(x.leadId);
      place.set(x.leadId, x.to);
      if (x.cause) cause.set(x.leadId, x.cause);
    }
    const leads = [...place.keys()].filter((id) => !initial.has(id));
    expect(leads.length).toBe(result.population.created);
    for (const state of LIVE_STATES) expect(leads.filter((id) => place.get(id) === state).length, state).toBe(result.population.live[state]);
    for (const c of LOSS_CAUSES) expect(leads.filter((id) => place.get(id) === 'lost' && cause.get(id) === c).length, c).toBe(result.population.lost[c]);
  });

  it('counts in the window the wins, losses by cause, churned accounts, starts and recycles of the result', () => {
    const won = count(inWindow, (x) => x.kind === 'convert' && (x.to === 'csQueue' || x.to === 'csService'));
    expect(won).toBe(result.funnel.won);
    expect(won).toBeGreaterThan(0);
    for (const c of LOSS_CAUSES) expect(count(inWindow, (x) => x.cause === c), c).toBe(result.funnel.lost[c]);
    const churned = count(inWindow, (x) => x.kind === 'churn');
    expect(churned).toBe(result.revenue.churnedAccounts);
    expect(churned).toBeGreaterThan(0);
    expect(count(inWindow, (x) => x.to === 'isService')).toBe(result.insideSales.starts);
    expect(count(inWindow, (x) => x.to === 'fsService')).toBe(result.fieldSales.starts);
    expect(count(inWindow, (x) => x.to === 'csService')).toBe(result.customerSuccess.starts);
    expect(count(inWindow, (x) => x.kind === 'recycle' && x.department === 'insideSales')).toBe(result.insideSales.recycled);
    expect(count(inWindow, (x) => x.kind === 'recycle' && x.department === 'fieldSales')).toBe(result.fieldSales.recycled);
    expect(count(inWindow, (x) => x.kind === 'convert' && x.department === 'customerSuccess')).toBe(result.customerSuccess.conversions);
  });
});

it('the object observer sees the same transitions as the recorder', () => {
  const scenario = library.find((s) => s.file === 'startup.json')!.scenario;
  const seen: Transition[] = [];
  simulateReplication(scenario, 1, { onTransition: (x) => seen.push(x) });
  expect(seen).toEqual(traceReplication(scenario, 1).trace.all());
});
