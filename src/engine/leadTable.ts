/**
 * Leads (and accounts) as columns of typed arrays, indexed by id. A replication
 * holds tens of thousands of leads for its whole length; as objects their numeric
 * fields would each be a heap allocation that the garbage collector copies again
 * and again, which cost more than the simulation itself. The columns are declared
 * fields of a class (not added by computed key), so V8 keeps the table's shape
 * fixed and each `L.column[id]` is a field load, not a dictionary lookup.
 *
 * A handler reads a lead's fields from many columns, each a cache line of its own,
 * and the lead it works on is seldom among the last few touched: columns whose
 * values are small (state, stage, segment, flags) are bytes, so a whole column (a
 * baseline run's 30,000 rows: 30 KB) stays in the processor's cache (see
 * SMALL_COLUMNS_MAX).
 */

/**
 * The largest value a byte column holds: a lost state (LOST + cause, replication.ts),
 * a segment index (at most 100 segments) or a flag; a test checks the engine's largest.
 */
export const SMALL_COLUMNS_MAX = 127;

/** Copies `a` into a new array of length n. */
function grow64(a: Float64Array, n: number): Float64Array {
  const b = new Float64Array(n);
  b.set(a);
  return b;
}
function grow32(a: Int32Array, n: number): Int32Array {
  const b = new Int32Array(n);
  b.set(a);
  return b;
}

/** Copies `a` into a new array of length n. */
function grow8(a: Int8Array, n: number): Int8Array {
  const b = new Int8Array(n);
  b.set(a);
  return b;
}

/** The lead table: one typed array per field, plus each lead's random stream. */
export class LeadTable {
  /** Number of leads. */
  size = 0;
  /**
   * Each lead's random stream: its two words (see counterUniform; the engine draws by
   * slot), lead id's at `words[2 * id]` and `words[2 * id + 1]`: side by side, since
   * every draw reads both (one cache line, where two columns took two).
   */
  words: Int32Array;
  /** When the lead joined its current queue. */
  queuedAt: Float64Array;
  /** When it gives up waiting (Infinity: never, or not waiting). */
  abandonAt: Float64Array;
  /** Its wait before its current or last work started. */
  waitedDays: Float64Array;
  /**
   * The current pass's draws that are read after the step that draws them (the rest
   * are drawn where they are used): NaN from the pass's start until the lead reaches
   * the step (see Replication's pass slots).
   */
  isWork: Float64Array;
  isU: Float64Array;
  fsCycle: Float64Array;
  fsU: Float64Array;
  acvYen: Float64Array;
  onboardDays: Float64Array;
  /** As an account: its ARR, its ARR when the last year began (the cohort), and its onboarding wait. */
  arrYen: Float64Array;
  cohortArrYen: Float64Array;
  onboardWaitDays: Float64Array;
  /** Lead state (see replication.ts), stage index or -1, segment index (bytes: see SMALL_COLUMNS_MAX), renewals so far, index in the active list or -1. */
  state: Int8Array;
  stage: Int8Array;
  segment: Int8Array;
  renewals: Int32Array;
  activeIndex: Int32Array;
  /** Flags (0 or 1, bytes): an MQL that is noise; an account carried in at the start. */
  noise: Int8Array;
  initial: Int8Array;
  /** The queue ticket of its current join (see Stage.enqueue), and the times it became an MQL. */
  ticket: Int32Array;
  mqlPasses: Int32Array;

  constructor(capacity: number) {
    this.words = new Int32Array(2 * capacity);
    this.queuedAt = new Float64Array(capacity);
    this.abandonAt = new Float64Array(capacity);
    this.waitedDays = new Float64Array(capacity);
    this.isWork = new Float64Array(capacity);
    this.isU = new Float64Array(capacity);
    this.fsCycle = new Float64Array(capacity);
    this.fsU = new Float64Array(capacity);
    this.acvYen = new Float64Array(capacity);
    this.onboardDays = new Float64Array(capacity);
    this.arrYen = new Float64Array(capacity);
    this.cohortArrYen = new Float64Array(capacity);
    this.onboardWaitDays = new Float64Array(capacity);
    this.state = new Int8Array(capacity);
    this.stage = new Int8Array(capacity);
    this.segment = new Int8Array(capacity);
    this.renewals = new Int32Array(capacity);
    this.activeIndex = new Int32Array(capacity);
    this.noise = new Int8Array(capacity);
    this.initial = new Int8Array(capacity);
    this.ticket = new Int32Array(capacity);
    this.mqlPasses = new Int32Array(capacity);
  }

  /** Rows the columns have room for. */
  get capacity(): number {
    return this.state.length;
  }

  /**
   * Empties the table for another replication: the rows used are zeroed (a new
   * table's state), so the columns are reused instead of allocated again, which
   * spares the garbage collector a few megabytes a replication.
   */
  reset(): void {
    const n = this.size;
    for (const column of Object.values(this)) if (ArrayBuffer.isView(column)) (column as Float64Array).fill(0, 0, column === this.words ? 2 * n : n);
    this.size = 0;
  }

  /** Doubles every column, keeping the rows. */
  grow(): void {
    const n = this.state.length * 2;
    this.words = grow32(this.words, 2 * n);
    this.queuedAt = grow64(this.queuedAt, n);
    this.abandonAt = grow64(this.abandonAt, n);
    this.waitedDays = grow64(this.waitedDays, n);
    this.isWork = grow64(this.isWork, n);
    this.isU = grow64(this.isU, n);
    this.fsCycle = grow64(this.fsCycle, n);
    this.fsU = grow64(this.fsU, n);
    this.acvYen = grow64(this.acvYen, n);
    this.onboardDays = grow64(this.onboardDays, n);
    this.arrYen = grow64(this.arrYen, n);
    this.cohortArrYen = grow64(this.cohortArrYen, n);
    this.onboardWaitDays = grow64(this.onboardWaitDays, n);
    this.state = grow8(this.state, n);
    this.stage = grow8(this.stage, n);
    this.segment = grow8(this.segment, n);
    this.renewals = grow32(this.renewals, n);
    this.activeIndex = grow32(this.activeIndex, n);
    this.noise = grow8(this.noise, n);
    this.initial = grow8(this.initial, n);
    this.ticket = grow32(this.ticket, n);
    this.mqlPasses = grow32(this.mqlPasses, n);
  }
}

/** An empty table with room for `capacity` leads. */
export function createLeadTable(capacity = 4096): LeadTable {
  return new LeadTable(capacity);
}

/** Appends a lead whose stream has words w1 and w2, growing the columns as needed; returns its id. */
export function addLead(t: LeadTable, w1: number, w2: number): number {
  const id = t.size++;
  if (id === t.state.length) t.grow();
  t.words[2 * id] = w1;
  t.words[2 * id + 1] = w2;
  t.stage[id] = -1;
  t.activeIndex[id] = -1;
  t.abandonAt[id] = Infinity;
  return id;
}
