/**
 * The scenario's lists edited as rows: campaigns (Marketing) and segments. Each
 * column names its key in the scenario and how it is typed; RowsEditor.svelte draws them.
 */
import type { MessageKey } from '../../i18n/messages.ts';
import type { Lang } from '../../i18n/format.ts';
import { formatNumberInput, type NumberUnit } from '../../i18n/numberInput.ts';
import { distMean } from './draft.ts';

/** One column: the key in each row, and how its value is typed. */
export interface Column {
  key: string;
  label: MessageKey;
  /** 'mean' / 'meanYen': a distribution edited by its mean (its shape kept); 'bool': a checkbox. */
  kind: 'number' | 'percent' | 'yen' | 'text' | 'bool' | 'mean' | 'meanYen';
  /** Empty means "take the department's value": the key is removed from the row. */
  optional?: boolean;
}

/** A campaign: when it starts, how long it lasts, how many extra leads it brings. */
export const CAMPAIGN_COLUMNS: Column[] = [
  { key: 'startDay', label: 'campaignStart', kind: 'number' },
  { key: 'durationDays', label: 'campaignDuration', kind: 'number' },
  { key: 'extraLeads', label: 'campaignLeads', kind: 'number' },
];

/** A segment: its name and share, its own rates, cycle and deal size (empty: the department's), and its route. */
export const SEGMENT_COLUMNS: Column[] = [
  { key: 'name', label: 'segmentName', kind: 'text' },
  { key: 'share', label: 'segmentShare', kind: 'percent' },
  { key: 'sqlRate', label: 'sqlRate', kind: 'percent', optional: true },
  { key: 'winRate', label: 'winRate', kind: 'percent', optional: true },
  { key: 'cycleDays', label: 'cycleDays', kind: 'mean', optional: true },
  { key: 'acvYen', label: 'acv', kind: 'meanYen', optional: true },
  { key: 'skipFieldSales', label: 'segmentSkipFs', kind: 'bool' },
];

/** Where each optional segment column takes its value from when left empty. */
export const SEGMENT_FALLBACK: Record<string, string[]> = {
  sqlRate: ['insideSales', 'sqlRate'],
  winRate: ['fieldSales', 'winRate'],
  cycleDays: ['fieldSales', 'cycleDays'],
  acvYen: ['fieldSales', 'acvYen'],
};

/** How a column's numbers are typed and read: an amount, a percentage (0-100) or a plain number. */
export function columnUnit(c: Column): NumberUnit {
  return c.kind === 'percent' ? 'percent' : c.kind === 'yen' || c.kind === 'meanYen' ? 'yen' : 'plain';
}

/**
 * A cell's text: a number as it is read in the app's language, one form down the
 * whole column (in Japanese every amount from 1万 in 万: 30万 beside 150万, never
 * 300,000 beside 150万); a distribution by its mean; text that is not a number as typed.
 */
export function cellText(c: Column, v: unknown, lang: Lang): string {
  if (v === undefined || v === null) return '';
  const n = c.kind === 'mean' || c.kind === 'meanYen' ? distMean(v) : v;
  if (typeof n !== 'number') return String(n);
  return formatNumberInput(n, columnUnit(c), lang, 1e4);
}

/** The unit written after a column's input, as the department cards write it: %, 円 (JPY in English); none for text and days. */
export function cellUnit(c: Column, lang: Lang): string {
  const unit = columnUnit(c);
  return unit === 'percent' ? '%' : unit === 'yen' ? (lang === 'ja' ? '円' : 'JPY') : '';
}
