/** Scenario format 3: headcounts and hires in FTE (steps of 0.05), and the date of day 0. */
import { describe, expect, it } from 'vitest';
import { checkScenario, validateScenario } from '../../src/scenario/validate.ts';
import { issueMessage } from '../../src/i18n/issues.ts';

const problems = (input: unknown) => {
  const v = validateScenario(input);
  return v.ok ? [] : v.problems;
};

describe('people in full-time equivalents', () => {
  it('a headcount may be 0.5, 1.5, 0.05 or 0.15 (steps of 0.05, whatever the rounding of 0.15 / 0.05)', () => {
    for (const headcount of [0, 0.05, 0.15, 0.5, 1.5, 2.35, 12]) {
      const v = validateScenario({ version: 3, insideSales: { headcount }, marketing: { headcount } });
      expect(v.ok && [v.scenario.insideSales.headcount, v.scenario.marketing.headcount]).toEqual([headcount, headcount]);
    }
  });

  it('a headcount off the steps or below 0 is refused, naming the field', () => {
    expect(problems({ version: 3, fieldSales: { headcount: 0.33 } })).toEqual(['fieldSales.headcount: must be a number >= 0 in steps of 0.05, got 0.33']);
    expect(problems({ version: 3, customerSuccess: { headcount: -0.5 } })).toEqual(['customerSuccess.headcount: must be a number >= 0 in steps of 0.05, got -0.5']);
  });

  it('a hire may be a fraction; a removal must be whole people', () => {
    const v = validateScenario({ version: 3, hiring: [{ department: 'insideSales', day: 30, change: 1.5 }, { department: 'fieldSales', day: 60, change: -2 }] });
    expect(v.ok && v.scenario.hiring.map((h) => h.change)).toEqual([1.5, -2]);
    expect(problems({ version: 3, hiring: [{ department: 'insideSales', day: 30, change: -0.5 }] })).toEqual(['hiring[0].change: must be a whole number when negative (a removal is of whole people), got -0.5']);
    expect(problems({ version: 3, hiring: [{ department: 'insideSales', day: 30, change: 0.42 }] })).toEqual(['hiring[0].change: must be a number in steps of 0.05, got 0.42']);
  });

  it('the app says the headcount rule in the UI language, naming the field by its label', () => {
    const v = checkScenario({ version: 3, insideSales: { headcount: 0.33 } });
    if (v.ok) throw new Error('expected a problem');
    const [issue] = v.issues;
    expect(issueMessage(issue, 'ja', { label: '人数', unit: 'plain' })).toBe('人数は0以上の0.05刻みの数で入力してください。');
    expect(issueMessage(issue, 'en', { label: 'Headcount', unit: 'plain' })).toBe('Headcount: enter a number of 0 or more in steps of 0.05.');
  });
});

describe('the date of day 0 (startDate)', () => {
  it('is null by default, and an existing date is kept', () => {
    const none = validateScenario({ version: 3 });
    expect(none.ok && none.scenario.startDate).toBe(null);
    const v = validateScenario({ version: 3, startDate: '2027-04-01' });
    expect(v.ok && v.scenario.startDate).toBe('2027-04-01');
  });

  it('sets the calendar month of day 0 when the file names none; both must agree when it does', () => {
    const v = validateScenario({ version: 3, startDate: '2027-07-15' });
    expect(v.ok && v.scenario.marketing.startMonth).toBe(7);
    const agree = validateScenario({ version: 3, startDate: '2027-07-15', marketing: { startMonth: 7 } });
    expect(agree.ok).toBe(true);
    expect(problems({ version: 3, startDate: '2027-07-15', marketing: { startMonth: 4 } })).toEqual(['marketing.startMonth: must be the month of startDate (7), got 4']);
  });

  it('refuses a date that does not exist or is not written YYYY-MM-DD', () => {
    const rule = 'must be a date written YYYY-MM-DD (a day that exists, in 1900-2200), or null';
    expect(problems({ version: 3, startDate: '2027-02-29' })).toEqual([`startDate: ${rule}, got "2027-02-29"`]);
    expect(problems({ version: 3, startDate: '2027/04/01' })).toEqual([`startDate: ${rule}, got "2027/04/01"`]);
    expect(problems({ version: 3, startDate: 20270401 })).toEqual(['startDate: must be a date written YYYY-MM-DD, or null, got 20270401']);
  });
});
