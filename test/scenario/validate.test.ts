/** Scenario validation: every rule reports its path, the rule and the value received. */
import { describe, expect, it } from 'vitest';
import { parseScenarioText, validateScenario } from '../../src/scenario/validate.ts';
import { DEFAULT_SCENARIO } from '../../src/scenario/defaults.ts';

const problems = (input: unknown) => {
  const v = validateScenario(input);
  return v.ok ? [] : v.problems;
};

describe('a short file is a valid scenario', () => {
  it('{"version": 1} alone gives the default scenario', () => {
    const v = validateScenario({ version: 1 });
    expect(v.ok).toBe(true);
    if (v.ok) expect(v.scenario).toEqual(DEFAULT_SCENARIO);
  });

  it('a stated field overrides its default and leaves its siblings alone', () => {
    const v = validateScenario({ version: 1, insideSales: { headcount: 12 } });
    expect(v.ok && v.scenario.insideSales.headcount).toBe(12);
    expect(v.ok && v.scenario.insideSales.sqlRate).toBe(DEFAULT_SCENARIO.insideSales.sqlRate);
  });

  it('segments inherit the departments rates they do not state, and hires their department ramp', () => {
    const v = validateScenario({ version: 1, segments: [{ name: 'SMB', share: 1, skipFieldSales: true }], hiring: [{ department: 'fieldSales', day: 30, change: 2 }] });
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.scenario.segments[0]).toMatchObject({ sqlRate: 0.3, winRate: 0.22, skipFieldSales: true, cycleDays: DEFAULT_SCENARIO.fieldSales.cycleDays });
    expect(v.scenario.hiring[0].rampDays).toBe(150);
  });
});

describe('each rule has its message', () => {
  const cases: [string, unknown, string[]][] = [
    ['a negative headcount', { version: 1, insideSales: { headcount: -2 } }, ['insideSales.headcount: must be a number >= 0 in steps of 0.05, got -2']],
    ['a headcount off the FTE steps', { version: 1, insideSales: { headcount: 2.53 } }, ['insideSales.headcount: must be a number >= 0 in steps of 0.05, got 2.53']],
    ['a probability above 1', { version: 1, fieldSales: { winRate: 1.2 } }, ['fieldSales.winRate: must be a probability between 0 and 1, got 1.2']],
    ['a probability below 0', { version: 1, customerSuccess: { churnRate: -0.1 } }, ['customerSuccess.churnRate: must be a probability between 0 and 1, got -0.1']],
    ['NaN', { version: 1, insideSales: { sqlRate: NaN } }, ['insideSales.sqlRate: must be a probability between 0 and 1, got NaN']],
    ['Infinity', { version: 1, marketing: { leadsPerHeadPerWeek: Infinity } }, ['marketing.leadsPerHeadPerWeek: must be a number >= 0, got Infinity']],
    ['a negative time', { version: 1, insideSales: { workDays: -3 } }, ['insideSales.workDays: must be a number >= 0 or a distribution, got -3']],
    ['a negative mean time', { version: 1, fieldSales: { cycleDays: { kind: 'exponential', mean: -3 } } }, ['fieldSales.cycleDays.mean: must be a number > 0, got -3']],
    ['a negative patience', { version: 1, insideSales: { patienceDays: { kind: 'uniform', min: -1, max: 3 } } }, ['insideSales.patienceDays.min: must be a number >= 0, got -1']],
    ['an unknown key', { version: 1, insideSales: { headcont: 3 } }, ['insideSales.headcont: is not a known field (check the spelling)']],
    ['an unknown top-level key', { version: 1, horizon: 3 }, ['horizon: is not a known field (check the spelling)']],
    ['a missing version', {}, ['version: is required']],
    ['a newer version', { version: 4 }, ['version: must be 3 (the scenario format this app reads; it migrates versions 1 and 2), got 4']],
    ['a text for a number', { version: 1, insideSales: { headcount: '3' } }, ['insideSales.headcount: must be a number >= 0 in steps of 0.05, got "3"']],
    ['a lead mix not summing to 1', { version: 1, marketing: { mix: { buyingNow: 0.5, later: 0.6, never: 0.1 } } }, ['marketing.mix: shares must sum to 1 (got buyingNow + later + never = 1.2)']],
    ['segment shares not summing to 1', { version: 1, segments: [{ name: 'a', share: 0.5 }, { name: 'b', share: 0.3 }] }, ['segments: shares must sum to 1 (got 0.8)']],
    ['an unknown distribution kind', { version: 1, insideSales: { workDays: { kind: 'weibull', mean: 3 } } }, ['insideSales.workDays.kind: must be a number or a distribution with kind one of fixed, uniform, triangular, exponential, gamma, erlang, lognormal, empirical, got "weibull"']],
    ['a P90 below the mean', { version: 1, insideSales: { workDays: { kind: 'gamma', mean: 10, p90: 5 } } }, ['insideSales.workDays: p90 must be greater than mean (got mean 10, p90 5)']],
    ['both P90 and cv', { version: 1, insideSales: { workDays: { kind: 'lognormal', mean: 10, p90: 15, cv: 0.5 } } }, ['insideSales.workDays: give either p90 or cv, not both (got p90 15, cv 0.5)']],
    ['a decay curve going backwards', { version: 1, insideSales: { decay: { kind: 'curve', points: [[2, 1], [1, 0.5]] } } }, ['insideSales.decay.points: must have strictly increasing waitDays, got [[2,1],[1,0.5]]']],
    ['a hire in an unknown department', { version: 1, hiring: [{ department: 'sales', day: 10, change: 1 }] }, ['hiring[0].department: must be one of marketing, insideSales, fieldSales, customerSuccess, got "sales"']],
    ['seasonality of the wrong length', { version: 1, marketing: { seasonality: [1, 1] } }, ['marketing.seasonality: must be a list of 12 numbers >= 0 (January first), got [1,1]']],
    ['too many leads per replication', { version: 1, marketing: { headcount: 1000, leadsPerHeadPerWeek: 1000 } }, ['marketing: must create at most 5,000,000 leads per replication, got an expected 52,144,457 (lower headcount, leadsPerHeadPerWeek or programBudgetYenPerMonth, or shorten horizonDays)']],
  ];
  for (const [what, input, expected] of cases) {
    it(`${what}: ${expected[0]}`, () => expect(problems(input)).toEqual(expected));
  }

  it('every problem is reported at once, in the order of the file', () => {
    expect(problems({ version: 1, insideSales: { headcount: -1, sqlRate: 2 }, fieldSales: { winRate: -0.1 } })).toEqual([
      'insideSales.headcount: must be a number >= 0 in steps of 0.05, got -1',
      'insideSales.sqlRate: must be a probability between 0 and 1, got 2',
      'fieldSales.winRate: must be a probability between 0 and 1, got -0.1',
    ]);
  });
});

describe('file text', () => {
  it('a number too large for JSON (1e999 reads as Infinity) is refused', () => {
    expect(parseScenarioText('{"version": 1, "insideSales": {"headcount": 1e999}}')).toEqual({ ok: false, problems: ['insideSales.headcount: must be a number >= 0 in steps of 0.05, got Infinity'] });
  });
  it('broken JSON says where', () => {
    expect(parseScenarioText('{"version": 1,')).toEqual({ ok: false, problems: ['(file): must be valid JSON, got Expected double-quoted property name in JSON at position 14'] });
  });
  it('a file over 1 MB is refused before parsing', () => {
    expect(parseScenarioText(' '.repeat(1_000_001))).toEqual({ ok: false, problems: ['(file): must be at most 1 MB (1,000,000 bytes), got 1,000,001 bytes'] });
  });
});
