/** Editing a distribution by its mean keeps its shape: the patience too (a lognormal stayed lognormal only for durations). */
import { describe, expect, it } from 'vitest';
import { distMean, withMean, withPatienceMean } from '../../src/ui/editor/draft.ts';

describe('editing by the mean', () => {
  it('a lognormal patience keeps its shape when its mean is edited', () => {
    const edited = withPatienceMean({ kind: 'lognormal', mean: 21, p90: 45 }, 42);
    expect(edited).toEqual({ kind: 'lognormal', mean: 42, p90: 90 });
    expect(distMean(edited)).toBe(42);
  });

  it('items that waited forever get an exponential patience of that mean', () => {
    expect(withPatienceMean(null, 14)).toEqual({ kind: 'exponential', mean: 14 });
    expect(withPatienceMean(undefined, 14)).toEqual({ kind: 'exponential', mean: 14 });
  });

  it('durations scale every parameter of their shape', () => {
    expect(withMean({ kind: 'gamma', mean: 7, p90: 14 }, 14)).toEqual({ kind: 'gamma', mean: 14, p90: 28 });
    expect(withMean(5, 8)).toBe(8);
  });
});
