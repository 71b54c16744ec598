/**
 * Where the replay draws each region: a column per department (Marketing, IS, FS,
 * CS) and one for the customers, each with the leads waiting above the leads in
 * work, and a row of bins, one per cause of loss, along the bottom. Sizes are CSS
 * pixels of the replay's box; texts sit in the DOM over the canvas (large, crisp
 * and readable by tests), the canvas draws boxes and dots.
 */
import { DEPARTMENTS, type Department } from '../../scenario/types.ts';
import { department as departmentInfo } from '../../domain/departments.ts';
import { LOSS_CAUSE_LIST, type LossCause } from '../../domain/lossCauses.ts';
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
  /** Height kept above the dots for the name and count, and whether they share one line (else the name stands over the count). */
  labelH: number;
  oneLine: boolean;
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

/**
 * The sizes a layout draws its texts at (CSS pixels) and the room it keeps for
 * them: the DOM sets its fonts from here, so a region's dots start below its
 * name and count whatever the size.
 */
export interface ReplayText {
  /** Column heads: their height and font. */
  headH: number;
  head: number;
  /** A region's name and its count. */
  label: number;
  count: number;
  /** A bin's name (on `binLines` lines) and its count. */
  bin: number;
  binCount: number;
  /** Line height of every text over the canvas, in ems (at least the primary font's own, so lines never overlap). */
  lineHeight: number;
  /** Space between columns and regions, and a text's inset in its region. */
  gap: number;
  inset: number;
  /** Height kept above a region's dots for its name and count. */
  labelH: number;
}

/** The texts of a replay with the screen to itself (or two, one above the other, on a 1920x1080 projector). */
const FULL: Omit<ReplayText, 'labelH'> = { headH: 48, head: 28, label: 24, count: 28, bin: 24, binCount: 32, lineHeight: 1.2, gap: 12, inset: 8 };
/**
 * Two replays one above the other on a 1280x720 projector, each about 240 px high:
 * a third smaller, as 1280 is two thirds of 1920 (a projected 16 px is as large on
 * the wall as 24 px from a 1920 px laptop).
 */
const TIGHT: Omit<ReplayText, 'labelH'> = { headH: 32, head: 20, label: 16, count: 20, bin: 16, binCount: 22, lineHeight: 1.2, gap: 8, inset: 4 };
/**
 * One replay on a narrower projector (1024x768): a bin is about 100 px wide, where
 * the full sizes cut a count (3,742 at 32 px) and broke a name to three characters a line.
 */
const NARROW: Omit<ReplayText, 'labelH'> = { headH: 40, head: 22, label: 20, count: 24, bin: 17, binCount: 24, lineHeight: 1.2, gap: 10, inset: 6 };

/** Whether a replay this wide takes the narrow sizes (a 1024 px projector; 1280 and more keep the full ones). */
export function narrowReplay(width: number): boolean {
  return width > 0 && width < 1200;
}

/** Whether a replay whose whole box (summary and picture) is this high takes the tight sizes. */
export function tightReplay(replayHeight: number): boolean {
  return replayHeight > 0 && replayHeight < 360;
}

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

/** Where a bin's text starts below its box's top (under the coloured border). */
export const BIN_TOP = 8;

/** The height of a bin's name and count at `text`'s sizes. */
export function binTextHeight(text: ReplayText, binLines: number): number {
  return Math.ceil((text.bin * binLines + text.binCount) * text.lineHeight);
}

/**
 * The layout of a replay box `width` x `height` (the bins get more room in a tall
 * box), with `binLines` lines for a bin's name (English names need three); `tight`
 * for two replays on a 1280x720 screen (see tightReplay).
 */
export function replayLayout(width: number, height: number, binLines = 2, tight = false): { heads: ColumnHead[]; regions: RegionBox[]; text: ReplayText } {
  const stacked = stackedLabels(height);
  const sizes = tight ? TIGHT : narrowReplay(width) ? NARROW : FULL;
  const { gap: GAP, headH: HEAD_H, lineHeight } = sizes;
  // Name over count, or both on one line; 4 px above and below.
  const labelH = Math.ceil((stacked ? sizes.label + sizes.count : Math.max(sizes.label, sizes.count)) * lineHeight) + 8;
  const oneLineH = Math.ceil(Math.max(sizes.label, sizes.count) * lineHeight) + 8;
  const overH = Math.ceil((sizes.label + sizes.count) * lineHeight) + 8;
  const text: ReplayText = { ...sizes, labelH };
  const binText = BIN_TOP + binTextHeight(text, binLines) + 4;
  const colW = width / (DEPARTMENTS.length + 1);
  // Tight: the bins' text and two rows of dots, the rest to the queues. Otherwise a share of the box.
  const binsH = tight ? binText + 2 * PITCH + 4 : Math.max(binText + 50, Math.round(height * (height < 600 ? 0.3 : 0.36)));
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
  // Half a column is too narrow for ナーチャリング below 1280 px (cut at 1024, 14 px at 1280).
  // One replay in a low box: Marketing's new leads (a few dozen at any time) take a
  // low strip on top, name and count on one line, and nurture the rest of the column.
  // Two replays on a 1024 px screen (too low for a strip): nurture takes 70% of the
  // column's width and the new leads are named 新規 (new).
  const strip = compact && !tight && colW < 300;
  const narrowPair = compact && tight && narrowReplay(width);
  const newH = oneLineH + 2 * PITCH + 6;
  const newW = narrowPair ? Math.round((colW - GAP * 2) * 0.3) : half;
  // Nurture's name and count on one line where the column holds both (ナーチャリング and five digits and a comma), else the name over the count.
  const nurtureOneLine = colW - GAP - 2 * sizes.inset >= 7 * sizes.label + 8 + 6 * 0.65 * sizes.count;
  const place = (p: (typeof LIVE_PLACES)[number], col: number, upper: boolean, colour: string) => {
    const x0 = col * colW + GAP / 2;
    const box: Rect =
      p === 'customer' ? { x: x0, y: top, w: colW - GAP, h: upperH }
      : strip && p === 'marketing' ? { x: x0, y: top, w: colW - GAP, h: newH }
      : strip && p === 'nurture' ? { x: x0, y: top + newH + GAP, w: colW - GAP, h: upperH - newH - GAP }
      : narrowPair && p === 'marketing' ? { x: x0, y: top, w: newW, h: upperH }
      : narrowPair && p === 'nurture' ? { x: x0 + newW + GAP, y: top, w: colW - GAP * 2 - newW, h: upperH }
      : compact ? { x: upper ? x0 : x0 + half + GAP, y: top, w: half, h: upperH }
      : upper ? { x: x0, y: top, w: colW - GAP, h: queueH }
      : { x: x0, y: top + queueH + GAP, w: colW - GAP, h: upperH - queueH - GAP };
    const small = compact || p === 'nurture' || p === 'customer';
    // A half column of the tight sizes is too narrow for "Waiting to onboard".
    const label = tight && p === 'csQueue' ? 'wsWaitingOnboardingShort' : narrowPair && p === 'marketing' ? 'wsNewShort' : PLACE_LABEL[p];
    const oneLine = p === 'nurture' ? (!stacked || strip) && nurtureOneLine : !stacked || (strip && p === 'marketing');
    const h = oneLine ? oneLineH : overH;
    regions[LIVE_PLACES.indexOf(p)] = { box, dots: inner(box, h), label, colour, bin: false, dot: small ? DOT : BIG_DOT, pitch: small ? PITCH : BIG_PITCH, labelH: h, oneLine };
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
    // The name's lines and the count above the pile.
    const dots: Rect = { x: box.x + 6, y: box.y + binText, w: box.w - 12, h: box.h - binText - 4 };
    const label = BIN_LABEL[cause.cause] ?? cause.label;
    regions[lossRegion(cause.cause)] = { box, dots, label, colour: c(cause.department), bin: true, dot: DOT, pitch: PITCH, labelH: binText, oneLine: false };
  });
  return { heads, regions, text };
}

/**
 * The bins named apart from the app. オンボーディング前に解約 took three lines of a bin or 14 px;
 * the workshop says onboarding 導入 (導入待ち, 導入中). 未接触のまま and 過負荷による, phrases a
 * Japanese name may not break inside, took 14 px in a bin at 1024 px: 未接触で離脱, 過負荷で解約.
 */
const BIN_LABEL: Partial<Record<LossCause, MessageKey>> = { csAbandoned: 'wsCsAbandoned', isAbandoned: 'wsIsAbandoned', churnOverload: 'wsChurnOverload' };

function inner(box: Rect, labelH: number): Rect {
  return { x: box.x + 6, y: box.y + labelH, w: box.w - 12, h: box.h - labelH - 6 };
}

/** Dots that fit in `r` at `pitch`: columns and rows of the grid. */
export function grid(r: Rect, pitch: number): { cols: number; rows: number } {
  return { cols: Math.max(1, Math.floor(r.w / pitch)), rows: Math.max(0, Math.floor(r.h / pitch)) };
}
