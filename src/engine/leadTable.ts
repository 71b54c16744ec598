/**
 * Leads (and accounts) as columns of typed arrays, indexed by id. A replication
 * holds tens of thousands of leads for its whole length; as objects their numeric
 * fields would each be a heap allocation that the garbage collector copies again
 * and again, which cost more than the simulation itself.
 */
import type { Uniform } from './random.ts';

const FLOAT_COLUMNS = [
  'queuedAt', 'abandonAt', 'waitedDays',
  // The current pass's draws, made when the lead becomes an MQL.
  'isWork', 'isU', 'isRecycleU', 'isPatience', 'fsCycle', 'fsU', 'fsRecycleU', 'fsPatience', 'abandonRecycleU', 'acvYen', 'onboardDays', 'csPatience',
  // As an account.
  'arrYen', 'cohortArrYen', 'onboardWaitDays',
] as const;
// ticket: the queue ticket of the lead's current join (see Stage.enqueue); mqlPasses: times it became an MQL.
const INT_COLUMNS = ['state', 'stage', 'segment', 'renewals', 'activeIndex', 'noise', 'initial', 'ticket', 'mqlPasses'] as const;

type FloatColumn = (typeof FLOAT_COLUMNS)[number];
type IntColumn = (typeof INT_COLUMNS)[number];

/** The lead table: one typed array per field, plus each lead's random stream. */
export type LeadTable = { [K in FloatColumn]: Float64Array } & { [K in IntColumn]: Int32Array } & {
  rng: Uniform[];
  /** Number of leads. */
  size: number;
};

/** An empty table with room for `capacity` leads. */
export function createLeadTable(capacity = 4096): LeadTable {
  const t = { rng: [], size: 0 } as unknown as LeadTable;
  for (const c of FLOAT_COLUMNS) t[c] = new Float64Array(capacity);
  for (const c of INT_COLUMNS) t[c] = new Int32Array(capacity);
  return t;
}

/** Appends a lead with stream `rng`, growing the columns as needed; returns its id. */
export function addLead(t: LeadTable, rng: Uniform): number {
  const id = t.size++;
  if (id === t.state.length) {
    const capacity = t.state.length * 2;
    for (const c of FLOAT_COLUMNS) {
      const a = new Float64Array(capacity);
      a.set(t[c]);
      t[c] = a;
    }
    for (const c of INT_COLUMNS) {
      const a = new Int32Array(capacity);
      a.set(t[c]);
      t[c] = a;
    }
  }
  t.rng.push(rng);
  t.stage[id] = -1;
  t.activeIndex[id] = -1;
  t.abandonAt[id] = Infinity;
  return id;
}
