/**
 * Issue 17, item 4: a lesson per library scenario, stored with the scenario
 * (`lesson`, Japanese and English), optional for any other file and checked as
 * strictly as the rest of the format.
 */
import { describe, expect, it } from 'vitest';
import { parseScenarioText, validateScenario } from '../../src/scenario/validate.ts';
import { LIMITS } from '../../src/scenario/limits.ts';
import { libraryScenarios } from '../support/scenarios.ts';

const problems = (input: unknown) => {
  const v = validateScenario(input);
  return v.ok ? [] : v.problems;
};

/** A complete lesson, as a trainer would write one. */
const LESSON = {
  summary: { ja: '需要が制約です。', en: 'Demand is the limit.' },
  measure: 'won',
  question: { ja: '受注件数は?', en: 'How many deals?' },
  fixQuestion: { ja: '1人増やすと?', en: 'With one more?' },
  bounds: [100, 200],
  fix: { department: 'insideSales', add: 1 },
  orid: {
    o: { ja: '何を見ましたか?', en: 'What did you see?' },
    r: { ja: '何を感じましたか?', en: 'How did it feel?' },
    i: { ja: 'なぜでしょう?', en: 'Why?' },
    d: { ja: '何をしますか?', en: 'What will we do?' },
  },
};

describe('a lesson stored with the scenario', () => {
  it('is in every library file, each text in Japanese and English', () => {
    const library = libraryScenarios();
    expect(library.length).toBeGreaterThan(0);
    for (const { file, scenario } of library) {
      const l = scenario.lesson;
      expect(l, file).not.toBeNull();
      const texts = [l!.summary, l!.question, l!.fixQuestion, l!.orid.o, l!.orid.r, l!.orid.i, l!.orid.d];
      for (const text of texts) {
        expect(text.ja.trim(), file).not.toBe('');
        expect(text.en.trim(), file).not.toBe('');
        // Japanese text is Japanese: it holds kana or kanji; the English one holds none but the terms it quotes.
        expect(text.ja, file).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
        expect(text.en, file).toMatch(/[A-Za-z]{3}/);
      }
    }
  });

  it('is optional: a file without one has none (null)', () => {
    const v = validateScenario({ version: 2 });
    expect(v.ok && v.scenario.lesson).toBeNull();
    const n = validateScenario({ version: 2, lesson: null });
    expect(n.ok && n.scenario.lesson).toBeNull();
  });

  it('is read as written when a trainer writes one', () => {
    const v = validateScenario({ version: 2, lesson: LESSON });
    expect(v.ok && v.scenario.lesson).toEqual(LESSON);
  });

  it('is refused when malformed, each problem naming its path', () => {
    /** Problems of the lesson with the value at dotted `path` set to `value` (undefined: removed). */
    const bad = (path: string, value: unknown) => {
      const l = structuredClone(LESSON) as Record<string, unknown>;
      const keys = path.split('.');
      const at = keys.slice(0, -1).reduce((o, k) => o[k] as Record<string, unknown>, l);
      if (value === undefined) delete at[keys.at(-1)!];
      else at[keys.at(-1)!] = value;
      return problems({ version: 2, lesson: l });
    };
    expect(bad('summary.ja', undefined)).toEqual(['lesson.summary.ja: is required']);
    expect(bad('question.en', '')).toEqual(['lesson.question.en: must not be empty, got ""']);
    expect(bad('orid.r.ja', 42)).toEqual(['lesson.orid.r.ja: must be a text, got 42']);
    expect(bad('summary.fr', 'Le client')).toEqual(['lesson.summary.fr: is not a known field (check the spelling)']);
    expect(bad('measure', 'revenue')).toEqual(['lesson.measure: must be one of won, arrEndYen, lostWhileWaiting, got "revenue"']);
    expect(bad('bounds', [200, 100])).toEqual(['lesson.bounds: must be strictly increasing, got [200,100]']);
    expect(bad('bounds', [])).toEqual(['lesson.bounds: must hold at least one bound (two choices), got []']);
    expect(bad('fix.department', 'sales')).toEqual(['lesson.fix.department: must be one of marketing, insideSales, fieldSales, customerSuccess, got "sales"']);
    expect(bad('fix.add', 0)).toEqual(['lesson.fix.add: must be a whole number >= 1, got 0']);
    expect(problems({ version: 2, lesson: 'Demand is the limit.' })[0]).toMatch(/^lesson: /);
  });

  it('keeps its texts and bounds within their limits', () => {
    const long = 'x'.repeat(LIMITS.lessonTextChars);
    expect(problems({ version: 2, lesson: { ...LESSON, summary: { ja: long, en: long } } })).toEqual([]);
    expect(problems({ version: 2, lesson: { ...LESSON, summary: { ja: long + 'x', en: 'ok' } } })[0]).toMatch(
      new RegExp(`^lesson\\.summary\\.ja: must be at most ${LIMITS.lessonTextChars.toLocaleString('en-US')} characters long`),
    );
    const many = Array.from({ length: LIMITS.lessonBounds + 1 }, (_, i) => i);
    expect(problems({ version: 2, lesson: { ...LESSON, bounds: many } })[0]).toMatch(/^lesson\.bounds: must hold at most 10 items/);
  });

  it('is refused in a file with the path named, as the CLI and the app show it', () => {
    const text = JSON.stringify({ version: 2, lesson: { ...LESSON, orid: { ...LESSON.orid, d: { ja: '何をしますか?' } } } });
    const v = parseScenarioText(text);
    expect(v.ok).toBe(false);
    expect(!v.ok && v.problems).toEqual(['lesson.orid.d.en: is required']);
  });
});
