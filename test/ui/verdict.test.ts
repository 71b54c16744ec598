/** The verdict's sentences say when the next best hire decided them, and when a full department is held back. */
import { describe, expect, it } from 'vitest';
import { verdictOf } from '../../src/ui/verdict.ts';
import { verdictSentence } from '../../src/cli/format.ts';
import type { BottleneckVerdict, DepartmentEvidence } from '../../src/montecarlo/bottleneck.ts';

const evidence = (department: DepartmentEvidence['department'], blockedBy: DepartmentEvidence['blockedBy'] = null): DepartmentEvidence => ({
  department, utilisation: 1, waitDays: 10, queueEnd: 100, queueGrowth: 1, lostWaiting: 50, lostShare: 0.1, passOnRatio: null, blockedBy, congested: true, score: 2,
});
const fsHeldIs: BottleneckVerdict = { department: 'fieldSales', limit: 'capacity', basis: 'load', evidence: [evidence('insideSales', 'fieldSales'), evidence('fieldSales'), evidence('customerSuccess')] };

describe('verdict sentences', () => {
  it('from load: names the department held back by the bottleneck, in both languages and in the CLI', () => {
    expect(verdictOf(fsHeldIs, 'en')).toMatch(/^Field Sales is the bottleneck.*Inside Sales is full too, but Field Sales already gets more than it can work/);
    expect(verdictOf(fsHeldIs, 'ja')).toContain('インサイドセールスを1人増やしても受注は増えません');
    expect(verdictSentence(fsHeldIs)).toMatch(/Inside Sales is full too, but Field Sales already gets more than it can work/);
    expect(verdictOf(fsHeldIs, 'en')).not.toContain('next best hire');
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
