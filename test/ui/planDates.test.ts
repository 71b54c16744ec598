/** The editor's plan-date edits: the date of day 0 with its month, and a hire entered by date. */
import { describe, expect, it } from 'vitest';
import { hireDayOf, startDateEdits } from '../../src/ui/editor/dates.ts';
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
