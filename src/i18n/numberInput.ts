/**
 * Numbers as people type and read them in a form: full-width digits (３０),
 * thousands separators (1,500,000,000), the Japanese units 万, 億 and 兆 with 千
 * and 百 inside a unit (15億, 1.5億, 2億3千万, 千万), a trailing 円 or a leading
 * ¥ on an amount, a trailing % on a percentage. Parsing is pure: text in, a
 * number or "not a number" out, so the editor keeps the user's text when it
 * cannot read it.
 */
import type { Lang } from './format.ts';

/** What a field holds: an amount in yen, a percentage (typed 0-100), or a plain number. */
export type NumberUnit = 'yen' | 'percent' | 'plain';

/** A number read from text, in the units typed (a percentage as typed: "30%" is 30). */
export type ParsedNumber = { ok: true; value: number } | { ok: false };

const BIG_UNITS: readonly [string, number][] = [
  ['兆', 1e12],
  ['億', 1e8],
  ['万', 1e4],
];
/** A plain unsigned decimal, as JavaScript writes numbers (exponent allowed: "1e9"). */
const DECIMAL = /^(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
/** A group below 万: [n]千 [n]百 [n], each part optional (千 alone is one thousand). */
const GROUP = /^(?:(\d+(?:\.\d+)?)?千)?(?:(\d+(?:\.\d+)?)?百)?(\d+(?:\.\d+)?)?$/;

/**
 * Full-width forms to ASCII (NFKC: ３０ -> 30, ，-> ',', ％ -> '%', ￥ -> ¥), the
 * minus signs people paste to '-', and no spaces.
 */
function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2212\u2012\u2013\u2014\u30fc]/g, '-')
    .replace(/\s+/g, '');
}

/** Drops thousands separators placed every three digits; any other comma makes the text unreadable. */
function withoutSeparators(text: string): string | null {
  const out = text.replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
  return out.includes(',') ? null : out;
}

/** The value of a group below 万 ("3千500", "千", "12.5"), or null. */
function groupValue(text: string): number | null {
  const m = GROUP.exec(text);
  if (!m || text === '') return null;
  const [, thousands, hundreds, ones] = m;
  const part = (digits: string | undefined, marker: boolean) => (digits !== undefined ? Number(digits) : marker ? 1 : 0);
  return part(thousands, text.includes('千')) * 1000 + part(hundreds, text.includes('百')) * 100 + (ones !== undefined ? Number(ones) : 0);
}

/** The value of text made of 兆/億/万 groups in descending order ("11億5000万"), or null. */
function japaneseValue(text: string): number | null {
  let rest = text;
  let total = 0;
  let any = false;
  for (const [unit, size] of BIG_UNITS) {
    const at = rest.indexOf(unit);
    if (at < 0) continue;
    const head = rest.slice(0, at);
    const g = head === '' ? null : groupValue(head);
    if (g === null) return null;
    total += g * size;
    rest = rest.slice(at + 1);
    any = true;
  }
  if (rest !== '') {
    const g = groupValue(rest);
    if (g === null) return null;
    total += g;
    any = true;
  }
  return any ? total : null;
}

/**
 * Reads a number typed into a field of `unit`. Accepts what people write
 * (see the module comment); anything else, including an empty text, is not a number.
 */
export function parseNumberInput(text: string, unit: NumberUnit = 'plain'): ParsedNumber {
  let s = normalise(text);
  if (unit === 'yen') s = s.replace(/^¥/, '').replace(/円$/, '');
  if (unit === 'percent') s = s.replace(/%$/, '');
  const sign = s.startsWith('-') ? -1 : 1;
  if (s.startsWith('-') || s.startsWith('+')) s = s.slice(1);
  const plain = withoutSeparators(s);
  if (plain === null || plain === '') return { ok: false };
  if (DECIMAL.test(plain)) return { ok: true, value: sign * Number(plain) };
  const jp = japaneseValue(plain);
  // Rounded to the yen or unit shown: 1.15億 is 115,000,000, not 114,999,999.99999999.
  return jp === null || !Number.isFinite(jp) ? { ok: false } : { ok: true, value: sign * +jp.toPrecision(15) };
}

const grouped = (x: number, lang: Lang) => x.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US', { maximumFractionDigits: 6 });

/**
 * A number as it is shown in a field, to be read and edited: grouped by thousands
 * (1,500,000); a yen amount of a million or more in Japanese in 億 and 万 as it is
 * read (11億5,000万, 200万), each part grouped. The text parses back to the same value.
 * `manFrom` moves where 万 starts: a column of amounts read side by side passes 1万,
 * so 30万 stands beside 150万 rather than 300,000.
 */
export function formatNumberInput(x: number, unit: NumberUnit, lang: Lang, manFrom = 1e6): string {
  if (!Number.isFinite(x)) return String(x);
  if (unit === 'percent') return String(+(x * 100).toFixed(6));
  const a = Math.abs(x);
  if (unit !== 'yen' || lang !== 'ja' || a < manFrom || a < 1e4 || !Number.isInteger(a) || a >= 1e16) return grouped(x, lang);
  const sign = x < 0 ? '-' : '';
  const oku = Math.floor(a / 1e8);
  const man = Math.floor((a % 1e8) / 1e4);
  const rest = a % 1e4;
  const part = (n: number, unitName: string) => (n > 0 ? `${grouped(n, lang)}${unitName}` : '');
  return sign + part(oku, '億') + part(man, '万') + (rest > 0 ? grouped(rest, lang) : '');
}
