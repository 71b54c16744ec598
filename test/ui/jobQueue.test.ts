/**
 * The app's one scheduler: a newer job of the same key supersedes the older, a
 * job of a lower band interrupts the running one (which runs again later), stop
 * drops everything, partials are drawn once per frame and never after their job
 * ended, readiness holds a job back, and every job reports through its status.
 */
import { describe, expect, it } from 'vitest';
import { JobQueue, type Job, type JobStatus } from '../../src/ui/state/jobQueue.ts';
import { RunCancelled, type PartialRun, type Run, type Runner } from '../../src/runner/types.ts';
import type { Scenario } from '../../src/scenario/types.ts';

/**
 * A runner whose runs end when the test says (or fail on abort, as the pool does, first
 * handing over `atAbort` when the test set one: the pool's partial of all it finished).
 */
class ManualRunner implements Runner {
  readonly runs: { name: string; finish: () => void; fail: (e: Error) => void; partial: (p: PartialRun) => void; aborted: () => boolean; atAbort?: PartialRun }[] = [];
  run(scenario: Scenario, options: Parameters<Runner['run']>[1] = {}): Promise<Run> {
    return new Promise<Run>((resolve, reject) => {
      const { signal } = options;
      const index = this.runs.length;
      signal?.addEventListener('abort', () => {
        const last = this.runs[index].atAbort;
        if (last) options.onPartial?.(last);
        reject(new RunCancelled());
      });
      this.runs.push({
        name: scenario.name,
        finish: () => resolve({ scenario, result: { name: scenario.name } as never, values: { measures: {} as never, controls: [], service: {} as never } }),
        fail: reject,
        partial: (p) => options.onPartial?.(p),
        aborted: () => signal?.aborted ?? false,
      });
    });
  }
}

const status = (): JobStatus => ({ state: 'idle', progress: null, error: null });
const flush = () => new Promise((r) => setTimeout(r, 0));

/** A job running scenario `name` once; records what it delivered. */
function job(name: string, band = 1, key = name) {
  const delivered: string[] = [];
  const j: Job<Run> & { delivered: string[] } = {
    key,
    band: () => band,
    status: status(),
    size: () => ({ total: 10, steps: 1 }),
    start: (o) => o.runner.run({ name } as Scenario, { signal: o.signal, onPartial: o.onPartial }),
    partial: (p) => delivered.push(`partial ${p.scenario.name}`),
    done: (run) => delivered.push(`done ${run.scenario.name}`),
    delivered,
  };
  return j;
}

function setup() {
  const runner = new ManualRunner();
  const frames: (() => void)[] = [];
  const queue = new JobQueue(() => runner, (cb) => frames.push(cb));
  const drawFrames = async () => {
    await flush();
    while (frames.length) frames.shift()!();
    await flush();
  };
  return { runner, queue, drawFrames };
}

describe('job queue', () => {
  it('runs one job at a time, lowest band first, and reports through each status', async () => {
    const { runner, queue, drawFrames } = setup();
    const a = job('a', 1);
    const b = job('b', 0);
    queue.submit(a);
    await flush();
    expect(runner.runs.map((r) => r.name)).toEqual(['a']);
    expect(a.status.state).toBe('running');
    expect(a.status.progress).toMatchObject({ done: 0, total: 10, step: 0, steps: 1 });
    // b (band 0) interrupts a, which waits to run again.
    queue.submit(b);
    expect(runner.runs[0].aborted()).toBe(true);
    await flush();
    expect(runner.runs.map((r) => r.name)).toEqual(['a', 'b']);
    expect(a.status.state).toBe('running');
    runner.runs[1].finish();
    await drawFrames();
    expect(b.status.state).toBe('done');
    expect(b.delivered).toEqual(['done b']);
    expect(runner.runs.map((r) => r.name)).toEqual(['a', 'b', 'a']);
    runner.runs[2].finish();
    await drawFrames();
    expect(a.status.state).toBe('done');
    expect(a.delivered).toEqual(['done a']);
  });

  it('a newer job of the same key supersedes a running one: nothing of the old one is delivered', async () => {
    const { runner, queue, drawFrames } = setup();
    const old = job('old', 1, 'k');
    queue.submit(old);
    await flush();
    runner.runs[0].partial({ scenario: { name: 'old' } as Scenario, result: {} as never });
    const newer = job('new', 1, 'k');
    queue.submit(newer);
    await drawFrames();
    expect(runner.runs.map((r) => r.name)).toEqual(['old', 'new']);
    expect(old.delivered).toEqual([]);
    runner.runs[1].finish();
    await drawFrames();
    expect(newer.delivered).toEqual(['done new']);
  });

  it('draws the latest partial once per frame', async () => {
    const { runner, queue, drawFrames } = setup();
    const a = job('a');
    queue.submit(a);
    await flush();
    for (const n of ['p1', 'p2', 'p3']) runner.runs[0].partial({ scenario: { name: n } as Scenario, result: {} as never });
    await drawFrames();
    expect(a.delivered).toEqual(['partial p3']);
  });

  it('stop cancels the running job and drops the queued ones, which read as stopped', async () => {
    const { runner, queue } = setup();
    const a = job('a');
    const b = job('b', 2);
    queue.submit(a);
    queue.submit(b);
    b.status.state = 'running'; // asked for (the app shows it waiting)
    await flush();
    queue.stop();
    await flush();
    expect(a.status.state).toBe('stopped');
    expect(b.status.state).toBe('stopped');
    expect(runner.runs.map((r) => r.name)).toEqual(['a']);
    expect(queue.has('a') || queue.has('b')).toBe(false);
  });

  it('a failing run reads as an error with its message, and the queue goes on', async () => {
    const { runner, queue, drawFrames } = setup();
    const a = job('a');
    const b = job('b');
    queue.submit(a);
    queue.submit(b);
    await flush();
    runner.runs[0].fail(new Error('simulation worker threw: boom'));
    await drawFrames();
    expect(a.status).toMatchObject({ state: 'error', error: 'simulation worker threw: boom' });
    expect(runner.runs.map((r) => r.name)).toEqual(['a', 'b']);
  });

  it('a job that is not ready waits, and starts once a finished job makes it ready', async () => {
    const { runner, queue, drawFrames } = setup();
    let baseDone = false;
    const analysis = { ...job('analysis', 2), ready: () => baseDone };
    const base = { ...job('base', 0), done: () => (baseDone = true) };
    queue.submit(analysis);
    await flush();
    expect(runner.runs).toHaveLength(0);
    queue.submit(base);
    await flush();
    runner.runs[0].finish();
    await drawFrames();
    expect(runner.runs.map((r) => r.name)).toEqual(['base', 'analysis']);
  });
});

describe('job queue: pacing of partial results', () => {
  /** A queue with a clock and timers the test moves by hand, partials at least `gap` ms apart. */
  function paced(gap: number) {
    const runner = new ManualRunner();
    const frames: (() => void)[] = [];
    const timers: { at: number; cb: () => void }[] = [];
    let now = 0;
    const reps = (p: PartialRun) => Number(p.scenario.name.split(':')[1]);
    const queue = new JobQueue(() => runner, (cb) => frames.push(cb), {
      partialGapMs: gap,
      now: () => now,
      after: (ms, cb) => timers.push({ at: now + ms, cb }),
      urgent: (p, last) => reps(p) >= 10 && (last === null || reps(last) < 10),
    });
    const drawn: string[] = [];
    const partialAt = (n: number) => runner.runs[0].partial({ scenario: { name: `a:${n}` } as Scenario, result: { scenario: { replications: n } } as never });
    /** Moves the clock to `t`, firing the timers due, then draws the frames asked for. */
    const advance = async (t: number) => {
      now = t;
      for (const timer of timers.filter((x) => x.at <= t)) {
        timers.splice(timers.indexOf(timer), 1);
        timer.cb();
      }
      while (frames.length) frames.shift()!();
      await flush();
    };
    const a: Job<Run> = { ...job('a'), partial: (p) => drawn.push(p.scenario.name) };
    queue.submit(a);
    return { runner, queue, partialAt, advance, drawn, a };
  }

  it('draws at most one partial per gap, the latest one, and the finished result always', async () => {
    const { runner, partialAt, advance, drawn, a } = paced(300);
    await flush();
    partialAt(1);
    await advance(0);
    expect(drawn).toEqual(['a:1']);
    // Within the gap: held back, and later ones replace it.
    partialAt(2);
    await advance(100);
    partialAt(3);
    await advance(200);
    expect(drawn).toEqual(['a:1']);
    await advance(300);
    expect(drawn).toEqual(['a:1', 'a:3']);
    // The run ends with a partial still waiting: the finished result comes anyway, the waiting partial never.
    partialAt(4);
    runner.runs[0].finish();
    await advance(350);
    await advance(700);
    expect(drawn).toEqual(['a:1', 'a:3']);
    expect(a.status.state).toBe('done');
  });

  it("a user's Stop draws the partial waiting for its gap, and the status counts what the figures rest on", async () => {
    const { queue, partialAt, advance, drawn, a } = paced(300);
    await flush();
    partialAt(1);
    await advance(0);
    partialAt(3);
    await advance(100);
    expect(drawn).toEqual(['a:1']);
    a.status.progress = { done: 4, total: 10, elapsedMs: 100, etaMs: NaN, step: 0, steps: 1 };
    queue.stopJob('a');
    await advance(150);
    expect(drawn).toEqual(['a:1', 'a:3']);
    expect(a.status.state).toBe('stopped');
    expect(a.status.progress?.done).toBe(3);
  });

  it("a user's Stop draws the partial the runner hands over inside the abort (all it finished), and the status counts it", async () => {
    const { runner, queue, partialAt, advance, drawn, a } = paced(300);
    await flush();
    partialAt(1);
    await advance(0);
    partialAt(3);
    await advance(100);
    runner.runs[0].atAbort = { scenario: { name: 'a:5' } as Scenario, result: { scenario: { replications: 5 } } as never };
    queue.stopJob('a');
    await advance(150);
    expect(drawn).toEqual(['a:1', 'a:5']);
    expect(a.status.state).toBe('stopped');
    expect(a.status.progress?.done).toBe(5);
  });

  it('draws the first partial resting on 10 replications at the next frame, whatever the gap', async () => {
    const { partialAt, advance, drawn } = paced(300);
    await flush();
    partialAt(1);
    await advance(0);
    partialAt(7);
    await advance(50);
    partialAt(10);
    await advance(60);
    expect(drawn).toEqual(['a:1', 'a:10']);
    // The timer of the partial it overtook draws nothing: the gap holds again from there.
    partialAt(12);
    await advance(300);
    expect(drawn).toEqual(['a:1', 'a:10']);
    await advance(360);
    expect(drawn).toEqual(['a:1', 'a:10', 'a:12']);
  });
});

describe('stopJob: a user stopping one analysis', () => {
  it('ends the running job as stopped once its run has settled, and lets the others run; cancel() would leave it running', async () => {
    const { runner, queue, drawFrames } = setup();
    const a = job('a', 2, 'analysis');
    const b = job('b', 2);
    queue.submit(a);
    queue.submit(b);
    await flush();
    queue.stopJob('analysis');
    await drawFrames();
    expect(runner.runs[0].aborted()).toBe(true);
    expect(a.status.state).toBe('stopped');
    expect(a.delivered).toEqual([]);
    expect(runner.runs[1].name).toBe('b');
    // The same with cancel(): the job reads as running although nothing runs it.
    const c = job('c', 2, 'other');
    queue.submit(c);
    runner.runs[1].finish();
    await drawFrames();
    queue.cancel('other');
    if (c.status.state === 'running') c.status.state = 'stopped';
    await drawFrames();
    expect(c.status.state).toBe('running');
  });

  it('drops a queued job as stopped', async () => {
    const { queue } = setup();
    queue.submit(job('first', 1));
    const q = job('queued', 2);
    queue.submit(q);
    q.status.state = 'running';
    queue.stopJob('queued');
    expect(q.status.state).toBe('stopped');
    expect(queue.has('queued')).toBe(false);
  });
});
