/** The command line, run as a user runs it: output, JSON, exit codes. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliRunner, PROJECT_ROOT } from '../support/cli.ts';

const cli = cliRunner(120_000);
const dir = mkdtempSync(join(tmpdir(), 'funnel-cli-'));

describe('npm run simulate', () => {
  it('prints the departments, funnel, revenue and bottleneck verdict, and exits 0', () => {
    const r = cli('scenarios/marketing-too-strong.json', '--reps', '4', '--workers', '2');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const heading of ['Department', 'Inside Sales', 'Funnel', 'Lost, by cause', 'Revenue', 'ARR at horizon']) expect(r.stdout).toContain(heading);
    expect(r.stdout).toMatch(/Bottleneck: Inside Sales is the bottleneck: \d+(\.\d)?% busy/);
  });

  it('warns when the period after the warm-up is not a steady state (the baseline with one year of warm-up: MQLs per week still rise)', () => {
    const file = join(dir, 'baseline-1y.json');
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(join(PROJECT_ROOT, 'scenarios/baseline.json'), 'utf8')), warmupDays: 365 }));
    const r = cli(file, '--reps', '8', '--workers', '2');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Warning: not a steady state after the 365-day warm-up: MQLs per week rose \d+\.\d% across the period/);
    // The library's baseline warms up for two years, which is enough.
    const steady = cli('scenarios/baseline.json', '--reps', '8', '--workers', '2');
    expect(steady.status).toBe(0);
    expect(steady.stdout).toMatch(/Warm-up: after 730 days, weekly MQLs, wins and queues show no material drift/);
  });

  it('--json --out writes the aggregated result, which names its format and the replications', () => {
    const out = join(dir, 'result.json');
    const r = cli('scenarios/baseline.json', '--reps', '3', '--seed', 'cli', '--json', '--out', out);
    expect(r.status).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.format).toBe('funnel-result');
    expect(json.scenario).toMatchObject({ replications: 3, seed: 'cli' });
    expect(Object.keys(json.measures.insideSales.utilisation)).toEqual(['n', 'mean', 'sd', 'p10', 'p50', 'p90', 'ciLow', 'ciHigh']);
  });

  for (const [file, first] of [['marketing-too-strong.json', 'Inside Sales'], ['is-too-strong.json', 'Field Sales'], ['fs-too-strong.json', 'Customer Success']]) {
    it(`--next-hire ranks one more person per department by paired ARR gain: ${first} first for ${file}`, () => {
      const r = cli(`scenarios/${file}`, '--next-hire', '--reps', '30', '--workers', '2');
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('30 paired replications, common random numbers and control variates');
      const rows = r.stdout.split('\n').filter((l) => /^\d\. /.test(l));
      expect(rows).toHaveLength(4);
      expect(rows[0]).toMatch(new RegExp(`^1\\. ${first}\\s+\\+¥`));
      expect(r.stdout).toMatch(new RegExp(`Bottleneck now: ${first} is the bottleneck`));
    });
  }

  it('an invalid scenario exits 2 with every problem on stderr and no stack trace', () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ version: 1, insideSales: { headcount: -2, sqlRate: 1.5 } }));
    const r = cli(file);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('insideSales.headcount: must be a number >= 0 in steps of 0.05, got -2');
    expect(r.stderr).toContain('insideSales.sqlRate: must be a probability between 0 and 1, got 1.5');
    expect(r.stderr).not.toMatch(/\s+at /);
  });

  it('a bad option or a missing file exits 2 with a clear message', () => {
    expect(cli('scenarios/baseline.json', '--reps', 'many').stderr).toContain('--reps: must be a whole number from 1 to 100000, got many');
    expect(cli('scenarios/baseline.json', '--reps', 'many').status).toBe(2);
    const missing = cli('scenarios/nope.json');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('scenarios/nope.json: cannot read the file (ENOENT)');
  });
});
