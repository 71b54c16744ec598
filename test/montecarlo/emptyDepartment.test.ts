/**
 * A department with nobody in it: nothing starts, so there is no wait to quote
 * (the verdict said "MQLs wait 0.0 days" while thousands waited all year), and a
 * lost share is a share of what was at risk (with no CSMs it read 670%).
 */
import { describe, expect, it } from 'vitest';
import { runInline } from '../../src/runner/inline.ts';
import { verdictOf } from '../../src/ui/verdict.ts';
import { verdictSentence } from '../../src/cli/format.ts';
import { libraryScenarios, scenarioOf } from '../support/scenarios.ts';

const baseline = libraryScenarios().find((s) => s.file === 'baseline.json')!.draft;

describe('an empty department', () => {
  it('Inside Sales at 0 people: the verdict names IS and says its MQLs were never worked, quoting no wait', () => {
    const r = runInline(scenarioOf({ ...baseline, replications: 5, insideSales: { ...(baseline.insideSales as object), headcount: 0 } })).result;
    expect(r.measures.insideSales.waitMeanDays.n).toBe(0);
    expect(r.bottleneck.department).toBe('insideSales');
    const en = verdictOf(r.bottleneck, 'en');
    const ja = verdictOf(r.bottleneck, 'ja');
    const cli = verdictSentence(r.bottleneck);
    for (const text of [en, cli]) {
      expect(text).toContain('never worked');
      expect(text).not.toMatch(/wait [\d–-]/);
    }
    expect(ja).toContain('一度も対応されていません');
    expect(ja).not.toContain('待ちは中央値');
  });

  it('Customer Success at 0 people: its lost share is at most 100% of the accounts at risk', () => {
    // No warm-up: the whole book carried in comes up for renewal inside the period.
    const r = runInline(scenarioOf({ ...baseline, replications: 5, warmupDays: 0, customerSuccess: { headcount: 0 } })).result;
    const cs = r.bottleneck.evidence.find((e) => e.department === 'customerSuccess')!;
    expect(cs.lostWaiting).toBeGreaterThan(0);
    expect(cs.lostShare).toBeGreaterThan(0);
    expect(cs.lostShare).toBeLessThanOrEqual(1);
  });
});
