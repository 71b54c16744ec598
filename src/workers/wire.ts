/**
 * Rows as they cross from a worker to the page: a chunk's rows for every scenario
 * of the message (a run's one, or a base and its arms) in ONE ArrayBuffer, and
 * each layout as JSON text. Every ArrayBuffer the page receives costs its garbage
 * collector one entry to sweep, and a structured-cloned layout hundreds of small
 * objects: with a buffer per scalar block and per series (21 a scenario, about
 * 105 a next-best-hire message) and a layout object tree per scenario, one major
 * GC on the page took 66 ms of CPU, a third of it sweeping array buffers. Packed,
 * a message is one buffer and a few strings; the page parses each distinct layout
 * text once (layoutOfText), so every Rows of a run shares one Layout.
 *
 * A layout's text (about 11 KB for the baseline) crosses once per worker: the
 * worker numbers the texts it has sent (LayoutsSent) and afterwards sends the
 * number, which the page reads back from that worker's texts (LayoutsReceived).
 * Sent with every message, next best hire's five copies (one per scenario) were
 * about 56 KB of strings per message for the page to deserialize and collect.
 */
import type { Layout, Measures } from '../montecarlo/layout.ts';
import type { Rows } from '../runner/rows.ts';

/** Replications [from, to) of one or more scenarios, packed (see packChunk). */
export interface PackedChunk {
  from: number;
  to: number;
  /** Float64 values: each scenario's scalars, then each of its series, scenario after scenario. */
  buffer: ArrayBuffer;
  /** Each scenario's layout: its JSON text the first time the worker sends it, then the number it got (LayoutsSent). */
  layouts: (string | number)[];
  /** Each scenario's series lengths (points in one replication), in layout order. */
  points: number[][];
  /** Each scenario's events handled. */
  events: number[];
}

/**
 * The layouts one worker has sent to the page, numbered in the order sent: a
 * text already sent goes as its number. One per worker, for its lifetime; the
 * page keeps the same numbering for it (LayoutsReceived).
 */
export class LayoutsSent {
  private readonly numbers = new Map<string, number>();

  /** What to send for `layout`: its text the first time, its number after. */
  entry(layout: Layout<Measures>): string | number {
    const text = JSON.stringify(layout);
    const number = this.numbers.get(text);
    if (number !== undefined) return number;
    this.numbers.set(text, this.numbers.size);
    return text;
  }
}

/**
 * The layouts one worker has sent, by number (see LayoutsSent). Its messages must
 * be read in the order they came, every one of them: the pool makes one per
 * worker it starts and unpacks every answer of that worker.
 */
export class LayoutsReceived {
  private readonly layouts: Layout<Measures>[] = [];

  /** The Layout of an entry: a text (parsed once: layoutOfText) gets the next number, a number is looked up. */
  layoutOf(entry: string | number): Layout<Measures> {
    if (typeof entry === 'string') {
      const layout = layoutOfText(entry);
      this.layouts.push(layout);
      return layout;
    }
    const layout = this.layouts[entry];
    if (!layout) throw new Error(`unpackChunk: layout number ${entry} was never sent (${this.layouts.length} known)`);
    return layout;
  }
}

/**
 * Packs rows of the same replications (one per scenario) into one buffer, to
 * transfer it alone; `sent` is the worker's record of layouts already sent (a
 * fresh one, the default, sends every layout as text).
 */
export function packChunk(rows: readonly Rows[], sent = new LayoutsSent()): PackedChunk {
  if (rows.length === 0) throw new Error('packChunk: expected rows of at least one scenario, got none');
  const { from, to } = rows[0];
  const count = to - from;
  for (const r of rows) if (r.from !== from || r.to !== to) throw new Error(`packChunk: expected rows [${from}, ${to}), got [${r.from}, ${r.to})`);
  const size = rows.reduce((a, r) => a + r.scalars.length + r.series.reduce((b, s) => b + s.length, 0), 0);
  const values = new Float64Array(size);
  let at = 0;
  const put = (x: Float64Array) => {
    values.set(x, at);
    at += x.length;
  };
  for (const r of rows) {
    put(r.scalars);
    r.series.forEach(put);
  }
  return {
    from,
    to,
    buffer: values.buffer,
    layouts: rows.map((r) => sent.entry(r.layout)),
    points: rows.map((r) => r.series.map((s) => s.length / count)),
    events: rows.map((r) => r.events),
  };
}

/** Distinct layout texts kept at most (a page sees a handful: one per horizon and result shape). */
const KEPT_LAYOUTS = 16;
const layoutsByText = new Map<string, Layout<Measures>>();

/** The Layout a JSON text describes, parsed once: the same text gives the same object. */
export function layoutOfText(text: string): Layout<Measures> {
  let layout = layoutsByText.get(text);
  if (!layout) {
    if (layoutsByText.size >= KEPT_LAYOUTS) layoutsByText.clear();
    layout = JSON.parse(text) as Layout<Measures>;
    layoutsByText.set(text, layout);
  }
  return layout;
}

/**
 * The rows of a packed chunk, one per scenario: views on its buffer, nothing
 * copied; `received` is what the worker that packed it has sent before.
 */
export function unpackChunk(chunk: PackedChunk, received = new LayoutsReceived()): Rows[] {
  const count = chunk.to - chunk.from;
  let at = 0;
  const take = (length: number) => {
    const view = new Float64Array(chunk.buffer, at * Float64Array.BYTES_PER_ELEMENT, length);
    at += length;
    return view;
  };
  const rows = chunk.layouts.map((entry, k): Rows => {
    const layout = received.layoutOf(entry);
    const scalars = take(count * layout.scalarCount);
    const series = chunk.points[k].map((n) => take(count * n));
    return { from: chunk.from, to: chunk.to, layout, scalars, series, events: chunk.events[k] };
  });
  if (at * Float64Array.BYTES_PER_ELEMENT !== chunk.buffer.byteLength) throw new Error(`unpackChunk: ${chunk.buffer.byteLength} bytes, the layouts account for ${at * Float64Array.BYTES_PER_ELEMENT}`);
  return rows;
}
