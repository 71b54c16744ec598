/**
 * The sensitivity tornado, as plain data: each input's bar in ARR at the horizon
 * (the baseline's mean plus the paired change at the input's low and high value,
 * each with its 95% interval), sorted by swing; the label that names how far the
 * input moved; the axis's extent; and the one-sentence reading. Pure, so the
 * order and the words are unit-tested apart from the drawing (Sensitivity.svelte).
 */
import type { Scenario } from '../scenario/types.ts';
import { bySwing, withInput, type SensitivityInput, type SensitivityRow } from '../experiments/sensitivity.ts';
import { formatPercent, formatYen, type Lang } from '../i18n/format.ts';
import { goalSeekText } from '../i18n/goalSeekMessages.ts';

/** How far an input moved: a head count to named values, or anything else by a share of itself. */
export type InputChange =
  | { kind: 'people'; base: number; low: number; high: number }
  | { kind: 'share'; low: number; high: number }
  /** The input is 0 in the scenario: a share of it is still 0. */
  | { kind: 'zero' };

/** One end of a bar: ARR at the horizon with the input there, and its paired 95% interval. */
export interface TornadoEnd {
  arr: number;
  low: number;
  high: number;
}

/** One input's bar. */
export interface TornadoBar {
  input: SensitivityInput;
  label: string;
  /** With the input at its low value, and at its high value. */
  atLow: TornadoEnd;
  atHigh: TornadoEnd;
  /** high minus low, in ARR at the horizon. */
  swing: number;
  /** The least |swing| its paired 95% interval allows (0 when the interval includes no swing). */
  swingAtLeast: number;
  /** Whether either end's interval leaves out the baseline (the input clearly moves ARR). */
  clear: boolean;
}

/** A plain number field of a department (the head counts, rates, leads and budget varied). */
const valueOf = (s: Scenario, input: SensitivityInput): number | null => {
  const [dept, field] = input.split('.') as [keyof Scenario, string];
  const v = (s[dept] as unknown as Record<string, unknown>)[field];
  return typeof v === 'number' ? v : null;
};

/** How sensitivity moves `input` of `s` either way by `share` (the values withInput gives). */
export function inputChange(s: Scenario, input: SensitivityInput, share = 0.1): InputChange {
  const base = valueOf(s, input);
  // A distribution (ACV) is scaled as a whole: exactly the share either way.
  if (base === null) return { kind: 'share', low: -share, high: share };
  const low = valueOf(withInput(s, input, 1 - share), input)!;
  const high = valueOf(withInput(s, input, 1 + share), input)!;
  if (input.endsWith('.headcount')) return { kind: 'people', base, low, high };
  if (base === 0) return { kind: 'zero' };
  // A rate is capped at 1, so its high value may be less than the share above.
  return { kind: 'share', low: low / base - 1, high: high / base - 1 };
}

const pct = (x: number) => formatPercent(Math.abs(x)).replace(/\.0%$/, '%');

/** The bar's label: "IS人数 4→3 / 5", "商談化率 ±10%", "受注率 −10% / +5%". */
export function barLabel(input: SensitivityInput, change: InputChange, lang: Lang): string {
  const name = goalSeekText(lang, `sensShort.${input}`);
  switch (change.kind) {
    case 'people':
      return goalSeekText(lang, 'sensBarPeople', { name, base: change.base, low: change.low, high: change.high });
    case 'zero':
      return goalSeekText(lang, 'sensBarZero', { name });
    default:
      return Math.abs(change.low + change.high) < 1e-9
        ? goalSeekText(lang, 'sensBarShare', { name, share: pct(change.high) })
        : goalSeekText(lang, 'sensBarShares', { name, low: `−${pct(change.low)}`, high: `+${pct(change.high)}` });
  }
}

/** The bars of `rows` (any order) around `baselineArrYen`, largest |swing| first, labelled from `scenario`. */
export function tornadoBars(rows: readonly SensitivityRow[], baselineArrYen: number, scenario: Scenario, lang: Lang, share = 0.1): TornadoBar[] {
  const end = (d: SensitivityRow['low']): TornadoEnd => ({ arr: baselineArrYen + d.mean, low: baselineArrYen + d.ciLow, high: baselineArrYen + d.ciHigh });
  return [...rows].sort(bySwing).map((r) => ({
    input: r.input,
    label: barLabel(r.input, inputChange(scenario, r.input, share), lang),
    atLow: end(r.low),
    atHigh: end(r.high),
    swing: r.swing,
    swingAtLeast: r.swingPaired.ciLow > 0 ? r.swingPaired.ciLow : r.swingPaired.ciHigh < 0 ? -r.swingPaired.ciHigh : 0,
    clear: r.low.ciLow > 0 || r.low.ciHigh < 0 || r.high.ciLow > 0 || r.high.ciHigh < 0,
  }));
}

/** The axis's extent: every bar's ends and intervals and the baseline, with a margin; never empty. */
export function tornadoExtent(bars: readonly TornadoBar[], baselineArrYen: number): [number, number] {
  const xs = [baselineArrYen, ...bars.flatMap((b) => [b.atLow.arr, b.atLow.low, b.atLow.high, b.atHigh.arr, b.atHigh.low, b.atHigh.high])].filter(Number.isFinite);
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  const pad = Math.max((hi - lo) * 0.05, Math.abs(baselineArrYen) * 0.01, 1);
  return [lo - pad, hi + pad];
}

/**
 * The tornado in one sentence: the input that moves ARR most and by how much, or
 * that none moves it clearly on these replications. When the second input's swing
 * is within the first's interval, the two are named together: the replications do
 * not tell them apart. While inputs are still running (`done` < `total`), it says
 * the answer is so far.
 */
export function tornadoReading(bars: readonly TornadoBar[], baselineArrYen: number, replications: number, done: number, total: number, lang: Lang): string {
  const top = bars[0];
  if (!top) return '';
  const vars = {
    name: goalSeekText(lang, `sens.${top.input}`),
    swing: formatYen(Math.abs(top.swing), lang),
    share: pct(Math.abs(top.swing) / Math.abs(baselineArrYen)),
    base: formatYen(baselineArrYen, lang),
    reps: replications,
    done,
    total,
  };
  const second = bars[1];
  const tied = top.clear && second !== undefined && Math.abs(second.swing) >= top.swingAtLeast;
  const sentence = tied
    ? goalSeekText(lang, 'sensReadingTied', { ...vars, second: goalSeekText(lang, `sens.${second.input}`), secondSwing: formatYen(Math.abs(second.swing), lang) })
    : goalSeekText(lang, top.clear ? 'sensReading' : 'sensReadingUnclear', vars);
  return done < total ? goalSeekText(lang, 'sensSoFar', { ...vars, sentence }) : sentence;
}
