/** The command line's --lang: the report in Japanese, English by default, and a wrong language refused. */
import { describe, expect, it } from 'vitest';
import { cliRunner } from '../support/cli.ts';

// Each test spawns the CLI (and runs it twice in one case): on a shared machine that takes longer than the default minute.
const SLOW = 180_000;
const cli = cliRunner(120_000);

describe('npm run simulate -- FILE --lang', () => {
  it('--lang ja prints the report in Japanese, with yen in 万 and 億, and the same numbers as the English one', () => {
    const ja = cli('scenarios/marketing-too-strong.json', '--reps', '4', '--workers', '2', '--lang', 'ja');
    expect(ja.stderr).toBe('');
    expect(ja.status).toBe(0);
    for (const heading of ['部門', 'インサイドセールス', 'ファネル', '失注・解約の理由', '売上', '期末ARR', '待ちによる損失']) expect(ja.stdout).toContain(heading);
    expect(ja.stdout).toMatch(/ボトルネック:インサイドセールスがボトルネックです:稼働率\d+(\.\d)?%/);
    expect(ja.stdout).toMatch(/期末ARR\s+[\d.,]+(億|万)円/);
    // The first line quotes the scenario's own name (English in this file); the rest is Japanese.
    expect(ja.stdout.split('\n').slice(1).join('\n')).not.toMatch(/Inside Sales|Bottleneck|Funnel|¥/);
    // The same run: the leads count (a whole number with separators) is the same in both languages.
    const en = cli('scenarios/marketing-too-strong.json', '--reps', '4', '--workers', '2');
    const leads = (text: string, name: string) => text.split('\n').find((l) => l.startsWith(name))!.trim().split(/\s+/)[1];
    expect(leads(ja.stdout, 'リード ')).toBe(leads(en.stdout, 'Leads '));
  }, SLOW);

  it('English is the default, and --lang en is the same report', () => {
    const plain = cli('scenarios/baseline.json', '--reps', '3', '--workers', '1');
    const en = cli('scenarios/baseline.json', '--reps', '3', '--workers', '1', '--lang', 'en');
    expect(plain.status).toBe(0);
    expect(plain.stdout).toContain('Bottleneck: ');
    expect(en.stdout).toBe(plain.stdout);
  }, SLOW);

  it('--next-hire --lang ja ranks the hires in Japanese', () => {
    const r = cli('scenarios/is-too-strong.json', '--next-hire', '--reps', '3', '--workers', '2', '--lang', 'ja');
    expect(r.status).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => /^\d\. /.test(l));
    expect(rows).toHaveLength(4);
    expect(r.stdout).toContain('現在のボトルネック:');
  }, SLOW);

  it('an unknown language exits 2 naming what it got, and a missing file keeps its path in the error', () => {
    const bad = cli('scenarios/baseline.json', '--lang', 'de');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--lang: must be en or ja, got de');
    const missing = cli('no/such/file.json', '--lang', 'ja');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no/such/file.json: cannot read the file (ENOENT)');
  }, SLOW);
});
