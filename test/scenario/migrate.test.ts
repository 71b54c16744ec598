/** Scenario format version 3 and the migration of version 1 and 2 files, links and saved drafts. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenarioText, validateScenario } from '../../src/scenario/validate.ts';
import { migrateDraft } from '../../src/scenario/migrate.ts';
import { DEFAULT_SCENARIO } from '../../src/scenario/defaults.ts';
import { SCENARIO_VERSION } from '../../src/scenario/types.ts';
import { runInline } from '../../src/runner/inline.ts';

const root = join(import.meta.dirname, '../..');

describe('scenario format version 3 (version 2 fields)', () => {
  it('is the current version, and a version 3 file is not said to be migrated', () => {
    expect(SCENARIO_VERSION).toBe(3);
    const v = validateScenario({ version: 3 });
    expect(v.ok && v.migratedFrom).toBe(null);
    if (v.ok) expect(v.scenario).toEqual(DEFAULT_SCENARIO);
  });

  it('every department has its staffing by chance, with no attrition and a backfill by default; IS and FS ramp as published', () => {
    for (const d of ['marketing', 'insideSales', 'fieldSales', 'customerSuccess'] as const) {
      expect(DEFAULT_SCENARIO[d]).toMatchObject({ attritionPerYear: 0, backfill: true, rampShape: 'linear' });
      expect(DEFAULT_SCENARIO[d].timeToFillDays).toEqual({ kind: 'lognormal', mean: 60, p90: 100 });
    }
    expect(DEFAULT_SCENARIO.insideSales.rampDays).toBe(100);
    expect(DEFAULT_SCENARIO.fieldSales.rampDays).toBe(145);
  });

  it('a version 2 hire takes its ramp from its department, starts on its day unless dated by requisition', () => {
    const v = validateScenario({
      version: 2,
      fieldSales: { rampDays: 120, rampShape: 'ladder' },
      hiring: [
        { department: 'fieldSales', day: 30, change: 2 },
        { department: 'insideSales', day: 10, change: 1, rampDays: 20, from: 'requisition' },
      ],
    });
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.scenario.hiring).toEqual([
      { department: 'fieldSales', day: 30, change: 2, rampDays: 120, rampShape: 'ladder', from: 'start' },
      { department: 'insideSales', day: 10, change: 1, rampDays: 20, rampShape: 'linear', from: 'requisition' },
    ]);
  });

  it('new fields are checked like the others', () => {
    const v = validateScenario({ version: 2, insideSales: { attritionPerYear: -1, backfill: 'yes', rampShape: 'steps' }, hiring: [{ department: 'fieldSales', day: 0, change: 1, from: 'offer' }] });
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.problems).toEqual([
      'insideSales.attritionPerYear: must be a number >= 0, got -1',
      'insideSales.backfill: must be true or false, got "yes"',
      'insideSales.rampShape: must be one of linear, ladder, got "steps"',
      'hiring[0].from: must be one of start, requisition, got "offer"',
    ]);
  });
});

describe('a version 1 file is migrated on load', () => {
  it('says so, and keeps its hires ramping as version 1 did (IS 95 days, FS 150), unless they state a ramp', () => {
    const v1 = { version: 1, hiring: [{ department: 'insideSales', day: 90, change: 4 }, { department: 'fieldSales', day: 180, change: 3 }, { department: 'fieldSales', day: 200, change: 1, rampDays: 10 }] };
    const v = validateScenario(v1);
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.migratedFrom).toBe(1);
    expect(v.scenario.version).toBe(3);
    expect(v.scenario.hiring.map((h) => h.rampDays)).toEqual([95, 150, 10]);
    // The input is not changed.
    expect(v1.hiring[0]).toEqual({ department: 'insideSales', day: 90, change: 4 });
  });

  it('a version 3 draft or anything else passes through unchanged', () => {
    const d = { version: 3, hiring: [] };
    expect(migrateDraft(d)).toEqual({ value: d, migratedFrom: null });
    expect(migrateDraft('x')).toEqual({ value: 'x', migratedFrom: null });
  });

  it('a version 1 file of the library gives the same results as its version 3 file (golden numbers unchanged)', () => {
    const text = readFileSync(join(root, 'scenarios/marketing-too-strong.json'), 'utf8');
    const v2 = parseScenarioText(text);
    const v1 = parseScenarioText(text.replace('"version": 3', '"version": 1'));
    expect(v1.ok && v1.migratedFrom).toBe(1);
    expect(v2.ok && v2.migratedFrom).toBe(null);
    if (!v1.ok || !v2.ok) return;
    expect(v1.scenario).toEqual(v2.scenario);
    const small = (s: typeof v1.scenario) => ({ ...s, replications: 2, seed: 'migrate', warmupDays: 60, horizonDays: 120 });
    expect(runInline(small(v1.scenario)).result.measures).toEqual(runInline(small(v2.scenario)).result.measures);
  });

  it('a version 1 plan with hires gives the numbers of version 1', () => {
    const plan = [{ department: 'insideSales', day: 20, change: 2 }, { department: 'fieldSales', day: 40, change: -3 }];
    const v1 = validateScenario({ version: 1, horizonDays: 120, replications: 2, seed: 'plan', hiring: plan });
    const explicit = validateScenario({ version: 2, horizonDays: 120, replications: 2, seed: 'plan', hiring: [{ ...plan[0], rampDays: 95 }, { ...plan[1], rampDays: 150 }] });
    if (!v1.ok || !explicit.ok) throw new Error('invalid');
    expect(runInline(v1.scenario).result.measures).toEqual(runInline(explicit.scenario).result.measures);
  });
});

describe('a version 2 file is migrated to version 3 (fractional people, start date)', () => {
  it('only its version changes: same scenario, said to be migrated from 2', () => {
    const v2 = { version: 2, insideSales: { headcount: 3 }, hiring: [{ department: 'fieldSales', day: 30, change: 2 }] };
    const m = migrateDraft(v2);
    expect(m).toEqual({ value: { ...v2, version: 3 }, migratedFrom: 2 });
    // The input is not changed.
    expect(v2.version).toBe(2);
    const v = validateScenario(v2);
    const v3 = validateScenario({ ...v2, version: 3 });
    expect(v.ok && v.migratedFrom).toBe(2);
    if (!v.ok || !v3.ok) throw new Error('invalid');
    expect(v.scenario).toEqual(v3.scenario);
    expect(v.scenario.startDate).toBe(null);
  });

  it('every library file read as version 2 gives the scenario of its version 3 file', () => {
    for (const f of ['baseline', 'startup', 'is-complete']) {
      const text = readFileSync(join(root, `scenarios/${f}.json`), 'utf8');
      const now = parseScenarioText(text);
      const old = parseScenarioText(text.replace('"version": 3', '"version": 2'));
      expect(old.ok && old.migratedFrom).toBe(2);
      if (!now.ok || !old.ok) throw new Error('invalid');
      expect(old.scenario).toEqual(now.scenario);
    }
  });

  it('version 1 reaches version 3 in one go, its hires keeping their version 1 ramps', () => {
    const v = validateScenario({ version: 1, hiring: [{ department: 'insideSales', day: 90, change: 4 }] });
    expect(v.ok && v.migratedFrom).toBe(1);
    if (!v.ok) return;
    expect(v.scenario.version).toBe(3);
    expect(v.scenario.hiring[0].rampDays).toBe(95);
  });

});
