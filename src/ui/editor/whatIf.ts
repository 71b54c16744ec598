/**
 * One-click what-ifs: a variant of the current draft with one business change,
 * made through the same fields the editor shows, so the variant can be read and
 * edited like any scenario. Seed, replications and calendar stay, so the variant's
 * replications pair with the baseline's (common random numbers).
 */
import type { Lang } from '../../i18n/format.ts';
import { DEPARTMENTS } from '../../scenario/types.ts';
import { setAt, valueOf, type Draft } from './draft.ts';

/** The one-click what-ifs. */
export const WHAT_IFS = ['insideSalesDouble', 'plusOneEach', 'customerSuccessPlus50', 'mqlPlus30'] as const;
/** A one-click what-if. */
export type WhatIf = (typeof WHAT_IFS)[number];

const NAMES: Record<Lang, Record<WhatIf, string>> = {
  en: { insideSalesDouble: 'IS ×2', plusOneEach: '+1 in each department', customerSuccessPlus50: 'CS +50%', mqlPlus30: 'MQL volume +30%' },
  ja: { insideSalesDouble: 'IS 2倍', plusOneEach: '各部門 +1名', customerSuccessPlus50: 'CS +50%', mqlPlus30: 'MQL数 +30%' },
};

/** The what-if's short name, for buttons and variant names. */
export function whatIfName(w: WhatIf, lang: Lang): string {
  return NAMES[lang][w];
}

const num = (draft: Draft, path: readonly string[]) => Number(valueOf(draft, path));
const scale = (draft: Draft, path: readonly string[], f: number, round = false): Draft => {
  const v = num(draft, path) * f;
  return setAt(draft, path, round ? Math.round(v) : v);
};

/** `draft` with the what-if applied (the draft's other fields untouched). */
export function applyWhatIf(draft: Draft, w: WhatIf): Draft {
  switch (w) {
    case 'insideSalesDouble':
      return scale(draft, ['insideSales', 'headcount'], 2);
    case 'plusOneEach':
      return DEPARTMENTS.reduce((d, dept) => setAt(d, [dept, 'headcount'], num(d, [dept, 'headcount']) + 1), draft);
    case 'customerSuccessPlus50':
      // Headcount is whole people: half again, rounded (at least one more person).
      return setAt(draft, ['customerSuccess', 'headcount'], Math.max(num(draft, ['customerSuccess', 'headcount']) + 1, Math.round(num(draft, ['customerSuccess', 'headcount']) * 1.5)));
    case 'mqlPlus30':
      // Leads from marketers and from paid programmes both grow 30%, so MQLs do;
      // the programme budget grows with its leads (same cost per lead).
      return scale(scale(draft, ['marketing', 'leadsPerHeadPerWeek'], 1.3), ['marketing', 'programBudgetYenPerMonth'], 1.3);
  }
}
