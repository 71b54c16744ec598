/**
 * Comparing two runs' lead draws. The engine draws a pass's numbers as the lead
 * reaches each step (a column is NaN from the pass's start until then), so two runs
 * of the same leads under different staffing agree on every draw both made.
 */
import { expect } from 'vitest';
import type { LeadTable } from '../../src/engine/leadTable.ts';

/** The pass draws the lead table keeps. */
const PASS_DRAWS = ['isWork', 'isU', 'fsU', 'fsCycle', 'acvYen', 'onboardDays'] as const;

/** Expects lead `id`'s pass draws in `b` to equal those in `a` wherever both runs drew them; returns how many were compared. */
export function expectSameDraws(a: LeadTable, b: LeadTable, id: number): number {
  let compared = 0;
  for (const column of PASS_DRAWS) {
    const x = a[column][id], y = b[column][id];
    if (Number.isNaN(x) || Number.isNaN(y)) continue;
    expect(y, `lead ${id}, ${column}`).toBe(x);
    compared++;
  }
  return compared;
}
