/**
 * Goal-seek's answer as it is read: step 0 (the scenario as it is) rests on as
 * many replications as the first step beside it, not on the first look that
 * decided the search must start; and the decision that the plan's people are
 * chosen is sent as a partial answer whatever follows it (the timing and the
 * check, or the check alone), riding on the last step's partial answer.
 */
import { describe, expect, it } from 'vitest';
import { goalSeek, type GoalSeekPartial } from '../../src/experiments/index.ts';
import { decidedText } from '../../src/experiments/goalSeekText.ts';
import { inlineRunner } from '../../src/runner/index.ts';
import { isWaitQuestion } from '../support/scenarios.ts';

// Inside Sales at load 0.9 with 5 people: met with a few more (see isWaitQuestion).
const ask = (searchTiming: boolean, onStep: (p: GoalSeekPartial) => void) => ({ ...isWaitQuestion('goal-seek-decided'), searchTiming, onStep });

describe('goal-seek: step 0 and the decision', () => {
  it('step 0 rests on as many replications as the first step (not the first look of 10)', async () => {
    const r = await goalSeek(ask(false, () => {}), { runner: inlineRunner });
    expect(r.status).toBe('met');
    expect(r.path.length).toBeGreaterThan(0);
    // Decided missed on the first look, but read on the first step's replications (20 or more).
    expect(r.path[0].after.replications).toBeGreaterThanOrEqual(20);
    expect(r.baseline.replications).toBe(r.path[0].after.replications);
    expect(r.baseline.met).toBe(false);
  }, 120_000);

  it('without a timing, the decision is sent too, riding on the last step, and says the check alone follows', async () => {
    const partials: GoalSeekPartial[] = [];
    const r = await goalSeek(ask(false, (p) => partials.push(p)), { runner: inlineRunner });
    // One partial answer per step; the last says the people are chosen, and that the check alone follows.
    expect(partials.map((p) => p.path.length)).toEqual(r.path.map((_, i) => i + 1));
    expect(partials.slice(0, -1).every((p) => !p.decided)).toBe(true);
    expect(partials.at(-1)).toMatchObject({ decided: 'met', phase: 'verify', path: r.path });
    expect(decidedText(partials.at(-1)!, 5, 'en')).toMatch(/check with new random numbers follows\.$/);
  }, 120_000);

  it('with a timing, the decision comes before it, and says the quarters follow', async () => {
    const partials: GoalSeekPartial[] = [];
    const r = await goalSeek(ask(true, (p) => partials.push(p)), { runner: inlineRunner });
    const first = partials.findIndex((p) => p.decided === 'met');
    expect(first).toBe(r.path.length - 1);
    expect(partials[first]).toMatchObject({ phase: 'timing', timing: [] });
    expect(decidedText(partials[first], 5, 'ja')).toContain('最も遅い四半期');
    expect(r.timing.length).toBeGreaterThan(0);
  }, 120_000);
});
