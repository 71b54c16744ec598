/**
 * Where the replay draws each region: a column per department (Marketing, IS, FS,
 * CS) and one for the customers, each with the leads waiting above the leads in
 * work, and a row of bins, one per cause of loss, along the bottom. Sizes are CSS
 * pixels of the replay's box; texts sit in the DOM over the canvas (large, crisp
 * and readable by tests), the canvas draws boxes and dots.
 */
import { DEPARTMENTS, type Department } from '../../scenario/types.ts';
import { department as departmentInfo } from '../../domain/departments.ts';
import { LOSS_CAUSE_LIST } from '../../domain/lossCauses.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { LIVE_PLACES, REGION_COUNT, lossRegion } from './playback.ts';

/** A rectangle in CSS pixels. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A region on screen: its box, where its dots go, its name, its colour. */
export interface RegionBox {
  box: Rect;
  /** The dots' area (below the label). */
  dots: Rect;
  label: MessageKey;
  colour: string;
  /** A bin of lost leads (its count is the window's, not the leads inside). */
  bin: boolean;
  /** Dot size and pitch: larger where few leads are (queues, work), so a queue is seen growing. */
  dot: number;
  pitch: number;
}

/** A column's head: a department, or the customers. */
export interface ColumnHead {
  key: Department | 'customers';
  label: MessageKey;
  colour: string;
  box: Rect;
}

/** Dot size and pitch, CSS pixels, of the crowded regions (nurture, customers, bins) and of the others. */
export const DOT = 7, PITCH = 9;
const BIG_DOT = 10, BIG_PITCH = 13;
/** Height of a region's label line (two lines, name over count, in a low box: see stackedLabels) and of a column head. */
const LABEL_H = 34, STACKED_LABEL_H = 66, HEAD_H = 48, GAP = 12;

/**
 * Whether a replay box this high draws its regions' names over their counts: in a
 * low box the waiting and the work stand side by side, each half a column wide, and
 * at 1280 px a name and a count (ナーチャリング 10,842) do not fit on one line.
 */
export function stackedLabels(height: number): boolean {
  return height < 600;
}
const CUSTOMER_COLOUR = '#7a4a8c';
/** Lost leads are grey in their bins: the bin's top border carries the department's colour. */
export const LOST_DOT = '#8a8f98';

/** The place each live region stands for, and its label. */
const PLACE_LABEL: Record<(typeof LIVE_PLACES)[number], MessageKey> = {
  marketing: 'wsNew',
  nurture: 'wsNurture',
  isQueue: 'wsWaiting',
  isService: 'wsInWork',
  fsQueue: 'wsWaiting',
  fsService: 'wsInWork',
  csQueue: 'wsWaitingOnboarding',
  csService: 'wsOnboarding',
  customer: 'wsCustomers',
};

/**
 * The layout of a replay box `width` x `height` (the bins get more room in a tall
 * box), with `binLines` lines for a bin's name (English names need three).
 */
export function replayLayout(width: number, height: number, binLines = 2): { heads: ColumnHead[]; regions: RegionBox[] } {
  const colW = width / (DEPARTMENTS.length + 1);
  const binsH = Math.max(binLines * 30 + 90, Math.round(height * (height < 600 ? 0.3 : 0.36)));
  const binsY = height - binsH;
  const top = HEAD_H + GAP;
  const upperH = binsY - GAP * 2 - top;
  const queueH = Math.round(upperH * 0.45);
  const heads: ColumnHead[] = [
    ...DEPARTMENTS.map((d, i) => ({ key: d, label: departmentInfo(d).label, colour: departmentInfo(d).colour, box: { x: i * colW + GAP / 2, y: 0, w: colW - GAP, h: HEAD_H } })),
    { key: 'customers' as const, label: 'wsCustomers' as MessageKey, colour: CUSTOMER_COLOUR, box: { x: DEPARTMENTS.length * colW + GAP / 2, y: 0, w: colW - GAP, h: HEAD_H } },
  ];
  const regions: RegionBox[] = new Array(REGION_COUNT);
  const column = (d: Department): number => DEPARTMENTS.indexOf(d);
  // A low box (two replays, one above the other) puts the waiting beside the work,
  // each the column's full height, so a queue still has room to pile up.
  const compact = height < 600;
  const half = (colW - GAP * 2) / 2;
  const place = (p: (typeof LIVE_PLACES)[number], col: number, upper: boolean, colour: string) => {
    const x0 = col * colW + GAP / 2;
    const box: Rect =
      p === 'customer' ? { x: x0, y: top, w: colW - GAP, h: upperH }
      : compact ? { x: upper ? x0 : x0 + half + GAP, y: top, w: half, h: upperH }
      : upper ? { x: x0, y: top, w: colW - GAP, h: queueH }
      : { x: x0, y: top + queueH + GAP, w: colW - GAP, h: upperH - queueH - GAP };
    const small = compact || p === 'nurture' || p === 'customer';
    regions[LIVE_PLACES.indexOf(p)] = { box, dots: inner(box, stackedLabels(height) ? STACKED_LABEL_H : LABEL_H), label: PLACE_LABEL[p], colour, bin: false, dot: small ? DOT : BIG_DOT, pitch: small ? PITCH : BIG_PITCH };
  };
  const c = (d: Department) => departmentInfo(d).colour;
  place('marketing', column('marketing'), true, c('marketing'));
  place('nurture', column('marketing'), false, c('marketing'));
  place('isQueue', column('insideSales'), true, c('insideSales'));
  place('isService', column('insideSales'), false, c('insideSales'));
  place('fsQueue', column('fieldSales'), true, c('fieldSales'));
  place('fsService', column('fieldSales'), false, c('fieldSales'));
  place('csQueue', column('customerSuccess'), true, c('customerSuccess'));
  place('csService', column('customerSuccess'), false, c('customerSuccess'));
  place('customer', DEPARTMENTS.length, false, CUSTOMER_COLOUR);
  // One bin per cause of loss, in the engine's order (which is flow order).
  const binW = width / LOSS_CAUSE_LIST.length;
  LOSS_CAUSE_LIST.forEach((cause, i) => {
    const box: Rect = { x: i * binW + GAP / 4, y: binsY, w: binW - GAP / 2, h: binsH };
    // The name's lines (30 px each) and the count above the pile.
    const dots: Rect = { x: box.x + 6, y: box.y + binLines * 30 + 40, w: box.w - 12, h: box.h - binLines * 30 - 46 };
    regions[lossRegion(cause.cause)] = { box, dots, label: cause.label, colour: c(cause.department), bin: true, dot: DOT, pitch: PITCH };
  });
  return { heads, regions };
}

function inner(box: Rect, labelH: number): Rect {
  return { x: box.x + 6, y: box.y + labelH + 4, w: box.w - 12, h: box.h - labelH - 10 };
}

/** Dots that fit in `r` at `pitch`: columns and rows of the grid. */
export function grid(r: Rect, pitch: number): { cols: number; rows: number } {
  return { cols: Math.max(1, Math.floor(r.w / pitch)), rows: Math.max(0, Math.floor(r.h / pitch)) };
}
