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
export class EventQueue {
  private time = new Float64Array(1024);
  /** priority * 2^40 + sequence: one exact comparison key for ties. */
  private tie = new Float64Array(1024);
  private kind = new Int32Array(1024);
  private arg = new Int32Array(1024);
  private n = 0;
  private seq = 0;
  /** The event in the side slot, if `hasSide` (see the class). */
  private hasSide = false;
  private sideTime = 0;
  private sideTie = 0;
  private sideArg = 0;

  /** A queue; events of kind `sideKind` (at most one pending at a time) are kept in the side slot. */
  constructor(private readonly sideKind = -1) {}

  /** Number of pending events. */
  get size(): number {
    return this.hasSide ? this.n + 1 : this.n;
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

  /** Time of the next event (Infinity when empty). */
  peekTime(): number {
    const heap = this.n > 0 ? this.time[0] : Infinity;
    return this.hasSide && this.sideTime < heap ? this.sideTime : heap;
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
    if (n > 0) this.siftDown(0, this.time[n], this.tie[n], this.kind[n], this.arg[n], n);
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
    return q;
  }

  /** Removes every event of kind `kind`. */
  removeKind(kind: number): void {
    if (kind === this.sideKind) {
      this.hasSide = false;
      return;
    }
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
    let found = false;
    for (let i = 0; i < this.n; i++) if (this.kind[i] === kind) { this.time[i] = time; found = true; }
    if (time === Infinity) this.removeKind(kind);
    else this.heapify();
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
      const first = 4 * i + 1;
      if (first >= n) break;
      const last = first + 4 < n ? first + 4 : n;
      let c = first, ct = T[first];
      for (let j = first + 1; j < last; j++) {
        const jt = T[j];
        if (jt < ct || (jt === ct && P[j] < P[c])) { c = j; ct = jt; }
      }
      if (t < ct || (t === ct && p < P[c])) break;
      T[i] = ct; P[i] = P[c]; K[i] = K[c]; A[i] = A[c];
      i = c;
    }
    T[i] = t; P[i] = p; K[i] = k; A[i] = a;
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
}
