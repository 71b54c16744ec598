/**
 * A chunk packed for the page (workers/wire.ts): the rows of several scenarios,
 * their series of different lengths, in one buffer and back, value for value,
 * each layout parsed once.
 */
import { describe, expect, it } from 'vitest';
import { packResults, simulateRange, type Rows } from '../../src/runner/index.ts';
import { LayoutsReceived, LayoutsSent, packChunk, unpackChunk } from '../../src/workers/wire.ts';
import { transferables } from '../../src/workers/api.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { libraryScenarios } from '../support/scenarios.ts';

const base: Scenario = { ...libraryScenarios().find((s) => s.file === 'baseline.json')!.scenario, warmupDays: 30 };
// Horizons of different lengths: weekly and monthly series of different lengths, so an offset off by one series would show.
const scenarios = [70, 120, 365].map((horizonDays, i): Scenario => ({ ...base, horizonDays, seed: `wire-${i}` }));
const rowsOf = (s: Scenario, from: number, to: number): Rows => packResults(simulateRange(s, from, to), s.horizonDays, from);
const json = (x: unknown) => JSON.stringify(x, (_, v: unknown) => (v instanceof Float64Array ? Array.from(v) : v));

describe('packed chunks', () => {
  it('rows of 3 scenarios of different shapes come back value for value from one buffer', () => {
    const rows = scenarios.map((s) => rowsOf(s, 4, 7));
    const expected = rows.map(json);
    const packed = packChunk(rows);
    expect(transferables(packed)).toEqual([packed.buffer]);
    expect(new Set(packed.points.map((p) => p.join())).size).toBe(3);
    const back = unpackChunk(packed);
    expect(back.map(json)).toEqual(expected);
    for (const r of back) {
      expect(r.scalars.buffer).toBe(packed.buffer);
      for (const s of r.series) expect(s.buffer).toBe(packed.buffer);
    }
  });

  it('the same layout text gives the same Layout object, message after message', () => {
    const a = unpackChunk(packChunk([rowsOf(scenarios[1], 0, 2), rowsOf(scenarios[1], 0, 2)]));
    const b = unpackChunk(packChunk([rowsOf(scenarios[1], 2, 3)]));
    expect(a[1].layout).toBe(a[0].layout);
    expect(b[0].layout).toBe(a[0].layout);
  });

  it("a worker sends each layout's text once, then its number; the page reads the numbers back to the same layouts", () => {
    const sent = new LayoutsSent();
    const received = new LayoutsReceived();
    const messages = [[0, 1, 1], [1, 2], [2, 0, 1]].map((ks, m) => ks.map((k) => rowsOf(scenarios[k], 3 * m, 3 * m + 2)));
    const packed = messages.map((rows) => packChunk(rows, sent));
    // The first of each shape as text, every later one as its number (in the order first sent).
    expect(packed.map((p) => p.layouts.map((l) => (typeof l === 'string' ? 'text' : l)))).toEqual([['text', 'text', 1], [1, 'text'], [2, 0, 1]]);
    for (const [m, p] of packed.entries()) expect(unpackChunk(p, received).map(json)).toEqual(messages[m].map(json));
  });

  it("a layout number the page was never sent fails, naming it", () => {
    const sent = new LayoutsSent();
    packChunk([rowsOf(scenarios[0], 0, 1)], sent);
    expect(() => unpackChunk(packChunk([rowsOf(scenarios[0], 1, 2)], sent), new LayoutsReceived())).toThrow(/layout number 0 was never sent/);
  });

  it('rows of different replications do not pack together', () => {
    expect(() => packChunk([rowsOf(base, 0, 2), rowsOf(base, 1, 3)])).toThrow(/expected rows \[0, 2\)/);
  });
});
