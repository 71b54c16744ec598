/**
 * The workshop's replay layout at the sizes a projector gives it: one replay or two
 * (before and after) at 1920x1080 and 1280x720. No region overlaps another or a
 * column head, every region keeps room for its name and count above its dots, and
 * every region has at least one row of dots.
 */
import { describe, expect, it } from 'vitest';
import { BIN_TOP, binTextHeight, grid, replayLayout, tightReplay, type Rect } from '../../../src/ui/workshop/layout.ts';

const overlap = (a: Rect, b: Rect) => Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) > 0 && Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) > 0;
const within = (a: Rect, b: Rect) => a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h;

// Picture sizes measured in Chromium (the replay's box less its summary line), and the whole replay's height.
const SIZES = [
  { name: 'one replay, 1920x1080', width: 1920, height: 860, outer: 920 },
  { name: 'two replays, 1920x1080', width: 1920, height: 400, outer: 458 },
  { name: 'one replay, 1280x720', width: 1280, height: 526, outer: 576 },
  { name: 'two replays, 1280x720', width: 1280, height: 252, outer: 286 },
];

describe.each(SIZES)('$name', ({ width, height, outer }) => {
  const tight = tightReplay(outer);
  it.each([2, 3])('with bin names on %i lines: regions apart, texts above their dots, a row of dots each', (binLines) => {
    const { heads, regions, text } = replayLayout(width, height, binLines, tight);
    const boxes = [...heads.map((h) => h.box), ...regions.map((r) => r.box)];
    boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b, j) => expect(overlap(a, b), `boxes ${i} and ${i + 1 + j}`).toBe(false)));
    for (const b of boxes) expect(within(b, { x: 0, y: 0, w: width, h: height })).toBe(true);
    for (const r of regions) {
      expect(within(r.dots, r.box)).toBe(true);
      expect(grid(r.dots, r.pitch).rows, r.label).toBeGreaterThanOrEqual(1);
      // The name (and count) sit above the dots: the text's box ends where the dots begin.
      const textBottom = r.bin ? r.box.y + BIN_TOP + binTextHeight(text, binLines) : r.box.y + r.labelH - 4;
      expect(textBottom, r.label).toBeLessThanOrEqual(r.dots.y);
    }
    // No word under 14 px (the workshop's floor on a 1280 px projector).
    for (const px of [text.head, text.label, text.count, text.bin, text.binCount]) expect(px).toBeGreaterThanOrEqual(14);
  });
});

it('two replays on a 1280x720 screen take the tight sizes, one replay or a 1920x1080 screen does not', () => {
  expect(SIZES.map((s) => tightReplay(s.outer))).toEqual([false, false, false, true]);
});
