/**
 * Issue 11, items 5-8: the command line keeps its promises for every input.
 * Invalid input exits 2 with a message and no stack; a file means what it means
 * in the browser; a name cannot drive the terminal; size is checked before reading.
 */
/* eslint-disable no-control-regex -- these tests look for raw control characters */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliRunner } from '../support/cli.ts';

const cli = cliRunner(120_000);
const dir = mkdtempSync(join(tmpdir(), 'funnel-inputs-'));
const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const small = { version: 3, horizonDays: 30, replications: 2, seed: 's' };

/** Exit 2, nothing on stdout, the message on stderr, no stack trace. */
function refused(r: ReturnType<typeof cli>, message: string | RegExp) {
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stderr).not.toContain('internal error');
  if (typeof message === 'string') expect(r.stderr).toContain(message);
  else expect(r.stderr).toMatch(message);
  expect(r.status).toBe(2);
}

describe('item 5: exit 2 without a stack for every invalid input', () => {
  it('a name nested 100,000 lists deep', () => {
    const path = file('deep.json', `{"version":1,"name":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    refused(cli(path), 'name: must be a text, got [[[[[[[[[...]]]]]]]]]');
  });

  it('--out into a directory that does not exist is refused before the run, with no stack', () => {
    const out = join(dir, 'missing', 'result.json');
    // 100,000 replications would take minutes: refused at once, so it never starts.
    const r = cli(file('long.json', JSON.stringify({ ...small, replications: 100_000 })), '--out', out);
    refused(r, `--out: must be a file that can be written, got ${out} (its directory ${join(dir, 'missing')} does not exist)`);
  });

  it('--out naming a directory is refused', () => {
    refused(cli(file('ok.json', JSON.stringify(small)), '--out', dir), `--out: must be a file that can be written, got ${dir} (it is a directory)`);
  });

  it('--out "" is refused rather than printing to the terminal', () => {
    refused(cli(file('ok.json', JSON.stringify(small)), '--out', ''), '--out: must be a file path, got an empty text');
  });

  it('a valid --out is written, and an existing file there is replaced only after the run', () => {
    const out = file('kept.json', 'before');
    const r = cli(file('ok.json', JSON.stringify(small)), '--json', '--out', out);
    expect(r.status).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).format).toBe('funnel-result');
  });
});

describe('item 6: the same file means the same thing as in the browser', () => {
  const json = JSON.stringify({ ...small, name: '検証 BOM' });

  it('UTF-8 with a byte-order mark runs', () => {
    const r = cli(file('bom8.json', `\uFEFF${json}`));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('検証 BOM: 2 replications');
  });

  it.each([
    ['utf-16le', (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')])],
    ['utf-16be', (s: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(s, 'utf16le').swap16()])],
  ])('%s with a byte-order mark is decoded and runs', (name, encode) => {
    const r = cli(file(`${name}.json`, encode(json)));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('検証 BOM: 2 replications');
  });

  it('UTF-16 without a byte-order mark, or bytes that are not UTF-8, are refused saying why', () => {
    refused(cli(file('nobom16.json', Buffer.from(JSON.stringify(small), 'utf16le'))), '(file): must be text in UTF-8, or UTF-16 with a byte-order mark; got NUL characters');
    refused(cli(file('sjis.json', Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0x82, 0xa0, 0x22, 0x7d]))), 'got bytes that are not valid UTF-8');
  });

  it('a key given twice is refused, naming its path', () => {
    const r = cli(file('twice.json', '{"version":1,"insideSales":{"headcount":3,"headcount":30},"hiring":[{"department":"fieldSales","day":1,"day":2,"change":1}]}'));
    refused(r, 'insideSales.headcount: is given more than once (each field must appear once)');
    expect(r.stderr).toContain('hiring[0].day: is given more than once');
  });
});

describe('item 7: escape codes in a name do not reach the terminal', () => {
  it('ESC and CSI in the name and seed are shown as \\u escapes in the report', () => {
    const r = cli(file('esc.json', JSON.stringify({ ...small, name: 'A\u001b[2J\u009b31mB', seed: 'x\u001b]0;t\u0007' })));
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(r.stdout).toContain('A\\u001b[2J\\u009b31mB: 2 replications');
    expect(r.stdout).toContain('seed "x\\u001b]0;t\\u0007"');
  });

  it('in --json the name keeps its value (C1 written as \\u009b) and carries no raw control character', () => {
    const r = cli(file('esc.json', JSON.stringify({ ...small, name: 'A\u001b[2J\u009b31mB' })), '--json');
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(JSON.parse(r.stdout).scenario.name).toBe('A\u001b[2J\u009b31mB');
  });

  it('in a problem, an unknown key with escape codes is shown escaped', () => {
    const r = cli(file('esckey.json', '{"version":1,"\\u001b[2Jx":1}'));
    refused(r, '\\u001b[2Jx: is not a known field');
    expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });
});

describe('item 8: size is checked before the file is read whole', () => {
  it('a 300 MB file is refused from its first 1,000,001 bytes', () => {
    const path = join(dir, 'big.json');
    // A sparse file: 300 MB long, nothing written (the old CLI read it all into memory).
    writeFileSync(path, '');
    spawnSync('truncate', ['-s', '300M', path]);
    refused(cli(path), '(file): must be at most 1 MB (1,000,000 bytes), got 314,572,800 bytes');
  });

  it.skipIf(!existsSync('/dev/zero'))('/dev/zero is refused, not read forever', () => {
    refused(cli('/dev/zero'), '(file): must be at most 1 MB (1,000,000 bytes), got more than 1,000,000 bytes');
  });
});

describe('a version 1 file', () => {
  it('runs, and stderr says it was read as version 3 with the same numbers', () => {
    const r = cli(file('v1.json', JSON.stringify({ ...small, version: 1 })));
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/v1\.json: scenario format version 1, read as version 3 \(same numbers; save it again to keep it in version 3\)\n$/);
    expect(r.stdout).toContain('Inside Sales');
  });
});
