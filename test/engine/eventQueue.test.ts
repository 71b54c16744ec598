/**
 * The future-event list against a sorted reference: events leave in (time,
 * priority, sequence) order through pushes and pops interleaved, equal times,
 * removal and retiming of a kind, and a copy that goes its own way.
 */
import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../src/engine/eventQueue.ts';
import { replicationStream } from '../../src/engine/random.ts';

interface Ev { time: number; priority: number; seq: number; kind: number; arg: number }

const before = (a: Ev, b: Ev) => (a.time - b.time || a.priority - b.priority || a.seq - b.seq) < 0;

/** A reference queue: a list kept sorted by (time, priority, sequence). */
class Reference {
  items: Ev[] = [];
  seq = 0;
  push(time: number, priority: number, kind: number, arg: number): void {
    const e = { time, priority, seq: this.seq++, kind, arg };
    let lo = 0, hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(this.items[mid], e)) lo = mid + 1;
      else hi = mid;
    }
    this.items.splice(lo, 0, e);
  }
  pop(): Ev {
    return this.items.shift()!;
  }
}

const popped = (q: EventQueue) => {
  q.pop();
  return [q.poppedTime, q.poppedKind, q.poppedArg];
};

/** The kind kept in the side slot in the runs that use one. */
const SIDE = 3;

describe.each([['no side slot', -1], ['a side slot', SIDE]])('EventQueue, %s', (_, side) => {
  it('pops in (time, priority, sequence) order through interleaved pushes and pops, ties included', () => {
    const u = replicationStream('event-queue', 0, 'ops');
    const q = new EventQueue(side), ref = new Reference();
    let now = 0, arg = 0;
    for (let step = 0; step < 20000; step++) {
      if (ref.items.length === 0 || u() < 0.55) {
        // Times on a coarse grid so that many events share a time and the priority and sequence decide.
        const time = now + Math.floor(u() * 40) / 4;
        const priority = Math.floor(u() * 4);
        let kind = Math.floor(u() * 9);
        // The side slot's kind has at most one pending event.
        if (kind === side && ref.items.some((e) => e.kind === side)) kind = 0;
        q.push(time, priority, kind, arg);
        ref.push(time, priority, kind, arg++);
      } else {
        const e = ref.pop();
        expect(popped(q)).toEqual([e.time, e.kind, e.arg]);
        now = e.time;
      }
      expect(q.size).toBe(ref.items.length);
    }
    while (ref.items.length) {
      const e = ref.pop();
      expect(popped(q)).toEqual([e.time, e.kind, e.arg]);
    }
    expect(q.size).toBe(0);
    expect(q.peekTime()).toBe(Infinity);
  });

  it('removes and retimes a kind and copies, keeping every other event in order', () => {
    const u = replicationStream('event-queue', 1, 'ops');
    const q = new EventQueue(side), ref = new Reference();
    for (let i = 0; i < 500; i++) {
      const time = Math.floor(u() * 100), priority = Math.floor(u() * 3);
      // One event of the side kind (3), pending throughout.
      const kind = i === 7 ? 3 : i % 5 === 3 ? 4 : i % 5;
      q.push(time, priority, kind, i);
      ref.push(time, priority, kind, i);
    }
    q.removeKind(2);
    ref.items = ref.items.filter((e) => e.kind !== 2);
    expect(q.retimeKind(3, 50)).toBe(true);
    for (const e of ref.items) if (e.kind === 3) e.time = 50;
    ref.items.sort((a, b) => a.time - b.time || a.priority - b.priority || a.seq - b.seq);
    expect(q.retimeKind(2, 10)).toBe(false);
    // The copy is taken with the side kind pending; it then goes its own way.
    const copy = q.copy();
    // The copy and the original each give the whole sequence.
    for (const x of [copy, q]) {
      const out: number[][] = [];
      while (x.size) out.push(popped(x));
      expect(out).toEqual(ref.items.map((e) => [e.time, e.kind, e.arg]));
    }
  });

  it('removes the pending event of a kind, and retimes it to Infinity as a removal', () => {
    const q = new EventQueue(side);
    q.push(5, 0, 3, 1);
    q.push(4, 0, 1, 2);
    expect(q.size).toBe(2);
    expect(q.retimeKind(3, Infinity)).toBe(true);
    expect(q.size).toBe(1);
    expect(q.retimeKind(3, 1)).toBe(false);
    q.push(6, 0, 3, 3);
    q.removeKind(3);
    expect([q.size, q.peekTime()]).toEqual([1, 4]);
  });
});

it('keeps far-future events in order: spread over years, on bucket bounds, removed, retimed and copied while waiting', () => {
  const u = replicationStream('event-queue', 2, 'far');
  const q = new EventQueue(SIDE), ref = new Reference();
  let now = 0, arg = 0;
  const check = (x: EventQueue, items: Ev[]) => {
    const out: number[][] = [];
    while (x.size) out.push(popped(x));
    expect(out).toEqual(items.map((e) => [e.time, e.kind, e.arg]));
  };
  for (let step = 0; step < 30000; step++) {
    if (step === 15000) {
      // Mid-run, with thousands of events in buckets: remove one kind, retime another, and copy.
      expect(ref.items.filter((e) => e.time >= now + 64).length).toBeGreaterThan(1000);
      q.removeKind(2);
      ref.items = ref.items.filter((e) => e.kind !== 2);
      expect(q.retimeKind(6, now + 100)).toBe(true);
      for (const e of ref.items) if (e.kind === 6) e.time = now + 100;
      ref.items.sort((a, b) => a.time - b.time || a.priority - b.priority || a.seq - b.seq);
      expect(q.size).toBe(ref.items.length);
      const copy = q.copy();
      check(copy, ref.items);
    }
    if (ref.items.length === 0 || u() < 0.6) {
      const r = u();
      // Near events, far ones up to ten years ahead, and some exactly on a bucket's start (multiples of 8 days).
      const time = r < 0.4 ? now + u() * 5 : r < 0.8 ? now + u() * u() * 3650 : Math.ceil(now / 8 + u() * 60) * 8;
      const priority = Math.floor(u() * 4);
      const kind = Math.floor(u() * 3) * 2 + (r < 0.4 ? 0 : 2);
      q.push(time, priority, kind, arg);
      ref.push(time, priority, kind, arg++);
    } else {
      const e = ref.pop();
      expect(popped(q)).toEqual([e.time, e.kind, e.arg]);
      now = e.time;
    }
    expect(q.size).toBe(ref.items.length);
  }
  check(q, ref.items);
  expect(q.peekTime()).toBe(Infinity);
});

it('refuses a second pending event of the side kind', () => {
  const q = new EventQueue(SIDE);
  q.push(1, 0, SIDE, 0);
  expect(() => q.push(2, 0, SIDE, 1)).toThrow(/second pending event/);
  q.pop();
  q.push(2, 0, SIDE, 1);
  expect(q.size).toBe(1);
});

it("keeps the calendar's edges in order: several events in a slot, slot bounds, a push before the calendar's first, times beyond its reach", () => {
  const u = replicationStream('event-queue', 3, 'calendar');
  const q = new EventQueue(SIDE), ref = new Reference();
  let now = 0, arg = 0;
  for (let step = 0; step < 30000; step++) {
    if (ref.items.length === 0 || u() < 0.55) {
      const r = u();
      // Within the next slot or two (1/16 day: several events a slot, out of order), on a
      // slot's bound, just after the last pop (before the calendar's first, which a peek
      // has found), beyond the calendar's reach (16,384 days) into the heap, or before
      // day 0 (which the engine never asks for, but the heap takes: its first comes
      // before the calendar's).
      const time = r < 0.35 ? now + u() / 8
        : r < 0.5 ? Math.ceil(now * 16 + u() * 8) / 16
        : r < 0.7 ? now + u() * 1e-3
        : r < 0.78 ? 16384 + u() * 1e6
        : r < 0.8 ? -u() * 10
        : now + u() * 30;
      const priority = Math.floor(u() * 3);
      let kind = Math.floor(u() * 5);
      if (kind === SIDE && ref.items.some((e) => e.kind === SIDE)) kind = 0;
      q.push(time, priority, kind, arg);
      ref.push(time, priority, kind, arg++);
      // A peek moves the calendar's cursor to its first, after which a push may come before it.
      if (u() < 0.3) expect(q.peekTime()).toBe(ref.items[0].time);
    } else {
      const e = ref.pop();
      expect(popped(q)).toEqual([e.time, e.kind, e.arg]);
      now = e.time;
    }
    expect(q.size).toBe(ref.items.length);
    if (step === 20000) {
      q.removeKind(1);
      ref.items = ref.items.filter((e) => e.kind !== 1);
      q.retimeKind(2, now + 0.01);
      for (const e of ref.items) if (e.kind === 2) e.time = now + 0.01;
      ref.items.sort((a, b) => a.time - b.time || a.priority - b.priority || a.seq - b.seq);
    }
  }
  // Events beyond the calendar's reach were there to be taken.
  expect(ref.items.filter((e) => e.time > 16384).length).toBeGreaterThan(100);
  const out: number[][] = [];
  while (q.size) out.push(popped(q));
  expect(out).toEqual(ref.items.map((e) => [e.time, e.kind, e.arg]));
});
