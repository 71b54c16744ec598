/**
 * Browser benchmark (a script, not a test): in Chromium against the production
 * build, the default run of the baseline (200 replications) after an edit, run
 * several times, one Inside Sales rep more and less in turn. For each run it
 * prints where the time went:
 *
 * - the run's wall time, and how much of it the worker spent on chunks (each
 *   chunk's round trip, seen on the page's side of the worker's messages), so a
 *   run slowed by the page, the transfer or idle gaps shows as a low share;
 * - the time to the first drawn partial result (it includes the pause (150 ms; 350 ms before issue 13's precision work)
 *   after an edit), and how many replications it rested on;
 * - the main thread's long tasks (the Long Tasks API reports those over 50 ms);
 * - the first time-left estimate shown, against the time the run really took
 *   from that moment;
 * - for the page load, its path on the page's clock: DOMContentLoaded, the workers
 *   asked to start and ready, the first chunks sent and back, the first picture;
 * - the main thread's own work during the run (Chromium's counters: script,
 *   style, layout, all tasks, and its CPU time), which a busy machine does not
 *   inflate as it inflates the long tasks' wall time.
 *
 * With COLD=1 the page waits COLD_WAIT_MS (32 s: longer than the 30 s after
 * which builds before 2026-11-26's fourth update released idle workers, so the
 * next edit gets a fresh worker; later builds keep them 10 min, so the same wait
 * shows that a pause finds warm workers) before each edit, as a user pausing to think; with
 * COLD=alt before every other edit, so the two kinds alternate. Run with
 * `npm run bench:browser`; E2E_PORT picks the port, RUNS the number of runs,
 * DIST a build directory to serve instead of building this checkout.
 *
 * With WHATIF=1 it then times, from the click, the one-click "IS ×2" what-if
 * until its comparison is read (every tab done, the ARR difference shown), and
 * "Where should the next hire go?" until its ranking is shown (issue 13's table:
 * IS x2 click to verdict, next best hire), with the same long-task count and
 * the main thread's tasks traced by CPU and wall time. LONG_FUNCTIONS=1 also
 * samples the main thread's JavaScript there and lists, for each task over 30 ms,
 * the functions its CPU went to (sampling costs time: figures with it are for
 * reading, not comparing); TRACE_WHATIF=prefix keeps those traces, and
 * WHATIF_CATEGORIES adds trace categories to them (e.g.
 * `v8,devtools.timeline,disabled-by-default-v8.gc` names each collection's kind). ALLOCATIONS=1
 * samples what the page's JavaScript allocates there (objects collected since too)
 * and lists the top sites by bytes, with their callers.
 */
import { spawn, execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4175);
const RUNS = Number(process.env.RUNS ?? 4);
const COLD_WAIT_MS = Number(process.env.COLD_WAIT_MS ?? 32_000);
/** Whether run i waits for the idle worker to go first: COLD=1 every run, COLD=alt every other one (cold, warm, ...). */
const cold = (i: number) => process.env.COLD === '1' || (process.env.COLD === 'alt' && i % 2 === 0);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

// DIST serves a build made elsewhere (another commit's, to compare), as it is.
const dist = process.env.DIST;
if (!dist && !process.env.NO_BUILD) execSync('npx vite build --logLevel error', { stdio: 'inherit' });
// Its own process group, so the server (not only npx) stops with the bench.
const server = spawn('node_modules/.bin/vite', ['preview', ...(dist ? ['--outDir', dist] : []), '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore', detached: true });
await new Promise((r) => setTimeout(r, 2500));
// A server that could not take the port (another one left there) would leave the bench measuring whatever serves it.
if (server.exitCode !== null) throw new Error(`vite preview exited (${server.exitCode}): is port ${PORT} taken?`);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  // JS_FLAGS: V8 flags for Chromium (a diagnosis only: the app cannot set them), e.g. JS_FLAGS=--no-flush-bytecode.
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...(process.env.JS_FLAGS ? [`--js-flags=${process.env.JS_FLAGS}`] : [])],
});

/** What one run measured (times in ms from the edit). */
interface Measured {
  full: number;
  firstDrawn: number;
  firstDrawnDone: number;
  /** The first drawn result resting on 10 replications or more (the partial marker's count, or the finished run). */
  drawnOn10: number;
  longTasks: number[];
  firstEta: { at: number; etaMs: number } | null;
  /** Chunks: [sent, answered, from, to] (ms from the edit). */
  chunks: [number, number, number, number][];
  /** The first worker message (ping) sent, and its answer, if a worker started in this run. */
  start: [number, number] | null;
  /** Long animation frames (over 50 ms): where each spent its time. */
  frames: LongFrame[];
  /** The main thread's tasks from a Chromium trace: the longest by its own CPU time, and by wall time (ms). */
  tasks?: MainTasks;
}

/** The page's main-thread tasks in a trace (category toplevel): CPU time is what a busy machine does not inflate. */
interface MainTasks {
  longestCpu: number;
  longestWall: number;
  /** Tasks whose own CPU time exceeds 50 ms. */
  overCpu50: number;
  /**
   * Each simulation worker's first task over 20 ms of CPU (its first chunk: replications 0-4 or
   * 5-9 with 2 workers, 0 with one; booting takes about 6 ms): its own CPU time and its wall time (ms). Wall far above CPU is a
   * wait for a core, not V8's warm-up.
   */
  workerFirst: { cpu: number; wall: number }[];
}

/** Reads the renderer main thread's top-level tasks from a Chromium trace (JSON). */
function mainTasks(trace: Buffer): MainTasks {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: { name: string; ph: string; pid: number; tid: number; ts?: number; dur?: number; tdur?: number; args?: { name?: string } }[] }).traceEvents;
  const main = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const tasks = events.filter((e) => e.ph === 'X' && /RunTask/.test(e.name) && main.has(`${e.pid}:${e.tid}`));
  const cpu = tasks.map((e) => (e.tdur ?? 0) / 1000);
  const workers = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'DedicatedWorker thread').map((e) => `${e.pid}:${e.tid}`);
  const workerFirst = workers.flatMap((w) => {
    const first = events
      .filter((e) => e.ph === 'X' && /RunTask/.test(e.name) && `${e.pid}:${e.tid}` === w && (e.tdur ?? 0) > 20_000)
      .sort((a, b) => (a.ts ?? 0) - (b.ts ?? 0))[0];
    return first ? [{ cpu: (first.tdur ?? 0) / 1000, wall: (first.dur ?? 0) / 1000 }] : [];
  });
  return { longestCpu: Math.max(0, ...cpu), longestWall: Math.max(0, ...tasks.map((e) => (e.dur ?? 0) / 1000)), overCpu50: cpu.filter((x) => x > 50).length, workerFirst };
}

/** A trace event as Chromium writes it (the fields read here). */
interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  pid: number;
  tid: number;
  id?: string;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { startTime?: number; timeDeltas?: number[]; cpuProfile?: { nodes?: { id: number; parent?: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples?: number[] } } };
}

/** Trace categories that sample the main thread's JavaScript (they cost time: figures with them are for reading, not comparing). */
/** A node of a sampled heap profile (CDP HeapProfiler.SamplingHeapProfileNode). */
interface AllocationNode {
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  selfSize: number;
  children: AllocationNode[];
}

/** The top allocation sites of a sampled heap profile: bytes by function (self) and by its caller, with the total. */
function allocationSites(root: AllocationNode, top = 14): string[] {
  const bySite = new Map<string, number>();
  let total = 0;
  const walk = (n: AllocationNode, caller: string) => {
    const f = n.callFrame;
    const here = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    if (n.selfSize > 0) {
      const key = `${here} <- ${caller}`;
      bySite.set(key, (bySite.get(key) ?? 0) + n.selfSize);
      total += n.selfSize;
    }
    for (const c of n.children) walk(c, here);
  };
  walk(root, '');
  const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`;
  return [`allocated (sampled) ${kb(total)}`, ...[...bySite].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, b]) => `${kb(b).padStart(9)} ${((100 * b) / total).toFixed(0).padStart(3)}%  ${k}`)];
}

const PROFILER = ['v8', 'disabled-by-default-v8.cpu_profiler', 'disabled-by-default-devtools.timeline'];

/** The main thread's sampled JavaScript in a trace: the call-tree nodes and the samples (ts in µs, trace clock). */
function mainProfile(events: TraceEvent[], main: Set<string>) {
  // 'Profile' gives its start, 'ProfileChunk's the samples with their time deltas.
  const nodes = new Map<number, { fn: string; parent?: number }>();
  const samples: { ts: number; node: number }[] = [];
  const profiles = new Map<string, number>();
  for (const e of events) if (e.name === 'Profile' && main.has(`${e.pid}:${e.tid}`) && e.id) profiles.set(e.id, e.args?.data?.startTime ?? e.ts);
  const clock = new Map<string, number>();
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || !e.id || !profiles.has(e.id)) continue;
    const cpu = e.args?.data?.cpuProfile;
    for (const n of cpu?.nodes ?? []) {
      const f = n.callFrame;
      nodes.set(n.id, { fn: `${f.functionName || '(anonymous)'} ${(f.url || '').split('/').pop()}:${f.lineNumber + 1}`, parent: n.parent });
    }
    let t = clock.get(e.id) ?? profiles.get(e.id)!;
    const deltas = e.args?.data?.timeDeltas ?? [];
    (cpu?.samples ?? []).forEach((node, i) => {
      t += deltas[i] ?? 0;
      samples.push({ ts: t, node });
    });
    clock.set(e.id, t);
  }
  samples.sort((a, b) => a.ts - b.ts);
  /** The functions the samples in [from, to] fell in (self time, ms, most first). */
  const selfTimes = (from: number, to: number, top: number): string => {
    const self = new Map<string, number>();
    const inTask = samples.filter((s) => s.ts >= from && s.ts <= to);
    for (let i = 0; i < inTask.length; i++) {
      const next = inTask[i + 1]?.ts ?? to;
      const fn = nodes.get(inTask[i].node)?.fn ?? '?';
      self.set(fn, (self.get(fn) ?? 0) + (next - inTask[i].ts) / 1000);
    }
    return [...self].sort((a, b) => b[1] - a[1]).slice(0, top).map(([f, ms]) => `${f} ${ms.toFixed(1)}`).join('; ');
  };
  return { sampled: samples.length > 0, selfTimes };
}

/** Threads named `name` in a trace, as 'pid:tid' keys. */
const threadsNamed = (events: TraceEvent[], name: string) => events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === name).map((e) => `${e.pid}:${e.tid}`);

/** Top-level tasks of the threads in `keys`, each once (a task is traced twice, the scheduler's RunTask around its own: the outermost is kept). */
function outerTasks(events: TraceEvent[], keys: Set<string>, keep: (e: TraceEvent) => boolean): TraceEvent[] {
  const all = events.filter((e) => e.ph === 'X' && /RunTask/.test(e.name) && keys.has(`${e.pid}:${e.tid}`) && keep(e));
  return all.filter((t) => !all.some((o) => o !== t && `${o.pid}:${o.tid}` === `${t.pid}:${t.tid}` && o.ts <= t.ts && o.ts + (o.dur ?? 0) >= t.ts + (t.dur ?? 0) && (o.ts < t.ts || (o.dur ?? 0) > (t.dur ?? 0) || all.indexOf(o) < all.indexOf(t))));
}

/**
 * The main thread's tasks over `overMs` (by CPU or wall) in a trace recorded with
 * the category disabled-by-default-v8.cpu_profiler: for each, its CPU and wall
 * time and the functions its samples fell in (self time, most first), so a long
 * task reads as work on the main thread (CPU close to wall) or a wait for a core
 * (wall far above CPU), and which work.
 */
function longTaskFunctions(trace: Buffer, overMs = 30, top = 8): string[] {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const main = new Set(threadsNamed(events, 'CrRendererMain'));
  const profile = mainProfile(events, main);
  const tasks = outerTasks(events, main, (e) => Math.max(e.tdur ?? 0, e.dur ?? 0) / 1000 > overMs);
  return tasks.map(
    (task) =>
      `task at ${((task.ts - events[0].ts) / 1000).toFixed(0)} ms: ${((task.tdur ?? 0) / 1000).toFixed(0)} ms CPU, ${((task.dur ?? 0) / 1000).toFixed(0)} ms wall; self time: ${profile.selfTimes(task.ts, task.ts + (task.dur ?? 0), top)}`,
  );
}

/**
 * Where the time from an edit to the first picture resting on 10 replications went
 * (BREAKDOWN=1): a timeline in ms from the edit (the page's marks bench:edit and
 * bench:on10 in the trace) of each chunk sent and answered, each worker's tasks
 * over 5 ms of CPU, and the main thread's tasks over 1 ms of CPU (with the
 * functions they sampled when the profiler was on).
 */
function breakdown(trace: Buffer, m: Measured): string[] {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const mark = (name: string) => events.find((e) => e.name === name && e.cat?.includes('user_timing'))?.ts;
  const edit = mark('bench:edit');
  const on10 = mark('bench:on10');
  if (edit === undefined || on10 === undefined) return ['breakdown: the marks bench:edit and bench:on10 are not in the trace'];
  const rel = (ts: number) => ((ts - edit) / 1000).toFixed(0);
  const inWindow = (e: TraceEvent) => e.ts + (e.dur ?? 0) >= edit && e.ts <= on10;
  const main = new Set(threadsNamed(events, 'CrRendererMain'));
  const profile = mainProfile(events, main);
  const lines: string[] = [`breakdown, edit -> picture on 10 at ${rel(on10)} ms:`];
  for (const [sent, answered, from, to] of m.chunks) if (sent <= (on10 - edit) / 1000) lines.push(`chunk ${from}-${to - 1}: sent ${sent.toFixed(0)}, answered ${answered.toFixed(0)} (${(answered - sent).toFixed(0)} ms)`);
  threadsNamed(events, 'DedicatedWorker thread').forEach((w, k) => {
    const tasks = outerTasks(events, new Set([w]), (e) => inWindow(e) && (e.tdur ?? 0) > 5_000);
    if (tasks.length) lines.push(`worker ${k}: ${tasks.map((t) => `${rel(t.ts)}-${rel(t.ts + (t.dur ?? 0))} (${((t.tdur ?? 0) / 1000).toFixed(0)} ms CPU)`).join(', ')}`);
  });
  for (const t of outerTasks(events, main, (e) => inWindow(e) && (e.tdur ?? 0) > 1_000))
    lines.push(`main ${rel(t.ts)}-${rel(t.ts + (t.dur ?? 0))}: ${((t.tdur ?? 0) / 1000).toFixed(1)} ms CPU${profile.sampled ? `; ${profile.selfTimes(t.ts, t.ts + (t.dur ?? 0), 4)}` : ''}`);
  return lines;
}

/** A long animation frame (Chromium's Long Animation Frames API), ms. */
interface LongFrame {
  at: number;
  duration: number;
  /** From the start of rendering (rAF callbacks, style, layout, paint) to the frame's end. */
  render: number;
  /** From the start of style and layout to the frame's end. */
  styleLayout: number;
  scripts: { invoker: string; fn: string; url: string; duration: number; forced: number }[];
}

/** The longest frame, as one line: its time, its render part, and its longest scripts. */
function frameLine(frames: LongFrame[]): string {
  if (!frames.length) return 'no long frame';
  const f = frames.reduce((a, b) => (b.duration > a.duration ? b : a));
  const scripts = [...f.scripts].sort((a, b) => b.duration - a.duration).slice(0, 3);
  return `longest frame ${f.duration.toFixed(0)} ms (style+layout ${f.styleLayout.toFixed(0)} ms, render ${f.render.toFixed(0)} ms; scripts: ${scripts.map((x) => `${x.invoker}${x.fn ? ` ${x.fn}` : ''} ${x.duration.toFixed(0)} ms${x.forced ? ` (forced layout ${x.forced.toFixed(0)})` : ''}`).join(', ') || 'none'})`;
}

try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  // Scripts for the page are plain strings: tsx would otherwise add helpers the page lacks.
  // Every worker's messages are watched: comlink's requests carry an id, the answer the same id.
  await page.addInitScript(`
    window.bench = { long: [], frames: [], sent: new Map(), chunks: [], pings: [] };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.bench.long.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
    // Long animation frames (Chromium): what a long frame spent on scripts (which, called by what) and on style and layout.
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries())
          window.bench.frames.push({
            at: e.startTime, duration: e.duration,
            render: e.renderStart ? e.startTime + e.duration - e.renderStart : 0,
            styleLayout: e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0,
            scripts: e.scripts.map((x) => ({ invoker: x.invoker, fn: x.sourceFunctionName, url: (x.sourceURL || '').split('/').pop(), duration: x.duration, forced: x.forcedStyleAndLayoutDuration })),
          });
      }).observe({ type: 'long-animation-frame', buffered: true });
    } catch {}
    const Base = window.Worker;
    window.Worker = class extends Base {
      constructor(...args) {
        super(...args);
        this.addEventListener('message', (e) => {
          const s = e.data && window.bench.sent.get(e.data.id);
          if (!s) return;
          window.bench.sent.delete(e.data.id);
          if (s.path === 'runChunk') window.bench.chunks.push([s.at, performance.now(), s.from, s.to]);
          else if (s.path === 'ping') window.bench.pings.push([s.at, performance.now()]);
        });
      }
      postMessage(m, t) {
        if (m && m.type === 'APPLY') {
          const a = m.argumentList || [];
          window.bench.sent.set(m.id, { at: performance.now(), path: m.path.join('.'), from: a[1] && a[1].value, to: a[2] && a[2].value });
        }
        return super.postMessage(m, t);
      }
    };
  `);
  const loadStart = Date.now();
  // The page load is traced too (top-level tasks only): its run is the only one on fresh workers.
  await browser.startTracing(page, { categories: ['toplevel'] });
  await page.goto(`http://127.0.0.1:${PORT}/`);
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  // What a new visitor waits for: the flow picture's first numbers (Inside Sales' load drawn), then the whole run.
  await page.waitForFunction('document.querySelector(\'g.dept[data-dept="insideSales"]\')?.hasAttribute("data-utilisation")', null, { polling: 'raf', timeout: 600_000 });
  const loadFirstDrawn = Date.now() - loadStart;
  // The page load's steps on the page's own clock (ms from navigation): when the page was built, when the
  // workers were asked to start (their ping) and answered, when the first chunk went out and came back.
  const path = (await page.evaluate(`(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    return { now: performance.now(), dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd, pings: window.bench.pings.slice(), chunks: window.bench.chunks.slice(), sent: [...window.bench.sent.values()] };
  })()`)) as { now: number; dcl: number; load: number; pings: [number, number][]; chunks: [number, number, number, number][]; sent: { at: number; path: string }[] };
  await page.waitForSelector('.status[data-status="done"]', { timeout: 600_000 });
  console.log(`Browser (Chromium, hardwareConcurrency ${cores}, so ${cores} worker(s)), baseline, 200 replications`);
  console.log(`page load -> first picture drawn ${(loadFirstDrawn / 1000).toFixed(1)} s, first run done ${((Date.now() - loadStart) / 1000).toFixed(1)} s`);
  {
    const pingSent = Math.min(...path.pings.map(([s]) => s), ...path.sent.filter((x) => x.path === 'ping').map((x) => x.at));
    const ready = Math.max(...path.pings.map(([, a]) => a));
    const firstChunks = path.chunks.filter(([, , f]) => f < 10);
    const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : '-');
    console.log(
      `page-load path (ms from navigation): DOMContentLoaded ${ms(path.dcl)}, workers asked to start ${ms(pingSent)}, both ready ${ms(ready)}, ` +
        `first chunks sent ${ms(Math.min(...firstChunks.map(([s]) => s)))}, back ${ms(Math.max(...firstChunks.map(([, a]) => a)))}, first picture seen ${ms(path.now)}, load event ${ms(path.load)}`,
    );
  }
  {
    // The page-load run is the only one on fresh workers (later runs find them warm: BROWSER_IDLE_MS), so its
    // first chunk is the browser's "first replication in a fresh worker" (issue 13), compared per replication.
    const loadChunks = (await page.evaluate('window.bench.chunks')) as [number, number, number, number][];
    const first = loadChunks.filter(([, , f]) => f === 0)[0];
    const steadyLoad = median(loadChunks.filter(([, , f, t]) => t - f >= 10).map(([s, a, f, t]) => (a - s) / (t - f)));
    const load = mainTasks(await browser.stopTracing());
    if (first) {
      const per = (first[1] - first[0]) / (first[3] - first[2]);
      console.log(
        `page-load run, fresh workers: first chunk (replications ${first[2]}-${first[3] - 1}) ${(first[1] - first[0]).toFixed(0)} ms, ${per.toFixed(0)} ms/replication; steady in that run ${steadyLoad.toFixed(0)} ms/replication (${(per / steadyLoad).toFixed(1)}x)` +
          `; each worker's first task over 20 ms ${load.workerFirst.map((w) => `${w.cpu.toFixed(0)} ms of its CPU (${w.wall.toFixed(0)} ms wall)`).join(', ')}` +
          `; main thread during the load: longest task ${load.longestCpu.toFixed(0)} ms of CPU (${load.longestWall.toFixed(0)} ms wall), ${load.overCpu50} over 50 ms of CPU`,
      );
    }
  }

  // The main thread's own work per run, from Chromium's counters: on a machine shared with other work the long
  // tasks' wall time includes the time the thread waited for a core; these add up only what it did.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const counters = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value])) as Record<string, number>;
  const MAIN = ['ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration', 'TaskDuration', 'ThreadTime'];
  const mainWork: Record<string, number>[] = [];
  const runs: Measured[] = [];
  for (let i = 0; i < RUNS; i++) {
    if (cold(i)) await page.waitForTimeout(COLD_WAIT_MS);
    const before = await counters();
    // BREAKDOWN=1 also samples the main thread's JavaScript, to say what each task before the picture on 10 did.
    const sampled = process.env.BREAKDOWN === '1';
    await browser.startTracing(page, { categories: process.env.TRACE_CATEGORIES?.split(',') ?? ['toplevel', 'blink.user_timing', ...(sampled ? PROFILER : [])] });
    const m = (await page.evaluate(`(async () => {
      const b = window.bench;
      b.long = []; b.chunks = []; b.pings = []; b.frames = [];
      const input = document.querySelector('#field-insideSales-headcount');
      const is = () => document.querySelector('g.dept[data-dept="insideSales"]');
      const before = is().getAttribute('data-utilisation');
      const t0 = performance.now();
      performance.mark('bench:edit');
      input.value = String(Number(input.value) + (${i} % 2 ? -1 : 1));
      input.dispatchEvent(new Event('change', { bubbles: true }));
      let firstDrawn = NaN, firstDrawnDone = NaN, firstEta = null, drawnOn10 = NaN;
      await new Promise((resolve) => {
        const check = () => {
          const text = document.querySelector('[data-testid="progress-text"]')?.textContent ?? '';
          const done = Number(document.querySelector('progress')?.value ?? NaN);
          if (Number.isNaN(firstDrawn) && is().getAttribute('data-utilisation') !== before) { firstDrawn = performance.now() - t0; firstDrawnDone = done; }
          // The marker reads '⚠ Partial: 12 of 200 replications' (or '200回中12回'): the count drawn is the first number, or the second in Japanese.
          const mark = document.querySelector('[data-testid="partial-mark"]')?.textContent ?? '';
          const counts = (mark.match(/\\d[\\d,]*/g) || []).map((x) => Number(x.replace(/,/g, '')));
          const drawn = counts.length === 2 ? (/回中/.test(mark) ? counts[1] : counts[0]) : NaN;
          const finished = document.querySelector('.status').getAttribute('data-status') === 'done';
          if (Number.isNaN(drawnOn10) && !Number.isNaN(firstDrawn) && (drawn >= 10 || finished)) { drawnOn10 = performance.now() - t0; performance.mark('bench:on10'); }
          // The time left as formatDuration writes it: '1 min 5 s', '1分5秒', '40 s', '40秒'.
          const eta = text.match(/(?:(\\d+)\\s*(?:min|分)\\s*)?(\\d+)\\s*(?:s|秒)(?!.*(?:s|秒))/);
          if (!firstEta && eta && document.querySelector('.status').getAttribute('data-status') === 'running')
            firstEta = { at: performance.now() - t0, etaMs: (Number(eta[1] ?? 0) * 60 + Number(eta[2])) * 1000, text };
          if (document.querySelector('.status').getAttribute('data-status') === 'done' && !Number.isNaN(firstDrawn)) resolve();
          else requestAnimationFrame(check);
        };
        check();
      });
      const full = performance.now() - t0;
      return {
        full, firstDrawn, firstDrawnDone, firstEta, drawnOn10,
        longTasks: b.long.filter(([s]) => s >= t0).map(([, d]) => d),
        chunks: b.chunks.map(([s, a, f, t]) => [s - t0, a - t0, f, t]),
        start: b.pings.length ? [b.pings[0][0] - t0, b.pings[0][1] - t0] : null,
        frames: b.frames.filter((f) => f.at >= t0).map((f) => ({ ...f, at: f.at - t0 })),
      };
    })()`)) as Measured;
    const trace = await browser.stopTracing();
    // TRACE_FILE=path keeps the last run's trace (open it in Chromium's Performance panel).
    if (process.env.TRACE_FILE) writeFileSync(process.env.TRACE_FILE, trace);
    m.tasks = mainTasks(trace);
    runs.push(m);
    if (process.env.BREAKDOWN) for (const line of breakdown(trace, m)) console.log(`  ${line}`);
    // FRAMES=file writes every run's long frames there (JSON), to read where the main thread's time went.
    if (process.env.FRAMES) writeFileSync(process.env.FRAMES, JSON.stringify(runs.map((r) => r.frames), null, 1));
    const after = await counters();
    mainWork.push(Object.fromEntries(MAIN.filter((k) => k in after).map((k) => [k, 1000 * (after[k] - before[k])])));
    const busy = m.chunks.reduce((sum, [s, a]) => sum + (a - s), 0);
    const firstChunk = m.chunks.find(([, , f]) => f === 0);
    const steady = m.chunks.filter(([, , f, t]) => t - f >= 10).map(([s, a, f, t]) => (a - s) / (t - f));
    const perRep = median(steady);
    // The first chunk holds several replications (chunkPlan: [0, 5) with 2 workers), so it is compared per replication.
    const firstPerRep = firstChunk ? (firstChunk[1] - firstChunk[0]) / (firstChunk[3] - firstChunk[2]) : NaN;
    const longest = Math.max(0, ...m.longTasks);
    console.log(
      `run ${i + 1}${cold(i) ? ' (after a pause)' : ''}: edit -> done ${(m.full / 1000).toFixed(1)} s; worker on chunks ${((100 * busy) / m.full).toFixed(0)}% of it` +
        (m.start ? `, worker start ${(m.start[1] - m.start[0]).toFixed(0)} ms` : ', worker warm') +
        (firstChunk
          ? `; first chunk (replications ${firstChunk[2]}-${firstChunk[3] - 1}) ${(firstChunk[1] - firstChunk[0]).toFixed(0)} ms, ${firstPerRep.toFixed(0)} ms/replication`
          : '; first chunk ?') +
        `, steady ${perRep.toFixed(0)} ms/replication (first chunk ${(firstPerRep / perRep).toFixed(1)}x steady, per replication)` +
        `; first drawn ${m.firstDrawn.toFixed(0)} ms on ${m.firstDrawnDone} replication(s), on 10 or more ${m.drawnOn10.toFixed(0)} ms` +
        `; long tasks ${m.longTasks.length}, longest ${longest.toFixed(0)} ms` +
        `; main thread ${Object.entries(mainWork[i]).map(([k, v]) => `${k.replace('Duration', '')} ${v.toFixed(0)} ms`).join(', ')}` +
        `; ${frameLine(m.frames)}` +
        (m.tasks ? `; traced main-thread tasks: longest ${m.tasks.longestCpu.toFixed(0)} ms of CPU (${m.tasks.longestWall.toFixed(0)} ms wall), ${m.tasks.overCpu50} over 50 ms of CPU` : '') +
        (m.tasks?.workerFirst.length ? `; each worker's first chunk ${m.tasks.workerFirst.map((w) => `${w.cpu.toFixed(0)} ms of its CPU (${w.wall.toFixed(0)} ms wall)`).join(', ')}` : '') +
        (m.firstEta ? `; first time left shown ${(m.firstEta.etaMs / 1000).toFixed(0)} s at ${(m.firstEta.at / 1000).toFixed(1)} s, really ${((m.full - m.firstEta.at) / 1000).toFixed(1)} s` : ''),
    );
  }
  if (process.env.COLD === 'alt') {
    const group = (c: boolean) => runs.filter((_, i) => cold(i) === c);
    for (const c of [true, false]) console.log(`${c ? 'after a pause' : 'right after the last run'}: first drawn median ${median(group(c).map((m) => m.firstDrawn)).toFixed(0)} ms, edit -> done ${(median(group(c).map((m) => m.full)) / 1000).toFixed(1)} s`);
  }
  if (process.env.WHATIF === '1') {
    // Each timing starts at the click, in the page, and ends at the first frame where the answer is on screen.
    const timed = async (name: string, act: string, ready: string) => {
      // Traced (with LONG_FUNCTIONS=1, with samples of the main thread's JavaScript, to name the functions of its long tasks;
      // the sampling costs time, and starting it makes a long task of its own at the click).
      const sampled = process.env.LONG_FUNCTIONS === '1';
      await browser.startTracing(page, { categories: [...(process.env.WHATIF_CATEGORIES?.split(',') ?? []), 'toplevel', ...(sampled ? PROFILER : [])] });
      // ALLOCATIONS=1 samples what the page's JavaScript allocates (collected or not) and lists the top sites.
      const heap = process.env.ALLOCATIONS === '1' ? await page.context().newCDPSession(page) : null;
      if (heap) await heap.send('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
      const r = (await page.evaluate(`(async () => {
        const b = window.bench;
        b.long = [];
        const t0 = performance.now();
        ${act}
        await new Promise((resolve) => {
          const check = () => ((${ready}) ? resolve() : requestAnimationFrame(check));
          check();
        });
        return { ms: performance.now() - t0, long: b.long.filter(([s]) => s >= t0).map(([, d]) => d) };
      })()`)) as { ms: number; long: number[] };
      const trace = await browser.stopTracing();
      if (heap) for (const line of allocationSites((await heap.send('HeapProfiler.stopSampling')).profile.head as AllocationNode)) console.log(`  ${line}`);
      if (process.env.TRACE_WHATIF) writeFileSync(`${process.env.TRACE_WHATIF}-${name.split(/[ ,]/)[0]}.json`, trace);
      const tasks = mainTasks(trace);
      console.log(
        `${name}: ${(r.ms / 1000).toFixed(1)} s from the click; long tasks ${r.long.length}, longest ${Math.max(0, ...r.long).toFixed(0)} ms` +
          `; traced main-thread tasks: longest ${tasks.longestCpu.toFixed(0)} ms of CPU (${tasks.longestWall.toFixed(0)} ms wall), ${tasks.overCpu50} over 50 ms of CPU`,
      );
      // LONG_FUNCTIONS=1 lists what the main thread's long tasks (over 30 ms) spent their CPU on.
      if (sampled) for (const line of longTaskFunctions(trace)) console.log(`  ${line}`);
    };
    await page.waitForSelector('.status[data-status="done"]');
    await timed(
      'IS ×2 what-if, click -> comparison read',
      `const sel = document.querySelector('[data-testid="add-variant"]'); sel.value = 'insideSalesDouble'; sel.dispatchEvent(new Event('change', { bubbles: true }));`,
      `document.querySelector('[data-testid="delta-1-arrEndYen"]') && !document.querySelector('[role="tab"] .spinner')`,
    );
    // Back to the baseline alone, then the next best hire (it pairs with the baseline's finished run).
    await page.getByRole('button', { name: /Remove variant|を削除/ }).first().click();
    await page.waitForSelector('[data-testid="comparison"]', { state: 'detached' });
    await page.getByTestId('tab-0').click().catch(() => {});
    await page.waitForSelector('.status[data-status="done"]');
    // NEXT_HIRE=0 leaves the next best hire out (minutes on a busy machine).
    if (process.env.NEXT_HIRE !== '0') await timed(
      'next best hire, click -> ranking shown',
      `[...document.querySelectorAll('[data-testid="next-hire"] button')].find((x) => !x.disabled).click();`,
      `document.querySelector('[data-testid="hire-1"]')`,
    );
  }
  const longest = runs.map((m) => Math.max(0, ...m.longTasks));
  console.log(
    `medians of ${RUNS} runs: edit -> done ${(median(runs.map((m) => m.full)) / 1000).toFixed(1)} s, first drawn ${median(runs.map((m) => m.firstDrawn)).toFixed(0)} ms (on 10 or more ${median(runs.map((m) => m.drawnOn10)).toFixed(0)} ms), ` +
      `longest main-thread task ${median(longest).toFixed(0)} ms (max ${Math.max(...longest).toFixed(0)} ms; 0: none over 50 ms)` +
      `, long tasks ${median(runs.map((m) => m.longTasks.length))}` +
      `; longest traced task by CPU ${median(runs.map((m) => m.tasks?.longestCpu ?? NaN)).toFixed(0)} ms (max ${Math.max(...runs.map((m) => m.tasks?.longestCpu ?? NaN)).toFixed(0)} ms), tasks over 50 ms of CPU ${median(runs.map((m) => m.tasks?.overCpu50 ?? NaN))}; main thread per run: ` +
      Object.keys(mainWork[0] ?? {}).map((k) => `${k.replace('Duration', '')} ${median(mainWork.map((w) => w[k])).toFixed(0)} ms`).join(', '),
  );
} finally {
  await browser.close();
  process.kill(-server.pid!);
}
