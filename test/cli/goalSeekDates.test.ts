/** The goal-seek report's calendar with the scenario's dates: 「2027年3月2日 (-30)」 in Japanese, an ISO date in English, the day of the plan beside it. */
import { describe, expect, it } from 'vitest';
import { formatGoalSeek } from '../../src/cli/goalSeekFormat.ts';
import type { GoalSeekResult, PlanReading } from '../../src/experiments/goalSeek.ts';
import { hiringCalendar, type CalendarEntry } from '../../src/montecarlo/hiringCalendar.ts';
import { dateOfDay } from '../../src/domain/calendar.ts';
import { wilsonInterval } from '../../src/montecarlo/binomial.ts';

const reading = (successes: number): PlanReading => ({ probability: wilsonInterval(successes, 40, 0.85), service: [], met: successes >= 34, replications: 40 });
const plan = [{ department: 'insideSales' as const, day: 0, change: 1, rampDays: 100, rampShape: 'linear' as const, from: 'start' as const }];
const result = {
  phase: 'verify',
  plan,
  path: [{ department: 'insideSales', change: 1, costYenPerYear: 8_000_000, valuePerMillionYen: 0.1, candidates: ['insideSales'], replications: 40, after: reading(36) }],
  timing: [],
  runs: 3,
  decided: 'met',
  status: 'met',
  reached: true,
  confidence: 0.85,
  target: { measure: 'won', atLeast: 10 },
  baseline: reading(10),
  added: { marketing: 0, insideSales: 1, fieldSales: 0, customerSuccess: 0 },
  costYenPerYear: 8_000_000,
  costYenInHorizon: 8_000_000,
  verification: { ...reading(36), seed: 's/goal-seek-verify' },
} as GoalSeekResult;

/** The calendar of the plan with 30 days to fill, dated from day 0 = 2027-04-01 (as calendarOf dates it). */
const dated = (): CalendarEntry[] =>
  hiringCalendar(plan, { timeToFillDays: 30, confidence: 0.85 }).map((e) => ({
    ...e,
    dates: { openBy: dateOfDay('2027-04-01', e.openByDay), start: dateOfDay('2027-04-01', e.startDay), productive: dateOfDay('2027-04-01', e.productiveDay) },
  }));

describe('formatGoalSeek: the calendar with dates', () => {
  it('in Japanese, each day is a date with the day of the plan beside it', () => {
    const report = formatGoalSeek('s', result, dated(), 10, 'ja');
    expect(report).toContain('求人を出す期限(日付・日目)');
    expect(report).toContain('2027年3月2日 (-30)');
    expect(report).toContain('2027年4月1日 (0)');
    expect(report).toContain('2027年7月10日 (100)');
  });

  it('the plan says from when as a month: the calendar month with the date of day 0, else the month of the plan', () => {
    const later = { ...result, plan: [{ ...plan[0], day: 91 }] } as GoalSeekResult;
    expect(formatGoalSeek('s', later, [], 10, 'ja', '2027-04-01')).toMatch(/インサイドセールス +\+1 +2027年7月から \(2027年7月1日\) +100/);
    expect(formatGoalSeek('s', { ...result, plan: [{ ...plan[0], day: 92 }] } as GoalSeekResult, [], 10, 'ja')).toMatch(/インサイドセールス +\+1 +4か月目から \(92日目\) +100/);
  });

  it('in English, ISO dates with the day beside them', () => {
    const report = formatGoalSeek('s', result, dated(), 10, 'en');
    expect(report).toContain('2027-03-02 (-30)');
    expect(report).toContain('2027-07-10 (100)');
  });

  it('without dates, the days alone, as before', () => {
    const report = formatGoalSeek('s', result, hiringCalendar(plan, { timeToFillDays: 30, confidence: 0.85 }), 10, 'en');
    expect(report).toContain('Open requisition by day');
    expect(report).not.toContain('2027');
  });

  it('a removal in the path and the plan is signed and has no ramp', () => {
    const removal = { ...result, plan: [{ ...plan[0], change: -2 }], path: [{ ...result.path[0], change: -1, costYenPerYear: -8_000_000 }] } as GoalSeekResult;
    const report = formatGoalSeek('s', removal, [], 10, 'en');
    expect(report).toMatch(/-1 Inside Sales +-¥8(\.00)?M +– /);
    expect(report).toMatch(/Inside Sales +-2 +from month 1 \(day 0\) +–/);
  });
});
