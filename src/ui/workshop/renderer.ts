/**
 * Draws a playback on a canvas: each region's box and its leads as dots in a grid
 * (as many as fit; the label over the canvas gives the exact count), and every
 * lead that just moved flying from its old slot to its new one, so the room sees
 * leads pile up in a queue, fall into a bin or become a customer.
 */
import { LOST_DOT, grid, replayLayout, type RegionBox } from './layout.ts';
import { REGION_COUNT, type Playback } from './playback.ts';

/** How long a move is seen flying, in milliseconds of wall time. */
const FLIGHT_MS = 700;
/** At most this many flights at once (the oldest land first): a jump does not fly thousands. */
const MAX_FLIGHTS = 4000;

/** Draws one playback onto one canvas. */
export class ReplayRenderer {
  private ctx: CanvasRenderingContext2D;
  regions: RegionBox[] = [];
  private width = 0;
  private height = 0;
  /** When each lead last moved (wall ms), to draw it flying rather than in its slot. */
  private movedAt: Float64Array;
  private flights: { lead: number; x: number; y: number; at: number }[] = [];
  /** Each region's grid (columns, and how many dots fit), computed at resize. */
  private cols = new Int32Array(REGION_COUNT);
  private capacity = new Int32Array(REGION_COUNT);
  /** The last slot position computed (kept in fields: no object per dot and frame). */
  private px = 0;
  private py = 0;
  /** Wall time given to the moves heard now (set by `draw`'s caller before seeking). */
  now = 0;
  /** Something changed since the last drawing (a resize, a jump back). */
  private stale = true;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    readonly playback: Playback,
  ) {
    this.ctx = canvas.getContext('2d', { alpha: false })!;
    this.movedAt = new Float64Array(playback.leads).fill(-Infinity);
    playback.onMove = (lead, from) => this.moved(lead, from);
  }

  /** Fits the canvas to `width` x `height` CSS pixels (sharp on high-density screens), bins named on `binLines` lines, `tight` sizes (see replayLayout). */
  resize(width: number, height: number, binLines = 2, tight = false): void {
    const ratio = window.devicePixelRatio || 1;
    this.width = width;
    this.height = height;
    this.canvas.width = Math.round(width * ratio);
    this.canvas.height = Math.round(height * ratio);
    this.ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    this.regions = replayLayout(width, height, binLines, tight).regions;
    this.regions.forEach((region, r) => {
      const { cols, rows } = grid(region.dots, region.pitch);
      this.cols[r] = cols;
      this.capacity[r] = cols * rows;
    });
    this.stale = true;
  }

  /** Whether the picture would change if drawn now: leads in flight, or a change since the last drawing. */
  get busy(): boolean {
    return this.stale || this.flights.length > 0;
  }

  /** Forgets the flights (after a jump backwards, or a reset). */
  land(): void {
    this.flights = [];
    this.movedAt.fill(-Infinity);
    this.stale = true;
  }

  private moved(lead: number, from: number): void {
    if (from < 0 || this.regions.length === 0) return; // a new lead appears in place
    this.slotPosition(from, this.playback.slotOf[lead]);
    this.movedAt[lead] = this.now;
    this.flights.push({ lead, x: this.px, y: this.py, at: this.now });
    if (this.flights.length > MAX_FLIGHTS) this.flights.splice(0, this.flights.length - MAX_FLIGHTS);
  }

  /** Where slot `slot` of region `r` is drawn, into (px, py) (slots past the grid sit at the grid's last dot). */
  private slotPosition(r: number, slot: number): void {
    const { dots: d, pitch } = this.regions[r];
    const cols = this.cols[r];
    const s = Math.min(slot, Math.max(0, this.capacity[r] - 1));
    // Queues and piles fill from the bottom up, as a stack grows.
    this.px = d.x + (s % cols) * pitch;
    this.py = d.y + d.h - pitch - Math.floor(s / cols) * pitch;
  }

  /** Draws the current moment at wall time `now`. */
  draw(now: number): void {
    const { ctx, playback } = this;
    if (this.regions.length === 0) return; // not laid out yet
    this.stale = false;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, this.width, this.height);
    for (let r = 0; r < REGION_COUNT; r++) {
      const region = this.regions[r];
      const b = region.box;
      ctx.fillStyle = region.bin ? '#f1f2f4' : '#f7f7f9';
      ctx.fillRect(b.x, b.y, b.w, b.h);
      ctx.fillStyle = region.colour;
      ctx.fillRect(b.x, b.y, b.w, region.bin ? 6 : 4);
      const dot = region.dot;
      const shown = Math.min(playback.size[r], this.capacity[r]);
      const list = playback.members[r];
      // One fillRect a dot: Skia's rectangle fast path, cheaper than one path of thousands of rectangles.
      ctx.fillStyle = region.bin ? LOST_DOT : region.colour;
      for (let s = 0; s < shown; s++) {
        if (now - this.movedAt[list[s]] < FLIGHT_MS) continue; // still flying
        this.slotPosition(r, s);
        ctx.fillRect(this.px, this.py, dot, dot);
      }
    }
    this.drawFlights(now);
  }

  private drawFlights(now: number): void {
    const { ctx, playback } = this;
    let kept = 0;
    ctx.fillStyle = '#1d1f23';
    for (const f of this.flights) {
      const k = (now - f.at) / FLIGHT_MS;
      const region = playback.regionOf[f.lead];
      if (k >= 1 || k < 0 || region < 0 || this.movedAt[f.lead] !== f.at) continue;
      this.flights[kept++] = f;
      this.slotPosition(region, playback.slotOf[f.lead]);
      const e = k * k * (3 - 2 * k); // ease in and out
      ctx.fillRect(f.x + (this.px - f.x) * e, f.y + (this.py - f.y) * e, 8, 8);
    }
    this.flights.length = kept;
  }
}
