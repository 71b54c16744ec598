/**
 * Number formats per language: yen in 万 and 億 for Japanese readers, in K/M/B
 * for English; percentages, counts and days.
 */
export type Lang = 'ja' | 'en';

/**
 * Whole numbers with thousands separators, by one formatter per language made
 * once: Number.prototype.toLocaleString(locale) gives the same text but builds a
 * formatter on every call, about 20x slower in Chromium (80 vs 4 µs), and a chart
 * redrawn with each partial result formats hundreds of numbers (issue 13).
 */
const grouping = { ja: new Intl.NumberFormat('ja-JP'), en: new Intl.NumberFormat('en-US') };
function grouped(x: number, lang: Lang): string {
  return grouping[lang].format(x);
}

/**
 * Yen, short, keeping three significant digits so a rounding never changes the
 * number read: 1.5万円 (not 2万円) for 15,000, 1.23億円, 3,450万円 in Japanese;
 * ¥1.5K, ¥34.5M, ¥120M in English.
 */
export function formatYen(x: number, lang: Lang): string {
  if (!Number.isFinite(x)) return '–';
  const sign = x < 0 ? '-' : '';
  const a = Math.abs(x);
  if (lang === 'ja') {
    if (a >= 1e8) return `${sign}${scaled(a, 1e8, 'ja')}億円`;
    if (a >= 1e4) return `${sign}${scaled(a, 1e4, 'ja')}万円`;
    return `${sign}${grouped(Math.round(a), 'ja')}円`;
  }
  if (a >= 1e9) return `${sign}¥${scaled(a, 1e9, 'en')}B`;
  if (a >= 1e6) return `${sign}¥${scaled(a, 1e6, 'en')}M`;
  if (a >= 1e3) return `${sign}¥${scaled(a, 1e3, 'en')}K`;
  return `${sign}¥${Math.round(a)}`;
}

/** `a / unit` with three significant digits (whole above 100, grouped): 1.5, 12.3, 3,450. */
function scaled(a: number, unit: number, lang: Lang): string {
  const v = a / unit;
  if (v >= 100) return grouped(Math.round(v), lang);
  return trim(v, v >= 10 ? 1 : 2);
}

function trim(x: number, digits: number): string {
  return x.toFixed(digits).replace(/\.0+$/, '').replace(/(\.\d*[1-9])0+$/, '$1');
}

/** A count with thousands separators. */
export function formatCount(x: number, lang: Lang): string {
  return Number.isFinite(x) ? grouped(Math.round(x), lang) : '–';
}

/**
 * A count of leads, deals or accounts written with its unit, the one place the unit
 * is declared: 件 after the number in Japanese (385件, −44件), nothing in English,
 * where the row's or sentence's noun says what is counted. '–' (no figure) stays bare.
 */
export function withCountUnit(text: string, lang: Lang): string {
  return lang === 'ja' && text !== '–' ? `${text}件` : text;
}

/** A count with thousands separators and its unit: 1,234件 in Japanese, 1,234 in English. */
export function formatItems(x: number, lang: Lang): string {
  return withCountUnit(formatCount(x, lang), lang);
}

/** A share as a percentage: 0.973 -> 97%, with one decimal below 10%. */
export function formatPercent(x: number): string {
  if (!Number.isFinite(x)) return '–';
  const p = 100 * x;
  return `${Math.abs(p) < 10 ? p.toFixed(1) : Math.round(p)}%`;
}

/**
 * A share of replications (k of n) in whole percent, one form for a whole column
 * (formatPercent gives 0.0% beside 20%). A share that is not exactly 0 or 1 never
 * reads as one: "<1%" and ">99%".
 */
export function formatShareOfRuns(x: number): string {
  if (!Number.isFinite(x)) return '–';
  if (x > 0 && x < 0.005) return '<1%';
  if (x < 1 && x > 0.995) return '>99%';
  return `${Math.round(100 * x)}%`;
}

/** Days with one decimal below 10, whole above. */
export function formatDays(x: number, lang: Lang): string {
  if (!Number.isFinite(x)) return '–';
  const v = x < 10 ? x.toFixed(1) : grouped(Math.round(x), lang);
  return lang === 'ja' ? `${v}日` : `${v} d`;
}

/** Milliseconds as a short duration: 4 s, 1 min 20 s. */
export function formatDuration(ms: number, lang: Lang): string {
  if (!Number.isFinite(ms)) return '–';
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return lang === 'ja' ? `${s}秒` : `${s} s`;
  const m = Math.floor(s / 60);
  return lang === 'ja' ? `${m}分${s % 60}秒` : `${m} min ${s % 60} s`;
}

/** What a row of figures holds, for formatAlike. */
export type FigureKind = 'count' | 'yen' | 'percent' | 'days';

/** Formatters with a fixed number of decimals, made once per language and count (see `grouping`). */
const fixedFormats = new Map<string, Intl.NumberFormat>();
function fixed(x: number, decimals: number, lang: Lang): string {
  const key = `${lang}${decimals}`;
  let f = fixedFormats.get(key);
  if (!f) fixedFormats.set(key, (f = new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })));
  return f.format(x);
}

/** Decimals `x` shows with `digits` decimals once trailing zeros are dropped (1.50 -> 1). */
function shownDecimals(x: number, digits: number): number {
  return trim(x, digits).split('.')[1]?.length ?? 0;
}

/**
 * Figures read side by side (a median and its P10–P90) in one unit and with the
 * same decimals, so none looks more exact than the others: 16.6億円 – 18.0億円 (not
 * 16.6億円 – 18億円), 8.8% – 11.4% (not 8.8% – 11%). The unit is the first
 * figure's; each keeps at least the decimals its own format gives it (three
 * significant digits for yen, one decimal below 10 for shares and days).
 */
export function formatAlike(values: readonly number[], kind: FigureKind, lang: Lang): string[] {
  const finite = values.filter(Number.isFinite);
  if (kind === 'count' || finite.length === 0) return values.map((x) => (kind === 'count' ? formatCount(x, lang) : '–'));
  if (kind === 'percent' || kind === 'days') {
    const scale = kind === 'percent' ? 100 : 1;
    const decimals = finite.some((x) => Math.abs(scale * x) < 10) ? 1 : 0;
    return values.map((x) => {
      if (!Number.isFinite(x)) return '–';
      const v = fixed(scale * x, decimals, lang);
      return kind === 'percent' ? `${v}%` : lang === 'ja' ? `${v}日` : `${v} d`;
    });
  }
  // Yen: the first figure's unit (億/万/円; B/M/K/¥), every figure's decimals at three significant digits.
  const a = Math.abs(finite[0]);
  const [unit, prefix, suffix] = lang === 'ja'
    ? a >= 1e8 ? [1e8, '', '億円'] : a >= 1e4 ? [1e4, '', '万円'] : [1, '', '円']
    : a >= 1e9 ? [1e9, '¥', 'B'] : a >= 1e6 ? [1e6, '¥', 'M'] : a >= 1e3 ? [1e3, '¥', 'K'] : [1, '¥', ''];
  const decimalsOf = (x: number) => {
    const v = Math.abs(x) / unit;
    return unit === 1 || v >= 100 ? 0 : shownDecimals(v, v >= 10 ? 1 : 2);
  };
  const decimals = Math.max(...finite.map(decimalsOf));
  return values.map((x) => (Number.isFinite(x) ? `${x < 0 ? '-' : ''}${prefix}${fixed(Math.abs(x) / unit, decimals, lang)}${suffix}` : '–'));
}
