/**
 * A replication's trace for animation: every change of a lead's place (where it
 * is: marketing, nurture, a queue, in work, a customer, lost), in time order, with
 * the department where it happened and, for a loss, its cause. A workshop view
 * replays it; the recorder keeps it in typed columns (17 bytes a transition), so a
 * whole baseline replication fits in the browser.
 */
import type { Department } from '../scenario/types.ts';
import { LIVE_STATES, LOSS_CAUSES, type LiveState, type LossCause } from './results.ts';

/**
 * What happened to the lead: it was created (arrive), joined a queue, started work,
 * passed a stage (convert: an SQL, a won deal, an onboarded account), was lost, went
 * back to nurture (recycle), or, as an account, churned or cancelled.
 */
export const TRANSITION_KINDS = ['arrive', 'queue', 'start', 'convert', 'lose', 'recycle', 'churn'] as const;
/** One of TRANSITION_KINDS. */
export type TransitionKind = (typeof TRANSITION_KINDS)[number];

/** Where a lead is: a live state, 'lost', or 'new' (before it existed). */
export type Place = LiveState | 'lost' | 'new';
/** Places by code: the live states' indices, then lost, then new. */
export const PLACES: readonly Place[] = [...LIVE_STATES, 'lost', 'new'];
/** Code of 'lost' and of 'new' in PLACES. */
export const PLACE_LOST = LIVE_STATES.length, PLACE_NEW = LIVE_STATES.length + 1;

/** The department each place belongs to (nurture is Marketing's; a customer is CS's). */
const PLACE_DEPARTMENT: readonly Department[] = ['marketing', 'marketing', 'insideSales', 'insideSales', 'fieldSales', 'fieldSales', 'customerSuccess', 'customerSuccess', 'customerSuccess'];

/**
 * One change of a lead's place. `department` is where it happened: the one the lead
 * enters for arrive, queue and start, the one it leaves for convert, lose, recycle
 * and churn. `leadId` is the row in the replication (accounts carried in come first).
 */
export interface Transition {
  t: number;
  leadId: number;
  kind: TransitionKind;
  department: Department;
  from: Place;
  to: Place;
  /** Why it was lost (lose and churn only). */
  cause?: LossCause;
}

/** Receives transitions as numeric codes (kind: TRANSITION_KINDS index; from, to: PLACES codes; cause: LOSS_CAUSES index or -1). */
export type TransitionSink = (t: number, leadId: number, kind: number, from: number, to: number, cause: number) => void;

/** The department of a transition of `kind` between place codes `from` and `to`. */
export function transitionDepartment(kind: number, from: number, to: number): Department {
  // arrive, queue and start name the department entered; the others the one left.
  return kind <= 2 ? PLACE_DEPARTMENT[to] : PLACE_DEPARTMENT[from];
}

/** Decodes a transition from its codes. */
export function decodeTransition(t: number, leadId: number, kind: number, from: number, to: number, cause: number): Transition {
  const x: Transition = { t, leadId, kind: TRANSITION_KINDS[kind], department: transitionDepartment(kind, from, to), from: PLACES[from], to: PLACES[to] };
  if (cause >= 0) x.cause = LOSS_CAUSES[cause];
  return x;
}

/** Records transitions into growable typed columns; `sink` is what the engine calls. */
export class TraceRecorder {
  length = 0;
  t = new Float64Array(4096);
  leadId = new Int32Array(4096);
  kind = new Uint8Array(4096);
  from = new Uint8Array(4096);
  to = new Uint8Array(4096);
  cause = new Int8Array(4096);

  /** The function to give the engine as `SimulateOptions.transitions`. */
  readonly sink: TransitionSink = (t, leadId, kind, from, to, cause) => {
    if (this.length === this.t.length) this.grow();
    const i = this.length++;
    this.t[i] = t;
    this.leadId[i] = leadId;
    this.kind[i] = kind;
    this.from[i] = from;
    this.to[i] = to;
    this.cause[i] = cause;
  };

  /** Bytes the recorded transitions take (not counting spare room). */
  get bytes(): number {
    return this.length * (8 + 4 + 1 + 1 + 1 + 1);
  }

  /** Transition i, decoded. */
  get(i: number): Transition {
    return decodeTransition(this.t[i], this.leadId[i], this.kind[i], this.from[i], this.to[i], this.cause[i]);
  }

  /** Every transition, decoded. */
  all(): Transition[] {
    const out: Transition[] = [];
    for (let i = 0; i < this.length; i++) out.push(this.get(i));
    return out;
  }

  private grow(): void {
    const n = this.t.length * 2;
    const t = new Float64Array(n); t.set(this.t); this.t = t;
    const l = new Int32Array(n); l.set(this.leadId); this.leadId = l;
    const k = new Uint8Array(n); k.set(this.kind); this.kind = k;
    const f = new Uint8Array(n); f.set(this.from); this.from = f;
    const o = new Uint8Array(n); o.set(this.to); this.to = o;
    const c = new Int8Array(n); c.set(this.cause); this.cause = c;
  }
}
