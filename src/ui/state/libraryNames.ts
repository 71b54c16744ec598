/**
 * Japanese titles of the library scenarios for the scenario menu (the files' own
 * `name` is English; the scenario format has no per-language names yet).
 */
export const LIBRARY_NAMES_JA: Record<string, string> = {
  'baseline.json': '基準:バランスの取れた中堅の日本のB2B SaaS',
  'marketing-too-strong.json': 'マーケティング過多:ISが手薄でMQLが冷める',
  'is-too-strong.json': 'IS過多:FSが手薄で商談が滞留する',
  'fs-too-strong.json': 'FS過多:CSが手薄でオンボーディングが滞り解約が増える',
  // IS, as the other titles say it (インサイドセールス完結型 did not fit a projector's title line).
  'is-complete.json': 'IS完結型:低単価SaaSでISが小口案件を受注',
  'startup.json': 'スタートアップ:1人がマーケティングとISを兼務',
};


/**
 * A scenario's short name for a narrow menu (the workshop's on a projector): its
 * title up to the first colon, e.g. 「マーケティング過多」 or "Marketing too strong";
 * the whole title stands above the menu. The full-width colon counts too: it is
 * what a Japanese keyboard types in a saved scenario's name. A name without a
 * colon, or starting with one, is kept whole.
 */
export function shortScenarioName(title: string): string {
  const cut = title.search(/[:\uff1a]/);
  return cut > 0 ? title.slice(0, cut).trim() : title;
}
