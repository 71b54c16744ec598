/** Problems said next to the field, in the UI's language, naming the field by its label. */
import { describe, expect, it } from 'vitest';
import { checkScenario, validateScenario, type Issue } from '../../src/scenario/validate.ts';
import { issueMessage } from '../../src/i18n/issues.ts';

const issuesOf = (input: unknown): Issue[] => {
  const v = checkScenario(input);
  return v.ok ? [] : v.issues;
};

describe('validation issues are structured', () => {
  it('carry the path, the rule, its parameters and the English line', () => {
    const [i] = issuesOf({ version: 1, targets: { arrYen: '15億x' } });
    expect(i).toMatchObject({ path: 'targets.arrYen', rule: 'number', params: { min: 0 }, typed: '15億x' });
    expect(i.text).toBe('targets.arrYen: must be a number >= 0, got "15億x"');
    const [p] = issuesOf({ version: 1, insideSales: { sqlRate: 1.5 } });
    expect(p).toMatchObject({ path: 'insideSales.sqlRate', rule: 'probability', got: '1.5' });
    expect(p.typed).toBeUndefined();
  });

  it('keep every English line as the problems list has it', () => {
    const input = { version: 1, insideSales: { headcount: -2 }, marketing: { mix: { buyingNow: 0.5, later: 0.6, never: 0.1 } } };
    const v = validateScenario(input);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(issuesOf(input).map((i) => i.text)).toEqual(v.problems);
  });
});

describe('issueMessage', () => {
  it('a percentage above 100 in Japanese: the label and 0〜100%', () => {
    const [p] = issuesOf({ version: 1, insideSales: { sqlRate: 1.5 } });
    expect(issueMessage(p, 'ja', { label: '商談化率', unit: 'percent' })).toBe('商談化率は0〜100%で入力してください。');
    expect(issueMessage(p, 'en', { label: 'SQL rate', unit: 'percent' })).toBe('SQL rate: enter a percentage from 0 to 100.');
  });

  it('text that is not a number: quoted, then what the field wants, no path', () => {
    const [i] = issuesOf({ version: 1, targets: { arrYen: 'たくさん' } });
    const ja = issueMessage(i, 'ja', { label: '目標ARR', unit: 'yen' });
    expect(ja).toBe('「たくさん」は数として読めません。目標ARRは0以上の数で入力してください。');
    expect(ja).not.toContain('targets');
  });

  it('ranges and limits in the field\'s units', () => {
    const [h] = issuesOf({ version: 1, horizonDays: 5 });
    expect(issueMessage(h, 'ja', { label: '期間(日)', unit: 'plain' })).toBe('期間(日)は7〜3,650の数で入力してください。');
    const [r] = issuesOf({ version: 1, replications: 0.5 });
    expect(issueMessage(r, 'en', { label: 'Replications', unit: 'plain' })).toBe('Replications: enter a whole number from 1 to 100,000.');
    const [c] = issuesOf({ version: 1, marketing: { programBudgetYenPerMonth: 2e12 } });
    expect(issueMessage(c, 'ja', { label: '施策予算', unit: 'yen' })).toBe('施策予算は10,000億円以下で入力してください。');
  });

  it('shares that do not add up, and too many leads, in words', () => {
    const [m] = issuesOf({ version: 1, marketing: { mix: { buyingNow: 0.5, later: 0.6, never: 0.1 } } });
    expect(issueMessage(m, 'ja', { label: 'リードの内訳', unit: 'percent' })).toBe('リードの内訳の割合は合計100%にしてください(今の合計は120%)。');
    const [l] = issuesOf({ version: 1, marketing: { headcount: 1000, leadsPerHeadPerWeek: 1000 } });
    expect(issueMessage(l, 'ja')).toContain('5,000,000件まで');
  });
});
