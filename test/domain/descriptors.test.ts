/** The department and loss-cause descriptors: complete, consistent with the scenario, and what every reader derives from them. */
import { describe, expect, it } from 'vitest';
import { DEPARTMENT_LIST, QUEUE_DEPARTMENT_LIST, department } from '../../src/domain/departments.ts';
import { LOSS_CAUSE_LIST, WAITING_LOSS_CAUSES, waitingLossesOf } from '../../src/domain/lossCauses.ts';
import { LOSS_CAUSES } from '../../src/engine/results.ts';
import { DEFAULT_SCENARIO } from '../../src/scenario/defaults.ts';
import { DEPARTMENTS } from '../../src/scenario/types.ts';
import { translate } from '../../src/i18n/messages.ts';
import { CARDS } from '../../src/ui/editor/fields.ts';
import { WAITING_LOSSES, HIRE_DEPARTMENTS } from '../../src/montecarlo/compare.ts';

const at = (root: unknown, path: readonly string[]) => path.reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], root);

describe('department descriptors', () => {
  it('list the four departments in flow order, Marketing the only one without a queue stage', () => {
    expect(DEPARTMENT_LIST.map((d) => d.key)).toEqual(['marketing', 'insideSales', 'fieldSales', 'customerSuccess']);
    expect(DEPARTMENT_LIST.map((d) => d.stage?.index ?? null)).toEqual([null, 0, 1, 2]);
    expect(QUEUE_DEPARTMENT_LIST.map((d) => d.key)).toEqual(['insideSales', 'fieldSales', 'customerSuccess']);
  });

  it.each(DEPARTMENT_LIST.flatMap((d) => d.fields.map((f) => [d.key, f.path.join('.')] as const)))('%s.%s is a field of the default scenario', (d, path) => {
    expect(at(DEFAULT_SCENARIO, [d, ...path.split('.')])).toBeDefined();
  });

  it('give every department a name in both languages and Okabe-Ito colours as shipped', () => {
    expect(DEPARTMENT_LIST.map((d) => [translate('en', d.label), translate('ja', d.label)])).toEqual([
      ['Marketing', 'マーケティング'],
      ['Inside Sales', 'インサイドセールス'],
      ['Field Sales', 'フィールドセールス'],
      ['Customer Success', 'カスタマーサクセス'],
    ]);
    expect(DEPARTMENT_LIST.map((d) => d.colour)).toEqual(['#E69F00', '#0072B2', '#009E73', '#CC79A7']);
  });

  it('give the editor the first screen it showed before, in the same order (queue order now folded with the other settings)', () => {
    expect(CARDS.map((c) => [c.department, c.fields.filter((f) => !f.advanced && !f.staffing).map((f) => f.path.join('.'))])).toEqual([
      ['marketing', ['marketing.headcount', 'marketing.leadsPerHeadPerWeek', 'marketing.programBudgetYenPerMonth', 'marketing.costPerLeadYen', 'marketing.mix.buyingNow', 'marketing.mix.later', 'marketing.mix.never', 'marketing.mqlNoiseShare']],
      ['insideSales', ['insideSales.headcount', 'insideSales.concurrentPerHead', 'insideSales.workDays', 'insideSales.sqlRate', 'insideSales.patienceDays', 'insideSales.decay']],
      ['fieldSales', ['fieldSales.headcount', 'fieldSales.concurrentPerHead', 'fieldSales.cycleDays', 'fieldSales.winRate', 'fieldSales.acvYen', 'fieldSales.patienceDays', 'fieldSales.decay']],
      ['customerSuccess', ['customerSuccess.headcount', 'customerSuccess.concurrentPerHead', 'customerSuccess.onboardingDays', 'customerSuccess.accountsPerHead', 'customerSuccess.churnRate', 'customerSuccess.overloadChurnPerUnit', 'customerSuccess.expansionRate']],
      ['run', ['horizonDays', 'warmupDays', 'startDate', 'replications', 'seed', 'targets.arrYen']],
    ]);
  });

  it('give every field of the scenario a place in the editor (issue 15)', () => {
    // Lists have their own editors (the hiring plan, campaigns, segments); name and
    // description are the scenario's title and text, edited where it is saved; the
    // lesson (issue 17) is the trainer's text for the workshop, written in the file.
    const LISTS = ['hiring', 'segments', 'marketing.campaigns'];
    const META = ['version', 'name', 'description', 'lesson'];
    const leaves: string[] = [];
    const walk = (x: unknown, path: string[]) => {
      const key = path.join('.');
      if (LISTS.includes(key) || META.includes(key)) return;
      // A distribution, a decay or a 12-month list is one field; so is a value.
      const isValue = x === null || typeof x !== 'object' || Array.isArray(x) || 'kind' in (x as object);
      if (isValue) leaves.push(key);
      else for (const [k, v] of Object.entries(x as object)) walk(v, [...path, k]);
    };
    walk(DEFAULT_SCENARIO, []);
    const edited = new Set(CARDS.flatMap((c) => c.fields.map((f) => f.path.join('.'))));
    expect(leaves.filter((l) => !edited.has(l))).toEqual([]);
  });

  it('are where next best hire takes its departments from', () => {
    expect(HIRE_DEPARTMENTS).toEqual(DEPARTMENTS);
  });
});

describe('loss-cause descriptors', () => {
  it('describe every cause of the engine, in its order, each in a department', () => {
    expect(LOSS_CAUSE_LIST.map((c) => c.cause)).toEqual([...LOSS_CAUSES]);
    for (const c of LOSS_CAUSE_LIST) expect(DEPARTMENTS).toContain(c.department);
  });

  it('mark as lost while waiting the six causes the comparison, charts, flow picture, bottleneck and CLI counted before', () => {
    const six = ['isAbandoned', 'isCold', 'fsAbandoned', 'fsCold', 'csAbandoned', 'churnOverload'];
    expect(WAITING_LOSS_CAUSES).toEqual(six);
    expect(WAITING_LOSSES).toEqual(six);
    expect(QUEUE_DEPARTMENT_LIST.map((d) => waitingLossesOf(d.key))).toEqual([['isAbandoned', 'isCold'], ['fsAbandoned', 'fsCold'], ['csAbandoned', 'churnOverload']]);
    expect(waitingLossesOf('marketing')).toEqual([]);
  });

  it('name each cause on screen and in the terminal report, in both languages', () => {
    for (const c of LOSS_CAUSE_LIST) {
      for (const lang of ['en', 'ja'] as const) {
        expect(translate(lang, c.label)).not.toBe('');
        expect(translate(lang, c.reportLabel)).not.toBe('');
      }
    }
    expect(translate('en', department('insideSales').stage.reportItems)).toBe('MQLs');
  });
});
