/** `npm run simulate -- FILE --goal-seek`: the report, its progress on stderr, JSON, the calendar CSV, and bad options refused. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jacksonScenario } from '../support/scenarios.ts';
import { cliRunner } from '../support/cli.ts';

const SLOW = 180_000;
const cli = cliRunner(170_000);
const dir = mkdtempSync(join(tmpdir(), 'funnel-goal-seek-'));
// Inside Sales is an M/M/5 queue at 90% load: MQLs wait, and more reps shorten the wait.
const file = join(dir, 'mmc.json');
writeFileSync(
  file,
  JSON.stringify(jacksonScenario({ lambda: 4.5, is: { servers: 5, mu: 1, sqlRate: 0.25 }, fs: { servers: 3, mu: 0.5, winRate: 0.5 }, cs: { servers: 2, mu: 0.5 }, horizonDays: 240, warmupDays: 60, replications: 10, seed: 'cli-goal-seek' })),
);

describe('npm run simulate -- FILE --goal-seek', () => {
  it('hires Inside Sales for a wait target: the path, the plan, the calendar, the verified probability; progress on stderr; the calendar as CSV', () => {
    const csv = join(dir, 'calendar.csv');
    const r = cli(file, '--goal-seek', '--is-wait-p90-hours', '24', '--workers', '2', '--calendar-csv', csv);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Goal-seek for Jackson network: Inside Sales starts 90% of MQLs within 24 hours, in 85% of runs');
    expect(r.stdout).toMatch(/Reached with \d+ more people, costing ¥[\d.]+M a year/);
    expect(r.stdout).toMatch(/^1 +\+1 Inside Sales /m);
    expect(r.stdout).toMatch(/^Inside Sales +\+\d+ +from (month|day) \d+ \(day \d+\) +100$/m);
    expect(r.stdout).toContain('Hiring calendar');
    expect(r.stdout).toMatch(/Verified with new random numbers \(10 runs\)/);
    // The progress lines say what the app's panel says (its stage, its task line, its count of runs).
    expect(r.stderr).toMatch(/^\[searching\] Step 1: which department gains most from one more person, on top of 0 added \(This trial: \d+ of \d+ runs\)$/m);
    expect(r.stderr).toMatch(/^\[verifying\] Checking the plan of \d+ with new random numbers\. \(This trial: 10 of 10 runs\)$/m);
    // The path line names departments as the report does, not by their ids.
    expect(r.stderr).toMatch(/^Path taken: \+1 Inside Sales/m);
    expect(r.stderr).not.toContain('insideSales');
    const lines = readFileSync(csv, 'utf8').replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('department,people,open_by_day,fill_days,fill_median_days,start_day,ramp_days,productive_day');
    expect(lines[1]).toMatch(/^Inside Sales,\d+,-?\d+,\d+,\d+,\d+,100,\d+$/);
    expect(lines.slice(-4, -1)).toEqual([expect.stringMatching(/^total_people,\d+$/), expect.stringMatching(/^cost_yen_per_year,\d+$/), expect.stringMatching(/^cost_yen_in_horizon,\d+$/)]);
  }, SLOW);

  it('--lang ja prints the report in Japanese; --json gives the result and its calendar', () => {
    const ja = cli(file, '--goal-seek', '--target-won', '0', '--workers', '1', '--lang', 'ja');
    expect(ja.status, ja.stderr).toBe(0);
    expect(ja.stdout).toContain('期間中の受注件数 0件以上を試行の85%で達成');
    expect(ja.stdout).toContain('目標はすでに達成見込みです。追加の採用は不要です。');
    expect(ja.stdout).toContain('新しい乱数で検証(10回の試行):達成確率100%');
    // Progress in the app's words, in Japanese: the stage in brackets, the panel's task line, the runs of the trial.
    expect(ja.stderr).toMatch(/^【探索中】まず現状の体制と、全部門を上限\(各\+10名\)まで増やした体制を試算し/m);
    expect(ja.stderr).toMatch(/^【検証中】追加0名の計画を新しい乱数で検証しています。\(この試算:10回中10回\)$/m);
    const json = cli(file, '--goal-seek', '--target-won', '0', '--workers', '1', '--json');
    const parsed = JSON.parse(json.stdout) as { status: string; plan: unknown[]; calendar: unknown[]; verification: { seed: string } };
    expect(parsed).toMatchObject({ status: 'alreadyMet', plan: [], calendar: [] });
    expect(parsed.verification.seed).toBe('cli-goal-seek/goal-seek-verify');
  }, SLOW);

  it('refuses a goal-seek without a target, with two targets, or with a confidence out of range (exit 2)', () => {
    expect(cli(file, '--goal-seek').stderr).toMatch(/^--goal-seek: give a target/);
    expect(cli(file, '--goal-seek', '--target-arr', '1e9', '--target-won', '3').stderr).toMatch(/^--goal-seek: give one of/);
    const bad = cli(file, '--goal-seek', '--target-arr', '15億', '--confidence', '85');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^--confidence: must be a number from 0.01 to 0.99, got 85/);
  }, SLOW);

  it('--sensitivity prints every input at its low and high value, largest swing first', () => {
    const r = cli(file, '--sensitivity', '--workers', '2', '--lang', 'ja');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('期末ARRの感度');
    const rows = r.stdout.split('\n').slice(4).filter((l) => l.trim() !== '');
    expect(rows).toHaveLength(10);
    expect(r.stdout).toMatch(/^受注率 +-[\d,.]+万円 +\+[\d,.]+万円/m);
  }, SLOW);
});
