/**
 * The future-event list, ordered by one strict key (time, priority, sequence).
 * Ordering by priority before sequence makes same-instant events deterministic and
 * sensible (a release runs before a seize at the same time, as simmer documents).
 *
 * Events wait in one of three places, each of which knows its first; a pop takes
 * the first of the three by the key, so the order is the key's whatever place an
 * event waits in:
 * - a calendar: time cut into slots of 1/SLOTS_PER_DAY day, each slot a list kept
 *   sorted by the key. A pop takes the head of the first slot that has one; a push
 *   links its event into its slot's short list. It replaced a 4-ary heap whose sift
 *   at each pop compared times in an order no branch predictor could guess (about
 *   12% of a baseline replication).
 * - a side slot for a kind that never has more than one event pending (the next
 *   lead arrival, 42% of a baseline replication's events): a comparison instead
 *   of a list.
 * - a 4-ary heap, for the events the calendar does not reach: times beyond
 *   MAX_SLOTS slots (about 45 years), or not finite.
 * Far-future events (nurture returns, renewals, long sales cycles) first wait in
 * 2-day buckets, unsorted, and move into the calendar when their bucket comes near
 * (a calendar queue's second level): so a push far ahead touches only the small,
 * often used bucket heads, not a calendar slot that has left the processor's cache
 * by the time it is needed.
 * Everything is held in typed arrays, so that millions of events cost no garbage.
 */
import { holdDoubles } from './doubles.ts';

/**
 * Calendar slots per day: a power of two, so a slot's bounds are exact doubles and
 * `floor(time * SLOTS_PER_DAY)` never puts a later time in an earlier slot.
 */
const SLOTS_PER_DAY = 16;
/** Slots the calendar reaches (about 45 years); later events wait in the heap. Bounds the slot array at 1 MB. */
const MAX_SLOTS = 1 << 18;
/** Slots at the start (about 3 years: a baseline run with its warm-up); grown by doubling. */
const SLOTS_START = 1 << 14;
/** Calendar entries at the start (a baseline run's calendar holds about 40 at a pop, up to a few hundred). */
const ENTRIES_START = 1024;
/** Where an entry's kind, argument and next entry are among the 32-bit words of its 32 bytes (its time and tie take the first 16). */
const KIND = 4, ARG = 5, NEXT = 6;
/**
 * Width of a far-future bucket in days: a power of two, so that a bucket's bounds are
 * exact doubles. Measured with the heap the calendar replaced: at 8 days the
 * baseline's heap held ~150 events on average, at 2 ~40 (Jackson's 14 and 9), and
 * the baseline ran ~3-4% faster, Jackson the same.
 */
const BUCKET_DAYS = 2;
const PER_BUCKET_DAY = 1 / BUCKET_DAYS;
/**
 * Room for far-future events at the start: a baseline run keeps about 4,000 waiting, the
 * Jackson network's about 2,100, and growing by doubling from less copied them each run.
 */
const FAR_START = 4096;
/** Buckets beyond this index (about 23,000 years) are not kept: such events go to the calendar or heap. */
const MAX_BUCKET = 1 << 20;

export class EventQueue {
  // The calendar: slot s's events are a chain from its head (`slots[2s]`) through the
  // entries' next (-1 ends it), sorted by the key; `slots[2s + 1]` is its last (valid
  // while it has one). Head and last side by side, as are an entry's fields (below):
  // a push or pop then reads one cache line where it read one per array.
  private slots = new Int32Array(2 * SLOTS_START).fill(-1);
  /** No calendar event is in a slot before this one. */
  private cursor = 0;
  /** One past the last slot that has held an event since the last reset (the part `reset` clears). */
  private slotEnd = 0;
  private calCount = 0;
  /**
   * The calendar's entries, ENTRY_BYTES each, in one buffer seen two ways: entry e's
   * time is `times[4e]`, its tie `times[4e + 1]`, its kind `words[8e + 4]`, its
   * argument `words[8e + 5]`, its next `words[8e + 6]` (see ENTRY_*).
   */
  private times = new Float64Array(4 * ENTRIES_START);
  private words = new Int32Array(this.times.buffer);
  /** Entries used so far; below it, freed entries are chained from `calFree`. */
  private calUsed = 0;
  private calFree = -1;

  // The far-future buckets (see the class): events of bucket b > `frontier` wait in
  // bucket b's list, a chain through `farNext` from `bucketHead[b]` (-1 ends it);
  // every event of a bucket <= `frontier` is in the calendar, heap or side slot.
  private frontier = 0;
  /** Start of bucket frontier + 1: an event at or after it may leave only once that bucket has moved in. */
  private frontierEnd = BUCKET_DAYS;
  /**
   * Start of bucket frontier + 2: only events from there on go to the buckets. Those
   * of bucket frontier + 1 go straight to the calendar, since most of them would be
   * moved there within days (service ends, qualifications).
   */
  private farFrom = 2 * BUCKET_DAYS;
  private farCount = 0;
  private bucketHead = new Int32Array(512).fill(-1);
  private farTime = new Float64Array(FAR_START);
  private farTie = new Float64Array(FAR_START);
  private farKind = new Int32Array(FAR_START);
  private farArg = new Int32Array(FAR_START);
  /** Next entry of the same bucket, or of the free list for a free entry. */
  private farNext = new Int32Array(FAR_START);
  /** Entries used so far; below it, freed entries are chained from `farFree`. */
  private farUsed = 0;
  private farFree = -1;

  // The heap, for events out of the calendar's reach.
  private time = new Float64Array(64);
  /** priority * 2^40 + sequence: one exact comparison key for ties. */
  private tie = new Float64Array(64);
  private kind = new Int32Array(64);
  private arg = new Int32Array(64);
  private n = 0;

  private seq = 0;
  /**
   * The time and tie of the event being put in the calendar or heap (calendarPush,
   * heapPush read them here): passed as arguments, these doubles (a tie is above
   * 2^31) were boxed as new heap numbers at calls V8 did not inline.
   */
  private readonly entry = new Float64Array(2);
  /** The event in the side slot, if `hasSide` (see the class). */
  private hasSide = false;
  private sideTime = 0;
  private sideTie = 0;
  private sideArg = 0;

  /** A queue; events of kind `sideKind` (at most one pending at a time) are kept in the side slot. */
  constructor(private readonly sideKind = -1) {
    // Times and ties are fractions or above 2^31: doubles from the start (see holdDoubles).
    holdDoubles(this, ['sideTime', 'sideTie', 'poppedTime']);
  }

  /**
   * Empties the queue for a new run, keeping its arrays (a baseline run grew them
   * past their start each time, and a new queue allocated them all).
   */
  reset(): void {
    this.slots.fill(-1, 0, 2 * this.slotEnd);
    this.cursor = 0;
    this.slotEnd = 0;
    this.calCount = 0;
    this.calUsed = 0;
    this.calFree = -1;
    this.frontier = 0;
    this.frontierEnd = BUCKET_DAYS;
    this.farFrom = 2 * BUCKET_DAYS;
    this.farCount = 0;
    this.bucketHead.fill(-1);
    this.farUsed = 0;
    this.farFree = -1;
    this.n = 0;
    this.seq = 0;
    this.hasSide = false;
  }

  /** Whether this queue keeps events of kind `kind` in its side slot. */
  sidesWith(kind: number): boolean {
    return this.sideKind === kind;
  }

  /** Number of pending events. */
  get size(): number {
    return this.calCount + this.n + this.farCount + (this.hasSide ? 1 : 0);
  }

  /** Schedules event `kind` with argument `arg` at `time`, with tie priority `priority` (lower first). */
  push(time: number, priority: number, kind: number, arg: number): void {
    const tie = priority * 1099511627776 + this.seq++;
    if (kind === this.sideKind) {
      if (this.hasSide) throw new Error(`EventQueue: a second pending event of kind ${kind}, which has one slot`);
      this.hasSide = true;
      this.sideTime = time; this.sideTie = tie; this.sideArg = arg;
      return;
    }
    const entry = this.entry;
    entry[0] = time; entry[1] = tie;
    if (time >= this.farFrom && this.toBucket(kind, arg)) return;
    this.place(kind, arg);
  }

  /**
   * Puts an event (time and tie in `entry`) of a bucket beyond the frontier in its
   * bucket's list; false (nothing done) when the bucket is too far to keep.
   */
  private toBucket(kind: number, arg: number): boolean {
    const time = this.entry[0], tie = this.entry[1];
    const b = Math.floor(time * PER_BUCKET_DAY);
    if (!(b <= MAX_BUCKET)) return false;
    if (b >= this.bucketHead.length) this.growBuckets(b);
    let e = this.farFree;
    if (e >= 0) this.farFree = this.farNext[e];
    else {
      if (this.farUsed === this.farTime.length) this.growFar();
      e = this.farUsed++;
    }
    this.farTime[e] = time; this.farTie[e] = tie; this.farKind[e] = kind; this.farArg[e] = arg;
    this.farNext[e] = this.bucketHead[b];
    this.bucketHead[b] = e;
    this.farCount++;
    return true;
  }

  /**
   * Moves buckets into the calendar, in order, while the first event of the calendar,
   * heap and side slot is at or after the next bucket's start (or there is none):
   * then no bucket holds an event before the first one. `first` is the time of that
   * first event. It returns nothing: the caller reads the first time again, as a
   * number returned from this call (not inlined) came back boxed, and merged with
   * the time read from the queue it made V8 box that time too, a new heap number
   * at every pop.
   */
  private settle(first: number): void {
    while (this.farCount > 0 && first >= this.frontierEnd) {
      const b = ++this.frontier;
      this.frontierEnd = (b + 1) * BUCKET_DAYS;
      this.farFrom = (b + 2) * BUCKET_DAYS;
      let e = b < this.bucketHead.length ? this.bucketHead[b] : -1;
      if (e < 0) continue;
      this.bucketHead[b] = -1;
      const FT = this.farTime, FP = this.farTie, FK = this.farKind, FA = this.farArg, FN = this.farNext, entry = this.entry;
      while (e >= 0) {
        const next = FN[e];
        const t = FT[e];
        entry[0] = t; entry[1] = FP[e];
        this.place(FK[e], FA[e]);
        if (t < first) first = t;
        FN[e] = this.farFree;
        this.farFree = e;
        this.farCount--;
        e = next;
      }
    }
  }

  /** Puts the event whose time and tie are in `entry` in its calendar slot, or in the heap when the calendar does not reach it. */
  private place(kind: number, arg: number): void {
    const s = Math.floor(this.entry[0] * SLOTS_PER_DAY);
    // Not a number, negative, or too far: the heap.
    if (s >= 0 && s < MAX_SLOTS) this.calendarPush(s, kind, arg);
    else this.heapPush(kind, arg);
  }

  /** Links the event whose time and tie are in `entry` into slot s's list, after every event before it by the key. */
  private calendarPush(s: number, kind: number, arg: number): void {
    const time = this.entry[0], tie = this.entry[1];
    if (2 * s >= this.slots.length) this.growSlots(s);
    let e = this.calFree;
    if (e >= 0) this.calFree = this.words[8 * e + NEXT];
    else {
      if (4 * this.calUsed === this.times.length) this.growCalendar();
      e = this.calUsed++;
    }
    const F = this.times, W = this.words, S = this.slots;
    F[4 * e] = time; F[4 * e + 1] = tie; W[8 * e + KIND] = kind; W[8 * e + ARG] = arg;
    this.calCount++;
    if (s < this.cursor) this.cursor = s;
    if (s >= this.slotEnd) this.slotEnd = s + 1;
    const head = S[2 * s];
    if (head < 0) {
      W[8 * e + NEXT] = -1;
      S[2 * s] = S[2 * s + 1] = e;
      return;
    }
    // Usually after the last (an event pushed later has a later sequence): appended.
    const last = S[2 * s + 1], lt = F[4 * last];
    if (lt < time || (lt === time && F[4 * last + 1] < tie)) {
      W[8 * e + NEXT] = -1;
      W[8 * last + NEXT] = e;
      S[2 * s + 1] = e;
      return;
    }
    const ht = F[4 * head];
    if (time < ht || (time === ht && tie < F[4 * head + 1])) {
      W[8 * e + NEXT] = head;
      S[2 * s] = e;
      return;
    }
    // Between the head and the last: after the last event before it.
    let prev = head, next = W[8 * head + NEXT];
    for (;;) {
      const nt = F[4 * next];
      if (time < nt || (time === nt && tie < F[4 * next + 1])) break;
      prev = next;
      next = W[8 * next + NEXT];
    }
    W[8 * e + NEXT] = next;
    W[8 * prev + NEXT] = e;
  }

  /** The calendar's first entry (-1 when it is empty): the head of the first slot that has one, from the cursor on. */
  private calendarFirst(): number {
    if (this.calCount === 0) return -1;
    const S = this.slots;
    let s = this.cursor;
    while (S[2 * s] < 0) s++;
    this.cursor = s;
    return S[2 * s];
  }

  /** Time of the first event of the calendar, heap and side slot (Infinity when all are empty); a bucket may hold an earlier one until settled. */
  private headTime(): number {
    const e = this.calendarFirst();
    let first = e >= 0 ? this.times[4 * e] : Infinity;
    if (this.n > 0 && this.time[0] < first) first = this.time[0];
    return this.hasSide && this.sideTime < first ? this.sideTime : first;
  }

  /** Time of the next event (Infinity when empty). */
  peekTime(): number {
    const first = this.headTime();
    // Usually the first event is before the next bucket's start: nothing to move.
    if (first < this.frontierEnd || this.farCount === 0) return first;
    this.settle(first);
    return this.headTime();
  }

  /** Removes the next event; read it with `popped*` fields. */
  pop(): void {
    if (this.farCount > 0) this.peekTime();
    this.take(this.calendarFirst());
  }

  /**
   * Removes the next event if it comes at `until` or before (`inclusive`), or
   * before `until`; false (nothing removed) otherwise or when the queue is empty.
   * The same as peekTime then pop, with the calendar's first found once per event.
   */
  popUntil(until: number, inclusive: boolean): boolean {
    let first = this.headTime();
    if (first >= this.frontierEnd && this.farCount > 0) {
      this.settle(first);
      first = this.headTime();
    }
    if (inclusive ? first > until : first >= until) return false;
    // The calendar's first is found at the cursor now: a read, no scan.
    this.take(this.calendarFirst());
    return true;
  }

  /** Removes the first of the calendar (its first entry e, or -1), the heap and the side slot, by the key (no bucket holds an earlier event: see settle). */
  private take(e: number): void {
    // The first of the calendar and heap: 0 none, 1 the calendar's, 2 the heap's.
    let from = e >= 0 ? 1 : 0;
    let t = from ? this.times[4 * e] : Infinity, p = from ? this.times[4 * e + 1] : 0;
    if (this.n > 0) {
      const ht = this.time[0];
      if (!from || ht < t || (ht === t && this.tie[0] < p)) {
        from = 2;
        t = ht; p = this.tie[0];
      }
    }
    if (this.hasSide && (!from || this.sideTime < t || (this.sideTime === t && this.sideTie < p))) {
      this.hasSide = false;
      this.poppedTime = this.sideTime;
      this.poppedKind = this.sideKind;
      this.poppedArg = this.sideArg;
      return;
    }
    if (from === 1) {
      const W = this.words;
      this.slots[2 * this.cursor] = W[8 * e + NEXT];
      W[8 * e + NEXT] = this.calFree;
      this.calFree = e;
      this.calCount--;
      this.poppedTime = t;
      this.poppedKind = W[8 * e + KIND];
      this.poppedArg = W[8 * e + ARG];
      return;
    }
    const n = --this.n;
    this.poppedTime = this.time[0];
    this.poppedKind = this.kind[0];
    this.poppedArg = this.arg[0];
    if (n > 0) this.refill(n);
  }

  /** Time, kind and argument of the event last removed by `pop`. */
  poppedTime = 0;
  poppedKind = 0;
  poppedArg = 0;

  /** A copy of the queue: the same events with the same ties, and the same next sequence number. */
  copy(): EventQueue {
    const q = new EventQueue(this.sideKind);
    q.slots = this.slots.slice();
    q.cursor = this.cursor; q.slotEnd = this.slotEnd; q.calCount = this.calCount;
    q.times = this.times.slice();
    q.words = new Int32Array(q.times.buffer);
    q.calUsed = this.calUsed; q.calFree = this.calFree;
    q.time = this.time.slice(); q.tie = this.tie.slice(); q.kind = this.kind.slice(); q.arg = this.arg.slice();
    q.n = this.n;
    q.frontier = this.frontier; q.frontierEnd = this.frontierEnd; q.farFrom = this.farFrom; q.farCount = this.farCount;
    q.bucketHead = this.bucketHead.slice();
    q.farTime = this.farTime.slice(); q.farTie = this.farTie.slice(); q.farKind = this.farKind.slice();
    q.farArg = this.farArg.slice(); q.farNext = this.farNext.slice();
    q.farUsed = this.farUsed; q.farFree = this.farFree;
    q.seq = this.seq;
    q.hasSide = this.hasSide;
    q.sideTime = this.sideTime; q.sideTie = this.sideTie; q.sideArg = this.sideArg;
    return q;
  }

  /** Removes every event of kind `kind`. */
  removeKind(kind: number): void {
    this.retimeKind(kind, Infinity);
  }

  /**
   * Moves the pending events of kind `kind` to `time`, keeping their ties (as if
   * they had been scheduled at that time), or removes them when `time` is Infinity.
   * Returns whether there was any.
   */
  retimeKind(kind: number, time: number): boolean {
    if (kind === this.sideKind) {
      const found = this.hasSide;
      if (time === Infinity) this.hasSide = false;
      else this.sideTime = time;
      return found;
    }
    // Taken out of the buckets, calendar and heap with their ties, then put back at the new time.
    const ties: number[] = [], args: number[] = [];
    this.takeFromBuckets(kind, ties, args);
    const S = this.slots, F = this.times, W = this.words;
    for (let s = this.cursor; s < this.slotEnd && this.calCount > 0; s++) {
      let prev = -1, e = S[2 * s];
      while (e >= 0) {
        const next = W[8 * e + NEXT];
        if (W[8 * e + KIND] === kind) {
          ties.push(F[4 * e + 1]); args.push(W[8 * e + ARG]);
          if (prev < 0) S[2 * s] = next;
          else W[8 * prev + NEXT] = next;
          if (next < 0 && prev >= 0) S[2 * s + 1] = prev;
          W[8 * e + NEXT] = this.calFree;
          this.calFree = e;
          this.calCount--;
        } else prev = e;
        e = next;
      }
    }
    let m = 0;
    for (let i = 0; i < this.n; i++) {
      if (this.kind[i] === kind) { ties.push(this.tie[i]); args.push(this.arg[i]); continue; }
      this.time[m] = this.time[i]; this.tie[m] = this.tie[i]; this.kind[m] = this.kind[i]; this.arg[m] = this.arg[i];
      m++;
    }
    if (m < this.n) {
      this.n = m;
      this.heapify();
    }
    if (time !== Infinity) {
      for (let i = 0; i < ties.length; i++) {
        this.entry[0] = time; this.entry[1] = ties[i];
        this.place(kind, args[i]);
      }
    }
    return ties.length > 0;
  }

  /** Takes every event of kind `kind` out of the buckets, adding its tie and argument to `ties` and `args`. */
  private takeFromBuckets(kind: number, ties: number[], args: number[]): void {
    const H = this.bucketHead, FK = this.farKind, FN = this.farNext;
    for (let b = this.frontier + 1; b < H.length && this.farCount > 0; b++) {
      let prev = -1, e = H[b];
      while (e >= 0) {
        const next = FN[e];
        if (FK[e] === kind) {
          ties.push(this.farTie[e]); args.push(this.farArg[e]);
          if (prev < 0) H[b] = next;
          else FN[prev] = next;
          FN[e] = this.farFree;
          this.farFree = e;
          this.farCount--;
        } else prev = e;
        e = next;
      }
    }
  }

  /** Puts an event in the heap, at the time and tie in `entry`. */
  private heapPush(kind: number, arg: number): void {
    const time = this.entry[0], tie = this.entry[1];
    if (this.n === this.time.length) this.growHeap();
    let i = this.n++;
    const T = this.time, P = this.tie, K = this.kind, A = this.arg;
    while (i > 0) {
      const parent = (i - 1) >> 2;
      const pt = T[parent];
      if (pt < time || (pt === time && P[parent] < tie)) break;
      T[i] = pt; P[i] = P[parent]; K[i] = K[parent]; A[i] = A[parent];
      i = parent;
    }
    T[i] = time; P[i] = tie; K[i] = kind; A[i] = arg;
  }

  /**
   * Fills the hole a pop left at the root of a heap of n entries with the entry
   * at n (the last, now outside), bottom-up (Floyd): the smallest child moves up
   * level by level to a leaf, then the last entry rises from there.
   */
  private refill(n: number): void {
    const T = this.time, P = this.tie, K = this.kind, A = this.arg;
    let i = 0;
    for (;;) {
      const c = this.smallestChild(i, n);
      if (c < 0) break;
      T[i] = T[c]; P[i] = P[c]; K[i] = K[c]; A[i] = A[c];
      i = c;
    }
    const t = T[n], p = P[n], k = K[n], a = A[n];
    while (i > 0) {
      const parent = (i - 1) >> 2;
      const pt = T[parent];
      if (pt < t || (pt === t && P[parent] < p)) break;
      T[i] = pt; P[i] = P[parent]; K[i] = K[parent]; A[i] = A[parent];
      i = parent;
    }
    T[i] = t; P[i] = p; K[i] = k; A[i] = a;
  }

  /** Restores the heap order over the first n entries (Floyd's bottom-up construction). */
  private heapify(): void {
    const T = this.time, P = this.tie, K = this.kind, A = this.arg, n = this.n;
    for (let start = ((n - 2) >> 2); start >= 0; start--) this.siftDown(start, T[start], P[start], K[start], A[start], n);
  }

  /**
   * Puts the event (t, p, k, a) in the hole at `hole` of a heap of n entries whose
   * subtrees below the hole are in order: the smallest of the (up to four) children
   * moves up while it comes before the event.
   */
  private siftDown(hole: number, t: number, p: number, k: number, a: number, n: number): void {
    const T = this.time, P = this.tie, K = this.kind, A = this.arg;
    let i = hole;
    for (;;) {
      const c = this.smallestChild(i, n);
      if (c < 0) break;
      const ct = T[c];
      if (t < ct || (t === ct && p < P[c])) break;
      T[i] = ct; P[i] = P[c]; K[i] = K[c]; A[i] = A[c];
      i = c;
    }
    T[i] = t; P[i] = p; K[i] = k; A[i] = a;
  }

  /** The first in order of entry i's (up to four) children in a heap of n entries, or -1 when it has none. */
  private smallestChild(i: number, n: number): number {
    const T = this.time, P = this.tie;
    const first = 4 * i + 1;
    if (first >= n) return -1;
    const last = first + 4 < n ? first + 4 : n;
    let c = first, ct = T[first];
    for (let j = first + 1; j < last; j++) {
      const jt = T[j];
      if (jt < ct || (jt === ct && P[j] < P[c])) { c = j; ct = jt; }
    }
    return c;
  }

  private growHeap(): void {
    const size = this.time.length * 2;
    this.time = grow64(this.time, size);
    this.tie = grow64(this.tie, size);
    this.kind = grow32(this.kind, size);
    this.arg = grow32(this.arg, size);
  }

  private growCalendar(): void {
    this.times = grow64(this.times, this.times.length * 2);
    this.words = new Int32Array(this.times.buffer);
  }

  private growFar(): void {
    const size = this.farTime.length * 2;
    this.farTime = grow64(this.farTime, size);
    this.farTie = grow64(this.farTie, size);
    this.farKind = grow32(this.farKind, size);
    this.farArg = grow32(this.farArg, size);
    this.farNext = grow32(this.farNext, size);
  }

  /** Makes room for bucket b. */
  private growBuckets(b: number): void {
    let size = this.bucketHead.length;
    while (size <= b) size *= 2;
    const heads = new Int32Array(size).fill(-1);
    heads.set(this.bucketHead);
    this.bucketHead = heads;
  }

  /** Makes room for slot s. */
  private growSlots(s: number): void {
    let size = this.slots.length;
    while (size <= 2 * s) size *= 2;
    const slots = new Int32Array(size).fill(-1);
    slots.set(this.slots);
    this.slots = slots;
  }
}

/** `a` copied into a new array of `size` numbers. */
function grow64(a: Float64Array, size: number): Float64Array<ArrayBuffer> {
  const b = new Float64Array(size);
  b.set(a);
  return b;
}

/** `a` copied into a new array of `size` numbers. */
function grow32(a: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}
