/**
 * Tick labels of a small chart that stay readable: at `px` pixels on screen, a
 * label is as wide as its text (a CJK character an em, other characters about
 * 0.62 em). Labels too close to read apart go on two staggered rows, and when
 * even that is too close they are thinned to every k-th one, the first kept; the
 * edge labels are moved inside the chart rather than cut.
 */

/** A tick: its position on the axis (screen pixels) and its label. */
export interface Tick {
  x: number;
  label: string;
}

/** A tick label to draw: where the text is centred (`at`), on which row (0 or 1), and the tick it marks (`x`). */
export interface PlacedTick extends Tick {
  at: number;
  row: 0 | 1;
}

/** The width of `label` at `px` pixels, estimated: one em for a CJK character or a full-width form, 0.62 em for others. */
export function labelWidth(label: string, px: number): number {
  let ems = 0;
  for (const ch of label) ems += ch >= '\u2e80' ? 1 : 0.62;
  return ems * px;
}

/**
 * Every k-th tick, on one row or two staggered, for the smallest k (one row first)
 * at which no two labels of a row come closer than `gap` pixels, each label kept
 * within [`left`, `right`].
 */
export function spacedTicks(ticks: readonly Tick[], px: number, left: number, right: number, gap = 8): PlacedTick[] {
  const place = (t: Tick, i: number, rows: number): PlacedTick => {
    const half = labelWidth(t.label, px) / 2;
    return { ...t, at: Math.min(Math.max(t.x, left + half), right - half), row: (i % rows) as 0 | 1 };
  };
  for (let k = 1; k <= ticks.length; k++) {
    for (const rows of [1, 2]) {
      const kept = ticks.filter((_, i) => i % k === 0).map((t, i) => place(t, i, rows));
      const apart = kept.every((t, i) => i < rows || t.at - kept[i - rows].at >= (labelWidth(t.label, px) + labelWidth(kept[i - rows].label, px)) / 2 + gap);
      if (apart) return kept;
    }
  }
  return [];
}
