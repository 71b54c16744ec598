/**
 * What a thread reuses between replications (the lead table, the event queue, the stages' wait
 * buffers) carries nothing over: a replication run after others, larger and
 * smaller, gives byte for byte what it gave before them.
 */
import { expect, it } from 'vitest';
import { simulateReplication } from '../../src/engine/simulate.ts';
import { libraryScenarios } from '../support/scenarios.ts';

it('a replication after others in the same thread is the same as before them', () => {
  const library = libraryScenarios().map((x) => x.scenario);
  const small = { ...library.find((s) => s.name)!, horizonDays: 200 };
  const before = library.map((s) => JSON.stringify(simulateReplication({ ...s, horizonDays: 400 }, 2)));
  // Runs of other sizes in between: the buffers grow, then serve smaller runs.
  for (const s of library) simulateReplication(s, 7);
  simulateReplication(small, 1);
  const after = library.map((s) => JSON.stringify(simulateReplication({ ...s, horizonDays: 400 }, 2)));
  expect(after).toEqual(before);
});
