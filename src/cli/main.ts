/**
 * The command line: `npm run simulate -- FILE [--reps N] [--seed S] [--workers N] [--json] [--out FILE] [--next-hire] [--lang en|ja]`.
 * Replications run on the same worker pool as the app, in Node worker threads.
 * Exit 0 on success, 2 on bad input (an invalid scenario or option), 1 on an internal error.
 */
import { closeSync, fstatSync, openSync, readSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MAX_FILE_BYTES, parseScenarioText } from '../scenario/validate.ts';
import { decodeScenarioBytes } from '../scenario/fileText.ts';
import { printable, printableJson } from '../scenario/printable.ts';
import { nodePool } from '../workers/nodeWorkers.ts';
import { formatNextHire, formatReport } from './format.ts';
import { nextBestHire, singleRun } from '../experiments/index.ts';

const USAGE = 'usage: npm run simulate -- FILE.json [--reps N] [--seed S] [--workers N] [--json] [--out FILE] [--next-hire] [--lang en|ja]';

/** A problem with what the user gave: reported without a stack trace, exit 2. */
class InputError extends Error {}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        reps: { type: 'string' },
        seed: { type: 'string' },
        workers: { type: 'string' },
        'next-hire': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        out: { type: 'string' },
        lang: { type: 'string', default: 'en' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    throw new InputError(`${(e as Error).message}\n${USAGE}`);
  }
}

/**
 * Reads at most MAX_FILE_BYTES + 1 bytes of `file`: enough to know it is too
 * large without holding a 300 MB file (or the endless /dev/zero) in memory.
 */
function readScenarioFile(file: string): { bytes: Uint8Array; size: number } {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw Object.assign(new Error('a directory'), { code: 'EISDIR' });
    const buffer = Buffer.alloc(MAX_FILE_BYTES + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, null);
    // A regular file's size is known; a device or pipe that filled the buffer is "more than" the limit.
    const size = stat.isFile() ? Math.max(stat.size, length) : length > MAX_FILE_BYTES ? Infinity : length;
    return { bytes: buffer.subarray(0, length), size };
  } catch (e) {
    throw new InputError(`${file}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Checks that `--out` can be written before a run that may take minutes: the path
 * is not empty, is not a directory, and its directory exists. It writes nothing,
 * so an existing file stays whole if the run fails.
 */
function checkOut(out: string): void {
  if (out === '') throw new InputError('--out: must be a file path, got an empty text (leave --out out to print to the terminal)');
  const why = (() => {
    try {
      const stat = statSync(out, { throwIfNoEntry: false });
      if (stat?.isDirectory()) return 'it is a directory';
      if (stat) return null;
      const dir = statSync(dirname(resolve(out)), { throwIfNoEntry: false });
      if (!dir) return `its directory ${dirname(out)} does not exist`;
      if (!dir.isDirectory()) return `${dirname(out)} is not a directory`;
      return null;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    }
  })();
  if (why) throw new InputError(`--out: must be a file that can be written, got ${out} (${why})`);
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv);
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new InputError(`expected one scenario file, got ${positionals.length}\n${USAGE}`);
  const file = positionals[0];
  // The report's language (its texts and number formats come from src/i18n); errors stay in English.
  const lang = values.lang;
  if (lang !== 'en' && lang !== 'ja') throw new InputError(`--lang: must be en or ja, got ${printable(lang)}`);
  if (values.out !== undefined) checkOut(values.out);
  const { bytes, size: fileSize } = readScenarioFile(file);
  const decoded = decodeScenarioBytes(bytes, fileSize);
  const validation = decoded.ok ? parseScenarioText(decoded.text) : decoded;
  // Problems quote the file's own text: printable() keeps its control characters off the terminal.
  if (!validation.ok) throw new InputError(`${file}: invalid scenario\n${validation.problems.map((p) => `  ${printable(p)}`).join('\n')}`);
  const scenario = validation.scenario;
  // An older file is migrated, not rejected: said on stderr, so the report itself stays the same.
  if (validation.migratedFrom !== null) {
    process.stderr.write(`${printable(file)}: scenario format version ${validation.migratedFrom}, read as version ${scenario.version} (same numbers; save it again to keep it in version ${scenario.version})\n`);
  }
  if (values.reps !== undefined) {
    const reps = Number(values.reps);
    if (!Number.isInteger(reps) || reps < 1 || reps > 100_000) throw new InputError(`--reps: must be a whole number from 1 to 100000, got ${values.reps}`);
    scenario.replications = reps;
  }
  if (values.seed !== undefined) scenario.seed = values.seed;
  let size: number | undefined;
  if (values.workers !== undefined) {
    size = Number(values.workers);
    if (!Number.isInteger(size) || size < 1 || size > 256) throw new InputError(`--workers: must be a whole number from 1 to 256, got ${values.workers}`);
  }
  const pool = nodePool({ size, idleMs: 0 });
  let output: string;
  try {
    if (values['next-hire']) {
      // Five paired runs on the pool: the scenario, then one more person in each department.
      const hire = await nextBestHire({ scenario }, { runner: pool });
      output = values.json ? jsonText(hire) : formatNextHire(scenario.name, hire, lang);
    } else {
      const { result } = await singleRun(scenario, { runner: pool });
      output = values.json ? jsonText(result) : formatReport(result, lang);
    }
  } finally {
    pool.terminate();
  }
  if (values.out !== undefined) {
    try {
      writeFileSync(values.out, `${output}\n`);
    } catch (e) {
      throw new InputError(`--out: must be a file that can be written, got ${values.out} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
  } else process.stdout.write(`${output}\n`);
  return 0;
}

/**
 * JSON for the terminal or a file: JSON.stringify escapes C0 controls but not C1
 * (U+009B is a terminal's CSI) or bidi overrides; those can only stand inside
 * strings, where their \uXXXX escapes mean the same.
 */
function jsonText(x: unknown): string {
  return printableJson(JSON.stringify(x, null, 2));
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  if (e instanceof InputError) {
    process.stderr.write(`${e.message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`internal error: ${(e as Error).stack ?? e}\n`);
    process.exitCode = 1;
  }
}
