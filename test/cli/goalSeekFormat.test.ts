/** The goal-seek report's path table: each column holds what its header names (a service target's value is not a probability). */
import { describe, expect, it } from 'vitest';
import { formatGoalSeek } from '../../src/cli/goalSeekFormat.ts';
import type { GoalSeekResult, PlanReading } from '../../src/experiments/goalSeek.ts';
import { wilsonInterval } from '../../src/montecarlo/binomial.ts';

const waitReading = (mean: number, withP: boolean): PlanReading => ({
  probability: withP ? wilsonInterval(Math.round(mean), 40) : null,
  service: [{ target: 'isWaitP90Hours', limit: 24, mean, low: mean - 1.5, high: mean + 1.5, met: mean + 1.5 <= 24 }],
  met: mean + 1.5 <= 24,
  replications: 40,
});

function result(main: boolean): GoalSeekResult {
  const after = waitReading(20, main);
  return {
    phase: 'verify',
    plan: [{ department: 'insideSales', day: 0, change: 1, rampDays: 100, rampShape: 'linear', from: 'start' }],
    path: [{ department: 'insideSales', costYenPerYear: 8_000_000, valuePerMillionYen: 0.1, candidates: ['insideSales'], replications: 40, after }],
    timing: [],
    runs: 3,
    status: 'met',
    reached: true,
    confidence: 0.85,
    target: main ? { measure: 'won', atLeast: 10 } : null,
    baseline: waitReading(37.25, main),
    added: { marketing: 0, insideSales: 1, fieldSales: 0, customerSuccess: 0 },
    costYenPerYear: 8_000_000,
    costYenInHorizon: 8_000_000,
    verification: { ...after, seed: 's/goal-seek-verify' },
  } as GoalSeekResult;
}

/** The path table's header and rows, as text lines. */
const pathTable = (report: string) => {
  const lines = report.split('\n');
  const start = lines.indexOf('Path taken') + 1;
  return lines.slice(start, lines.indexOf('', start));
};

describe('formatGoalSeek: the path table', () => {
  it('for a service-only target, names the service measure and its unit, and has no P(target) column', () => {
    const [header, , base, step] = pathTable(formatGoalSeek('s', result(false), [], 10));
    expect(header).not.toContain('P(target)');
    expect(header).toMatch(/IS P90 wait after \(hours\) +95% interval +runs/);
    expect(base).toMatch(/37\.25 +35\.75 - 38\.75 +40$/);
    expect(step).toMatch(/20\.00 +18\.50 - 21\.50 +40$/);
  });

  it('with a main target and a service target, gives both: P(target) and the service value, each under its own header', () => {
    const [header, , , step] = pathTable(formatGoalSeek('s', result(true), [], 10));
    expect(header).toMatch(/P\(target\) after +95% interval +IS P90 wait after \(hours\) +95% interval +runs/);
    expect(step).toMatch(/50(\.0)?% +[\d.]+% - [\d.]+% +20\.00 +18\.50 - 21\.50 +40$/);
  });

  it('in Japanese, the service column is named in Japanese', () => {
    const report = formatGoalSeek('s', result(false), [], 10, 'ja');
    expect(report).toContain('採用後のIS着手P90(時間)');
    expect(report).not.toContain('採用後の達成確率');
  });
});
