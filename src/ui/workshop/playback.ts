/**
 * Plays a replication's trace forward and back: where every lead is at a moment,
 * how many leads each place holds, and what the reporting window has counted so
 * far (wins, churned accounts, losses by cause). The counts are read from the
 * transitions alone, so at the horizon they equal the replication's own result.
 *
 * Each place (and each cause of loss) keeps its leads in a dense list, so a drawer
 * can give every lead a stable slot: a lead that leaves hands its slot to the last
 * one in, as a queue on screen shifts when someone leaves.
 */
import { LOSS_CAUSES, type LossCause } from '../../domain/lossCauses.ts';
import { PLACES, PLACE_LOST, PLACE_NEW, TRANSITION_KINDS, type Place, type ReplicationTrace } from '../../experiments/replay.ts';

/** Live places (the engine's order), each a region of the replay. */
export const LIVE_PLACES = PLACES.slice(0, PLACE_LOST) as Exclude<Place, 'lost' | 'new'>[];
/** Regions: the live places, then one bin per cause of loss. */
export const REGION_COUNT = LIVE_PLACES.length + LOSS_CAUSES.length;
/** The region of cause of loss `c`. */
export const lossRegion = (c: LossCause): number => LIVE_PLACES.length + LOSS_CAUSES.indexOf(c);

const CHURN = TRANSITION_KINDS.indexOf('churn');
const CONVERT = TRANSITION_KINDS.indexOf('convert');
const CS_QUEUE = PLACES.indexOf('csQueue');
const CS_SERVICE = PLACES.indexOf('csService');

/** What the window has counted up to the current moment. */
export interface WindowCounts {
  won: number;
  churned: number;
  lost: Record<LossCause, number>;
}

/** A lead's move, as the drawer hears of it (regions, -1 for none). */
export type MoveListener = (lead: number, fromRegion: number, toRegion: number) => void;

/** A trace played back over its reporting window [start, end] (days of the replication). */
export class Playback {
  /** The moment shown, in the replication's days. */
  time: number;
  /** Transitions applied (the next one to apply). */
  next = 0;
  readonly leads: number;
  /** Each lead's region, or -1 before it exists. */
  readonly regionOf: Int16Array;
  /** Each lead's slot in its region's list. */
  readonly slotOf: Int32Array;
  /** Each region's leads, dense in [0, size[r]). */
  readonly members: Int32Array[];
  readonly size: Int32Array;
  churned = 0;
  wonCount = 0;
  readonly lostByCause: Int32Array;
  onMove: MoveListener | null = null;

  constructor(
    readonly trace: ReplicationTrace,
    readonly start: number,
    readonly end: number,
  ) {
    let max = -1;
    for (let i = 0; i < trace.length; i++) if (trace.leadId[i] > max) max = trace.leadId[i];
    this.leads = max + 1;
    this.regionOf = new Int16Array(this.leads);
    this.slotOf = new Int32Array(this.leads);
    this.size = new Int32Array(REGION_COUNT);
    this.lostByCause = new Int32Array(LOSS_CAUSES.length);
    this.members = Array.from({ length: REGION_COUNT }, () => new Int32Array(16));
    this.time = -Infinity;
    this.reset();
    this.seek(start);
  }

  /** Back to before the first transition. */
  private reset(): void {
    this.regionOf.fill(-1);
    this.size.fill(0);
    this.lostByCause.fill(0);
    this.churned = 0;
    this.wonCount = 0;
    this.next = 0;
    this.time = -Infinity;
  }

  /** Moves to day `t` of the replication (clamped to the window), applying or undoing transitions. */
  seek(t: number): void {
    const target = Math.min(this.end, Math.max(this.start, t));
    if (target < this.time) {
      // Backwards: replay from the start without telling the drawer (nothing flies).
      const listener = this.onMove;
      this.onMove = null;
      this.reset();
      this.advance(target);
      this.onMove = listener;
    } else this.advance(target);
    this.time = target;
  }

  /** Days of the window shown so far. */
  get elapsed(): number {
    return this.time - this.start;
  }

  /** The window's counts so far. */
  counts(): WindowCounts {
    const lost = Object.fromEntries(LOSS_CAUSES.map((c, i) => [c, this.lostByCause[i]])) as Record<LossCause, number>;
    return { won: this.wonCount, churned: this.churned, lost };
  }

  /** Leads now in live place `p`. */
  inPlace(p: Place): number {
    return this.size[PLACES.indexOf(p)];
  }

  private advance(target: number): void {
    const x = this.trace;
    while (this.next < x.length && x.t[this.next] <= target) {
      const i = this.next++;
      const to = x.to[i];
      // A bin holds the window's losses only (as its count does): one lost in the warm-up leaves the picture.
      const region = to === PLACE_LOST ? (x.t[i] >= this.start ? LIVE_PLACES.length + x.cause[i] : -1) : to === PLACE_NEW ? -1 : to;
      const lead = x.leadId[i];
      const from = this.regionOf[lead];
      if (from >= 0) this.remove(lead, from);
      if (region >= 0) this.add(lead, region);
      // The window counts what happened from its start (the result's funnel, churn).
      if (x.t[i] >= this.start) {
        if (x.cause[i] >= 0) this.lostByCause[x.cause[i]]++;
        if (x.kind[i] === CHURN) this.churned++;
        else if (x.kind[i] === CONVERT && (to === CS_QUEUE || to === CS_SERVICE)) this.wonCount++;
      }
      this.onMove?.(lead, from, region);
    }
  }

  private add(lead: number, region: number): void {
    let list = this.members[region];
    const n = this.size[region];
    if (n === list.length) {
      const grown = new Int32Array(list.length * 2);
      grown.set(list);
      list = this.members[region] = grown;
    }
    list[n] = lead;
    this.slotOf[lead] = n;
    this.size[region] = n + 1;
    this.regionOf[lead] = region;
  }

  private remove(lead: number, region: number): void {
    const list = this.members[region];
    const last = --this.size[region];
    const slot = this.slotOf[lead];
    const moved = list[last];
    list[slot] = moved;
    this.slotOf[moved] = slot;
    this.regionOf[lead] = -1;
  }
}
