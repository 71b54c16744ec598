/**
 * The workshop's lessons: one per library scenario, both languages, choices that
 * cover every value once, and addresses that open the workshop as asked.
 */
import { describe, expect, it } from 'vitest';
import { LESSONS, choiceText, choicesOf, lessonOf } from '../../../src/ui/workshop/lessons.ts';
import { isWorkshopHash, parseWorkshopHash } from '../../../src/ui/workshop/route.ts';
import { libraryScenarios } from '../../support/scenarios.ts';
import { CURRENT_FILE, workshopAddress, workshopLinkFor, workshopScenarios, workshopTitle } from '../../../src/ui/workshop/scenarios.ts';

describe('lessons', () => {
  it('exist for every library scenario, in Japanese and English', () => {
    for (const { file } of libraryScenarios()) {
      const l = lessonOf(file);
      expect(l, file).toBeDefined();
      for (const text of [l!.summary, l!.question, l!.fixQuestion, l!.orid.o, l!.orid.r, l!.orid.i, l!.orid.d]) {
        expect(text.ja.length, file).toBeGreaterThan(5);
        expect(text.en.length, file).toBeGreaterThan(5);
      }
    }
    expect(LESSONS).toHaveLength(libraryScenarios().length);
  });

  it('offer choices that cover every value exactly once', () => {
    for (const l of LESSONS) {
      const choices = choicesOf(l);
      expect(choices).toHaveLength(l.bounds.length + 1);
      for (const v of [-1, 0, ...l.bounds, ...l.bounds.map((b) => b - 0.5), 1e12]) expect(choices.filter((c) => v >= c.lo && v < c.hi), `${l.file} ${v}`).toHaveLength(1);
    }
  });

  it('say their choices in words', () => {
    const l = lessonOf('marketing-too-strong.json')!;
    expect(choicesOf(l).map((c) => choiceText(l, c, 'ja'))).toEqual(['300件未満', '300件 〜 375件', '375件 〜 450件', '450件以上']);
    expect(choiceText(l, choicesOf(l)[0], 'en')).toBe('under 300');
    const fs = lessonOf('fs-too-strong.json')!;
    expect(choiceText(fs, choicesOf(fs)[3], 'ja')).toBe('23億円以上');
  });
});

describe('the workshop address', () => {
  it('opens the workshop only for #/workshop', () => {
    expect(isWorkshopHash('#/workshop')).toBe(true);
    expect(isWorkshopHash('#/workshop/startup?mode=lesson')).toBe(true);
    expect(isWorkshopHash('#/workshops')).toBe(false);
    expect(isWorkshopHash('#s=s1.abc')).toBe(false);
    expect(isWorkshopHash('')).toBe(false);
  });

  it('reads the scenario, mode, language and replications, Japanese by default', () => {
    expect(parseWorkshopHash('#/workshop')).toEqual({ file: 'marketing-too-strong.json', mode: 'replay', lang: 'ja', reps: 40 });
    expect(parseWorkshopHash('#/workshop/startup?mode=lesson&lang=en&reps=6')).toEqual({ file: 'startup.json', mode: 'lesson', lang: 'en', reps: 6 });
    expect(parseWorkshopHash('#/workshop/baseline?reps=0&mode=x').reps).toBe(40);
  });
});

describe('the workshop scenarios', () => {
  // A trainer's file: their own company, with a lesson written as the library's are.
  const own = { version: 2, name: 'Our company', lesson: libraryScenarios().find((l) => l.file === 'startup.json')!.draft.lesson as Record<string, unknown> };

  it('are a working scenario with its own lesson first (the one a trainer has just built), then the library', () => {
    const library = libraryScenarios().map((l) => l.file);
    expect(workshopScenarios(null).map((s) => s.file).sort()).toEqual(library);
    expect(workshopScenarios(own).map((s) => s.file).sort()).toEqual([...library, CURRENT_FILE].sort());
    expect(workshopScenarios(own)[0]).toMatchObject({ file: CURRENT_FILE, name: 'Our company' });
  });

  /** The file of the round the app's link opens. */
  const workshopFileFor = (working: Parameters<typeof workshopLinkFor>[0]) => workshopLinkFor(working).scenario.file;

  it("the app's link opens the working scenario when offered, a library file loaded as shipped, else the prepared lesson", () => {
    const shipped = (file: string) => structuredClone(libraryScenarios().find((l) => l.file === file)!.draft);
    expect(workshopFileFor(own)).toBe(CURRENT_FILE);
    expect(workshopAddress(workshopFileFor(own), 'ja')).toBe('#/workshop/current');
    expect(workshopAddress(workshopFileFor(own), 'en')).toBe('#/workshop/current?lang=en');
    // An edited library scenario keeps its lesson: it is the trainer's now.
    const edited = shipped('is-too-strong.json') as { insideSales: { headcount: number } };
    edited.insideSales.headcount += 1;
    expect(workshopFileFor(edited)).toBe(CURRENT_FILE);
    expect(workshopFileFor(shipped('is-too-strong.json'))).toBe('is-too-strong.json');
    expect(workshopAddress(workshopFileFor(shipped('fs-too-strong.json')), 'ja')).toBe('#/workshop/fs-too-strong');
    // The app's starting point, nothing, or a scenario without a lesson: the prepared lesson.
    expect(workshopFileFor(shipped('baseline.json'))).toBe('marketing-too-strong.json');
    expect(workshopFileFor(null)).toBe('marketing-too-strong.json');
    expect(workshopFileFor({ version: 2, name: 'No lesson' })).toBe('marketing-too-strong.json');
  });

  it("says why the app's link opens the round it does, so a trainer whose scenario has no lesson learns why another opens", () => {
    const shipped = (file: string) => structuredClone(libraryScenarios().find((l) => l.file === file)!.draft);
    const pick = (d: Parameters<typeof workshopLinkFor>[0]) => { const l = workshopLinkFor(d); return [l.pick, l.scenario.file]; };
    expect(pick(own)).toEqual(['current', CURRENT_FILE]);
    expect(workshopLinkFor(own).scenario).toMatchObject({ name: 'Our company', draft: own });
    expect(pick(shipped('is-too-strong.json'))).toEqual(['shipped', 'is-too-strong.json']);
    expect(pick(shipped('baseline.json'))).toEqual(['prepared', 'marketing-too-strong.json']);
    expect(pick(null)).toEqual(['prepared', 'marketing-too-strong.json']);
    const imported = shipped('baseline.json') as { name: string; lesson?: unknown };
    imported.name = 'Imported, no lesson';
    delete imported.lesson;
    expect(pick(imported)).toEqual(['noLesson', 'marketing-too-strong.json']);
    expect(pick({ ...own, lesson: { ...own.lesson, bounds: [] } })).toEqual(['invalid', 'marketing-too-strong.json']);
  });

  it("title an edited library scenario with the library's Japanese title, and a trainer's own by its name", () => {
    const edited = { file: CURRENT_FILE, name: libraryScenarios().find((l) => l.file === 'is-too-strong.json')!.draft.name as string, draft: {} };
    expect(workshopTitle(edited, 'ja')).toBe('IS過多:FSが手薄で商談が滞留する');
    expect(workshopTitle(edited, 'en')).toBe(edited.name);
    expect(workshopTitle({ file: CURRENT_FILE, name: 'Our company', draft: {} }, 'ja')).toBe('Our company');
  });

  it('leave out a working scenario without a lesson, an invalid one, or a library file as shipped', () => {
    const n = libraryScenarios().length;
    expect(workshopScenarios({ version: 2, name: 'No lesson' })).toHaveLength(n);
    expect(workshopScenarios({ ...own, lesson: { ...own.lesson, bounds: [] } })).toHaveLength(n);
    expect(workshopScenarios({})).toHaveLength(n);
    expect(workshopScenarios(structuredClone(libraryScenarios()[0].draft))).toHaveLength(n);
  });
});
