/**
 * The engine keeps the lead whose stream it draws from, and the queue it takes
 * from, in module-level state set just before use (replication.ts). An observer
 * that runs another replication in the middle of one must leave that one's
 * result as it was.
 */
import { expect, it } from 'vitest';
import { simulateReplication } from '../../src/engine/simulate.ts';
import { libraryScenarios } from '../support/scenarios.ts';

it('an observer that runs other replications leaves the result unchanged', () => {
  const base = libraryScenarios().find((x) => x.file === 'baseline.json')!.scenario;
  const s = { ...base, warmupDays: 60, horizonDays: 120 };
  const inner = { ...s, seed: 'inner', horizonDays: 30 };
  const plain = JSON.stringify(simulateReplication(s, 0));
  let calls = 0, nested = 0;
  const now = () => {
    // Every 97th call, including arrivals (drawn before and after their observer) and starts (inside fill).
    if (++calls % 97 === 0) {
      simulateReplication(inner, nested++);
    }
  };
  const observed = simulateReplication(s, 0, { transitions: now, onStart: now });
  expect(nested).toBeGreaterThan(20);
  expect(JSON.stringify(observed)).toBe(plain);
});
