/**
 * Issue 11, items 1-4 and 13: every input has a limit, validation names it, and
 * validation's cost does not grow with the values it is given.
 */
import { describe, expect, it } from 'vitest';
import { parseScenarioText, showValue, validateScenario } from '../../src/scenario/validate.ts';
import { LIMITS, showLimit } from '../../src/scenario/limits.ts';
import { DEPARTMENTS } from '../../src/scenario/types.ts';
import { simulateReplication } from '../../src/engine/simulate.ts';
import { scenarioOf } from '../support/scenarios.ts';

const problems = (input: unknown) => {
  const v = validateScenario(input);
  return v.ok ? [] : v.problems;
};

/** Sets `value` at `path` (dots; numbers index lists) in a fresh `{ version: 1 }` scenario. */
function withValue(path: string, value: unknown): Record<string, unknown> {
  const root: Record<string, unknown> = { version: 1 };
  const keys = path.split('.');
  let at: Record<string, unknown> = root;
  keys.slice(0, -1).forEach((k, i) => {
    const next = /^\d+$/.test(keys[i + 1]) ? [] : {};
    at[k] ??= next;
    at = at[k] as Record<string, unknown>;
  });
  at[keys.at(-1)!] = value;
  return root;
}

/** Shown paths write list indices as [i]. */
const shown = (path: string) => path.replace(/\.(\d+)/g, '[$1]');

describe('each limit: the value at the limit passes, one above is refused naming the field and the limit', () => {
  const cases: [string, number, Record<string, unknown>?][] = [
    ['marketing.headcount', LIMITS.headcount, { marketing: { leadsPerHeadPerWeek: 0 } }],
    ['insideSales.headcount', LIMITS.headcount],
    ['fieldSales.concurrentPerHead', LIMITS.concurrentPerHead],
    ['customerSuccess.costPerHeadYen', LIMITS.costPerHeadYen],
    ['marketing.costPerLeadYen', LIMITS.costPerLeadYen],
    ['fieldSales.acvYen', LIMITS.acvYen],
    ['fieldSales.acvYen.mean', LIMITS.acvYen, { fieldSales: { acvYen: { kind: 'exponential' } } }],
    ['customerSuccess.expansionShare.max', LIMITS.expansionShare, { customerSuccess: { expansionShare: { kind: 'uniform', min: 0 } } }],
    ['insideSales.workDays', LIMITS.durationDays],
    ['fieldSales.cycleDays.k', LIMITS.erlangK, { fieldSales: { cycleDays: { kind: 'erlang', mean: 60 } } }],
    ['customerSuccess.initialAccounts', LIMITS.initialAccounts],
    ['customerSuccess.contractMonths', LIMITS.contractMonths],
    ['hiring.0.rampDays', LIMITS.rampDays, { hiring: [{ department: 'insideSales', day: 0, change: 1 }] }],
    ['hiring.0.day', LIMITS.hireDay, { hiring: [{ department: 'insideSales', change: 1 }] }],
    ['marketing.campaigns.0.durationDays', LIMITS.campaignDurationDays, { marketing: { campaigns: [{ startDay: 0, extraLeads: 10 }] } }],
    ['targets.arrYen', LIMITS.targetArrYen],
  ];
  it.each(cases)('%s at %d', (path, limit, base = {}) => {
    const merge = (value: number) => {
      const s = structuredClone({ version: 1, ...base }) as Record<string, unknown>;
      const keys = path.split('.');
      let at = s as Record<string, unknown>;
      for (const k of keys.slice(0, -1)) at = (at[k] ??= {}) as Record<string, unknown>;
      at[keys.at(-1)!] = value;
      return s;
    };
    expect(problems(merge(limit))).toEqual([]);
    const above = Number.isInteger(limit) && limit < 1e15 ? limit + 1 : limit * 1.01;
    expect(problems(merge(above))).toEqual([`${shown(path)}: must be at most ${limit.toLocaleString('en-US')} (the limit of this field), got ${above}`]);
  });

  it('lists longer than their limit are refused before their items are read', () => {
    const hires = Array.from({ length: LIMITS.hires + 1 }, () => ({ department: 'insideSales', day: 0, change: 1 }));
    expect(problems({ version: 1, hiring: hires })[0]).toMatch(/^hiring: must hold at most 1,000 items/);
    expect(problems(withValue('marketing.campaigns', Array.from({ length: LIMITS.campaigns + 1 }, () => ({ startDay: 0, durationDays: 1, extraLeads: 1 }))))[0]).toMatch(
      /^marketing\.campaigns: must hold at most 1,000 items/,
    );
  });
});

describe('item 1: a long ramp neither hangs validation nor the engine', () => {
  it.each(DEPARTMENTS)('a %s hire with rampDays 1e12 is refused at once, naming rampDays and its limit', (department) => {
    expect(problems({ version: 1, hiring: [{ department, day: 0, change: 1, rampDays: 1e12 }] })).toEqual([
      `hiring[0].rampDays: must be at most 3,650 (the limit of this field), got 1000000000000`,
    ]);
  });

  it('a hire at the ramp limit in every department validates and runs one replication (does not hang)', () => {
    const hiring = DEPARTMENTS.map((department) => ({ department, day: 0, change: 2, rampDays: LIMITS.rampDays }));
    const s = scenarioOf({ version: 1, horizonDays: 60, seed: 'ramp', hiring });
    const r = simulateReplication(s, 0);
    // Day 60 of a 3650-day ramp: 2 x 60/3650 of a person more in IS, 12 slots of the default 6 x 2 whole.
    expect(r.insideSales.slotsEnd).toBe(Math.floor((s.insideSales.headcount + (2 * 60) / 3650) * s.insideSales.concurrentPerHead + 1e-9));
  }, 60_000);
});

describe('item 2: a campaign counts all its leads, however short', () => {
  it('a one-hour campaign of 4,000,000 leads on top of 1,500,000 is over the 5M limit', () => {
    const p = problems({ version: 1, marketing: { campaigns: [{ startDay: 10, durationDays: 1 / 24, extraLeads: 4_000_000 }], leadsPerHeadPerWeek: 0, programBudgetYenPerMonth: 1_500_000 * 15_000 / 12 } });
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^marketing: must create at most 5,000,000 leads per replication, got an expected 5,500,000 /);
  });

  it('durationDays below one hour is refused, naming the field and the limit', () => {
    expect(problems({ version: 1, marketing: { campaigns: [{ startDay: 10, durationDays: 1e-300, extraLeads: 10 }] } })).toEqual([
      'marketing.campaigns[0].durationDays: must be a number of days >= 0.0417 (one hour), got 1e-300',
    ]);
  });
});

describe('item 3 and 4: sizes and money that would exhaust memory or overflow are refused', () => {
  it('initialAccounts of 10,000,000 is refused (a worker ran out of memory on it)', () => {
    expect(problems({ version: 1, customerSuccess: { initialAccounts: 10_000_000 } })).toEqual([
      'customerSuccess.initialAccounts: must be at most 200,000 (the limit of this field), got 10000000',
    ]);
  });

  it('acvYen 1e308 is refused (it made ARR, bookings and cost null)', () => {
    expect(problems({ version: 1, fieldSales: { acvYen: 1e308 } })).toEqual(['fieldSales.acvYen: must be at most 100,000,000,000 (the limit of this field), got 1e+308']);
  });

  it('at the money limits, every revenue measure of a replication is finite', () => {
    const s = scenarioOf({
      version: 1,
      seed: 'money',
      horizonDays: 90,
      fieldSales: { acvYen: { kind: 'lognormal', mean: LIMITS.acvYen, cv: LIMITS.cv }, costPerHeadYen: LIMITS.costPerHeadYen, headcount: 50 },
      customerSuccess: { initialAccounts: 2_000, expansionRate: 1, expansionShare: LIMITS.expansionShare, contractMonths: 1 },
    });
    const r = simulateReplication(s, 0);
    for (const [k, x] of Object.entries(r.revenue)) for (const y of [x].flat()) if (y !== null) expect(Number.isFinite(y), k).toBe(true);
    expect(r.revenue.arrEndYen).toBeGreaterThan(0);
  }, 60_000);
});

describe('item 13: a decay-curve point is exactly [waitDays, multiplier]', () => {
  it.each([
    [[1, 1, 'junk']],
    [[1]],
  ])('%j is refused', (point) => {
    expect(problems({ version: 1, insideSales: { decay: { kind: 'curve', points: [point] } } })).toEqual([
      `insideSales.decay.points[0]: each point must be exactly [waitDays, multiplier], got ${JSON.stringify(point)}`,
    ]);
  });
});

describe('item 5: a value nested 100,000 deep is described, not a stack overflow', () => {
  it('"name" nested 100,000 lists deep gets a problem naming "name"', () => {
    const text = `{"version":1,"name":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(parseScenarioText(text)).toEqual({ ok: false, problems: ['name: must be a text, got [[[[[[[[[...]]]]]]]]]'] });
  });

  it('showValue writes ordinary values as JSON does, cut after 60 characters', () => {
    for (const x of [[1, 1], '3', { a: 1, b: [true, null] }, 'x'.repeat(100), Array.from({ length: 100 }, (_, i) => i), { k: 'é"\n' }]) {
      const json = JSON.stringify(x);
      expect(showValue(x)).toBe(json.length > 60 ? `${json.slice(0, 57)}...` : json);
    }
  });
});

describe('showLimit: the limits as the messages write them, without ICU', () => {
  it('writes every whole limit, and whole numbers around each grouping, as toLocaleString("en-US") does', () => {
    const whole = Object.values(LIMITS).filter((x) => Number.isInteger(x));
    const edges = [0, 1, 12, 999, 1_000, 9_999, 10_000, 123_456, 999_999, 1_000_000, 1_234_567_890, 1e15, 1e16, 123_456_789_012_345, -1, -1_000, -1_234_567];
    for (const x of [...whole, ...edges]) expect(showLimit(x), String(x)).toBe(x.toLocaleString('en-US'));
  });
  it('writes a fraction with at most 4 decimals and no trailing zeros', () => {
    expect(showLimit(1 / 24)).toBe('0.0417');
    expect(showLimit(0.5)).toBe('0.5');
    expect(showLimit(2.25)).toBe('2.25');
  });
});
