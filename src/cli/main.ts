/**
 * The command line: `npm run simulate -- FILE [--reps N] [--seed S] [--workers N] [--json] [--out FILE] [--next-hire]`.
 * Replications run on the same worker pool as the app, in Node worker threads.
 * Exit 0 on success, 2 on bad input (an invalid scenario or option), 1 on an internal error.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseScenarioText } from '../scenario/validate.ts';
import { nodePool } from '../workers/nodeWorkers.ts';
import { formatNextHire, formatReport } from './format.ts';
import { nextBestHire } from '../montecarlo/compare.ts';

const USAGE = 'usage: npm run simulate -- FILE.json [--reps N] [--seed S] [--workers N] [--json] [--out FILE] [--next-hire]';

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
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    throw new InputError(`${(e as Error).message}\n${USAGE}`);
  }
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv);
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new InputError(`expected one scenario file, got ${positionals.length}\n${USAGE}`);
  const file = positionals[0];
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`${file}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const validation = parseScenarioText(text);
  if (!validation.ok) throw new InputError(`${file}: invalid scenario\n${validation.problems.map((p) => `  ${p}`).join('\n')}`);
  const scenario = validation.scenario;
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
      const hire = await nextBestHire(scenario, (s) => pool.runPaired(s));
      output = values.json ? JSON.stringify(hire, null, 2) : formatNextHire(scenario.name, hire);
    } else {
      const result = await pool.run(scenario);
      output = values.json ? JSON.stringify(result, null, 2) : formatReport(result);
    }
  } finally {
    pool.terminate();
  }
  if (values.out) writeFileSync(values.out, `${output}\n`);
  else process.stdout.write(`${output}\n`);
  return 0;
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
