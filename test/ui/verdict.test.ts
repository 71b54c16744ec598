/** The verdict's sentences say when the next best hire decided them, and when a full department is held back. */
import { describe, expect, it } from 'vitest';
import { verdictOf, warmupNotice } from '../../src/ui/verdict.ts';
import { verdictSentence, warmupSentence } from '../../src/cli/format.ts';
import type { SeriesDrift, WarmupCheck } from '../../src/montecarlo/warmup.ts';
import type { BottleneckVerdict, DepartmentEvidence } from '../../src/montecarlo/bottleneck.ts';

const evidence = (department: DepartmentEvidence['department'], blockedBy: DepartmentEvidence['blockedBy'] = null): DepartmentEvidence => ({
  department, utilisation: 1, waitDays: 10, queueEnd: 100, queueGrowth: 1, lostWaiting: 50, lostWaitingYen: 120_000_000, lostShare: 0.1, passOnRatio: null, blockedBy, congested: true, score: 2,
});
const fsHeldIs: BottleneckVerdict = { department: 'fieldSales', limit: 'capacity', basis: 'load', evidence: [evidence('insideSales', 'fieldSales'), evidence('fieldSales'), evidence('customerSuccess')] };

describe('verdict sentences', () => {
  it('from load: names the department held back by the bottleneck, in both languages and in the CLI', () => {
    expect(verdictOf(fsHeldIs, 'en')).toMatch(/^Field Sales is the bottleneck.*Inside Sales is congested too, but Field Sales already gets nearly all it can work/);
    expect(verdictOf(fsHeldIs, 'ja')).toContain('インサイドセールスを1人増やしても受注は増えません');
    expect(verdictSentence(fsHeldIs)).toMatch(/Inside Sales is congested too, but Field Sales already gets nearly all it can work/);
    expect(verdictOf(fsHeldIs, 'en')).not.toContain('next best hire');
    // Held back but not congested itself: nothing to explain.
    const calmIs = { ...fsHeldIs, evidence: [{ ...evidence('insideSales', 'fieldSales'), congested: false }, evidence('fieldSales')] };
    expect(verdictOf(calmIs, 'en')).not.toContain('Inside Sales is congested too');
    expect(verdictSentence(calmIs)).not.toContain('Inside Sales is congested too');
  });

  it('decided by the next best hire: says so, with the gain', () => {
    const v: BottleneckVerdict = { ...fsHeldIs, basis: 'nextHire', hireGainYen: 65_600_000 };
    expect(verdictOf(v, 'en')).toContain('Decided by the next best hire: one more person in Field Sales adds +');
    expect(verdictOf(v, 'ja')).toContain('次の採用の比較による判定');
    expect(verdictSentence(v)).toContain('Decided by the next best hire: one more person in Field Sales adds +¥65.6M ARR');
    const demand: BottleneckVerdict = { ...v, department: 'marketing', limit: 'demand' };
    expect(verdictSentence(demand)).toBe('One more marketer adds the most ARR (+¥65.6M): lead volume from Marketing limits the funnel.');
    expect(verdictOf(demand, 'ja')).toContain('マーケティングを1人増やすと');
  });
});

describe('warm-up notice', () => {
  const drift = (series: string, relativeChange: number, drifts: boolean): SeriesDrift => ({
    series, weeks: 52, level: 100, scale: 100, slopePerWeek: { mean: relativeChange * 2, ciLow: relativeChange, ciHigh: relativeChange * 3, n: 20 }, relativeChange, mserWeeks: 25, drifts,
  });
  const check = (steady: boolean | null, series: SeriesDrift[]): WarmupCheck => ({ status: steady === null ? 'notChecked' : 'checked', reasons: steady === null ? ['seasonality'] : [], warmupDays: 365, steady, series });
  const notSteady = check(false, [drift('funnel.mqlsByWeek', 0.167, true), drift('funnel.wonByWeek', 0.01, false), drift('insideSales.queueByWeek', -0.2, true)]);

  it('names each drifting series and its change, in both languages and in the CLI', () => {
    expect(warmupNotice(notSteady, 'en')).toBe('Not a steady state after the 365-day warm-up: MQLs per week rose 17% across the period, the Inside Sales queue fell 20% across the period. Lengthen the warm-up (run settings), or read these figures as those of a business still changing; a queue that grows while its department is fully busy never settles: that is overload.');
    expect(warmupNotice(notSteady, 'ja')).toContain('ウォームアップ365日の後も定常状態ではありません:週あたりMQLが期間中に17%増加、インサイドセールスの待ち件数が期間中に20%減少');
    expect(warmupSentence(notSteady)).toMatch(/^Warning: not a steady state after the 365-day warm-up: MQLs per week rose 16\.7% across the period \(\+0\.33 a week, 95% CI \+0\.17 to \+0\.50; MSER-5 would drop the first 25 weeks\); the Inside Sales queue fell 20\.0%/);
    expect(warmupSentence(notSteady)).not.toContain('wins per week');
  });

  it('says nothing in the app when steady or not checked; the CLI says which', () => {
    expect(warmupNotice(check(true, [drift('funnel.mqlsByWeek', 0.01, false)]), 'en')).toBeNull();
    expect(warmupNotice(check(null, []), 'en')).toBeNull();
    expect(warmupSentence(check(true, []))).toContain('no material drift');
    expect(warmupSentence(check(null, []))).toBe('Warm-up: not checked, the scenario changes over the period by design (seasonality).');
  });
});

describe('the verdict quotes the yen its department lost to waiting', () => {
  it('in both languages, from the evidence', () => {
    const v: BottleneckVerdict = { department: 'fieldSales', limit: 'capacity', basis: 'load', evidence: [{ ...evidence('insideSales'), congested: false }, evidence('fieldSales'), evidence('customerSuccess')] };
    const en = verdictOf(v, 'en'), ja = verdictOf(v, 'ja');
    expect(en).toMatch(/^Field Sales is the bottleneck: .* 50 .* this period, ¥120(\.0)?M of ARR lost to waiting\.$/);
    expect(ja).toMatch(/待ちによるARR損失[^)]*1\.2億円/);
    // The terminal report too.
    expect(verdictSentence(v)).toMatch(/50 .* in the period \(¥120(\.0)?M of ARR lost to waiting\), 100 waiting at the end\.$/);
    expect(verdictSentence(v, 'ja')).toMatch(/待ちによるARR損失[^)]*1\.2億円/);
  });
});
