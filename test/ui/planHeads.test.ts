/** The hiring plan's summary in the editor counts heads by the domain's rule, the one the KPI table uses. */
import { describe, expect, it } from 'vitest';
import { countableChanges, endHeadsOnPaper } from '../../src/ui/editor/plan.ts';
import { plannedHeads } from '../../src/domain/headcount.ts';
import { validateScenario } from '../../src/scenario/validate.ts';

describe('heads at the horizon on paper, from a draft', () => {
  it('agree with the domain rule on a valid scenario, for every department', () => {
    const draft = {
      version: 3,
      horizonDays: 365,
      insideSales: { headcount: 4 },
      hiring: [
        { department: 'insideSales', day: 90, change: 2.5 },
        { department: 'insideSales', day: 365, change: 1 },
        { department: 'insideSales', day: 366, change: 5 },
        { department: 'fieldSales', day: 0, change: -2 },
      ],
    };
    const v = validateScenario(draft);
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    for (const d of ['marketing', 'insideSales', 'fieldSales', 'customerSuccess'] as const) expect(endHeadsOnPaper(draft, d)).toBe(plannedHeads(v.scenario, d));
    // A hire on the horizon's day counts, one after it does not.
    expect(endHeadsOnPaper(draft, 'insideSales')).toBe(7.5);
  });

  it('never fall below zero: more leaving than there are people leaves none (the engine pays no one, a sum said -1)', () => {
    const draft = { version: 3, marketing: { headcount: 1 }, hiring: [{ department: 'marketing', day: 30, change: -2 }] };
    expect(endHeadsOnPaper(draft, 'marketing')).toBe(0);
  });

  it('leave out a row still being typed, and count the rest', () => {
    const draft = { version: 3, customerSuccess: { headcount: 3 }, hiring: [
      { department: 'customerSuccess', day: 30, change: '+x' },
      { department: 'customerSuccess', day: 'soon', change: 1 },
      { department: 'customerSuccess', day: 60, change: 2 },
      null,
    ] };
    expect(countableChanges(draft)).toEqual([{ department: 'customerSuccess', day: 60, change: 2 }]);
    expect(endHeadsOnPaper(draft, 'customerSuccess')).toBe(5);
  });
});
