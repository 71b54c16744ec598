/**
 * The workshop's playback of a trace: at the horizon its counts are the
 * replication's own result (wins, losses by cause, churned accounts, leads waiting
 * and in work), whatever way it got there (forward in steps, back and forth).
 */
import { describe, expect, it } from 'vitest';
import { inlineRunner } from '../../../src/runner/inline.ts';
import { replay, replayPair } from '../../../src/experiments/replay.ts';
import { LOSS_CAUSES } from '../../../src/domain/lossCauses.ts';
import { Playback, REGION_COUNT, lossRegion } from '../../../src/ui/workshop/playback.ts';
import { libraryScenarios, scenarioOf } from '../../support/scenarios.ts';

const library = libraryScenarios();
const QUEUE_PLACES = ['isQueue', 'isService', 'fsQueue', 'fsService', 'csQueue', 'csService'] as const;

describe.each(['startup.json', 'marketing-too-strong.json'])('the playback of %s', async (file) => {
  const scenario = library.find((s) => s.file === file)!.scenario;
  const { trace } = await replay({ scenario, replication: 0 }, { runner: inlineRunner });
  const start = scenario.warmupDays, end = scenario.warmupDays + scenario.horizonDays;

  const expectResult = (p: Playback) => {
    const r = trace.result;
    const c = p.counts();
    expect(c.won).toBe(r.funnel.won);
    expect(c.churned).toBe(r.revenue.churnedAccounts);
    for (const cause of LOSS_CAUSES) expect(c.lost[cause], cause).toBe(r.funnel.lost[cause]);
    // A bin holds exactly the window's losses of its cause (the warm-up's are not drawn).
    for (const cause of LOSS_CAUSES) expect(p.size[lossRegion(cause)], cause).toBe(r.funnel.lost[cause]);
    for (const place of QUEUE_PLACES) expect(p.inPlace(place), place).toBe(r.population.live[place]);
    // Accounts in the book: onboarded, and won but waiting for or in onboarding.
    expect(p.inPlace('customer') + p.inPlace('csQueue') + p.inPlace('csService')).toBe(r.revenue.customersEnd);
  };

  it('ends at the replication result, played in weekly steps', () => {
    const p = new Playback(trace, start, end);
    expect(p.time).toBe(start);
    expect(p.counts().won).toBe(0);
    for (let t = start; t < end; t += 7) p.seek(t);
    p.seek(end);
    expectResult(p);
    expect(trace.result.funnel.won).toBeGreaterThan(0);
  });

  it('gives the same picture after going back and forth', () => {
    const p = new Playback(trace, start, end);
    p.seek(start + 200);
    const mid = { won: p.counts().won, size: [...p.size] };
    p.seek(end);
    p.seek(start + 200);
    expect({ won: p.counts().won, size: [...p.size] }).toEqual(mid);
    p.seek(start + 10);
    p.seek(end);
    expectResult(p);
  });

  it('keeps each region a dense list of its leads', () => {
    const p = new Playback(trace, start, end);
    p.seek(start + 100);
    for (let r = 0; r < REGION_COUNT; r++)
      for (let s = 0; s < p.size[r]; s++) {
        const lead = p.members[r][s];
        expect(p.regionOf[lead]).toBe(r);
        expect(p.slotOf[lead]).toBe(s);
      }
  });
});

describe('a pair of replays', () => {
  const draft = library.find((s) => s.file === 'marketing-too-strong.json')!.draft;
  const before = scenarioOf(draft);
  const after = scenarioOf({ ...draft, insideSales: { ...(draft.insideSales as object), headcount: 8 } });

  it('starts from the same leads (common random numbers)', async () => {
    const [a, b] = await replayPair({ before, after, replication: 0 }, { runner: inlineRunner });
    const arrivals = (x: typeof a.trace) => {
      const out: string[] = [];
      for (let i = 0; i < x.length && out.length < 500; i++) if (x.kind[i] === 0) out.push(`${x.t[i]}:${x.leadId[i]}`);
      return out;
    };
    expect(arrivals(a.trace)).toHaveLength(500);
    expect(arrivals(b.trace)).toEqual(arrivals(a.trace));
    expect(b.trace.result.funnel.lost.isAbandoned).toBeLessThan(a.trace.result.funnel.lost.isAbandoned);
  });

  it('refuses two scenarios that do not share their seed', async () => {
    await expect(replayPair({ before, after: { ...after, seed: 'other' }, replication: 0 }, { runner: inlineRunner })).rejects.toThrow(/seed/);
  });
});
