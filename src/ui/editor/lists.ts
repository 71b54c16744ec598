/**
 * The scenario's lists edited as rows: campaigns (Marketing) and segments. Each
 * column names its key in the scenario and how it is typed; RowsEditor.svelte draws them.
 */
import type { MessageKey } from '../../i18n/messages.ts';

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
