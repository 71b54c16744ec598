/** The command line as a user runs it (`npm run simulate -- ...`), for the CLI tests. */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { join } from 'node:path';

/** The project's root folder. */
export const PROJECT_ROOT = join(import.meta.dirname, '../..');

/**
 * A function running the CLI with its arguments and returning its exit status and
 * output; it is killed after `timeoutMs` (the CLI tests run on a shared machine, where
 * a few replications can take a minute).
 */
export function cliRunner(timeoutMs: number): (...args: string[]) => SpawnSyncReturns<string> {
  return (...args) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: timeoutMs });
}
