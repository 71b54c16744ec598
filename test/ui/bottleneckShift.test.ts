/** A variant that moves the bottleneck says so in words, with the wait and the losses where it moved. */
import { describe, expect, it } from 'vitest';
import { bottleneckShift } from '../../src/ui/verdict.ts';
import type { BottleneckVerdict, DepartmentEvidence } from '../../src/montecarlo/bottleneck.ts';

const evidence = (department: DepartmentEvidence['department'], waitDays: number, lostWaiting: number): DepartmentEvidence => ({
  department, utilisation: 0.99, waitDays, queueEnd: 100, queueGrowth: 1, lostWaiting, lostWaitingYen: 0, lostShare: 0.1, passOnRatio: null, blockedBy: null, congested: true, score: 2,
});
const at = (department: BottleneckVerdict['department'], limit: BottleneckVerdict['limit'] = 'capacity'): BottleneckVerdict => ({
  department, limit, basis: 'load', evidence: [evidence('insideSales', 4, 10), evidence('fieldSales', 23, 41), evidence('customerSuccess', 1, 0)],
});

describe('bottleneckShift', () => {
  it('IS to FS: FS becomes the bottleneck, opportunities wait 23 days and stall', () => {
    expect(bottleneckShift(at('insideSales'), at('fieldSales'), 'en')).toBe('Field Sales becomes the bottleneck (it was Inside Sales): opportunities wait 23 d on median and 41 stalled.');
    expect(bottleneckShift(at('insideSales'), at('fieldSales'), 'ja')).toBe('フィールドセールスがボトルネックになります(変更前はインサイドセールス):商談の待ちは中央値23日、41件が停滞して失注。');
  });
  it('nothing when it stays, and demand in words', () => {
    expect(bottleneckShift(at('fieldSales'), at('fieldSales'), 'en')).toBeNull();
    expect(bottleneckShift(at('marketing', 'demand'), at('marketing', 'demand'), 'ja')).toBeNull();
    expect(bottleneckShift(at('fieldSales'), at('marketing', 'demand'), 'en')).toContain('No department is congested any more (before: Field Sales)');
    expect(bottleneckShift(at('marketing', 'demand'), at('fieldSales'), 'ja')).toContain('変更前はリード量が制約');
  });
});
