/**
 * First come, first served means by the current join: a lead that gave up, went
 * to nurture and came back joins the line again at its end, behind everyone who
 * joined after its first try.
 */
import { describe, expect, it } from 'vitest';
import { Stage } from '../../src/engine/stage.ts';
import { simulateReplication } from '../../src/engine/simulate.ts';
import { libraryScenarios, scenarioOf } from '../support/scenarios.ts';

describe('a re-joining lead waits behind those who joined after its first try', () => {
  it('in the stage: A joins, B joins, A gives up and joins again, C joins: the order is B, A, C', () => {
    const stage = new Stage('fifo', 0);
    const ticket = new Map<string, number>();
    const waiting = new Set<string>();
    const ids = ['A', 'B', 'C'];
    const join = (t: number, who: string) => {
      ticket.set(who, stage.enqueue(t, ids.indexOf(who)));
      waiting.add(who);
    };
    join(0, 'A');
    join(1, 'B');
    stage.giveUp(2, 2);
    waiting.delete('A');
    join(3, 'A');
    join(4, 'C');
    const isWaiting = (id: number, t: number) => waiting.has(ids[id]) && ticket.get(ids[id]) === t;
    const order: string[] = [];
    for (let i = 0; i < 3; i++) {
      const id = stage.dequeue(5, isWaiting);
      order.push(ids[id]);
      waiting.delete(ids[id]);
    }
    expect(order).toEqual(['B', 'A', 'C']);
    expect(stage.dequeue(5, isWaiting)).toBe(-1);
  });

  it('in a run: a FIFO Inside Sales starts leads in the order of their current join (Marketing too strong, first come first served, half of those who give up recycled, 14-day nurture)', () => {
    const base = libraryScenarios().find((s) => s.file === 'marketing-too-strong.json')!.draft;
    const insideSales = base.insideSales as Record<string, unknown>;
    const scenario = scenarioOf({
      ...base,
      insideSales: { ...insideSales, abandonRecycleShare: 0.5, discipline: 'fifo' },
      marketing: { ...(base.marketing as object), nurtureDays: 14, nurtureReturnShare: 1 },
    });
    let starts = 0, outOfOrder = 0, rejoins = 0, lastJoin = -Infinity;
    const joins = new Map<number, number>();
    simulateReplication(scenario, 0, {
      onStart: (t, k, id, wait) => {
        if (k !== 0) return;
        const joined = t - wait;
        starts++;
        if (joins.has(id)) rejoins++;
        joins.set(id, joined);
        if (joined < lastJoin - 1e-9) outOfOrder++;
        lastJoin = Math.max(lastJoin, joined);
      },
    });
    // The case must exercise re-joins, or the check says nothing.
    expect(rejoins).toBeGreaterThan(100);
    expect(starts).toBeGreaterThan(1000);
    expect(outOfOrder).toBe(0);
  });
});
