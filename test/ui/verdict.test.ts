/** The verdict's sentences say when the next best hire decided them, and when a full department is held back. */
import { describe, expect, it } from 'vitest';
import { verdictOf, verdictShort, warmupNotice, warmupShort } from '../../src/ui/verdict.ts';
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

describe('the short verdict (the sticky bar\'s one line)', () => {
  const capacity: BottleneckVerdict = { ...fsHeldIs };
  const demand: BottleneckVerdict = { ...fsHeldIs, department: 'marketing', limit: 'demand', evidence: fsHeldIs.evidence.map((e) => ({ ...e, utilisation: 0.6, congested: false })) };
  const noneStarted: BottleneckVerdict = { ...fsHeldIs, evidence: [evidence('insideSales'), { ...evidence('fieldSales'), waitDays: Number.POSITIVE_INFINITY }] };
  const byHire: BottleneckVerdict = { ...fsHeldIs, basis: 'nextHire', hireGainYen: 65_600_000 };
  const demandByHire: BottleneckVerdict = { ...demand, basis: 'nextHire', hireGainYen: 65_600_000 };

  it('is one whole sentence, shorter than the full text, naming the bottleneck and what it costs', () => {
    expect(verdictShort(capacity, 'en')).toBe('Field Sales is the bottleneck: 100% busy, ¥120M of ARR lost to waiting.');
    expect(verdictShort(capacity, 'ja')).toBe('フィールドセールスがボトルネックです(稼働率100%、待ちによるARR損失1.2億円)。');
    expect(verdictShort(noneStarted, 'en')).toBe('Field Sales is the bottleneck: no work started there, 100 waiting at the end.');
    expect(verdictShort(demand, 'ja')).toBe('混雑している部門はなく、マーケティングのリード量がファネルを決めています。');
    expect(verdictShort(byHire, 'en')).toBe('Field Sales is the bottleneck: one more person there adds the most ARR (+¥65.6M).');
    expect(verdictShort(demandByHire, 'ja')).toBe('マーケティングを1人増やすとARRが最も増えます(+6,560万円)。');
    for (const v of [capacity, noneStarted, demand, byHire, demandByHire]) {
      for (const lang of ['en', 'ja'] as const) {
        const short = verdictShort(v, lang);
        expect(short.length).toBeLessThan(verdictOf(v, lang).length);
        // A sentence: it ends as one, in the language's own way.
        expect(short).toMatch(lang === 'ja' ? /。$/ : /\.$/);
        // At most 52 characters in Japanese (100 in English): one line of the bar at 1280 px holds about 60 (110).
        expect(short.length).toBeLessThanOrEqual(lang === 'ja' ? 52 : 100);
      }
    }
  });

  it('the warm-up notice\'s short form is its first sentence', () => {
    const w = { status: 'checked' as const, reasons: [], warmupDays: 365, steady: false, series: [] };
    expect(warmupShort(w, 'ja')).toBe('ウォームアップ365日の後も定常状態ではありません。');
    expect(warmupNotice(w, 'ja')!.startsWith('ウォームアップ365日の後も定常状態ではありません')).toBe(true);
    expect(warmupShort(w, 'en')).toBe('Not a steady state after the 365-day warm-up.');
    expect(warmupShort({ ...w, steady: true }, 'en')).toBeNull();
  });
});
