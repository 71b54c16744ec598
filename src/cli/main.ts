/**
 * The command line: `npm run simulate -- FILE [--reps N] [--seed S] [--workers N] [--json] [--out FILE] [--next-hire] [--lang en|ja]`,
 * or with `--goal-seek --target-arr YEN [--confidence 0.85] ...`: the least hiring that reaches the target (progress on stderr).
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
import { goalSeek, calendarOf, nextBestHire, sensitivity, singleRun, DEFAULT_CONFIDENCE, type GoalSeekInput, type GoalSeekPartial, type GoalSeekProgress, type GoalTarget } from '../experiments/index.ts';
import { decidedText, progressLineText, signedPeople } from '../experiments/goalSeekText.ts';
import { formatGoalSeek, formatSensitivity } from './goalSeekFormat.ts';
import { hiringCalendarCsv } from '../export/hiringCalendarCsv.ts';
import { goalSeekText } from '../i18n/goalSeekMessages.ts';
import { translate } from '../i18n/messages.ts';
import { department } from '../domain/departments.ts';
import { parseNumberInput } from '../i18n/numberInput.ts';
import type { Scenario } from '../scenario/types.ts';
import type { PrecisionTarget } from '../montecarlo/precision.ts';

const USAGE =
  'usage: npm run simulate -- FILE.json [--reps N] [--seed S] [--workers N] [--json] [--out FILE] [--next-hire] [--lang en|ja]\n' +
  '       npm run simulate -- FILE.json --goal-seek (--target-arr YEN | --target-bookings YEN | --target-won N) [--confidence 0.85]\n' +
  '         [--max-per-dept 10] [--allow-removals] [--is-wait-p90-hours H] [--fs-backlog-weeks W] [--cs-coverage-max C] [--calendar-csv FILE]\n' +
  '       npm run simulate -- FILE.json --sensitivity\n' +
  '       npm run simulate -- FILE.json --precision 0.01 [--reps MAX]   (stop once ARR at the horizon is within ±1% at 95%)';

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
        'goal-seek': { type: 'boolean', default: false },
        'allow-removals': { type: 'boolean', default: false },
        sensitivity: { type: 'boolean', default: false },
        precision: { type: 'string' },
        'target-arr': { type: 'string' },
        'target-bookings': { type: 'string' },
        'target-won': { type: 'string' },
        confidence: { type: 'string' },
        'max-per-dept': { type: 'string' },
        'is-wait-p90-hours': { type: 'string' },
        'fs-backlog-weeks': { type: 'string' },
        'cs-coverage-max': { type: 'string' },
        'calendar-csv': { type: 'string' },
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

type Values = ReturnType<typeof parse>['values'];

/** A number option: amounts as people write them (1.5e9, 15億, 1,500,000,000), within [min, max]. */
function numberOption(name: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const parsed = parseNumberInput(text);
  const x = parsed.ok ? parsed.value : Number(text);
  if (!Number.isFinite(x) || x < min || x > max) throw new InputError(`--${name}: must be a number from ${min} to ${max}, got ${printable(text)}`);
  return x;
}

/** What --goal-seek asks, from the options: exactly one main target or at least one service target. */
function goalSeekAsk(values: Values, scenario: Scenario): { input: GoalSeekInput; bound: number; calendarCsv?: string } {
  const mains = (
    [
      ['arrEndYen', numberOption('target-arr', values['target-arr'], 0, 1e15)],
      ['bookingsYen', numberOption('target-bookings', values['target-bookings'], 0, 1e15)],
      ['won', numberOption('target-won', values['target-won'], 0, 1e9)],
    ] as const
  ).filter(([, v]) => v !== undefined);
  if (mains.length > 1) throw new InputError('--goal-seek: give one of --target-arr, --target-bookings, --target-won, got several');
  const target: GoalTarget | null = mains.length ? { measure: mains[0][0], atLeast: mains[0][1]! } : null;
  const service = {
    isWaitP90Hours: numberOption('is-wait-p90-hours', values['is-wait-p90-hours'], 0, 1e6),
    fsBacklogWeeks: numberOption('fs-backlog-weeks', values['fs-backlog-weeks'], 0, 1e6),
    csCoverageMax: numberOption('cs-coverage-max', values['cs-coverage-max'], 0, 1e6),
  };
  if (!target && Object.values(service).every((v) => v === undefined)) throw new InputError(`--goal-seek: give a target (--target-arr, --target-bookings or --target-won) or a service target\n${USAGE}`);
  const confidence = numberOption('confidence', values.confidence, 0.01, 0.99) ?? 0.85;
  const bound = numberOption('max-per-dept', values['max-per-dept'], 0, 100) ?? 10;
  if (!Number.isInteger(bound)) throw new InputError(`--max-per-dept: must be a whole number from 0 to 100, got ${values['max-per-dept']}`);
  if (values['calendar-csv'] !== undefined) checkOut(values['calendar-csv']);
  return { input: { scenario, target, confidence, service, maxPerDepartment: bound, allowRemovals: values['allow-removals'] }, bound, calendarCsv: values['calendar-csv'] };
}

/**
 * One progress line on stderr in the app's words (progressLineText), rewritten in place on a terminal;
 * elsewhere a line per finished trial. `added`: the people the plan adds so far, as last sent.
 */
function progressLine(lang: 'en' | 'ja', p: GoalSeekProgress, added: number, bound: number, confidence: number): void {
  const line = progressLineText(p, added, bound, confidence, lang);
  if (process.stderr.isTTY) process.stderr.write(`\r${line}\x1b[K`);
  else if (p.total > 0 && p.done === p.total) process.stderr.write(`${line}\n`);
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
  // Goal-seek makes dozens of runs: workers stay up between them (booting one takes seconds); the pool is terminated below.
  const pool = nodePool({ size, idleMs: values['goal-seek'] || values.sensitivity ? 60_000 : 0 });
  let output: string;
  try {
    if (values['goal-seek']) {
      const ask = goalSeekAsk(values, scenario);
      let said = false;
      let added = 0;
      let lastPath = '';
      const onStep = (p: GoalSeekPartial) => {
        added = p.plan.reduce((a, h) => a + Math.max(0, h.change), 0);
        // An outcome known before the search ends (the bound plan surely short) is said at once, then the path.
        if (p.decided && !said) process.stderr.write(`${decidedText(p, ask.bound, lang)}\n`);
        said ||= Boolean(p.decided);
        const steps = p.path.map((h) => `${signedPeople(h.change ?? 1)} ${translate(lang, department(h.department).label)}`);
        // The timing sends the same path again with each hire timed: a path line only when it changed.
        const pathLine = `${goalSeekText(lang, 'gsPath')}: ${steps.join(lang === 'ja' ? '、' : ', ') || '–'}`;
        if (pathLine !== lastPath) process.stderr.write(`${pathLine}\n`);
        lastPath = pathLine;
      };
      const confidence = ask.input.confidence ?? DEFAULT_CONFIDENCE;
      const result = await goalSeek(
        { ...ask.input, onStep },
        { runner: pool, onProgress: (p) => progressLine(lang, p as GoalSeekProgress, added, ask.bound, confidence) },
      );
      process.stderr.write('\n');
      const calendar = calendarOf(result.plan, scenario, result.confidence);
      if (ask.calendarCsv !== undefined) writeFileSync(ask.calendarCsv, hiringCalendarCsv(calendar, lang, result));
      output = values.json ? jsonText({ ...result, calendar }) : formatGoalSeek(scenario.name, result, calendar, ask.bound, lang, scenario.startDate);
    } else if (values.sensitivity) {
      const rows = await sensitivity({ scenario }, { runner: pool });
      output = values.json ? jsonText(rows) : formatSensitivity(rows, scenario.replications, lang);
    } else if (values['next-hire']) {
      // One pass on the pool: the scenario and one more person in each department, from one warm-up per replication.
      const hire = await nextBestHire({ scenario }, { runner: pool });
      output = values.json ? jsonText(hire) : formatNextHire(scenario.name, hire, lang);
    } else {
      const precision = precisionOption(values.precision);
      const { result } = await singleRun(scenario, { runner: pool }, precision);
      if (precision) {
        // Said on stderr, so the report keeps its form: how many replications the answer needed, and how precise it is.
        const arr = result.measures.revenue.arrEndYen;
        const reached = (arr.ciHigh - arr.ciLow) / 2 / Math.abs(arr.mean);
        const n = result.scenario.replications;
        process.stderr.write(`${n < scenario.replications ? `stopped after ${n} replications` : `ran all ${n} replications`}: ARR at the horizon within ±${(reached * 100).toFixed(2)}% at 95% (asked ±${(precision.relative * 100).toFixed(2)}%)\n`);
      }
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

/** `--precision R`: ARR at the horizon's 95% interval within ±R of its mean (0 < R < 1); undefined without it. */
function precisionOption(text: string | undefined): PrecisionTarget | undefined {
  if (text === undefined) return undefined;
  const relative = Number(text);
  if (!(relative > 0 && relative < 1)) throw new InputError(`--precision: must be a share between 0 and 1 (0.01 = within ±1%), got ${printable(text)}`);
  return { path: ['revenue', 'arrEndYen'], relative };
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
