/**
 * Goal-seek's progress as the panel and the CLI read it: each stage opens with a
 * progress event of its own (so the task line never keeps a previous stage's
 * words while the first run of the new stage warms up), and the decided plan is
 * sent before step 0 is read again, so it appears as soon as it is decided.
 */
import { describe, expect, it } from 'vitest';
import { goalSeek, type GoalSeekPartial, type GoalSeekProgress } from '../../src/experiments/index.ts';
import { inlineRunner } from '../../src/runner/index.ts';
import { isWaitQuestion } from '../support/scenarios.ts';

type Event = { kind: 'progress'; p: GoalSeekProgress } | { kind: 'step'; p: GoalSeekPartial };

describe('goal-seek: progress at each stage and the decision first', () => {
  it('opens each stage with its own progress event, and sends the decided plan before re-reading step 0', async () => {
    const events: Event[] = [];
    const r = await goalSeek(
      {
        ...isWaitQuestion('goal-seek-progress'),
        onStep: (p) => events.push({ kind: 'step', p }),
      },
      { runner: inlineRunner, onProgress: (p) => events.push({ kind: 'progress', p: p as GoalSeekProgress }) },
    );
    expect(r.status).toBe('met');
    expect(r.timing.length).toBeGreaterThan(0);
    const progress = events.flatMap((e) => (e.kind === 'progress' ? [e.p] : []));
    // Each stage's first progress event is its start: nothing run yet, and the task is the stage's own.
    const first = (phase: GoalSeekProgress['phase']) => progress.find((p) => p.phase === phase)!;
    expect(first('search')).toMatchObject({ done: 0, task: 'bounds' });
    expect(first('timing')).toMatchObject({ done: 0 });
    expect(['baseline', 'timing']).toContain(first('timing').task);
    expect(first('verify')).toMatchObject({ done: 0, task: 'verify' });
    // Every timed hire is announced before its runs: its first event has done 0 and names it.
    for (let hire = 1; hire <= (progress.find((p) => p.timing)?.timing?.of ?? 0); hire++) {
      const at = progress.find((p) => p.task === 'timing' && p.timing?.hire === hire);
      if (at) expect(at.done).toBe(0);
    }
    // Each step of the search is announced too: its first event names its step before its runs report
    // (else the line kept the previous step's number and task through the warm-up).
    for (const step of new Set(progress.filter((p) => p.task === 'candidates').map((p) => p.searchStep))) {
      expect(progress.find((p) => p.task === 'candidates' && p.searchStep === step)?.done, `step ${step}`).toBe(0);
    }
    // The decided plan comes before step 0's re-read (task 'baseline'), which runs in the next stage.
    const decidedAt = events.findIndex((e) => e.kind === 'step' && e.p.decided === 'met');
    const baselineAt = events.findIndex((e) => e.kind === 'progress' && e.p.task === 'baseline');
    expect(decidedAt).toBeGreaterThanOrEqual(0);
    expect(baselineAt).toBeGreaterThan(decidedAt);
    // After the decision, no progress event says the search stage.
    expect(events.slice(decidedAt).some((e) => e.kind === 'progress' && e.p.phase === 'search')).toBe(false);
  }, 120_000);
});
