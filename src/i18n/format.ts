/**
 * Number formats per language: yen in 万 and 億 for Japanese readers, in K/M/B
 * for English; percentages, counts and days.
 */
export type Lang = 'ja' | 'en';

/** Yen, short: 1.2億円 / 3,450万円 in Japanese; ¥120M / ¥34.5M in English. */
export function formatYen(x: number, lang: Lang): string {
  if (!Number.isFinite(x)) return '–';
  const sign = x < 0 ? '-' : '';
  const a = Math.abs(x);
  if (lang === 'ja') {
    if (a >= 1e8) return `${sign}${trim(a / 1e8, a >= 1e10 ? 0 : a >= 1e9 ? 1 : 2)}億円`;
    if (a >= 1e4) return `${sign}${Math.round(a / 1e4).toLocaleString('ja-JP')}万円`;
    return `${sign}${Math.round(a).toLocaleString('ja-JP')}円`;
  }
  if (a >= 1e9) return `${sign}¥${trim(a / 1e9, 2)}B`;
  if (a >= 1e6) return `${sign}¥${trim(a / 1e6, a >= 1e8 ? 0 : 1)}M`;
  if (a >= 1e3) return `${sign}¥${trim(a / 1e3, 0)}K`;
  return `${sign}¥${Math.round(a)}`;
}

function trim(x: number, digits: number): string {
  return x.toFixed(digits).replace(/\.0+$/, '').replace(/(\.\d*[1-9])0+$/, '$1');
}

/** A count with thousands separators. */
export function formatCount(x: number, lang: Lang): string {
  return Number.isFinite(x) ? Math.round(x).toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US') : '–';
}

/** A share as a percentage: 0.973 -> 97%, with one decimal below 10%. */
export function formatPercent(x: number): string {
  if (!Number.isFinite(x)) return '–';
  const p = 100 * x;
  return `${Math.abs(p) < 10 ? p.toFixed(1) : Math.round(p)}%`;
}

/** Days with one decimal below 10, whole above. */
export function formatDays(x: number, lang: Lang): string {
  if (!Number.isFinite(x)) return '–';
  const v = x < 10 ? x.toFixed(1) : Math.round(x).toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US');
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
