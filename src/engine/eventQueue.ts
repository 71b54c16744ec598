/**
 * The future-event list: a 4-ary heap (half the depth of a binary one, so a pop
 * moves half as many entries) ordered by (time, priority, sequence), held
 * in typed arrays so that millions of events cost no garbage. Ordering by priority
 * before sequence makes same-instant events deterministic and sensible (a release
 * runs before a seize at the same time, as simmer documents).
 *
 * A kind that never has more than one event pending (the next lead arrival, 42% of
 * a baseline replication's events) may be kept beside the heap, in one slot: its
 * events then cost a comparison instead of a sift through the heap. The slot's
 * event gets its sequence number like any other and leaves in the same order.
 */
import { holdDoubles } from './doubles.ts';

/**
 * Width of a far-future bucket in days: a power of two, so that a bucket's bounds are
 * exact doubles. At 8 days the baseline's heap held ~150 events on average, at 2 ~40
 * (Jackson's 14 and 9): the baseline ran ~3-4% faster, Jackson the same.
 */
const BUCKET_DAYS = 2;
const PER_BUCKET_DAY = 1 / BUCKET_DAYS;
/**
 * Room for far-future events at the start: a baseline run keeps about 4,000 waiting, the
 * Jackson network's about 2,100, and growing by doubling from less copied them each run.
 */
const FAR_START = 4096;
/** Buckets beyond this index (about 23,000 years) are not kept: such events go to the heap. */
const MAX_BUCKET = 1 << 20;

export class EventQueue {
  private time = new Float64Array(1024);
  /** priority * 2^40 + sequence: one exact comparison key for ties. */
  private tie = new Float64Array(1024);
  private kind = new Int32Array(1024);
  private arg = new Int32Array(1024);
  private n = 0;
  private seq = 0;
  /**
   * The time and tie of the event being put in the heap or a bucket (heapPush,
   * toBucket read them here): passed as arguments, these doubles (a tie is above
   * 2^31) were boxed as new heap numbers at calls V8 did not inline.
   */
  private readonly entry = new Float64Array(2);
  /** The event in the side slot, if `hasSide` (see the class). */
  private hasSide = false;
  private sideTime = 0;
  private sideTie = 0;
  private sideArg = 0;

  // The far-future buckets (see the class): events of bucket b > `frontier` wait in
  // bucket b's list, a chain through `farNext` from `bucketHead[b]` (-1 ends it);
  // every event of a bucket <= `frontier` is in the heap (or the side slot).
  private frontier = 0;
  /** Start of bucket frontier + 1: a heap event at or after it may leave only once that bucket has moved in. */
  private frontierEnd = BUCKET_DAYS;
  /**
   * Start of bucket frontier + 2: only events from there on go to the buckets. Those
   * of bucket frontier + 1 go straight to the heap (where any event may wait), since
   * most of them would be moved there within days (service ends, qualifications):
   * a pass through the buckets cost more than the larger heap.
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

  /** A queue; events of kind `sideKind` (at most one pending at a time) are kept in the side slot. */
  constructor(private readonly sideKind = -1) {
    // Times and ties are fractions or above 2^31: doubles from the start (see holdDoubles).
    holdDoubles(this, ['sideTime', 'sideTie', 'poppedTime']);
  }

  /**
   * Empties the queue for a new run, keeping its arrays (a baseline run grew the
   * far-future ones past their start each time, and a new queue allocated them all).
   */
  reset(): void {
    this.n = 0;
    this.seq = 0;
    this.hasSide = false;
    this.frontier = 0;
    this.frontierEnd = BUCKET_DAYS;
    this.farFrom = 2 * BUCKET_DAYS;
    this.farCount = 0;
    this.bucketHead.fill(-1);
    this.farUsed = 0;
    this.farFree = -1;
  }

  /** Whether this queue keeps events of kind `kind` in its side slot. */
  sidesWith(kind: number): boolean {
    return this.sideKind === kind;
  }

  /** Number of pending events. */
  get size(): number {
    return this.n + this.farCount + (this.hasSide ? 1 : 0);
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
    this.heapPush(kind, arg);
  }

  /** Puts an event in the heap, at the time and tie in `entry`. */
  private heapPush(kind: number, arg: number): void {
    const time = this.entry[0], tie = this.entry[1];
    if (this.n === this.time.length) this.grow();
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
   * Moves buckets into the heap, in order, while the first event of the heap and
   * side slot is at or after the next bucket's start (or there is none): then no
   * bucket holds an event before the first one. `first` is the time of that first
   * event. It returns nothing: the caller reads the first time again (headTime), as
   * a number returned from this call (not inlined) came back boxed, and merged
   * with the time read from the heap it made V8 box that time too, a new heap
   * number at every pop.
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
        this.heapPush(FK[e], FA[e]);
        if (t < first) first = t;
        FN[e] = this.farFree;
        this.farFree = e;
        this.farCount--;
        e = next;
      }
    }
  }

  /** Time of the first event of the heap and side slot (Infinity when both are empty); a bucket may hold an earlier one until settled. */
  private headTime(): number {
    const first = this.n > 0 ? this.time[0] : Infinity;
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

  /** Whether the side slot's event comes before the heap's first. */
  private sideFirst(): boolean {
    if (!this.hasSide) return false;
    if (this.n === 0) return true;
    const t = this.time[0];
    return this.sideTime < t || (this.sideTime === t && this.sideTie < this.tie[0]);
  }

  /** Removes the next event; read it with `popped*` fields. */
  pop(): void {
    if (this.farCount > 0) this.peekTime();
    this.take();
  }

  /**
   * Removes the next event if it comes at `until` or before (`inclusive`), or
   * before `until`; false (nothing removed) otherwise or when the queue is empty.
   * The same as peekTime then pop, with the first event found once per event.
   */
  popUntil(until: number, inclusive: boolean): boolean {
    let first = this.headTime();
    if (first >= this.frontierEnd && this.farCount > 0) {
      this.settle(first);
      first = this.headTime();
    }
    if (inclusive ? first > until : first >= until) return false;
    this.take();
    return true;
  }

  /** Removes the first of the heap and side slot (no bucket holds an earlier event: see settle). */
  private take(): void {
    if (this.sideFirst()) {
      this.hasSide = false;
      this.poppedTime = this.sideTime;
      this.poppedKind = this.sideKind;
      this.poppedArg = this.sideArg;
      return;
    }
    const n = --this.n;
    this.poppedTime = this.time[0];
    this.poppedKind = this.kind[0];
    this.poppedArg = this.arg[0];
    if (n > 0) this.refill(n);
  }

  /**
   * Fills the hole a pop left at the root of a heap of n entries with the entry
   * at n (the last, now outside), bottom-up (Floyd): the smallest child moves up
   * level by level to a leaf, then the last entry rises from there. The last entry
   * is among the latest and usually belongs near the bottom, so this saves the
   * comparison with it at every level that a plain sift-down makes.
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

  /** Time, kind and argument of the event last removed by `pop`. */
  poppedTime = 0;
  poppedKind = 0;
  poppedArg = 0;

  /** A copy of the queue: the same events with the same ties, and the same next sequence number. */
  copy(): EventQueue {
    const q = new EventQueue(this.sideKind);
    q.hasSide = this.hasSide;
    q.sideTime = this.sideTime; q.sideTie = this.sideTie; q.sideArg = this.sideArg;
    q.time = this.time.slice();
    q.tie = this.tie.slice();
    q.kind = this.kind.slice();
    q.arg = this.arg.slice();
    q.n = this.n;
    q.seq = this.seq;
    q.frontier = this.frontier; q.frontierEnd = this.frontierEnd; q.farFrom = this.farFrom; q.farCount = this.farCount;
    q.bucketHead = this.bucketHead.slice();
    q.farTime = this.farTime.slice(); q.farTie = this.farTie.slice(); q.farKind = this.farKind.slice();
    q.farArg = this.farArg.slice(); q.farNext = this.farNext.slice();
    q.farUsed = this.farUsed; q.farFree = this.farFree;
    return q;
  }

  /** Removes every event of kind `kind`. */
  removeKind(kind: number): void {
    if (kind === this.sideKind) {
      this.hasSide = false;
      return;
    }
    this.takeFromBuckets(kind, false);
    let m = 0;
    for (let i = 0; i < this.n; i++) {
      if (this.kind[i] === kind) continue;
      this.time[m] = this.time[i]; this.tie[m] = this.tie[i]; this.kind[m] = this.kind[i]; this.arg[m] = this.arg[i];
      m++;
    }
    this.n = m;
    this.heapify();
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
    // Its events in buckets move to the heap (any event may wait there), then all are retimed there.
    let found = this.takeFromBuckets(kind, true);
    for (let i = 0; i < this.n; i++) if (this.kind[i] === kind) { this.time[i] = time; found = true; }
    if (time === Infinity) this.removeKind(kind);
    else this.heapify();
    return found;
  }

  /** Takes every event of kind `kind` out of the buckets, into the heap if `toHeap`; returns whether there was any. */
  private takeFromBuckets(kind: number, toHeap: boolean): boolean {
    let found = false;
    const H = this.bucketHead, FK = this.farKind, FN = this.farNext;
    for (let b = this.frontier + 1; b < H.length && this.farCount > 0; b++) {
      let prev = -1, e = H[b];
      while (e >= 0) {
        const next = FN[e];
        if (FK[e] === kind) {
          found = true;
          if (prev < 0) H[b] = next;
          else FN[prev] = next;
          if (toHeap) {
            this.entry[0] = this.farTime[e]; this.entry[1] = this.farTie[e];
            this.heapPush(kind, this.farArg[e]);
          }
          FN[e] = this.farFree;
          this.farFree = e;
          this.farCount--;
        } else prev = e;
        e = next;
      }
    }
    return found;
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

  private grow(): void {
    const size = this.time.length * 2;
    const grow64 = (a: Float64Array) => { const b = new Float64Array(size); b.set(a); return b; };
    const grow32 = (a: Int32Array) => { const b = new Int32Array(size); b.set(a); return b; };
    this.time = grow64(this.time);
    this.tie = grow64(this.tie);
    this.kind = grow32(this.kind);
    this.arg = grow32(this.arg);
  }

  private growFar(): void {
    const size = this.farTime.length * 2;
    const grow64 = (a: Float64Array) => { const b = new Float64Array(size); b.set(a); return b; };
    const grow32 = (a: Int32Array) => { const b = new Int32Array(size); b.set(a); return b; };
    this.farTime = grow64(this.farTime);
    this.farTie = grow64(this.farTie);
    this.farKind = grow32(this.farKind);
    this.farArg = grow32(this.farArg);
    this.farNext = grow32(this.farNext);
  }

  /** Makes room for bucket b. */
  private growBuckets(b: number): void {
    let size = this.bucketHead.length;
    while (size <= b) size *= 2;
    const heads = new Int32Array(size).fill(-1);
    heads.set(this.bucketHead);
    this.bucketHead = heads;
  }
}
