/** The command line's --precision: a run that stops once ARR at the horizon is precise enough, and says so. */
import { describe, expect, it } from 'vitest';
import { cliRunner } from '../support/cli.ts';

const SLOW = 240_000;
const cli = cliRunner(200_000);

describe('npm run simulate -- FILE --precision', () => {
  it('stops at the first count whose ARR interval is within the share asked, and is then the run of that count', () => {
    const r = cli('scenarios/baseline.json', '--precision', '0.02', '--reps', '80', '--workers', '2', '--json');
    expect(r.status).toBe(0);
    const said = /stopped after (\d+) replications: ARR at the horizon within ±([\d.]+)% at 95% \(asked ±2\.00%\)/.exec(r.stderr);
    expect(said, r.stderr).not.toBeNull();
    const n = Number(said![1]);
    expect(n).toBeGreaterThanOrEqual(10);
    expect(n).toBeLessThan(80);
    expect(Number(said![2])).toBeLessThanOrEqual(2);
    // The same first n replications without --precision give the same result, on another worker count.
    const plain = cli('scenarios/baseline.json', '--reps', String(n), '--workers', '1', '--json');
    expect(JSON.parse(plain.stdout).measures.revenue.arrEndYen).toEqual(JSON.parse(r.stdout).measures.revenue.arrEndYen);
  }, SLOW);

  it('refuses a precision that is not a share', () => {
    const r = cli('scenarios/baseline.json', '--precision', '1.5');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--precision: must be a share between 0 and 1');
  }, SLOW);
});
