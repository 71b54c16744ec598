/**
 * Japanese titles of the library scenarios for the scenario menu (the files' own
 * `name` is English; the scenario format has no per-language names yet).
 */
export const LIBRARY_NAMES_JA: Record<string, string> = {
  'baseline.json': '基準:バランスの取れた中堅の日本のB2B SaaS',
  'marketing-too-strong.json': 'マーケティング過多:ISが手薄でMQLが冷める',
  'is-too-strong.json': 'IS過多:FSが手薄で商談が滞留する',
  'fs-too-strong.json': 'FS過多:CSが手薄でオンボーディングが滞り解約が増える',
  'is-complete.json': 'インサイドセールス完結型:低単価SaaSでISが小口案件を受注',
  'startup.json': 'スタートアップ:1人がマーケティングとISを兼務',
};

/**
 * The lesson of each library scenario in a sentence, in both languages (the
 * README's scenario table); the file's `description` is the full English text,
 * with its sources.
 */
export const LIBRARY_LESSONS: Record<string, { en: string; ja: string }> = {
  'baseline.json': {
    en: 'A balanced mid-size Japanese B2B SaaS (5 IS reps, 13 AEs, 12 CSMs): every department has slack in a steady state, so demand limits the funnel; the book keeps growing.',
    ja: 'バランスの取れた中堅の日本のB2B SaaS(IS 5人、AE 13人、CSM 12人):定常状態でどの部門にも余力があり、ファネルを制約するのは需要(リード数)です。顧客基盤は伸び続けます。',
  },
  'marketing-too-strong.json': {
    en: 'The baseline with nearly twice the leads and 4 IS reps: about 40% of MQLs are never called before they give up. One more IS rep recovers leads Marketing already paid for.',
    ja: '基準のほぼ2倍のリードに対してISが4人:MQLの約4割が一度も架電されないまま離脱します(機会損失)。ISを1人増やすと、マーケティングが費用をかけたリードを取り戻せます。',
  },
  'is-too-strong.json': {
    en: '8 IS reps feed 10 AEs: opportunities wait about four weeks, many give up, and more leads bring fewer wins. The SDR:AE ratio matters.',
    ja: 'IS 8人がAE 10人に商談を送り込む:商談は約4週間待たされ、多くが離脱し、リードが多いのに受注は減ります。SDR:AEの比率が重要です。',
  },
  'fs-too-strong.json': {
    en: '14 AEs win deals while 8 CSMs carry a book that needs about 15: onboarding queues, churn doubles and NRR falls below 90%. Watch book coverage, not only new ACV.',
    ja: 'AE 14人が受注を重ねる一方、約15人必要な顧客基盤をCSM 8人で担当:オンボーディングが滞り、解約が倍増し、NRRは90%を下回ります。新規ACVだけでなく担当カバー率を見てください。',
  },
  'is-complete.json': {
    en: 'A low-price SaaS where Inside Sales closes small deals itself (インサイドセールス完結型): IS capacity sets bookings.',
    ja: 'インサイドセールス完結型の低単価SaaS:小口案件はISが自ら受注するため、ISの処理能力が受注額を決めます。',
  },
  'startup.json': {
    en: 'One person covers Marketing and IS: Inside Sales is the first job to fall behind (about a quarter of MQLs give up uncalled), and a dedicated IS rep is the first hire.',
    ja: '1人がマーケティングとISを兼務:最初に手が回らなくなるのはIS(MQLの約4分の1が架電されずに離脱)で、最初に採用すべきは専任のISです。',
  },
};
