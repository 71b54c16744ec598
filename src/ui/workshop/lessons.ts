/**
 * A lesson per library scenario for the workshop: the situation (the scenario's
 * lesson in a sentence, libraryNames.ts), a question the room answers before the
 * reveal, the answers to choose from (ranges of one measure of the year), the fix
 * played as a second round, and ORID debrief prompts. The ranges are the trainer's
 * wording of the choices; the answer is always the simulation's, never stored here.
 */
import type { Department } from '../../scenario/types.ts';
import type { Lang } from '../../i18n/format.ts';
import { formatCount, formatYen } from '../../i18n/format.ts';
import { LIBRARY_LESSONS } from '../state/libraryNames.ts';

/** A text in both languages. */
export type Text = Record<Lang, string>;

/** The measures a lesson asks about (per simulated year, as the comparison counts them). */
export type LessonMeasure = 'won' | 'arrEndYen' | 'lostWhileWaiting';

/** A lesson of the workshop. */
export interface Lesson {
  file: string;
  measure: LessonMeasure;
  /** The question of round 1 (the scenario as it is) and of round 2 (with the fix). */
  question: Text;
  fixQuestion: Text;
  /** Bounds between the choices: n bounds make n + 1 ranges, from "under the first" to "the last or more". */
  bounds: number[];
  /** The fix: people joining a department on day 0. */
  fix: { department: Department; add: number };
  /** ORID debrief prompts. */
  orid: { o: Text; r: Text; i: Text; d: Text };
}

const ORID_R: Text = {
  ja: '予測と答えが違ったとき、何を感じましたか?会場の予測はどこに集まりましたか?',
  en: 'Where did the room’s predictions cluster? How did it feel when the answer differed?',
};

/** The lessons, in the library's order of files. */
export const LESSONS: Lesson[] = [
  {
    file: 'baseline.json',
    measure: 'won',
    question: { ja: 'バランスの取れた会社です。この1年の受注件数は?', en: 'A balanced company. How many deals will it win this year?' },
    fixQuestion: { ja: 'マーケターを2人増やしてリードを増やすと、受注件数は?', en: 'Two more marketers bring more leads. How many deals now?' },
    bounds: [300, 375, 450],
    fix: { department: 'marketing', add: 2 },
    orid: {
      o: { ja: 'どの部門の前にリードが溜まりましたか?溜まりませんでしたか?', en: 'In front of which department did leads pile up, if any?' },
      r: ORID_R,
      i: { ja: '余力があるとき、受注を決めるのは何でしょう?(需要:リードの数)', en: 'When every team has slack, what limits wins? (Demand: the leads.)' },
      d: { ja: '自社では、どの部門に余力があり、どこが先に詰まりそうですか?', en: 'In our company, who has slack, and who would jam first?' },
    },
  },
  {
    file: 'marketing-too-strong.json',
    measure: 'won',
    question: {
      ja: 'マーケティングがリードを基準のほぼ2倍にしました。ISは4人のまま。この1年の受注件数は?(基準は約350件)',
      en: 'Marketing nearly doubled the leads; IS still has 4 reps. How many deals this year? (The baseline wins about 350.)',
    },
    fixQuestion: { ja: 'ISを1人増やすと、受注件数は?', en: 'One more IS rep. How many deals now?' },
    bounds: [300, 375, 450],
    fix: { department: 'insideSales', add: 1 },
    orid: {
      o: { ja: '架電されずに離脱したMQLはいくつありましたか?どこで溜まりましたか?', en: 'How many MQLs gave up before anyone called? Where did they pile up?' },
      r: ORID_R,
      i: { ja: 'リードを2倍にしても受注が増えないのはなぜでしょう?費用をかけたリードはどこへ?', en: 'Why did twice the leads not bring more deals? Where did the paid-for leads go?' },
      d: { ja: 'マーケティングの目標を増やす前に、ISの処理能力をどう確かめますか?', en: 'Before raising Marketing’s target, how will we check IS capacity?' },
    },
  },
  {
    file: 'is-too-strong.json',
    measure: 'won',
    question: { ja: 'IS 8人がAE 10人に商談を送り込みます。この1年の受注件数は?', en: '8 IS reps feed 10 AEs. How many deals this year?' },
    fixQuestion: { ja: 'AEを3人増やすと、受注件数は?', en: 'Three more AEs. How many deals now?' },
    bounds: [200, 275, 350],
    fix: { department: 'fieldSales', add: 3 },
    orid: {
      o: { ja: '商談はどこで待ちましたか?待つ間に何が起きましたか?', en: 'Where did opportunities wait? What happened to them while they waited?' },
      r: ORID_R,
      i: { ja: 'ISが強いのに受注が伸びないのはなぜでしょう?SDR:AEの比率は?', en: 'Why did a strong IS team not bring more deals? What is our SDR:AE ratio?' },
      d: { ja: '商談の待ち日数を、誰がどの会議で見ますか?', en: 'Who will watch how long opportunities wait, and in which meeting?' },
    },
  },
  {
    file: 'fs-too-strong.json',
    measure: 'arrEndYen',
    question: { ja: 'AE 14人が受注を重ね、CSMは8人。2年後のARRは?', en: '14 AEs keep winning; 8 CSMs. What will ARR be after two years?' },
    fixQuestion: { ja: 'CSMを7人増やすと、2年後のARRは?', en: 'Seven more CSMs. What will ARR be now?' },
    bounds: [17e8, 20e8, 23e8],
    fix: { department: 'customerSuccess', add: 7 },
    orid: {
      o: { ja: '導入を待つ顧客と解約はどれだけありましたか?', en: 'How many accounts waited to onboard, and how many churned?' },
      r: ORID_R,
      i: { ja: '受注が同じでもARRが変わるのはなぜでしょう?担当カバー率とは?', en: 'Why does ARR change when wins do not? What is book coverage?' },
      d: { ja: '新規ACVのほかに、どの指標を毎月見ますか?', en: 'Besides new ACV, which figure will we review every month?' },
    },
  },
  {
    file: 'is-complete.json',
    measure: 'lostWhileWaiting',
    question: { ja: 'ISが小口案件を自ら受注する会社です。待っている間に失うリードは年に何件?', en: 'IS closes small deals itself. How many leads are lost while waiting this year?' },
    fixQuestion: { ja: 'ISを4人増やすと、待っている間に失うリードは?', en: 'Four more IS reps. How many lost while waiting now?' },
    bounds: [50, 150, 300],
    fix: { department: 'insideSales', add: 4 },
    orid: {
      o: { ja: 'ISの前の待ちは、1年の中でどう変わりましたか?', en: 'How did the queue in front of IS change over the year?' },
      r: ORID_R,
      i: { ja: 'ISが受注まで担うとき、ISの処理能力は何を決めますか?', en: 'When IS closes deals, what does its capacity decide?' },
      d: { ja: 'ISの採用計画を、受注目標からどう逆算しますか?', en: 'How will we size IS hiring from the bookings target?' },
    },
  },
  {
    file: 'startup.json',
    measure: 'won',
    question: { ja: '1人がマーケティングとISを兼務するスタートアップ。この1年の受注件数は?', en: 'One person covers Marketing and IS. How many deals this year?' },
    fixQuestion: { ja: '専任のISを1人採用すると、受注件数は?', en: 'A dedicated IS rep joins. How many deals now?' },
    bounds: [30, 40, 50],
    fix: { department: 'insideSales', add: 1 },
    orid: {
      o: { ja: '最初に手が回らなくなったのはどこでしたか?', en: 'Which job fell behind first?' },
      r: ORID_R,
      i: { ja: '兼務のとき、どの仕事が後回しになりやすいでしょう?', en: 'When one person does two jobs, which one slips?' },
      d: { ja: '次の採用は誰にしますか?その判断に使う数字は?', en: 'Who is our next hire, and which number tells us?' },
    },
  },
];

/** The lesson of library file `file`. */
export function lessonOf(file: string): Lesson | undefined {
  return LESSONS.find((l) => l.file === file);
}

/** The situation: the scenario's lesson in a sentence. */
export function situationOf(file: string, lang: Lang): string {
  return LIBRARY_LESSONS[file]?.[lang] ?? '';
}

/** A value of the lesson's measure as the room reads it. */
export function formatMeasure(measure: LessonMeasure, x: number, lang: Lang): string {
  if (measure === 'arrEndYen') return formatYen(x, lang);
  return lang === 'ja' ? `${formatCount(x, lang)}件` : formatCount(x, lang);
}

/** The choices: ranges of the measure, [lo, hi) (lo -Infinity for the first, hi Infinity for the last). */
export function choicesOf(lesson: Lesson): { lo: number; hi: number }[] {
  const b = lesson.bounds;
  return [-Infinity, ...b].map((lo, i) => ({ lo, hi: i < b.length ? b[i] : Infinity }));
}

/** A choice in words: "under 300", "300–375", "450 or more". */
export function choiceText(lesson: Lesson, choice: { lo: number; hi: number }, lang: Lang): string {
  const f = (x: number) => formatMeasure(lesson.measure, x, lang);
  if (choice.lo === -Infinity) return lang === 'ja' ? `${f(choice.hi)}未満` : `under ${f(choice.hi)}`;
  if (choice.hi === Infinity) return lang === 'ja' ? `${f(choice.lo)}以上` : `${f(choice.lo)} or more`;
  return `${f(choice.lo)} 〜 ${f(choice.hi)}`;
}
