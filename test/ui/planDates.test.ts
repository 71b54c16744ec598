/** The editor's plan-date edits: the date of day 0 with its month, and a hire entered by date. */
import { describe, expect, it } from 'vitest';
import { hireDayEdit, hireDayOf, planDates, startDateEdits } from '../../src/ui/editor/dates.ts';
import { setAt } from '../../src/ui/editor/draft.ts';
import { validateScenario } from '../../src/scenario/validate.ts';

describe('the date of day 0 in the editor', () => {
  it('sets the calendar month first, then the date, so every intermediate draft is valid', () => {
    const edits = startDateEdits('2027-07-01');
    expect(edits).toEqual([[['marketing', 'startMonth'], 7], [['startDate'], '2027-07-01']]);
    let draft: Record<string, unknown> = { version: 3, marketing: { startMonth: 4 } };
    for (const [path, value] of edits) {
      draft = setAt(draft, path, value) as Record<string, unknown>;
      expect(validateScenario(draft).ok).toBe(true);
    }
    const v = validateScenario(draft);
    expect(v.ok && [v.scenario.startDate, v.scenario.marketing.startMonth]).toEqual(['2027-07-01', 7]);
  });

  it('an empty input clears the date; other text is kept for validation to name', () => {
    expect(startDateEdits('')).toEqual([[['startDate'], null]]);
    expect(startDateEdits('2027-02-30')).toEqual([[['startDate'], '2027-02-30']]);
  });

  it('a hire entered by date is the day of the plan from day 0', () => {
    expect(hireDayOf('2027-04-01', '2027-07-01')).toBe(91);
    expect(hireDayOf('2027-04-01', '2027-04-01')).toBe(0);
    expect(hireDayOf('2027-04-01', '2027-03-31')).toBe(-1);
    expect(hireDayOf(null, '2027-07-01')).toBe(null);
    expect(hireDayOf('2027-04-01', '')).toBe(null);
  });
});

describe('two dates that are not dates at once (the date of day 0 and a hire date)', () => {
  it('the plan keeps its dates from the last valid date of day 0 while the draft’s is text, so the rows never fall back to months', () => {
    expect(planDates('2027-04-01', '2027-01-01')).toEqual({ anchor: '2027-04-01', typed: null });
    expect(planDates('2027/13/01', '2027-04-01')).toEqual({ anchor: '2027-04-01', typed: '2027/13/01' });
    // No valid date ever: the plan was by month, and stays so.
    expect(planDates('2027/13/01', undefined)).toEqual({ anchor: null, typed: '2027/13/01' });
    expect(planDates(null, '2027-04-01')).toEqual({ anchor: null, typed: null });
    expect(planDates('', '2027-04-01')).toEqual({ anchor: null, typed: null });
  });

  it('a hire date typed meanwhile is kept: a date as its ISO date, other text as typed', () => {
    expect(hireDayEdit(null, '2027年7月1日', '2027/13/01')).toBe('2027-07-01');
    expect(hireDayEdit(null, ' 2027/02/30 ', '2027/13/01')).toBe('2027/02/30');
    // With a valid date of day 0, as before.
    expect(hireDayEdit('2027-04-01', '2027/07/01')).toBe(91);
  });

  it('once the date of day 0 reads, the hires dated meanwhile become their days from it; the others are left alone', () => {
    const hiring = [
      { department: 'insideSales', day: '2027-07-01', change: 1 },
      { department: 'insideSales', day: 30, change: 1 },
      { department: 'fieldSales', day: '2027/02/30', change: 1 },
    ];
    const edits = startDateEdits('2027/05/01', hiring);
    expect(edits.slice(0, 2)).toEqual([[['marketing', 'startMonth'], 5], [['startDate'], '2027-05-01']]);
    expect(edits[2]).toEqual([['hiring'], [{ ...hiring[0], day: 61 }, hiring[1], hiring[2]]]);
    expect(startDateEdits('2027/05/01', [hiring[1]])).toHaveLength(2);
  });
});
