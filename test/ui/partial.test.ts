/** A result of fewer replications than its run asked for is marked partial; a whole run is not. */
import { describe, expect, it } from 'vitest';
import { partialOf } from '../../src/ui/partial.ts';
import type { PartialRun } from '../../src/runner/types.ts';

const shown = (done: number, total: number) => ({ scenario: { replications: total }, result: { scenario: { replications: done } } }) as unknown as PartialRun;

describe('partialOf', () => {
  it('1 of 200 replications after Stop is partial: 1 of 200', () => expect(partialOf(shown(1, 200))).toEqual({ done: 1, total: 200 }));
  it('200 of 200 is the whole run: no marker', () => expect(partialOf(shown(200, 200))).toBeNull());
  it('nothing shown: no marker', () => expect(partialOf(null)).toBeNull());
});
