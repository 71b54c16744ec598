/**
 * Experiments over a runner: the single run forwards partials with their
 * scenario, the comparison pairs each variant with the baseline (and does not run
 * one that cannot be paired), progress names the run in progress, and an abort
 * stops the experiment.
 */
import { describe, expect, it } from 'vitest';
import { compareVariants, singleRun, type ExperimentProgress } from '../../src/experiments/index.ts';
import { InlineRunner, inlineRunner, RunCancelled, runInline, type PartialRun, type Runner } from '../../src/runner/index.ts';
import { compareValues, withHire } from '../../src/montecarlo/compare.ts';
import { libraryScenarios } from '../support/scenarios.ts';

const baseline = libraryScenarios().find((s) => s.file === 'baseline.json')!.scenario;
const small = { ...baseline, replications: 5, horizonDays: 90, warmupDays: 30 };

/** A runner that records what it was asked to run. */
const recording = (asked: string[]): Runner => ({
  run: (s, o) => {
    asked.push(s.name);
    return inlineRunner.run(s, o);
  },
});

describe('single run', () => {
  it('is the runner\'s run, partials and all', async () => {
    const partials: PartialRun[] = [];
    const run = await singleRun(small, { runner: new InlineRunner(1), onPartial: (p) => partials.push(p) });
    expect(JSON.stringify(run.result)).toBe(JSON.stringify(runInline(small).result));
    expect(partials).toHaveLength(small.replications);
    expect(partials.every((p) => p.scenario === run.scenario)).toBe(true);
  });
});

describe('comparison of variants', () => {
  it('pairs each variant with the baseline; a variant with another seed is not run, and says why', async () => {
    const hired = { ...withHire(small, 'insideSales', 1), name: 'hired' };
    const reseeded = { ...small, name: 'reseeded', seed: 'another' };
    const asked: string[] = [];
    const progress: ExperimentProgress[] = [];
    const c = await compareVariants({ baseline: small, variants: [hired, reseeded] }, { runner: recording(asked), onProgress: (p) => progress.push(p) });
    expect(asked).toEqual([small.name, 'hired']);
    expect(c.variants[0].differences).toEqual(compareValues(runInline(small).values, runInline(hired).values));
    expect(c.variants[1]).toMatchObject({ run: null, differences: null });
    expect(c.variants[1].unpaired).toMatch(/^seed:/);
    expect([...new Set(progress.map((p) => `${p.step}/${p.steps}`))]).toEqual(['0/2', '1/2']);
  });

  it('uses a run of the baseline already made instead of running it again', async () => {
    const asked: string[] = [];
    const base = runInline(small);
    const c = await compareVariants({ baseline: small, variants: [{ ...small, name: 'same' }], base }, { runner: recording(asked) });
    expect(asked).toEqual(['same']);
    expect(c.base).toBe(base);
    expect(c.variants[0].differences!.won.mean).toBe(0);
  });

  it('an abort stops it with RunCancelled', async () => {
    const controller = new AbortController();
    const run = compareVariants(
      { baseline: small, variants: [{ ...small, name: 'v' }] },
      { runner: inlineRunner, signal: controller.signal, onProgress: (p) => p.step === 1 && controller.abort() },
    );
    await expect(run).rejects.toBeInstanceOf(RunCancelled);
  });
});
