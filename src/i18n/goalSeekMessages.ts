/**
 * The texts of goal-seek and the hiring calendar, in English and Japanese, for the
 * CLI and the app. Kept apart from messages.ts so the feature's words stay
 * together; the same {name} placeholders.
 */
import type { Lang } from './format.ts';

const en = {
  gsTitle: 'Goal-seek: the least hiring that reaches a target',
  gsHelp: 'Adds people one at a time where they close the most of the remaining gap per yen, each candidate run with the same leads and chances as the plan it extends, until the target is reached in the share of runs you ask for. Each hire is then moved to the latest quarter that still reaches it, and the plan is checked again with new random numbers.',
  gsHeader: 'Goal-seek for {name}: {target}, in {confidence} of runs',
  gsTargetArrEndYen: 'ARR at the horizon at least {value}',
  gsTargetBookingsYen: 'bookings in the period at least {value}',
  gsTargetWon: 'deals won in the period at least {value}',
  gsServiceIsWaitP90Hours: 'Inside Sales starts 90% of MQLs within {limit} hours',
  gsServiceFsBacklogWeeks: 'Field Sales backlog at most {limit} weeks',
  gsServiceCsCoverageMax: 'Customer Success coverage at most {limit}',
  gsAlreadyMet: 'The target is already met: nobody needs to be hired.',
  gsMet: 'Reached with {hires} more people, costing {cost} a year ({costInHorizon} within the period).',
  gsBounds: 'No plan within the bounds (at most {bound} more per department) reaches the target. The best found is shown.',
  gsNoGain: 'No further hire brings the target closer. The best found is shown.',
  gsPath: 'Path taken',
  gsStep: 'Step',
  gsHire: 'Hire',
  gsCostPerYear: 'Cost a year',
  gsValue: 'Gap closed per 1M yen',
  gsPAfter: 'P(target) after',
  gsInterval: 'interval',
  gsReps: 'runs',
  gsPlan: 'Plan',
  gsPeople: 'People',
  gsFromDay: 'From day',
  gsRampDays: 'Ramp (days)',
  gsVerified: 'Verified with new random numbers ({reps} runs): P(target) {p} (95% interval {low} - {high}).',
  gsVerifiedService: 'Verified with new random numbers ({reps} runs): {readings}.',
  gsVerifiedBelow: 'The verification puts P(target) below {confidence}: treat the plan as borderline.',
  gsProgress: 'run {step} ({phase}, plan of {hires}): {done}/{total}',
  gsPhaseSearch: 'searching',
  gsPhaseTiming: 'timing',
  gsPhaseVerify: 'verifying',
  gsCalendar: 'Hiring calendar',
  gsCalendarHelp: 'Open each requisition by the day shown so that, with {confidence} probability, the person has joined when the plan starts them (time to fill: {ttf}). Day 0 is the start of the period; a negative day is before it.',
  gsOpenBy: 'Open requisition by day',
  gsFillDays: 'Days to fill ({confidence})',
  gsStartDay: 'Joins by day',
  gsProductiveDay: 'Fully productive from day',
  gsTarget: 'ARR target',
  gsConfidence: 'Confidence',
  gsMaxPerDept: 'At most per department',
  gsRun: 'Find the plan',
  gsRunning: 'Searching… {steps} steps so far',
  gsPartial: 'Best so far (still searching)',
  gsStopped: 'Stopped. The plan so far is shown.',
  gsTargetMissing: 'Enter an ARR target.',
  gsExportCalendar: 'Export the calendar (CSV)',
  gsChartTitle: 'Requisition, joining and ramp-up of each hire',
  gsLegendFill: 'time to fill',
  gsLegendRamp: 'ramp-up',
};

type GoalSeekMessages = typeof en;

const ja: GoalSeekMessages = {
  gsTitle: '目標逆算:目標に届く最小の採用計画',
  gsHelp: '残りの差を1円あたり最も多く縮める部門に1名ずつ追加します。各候補は元の計画と同じリード・同じ偶然で試算します。指定した割合の試行で目標に届いたら止め、各採用を目標を満たす範囲で最も遅い四半期に動かし、最後に新しい乱数で計画を検証します。',
  gsHeader: '{name} の目標逆算:{target}を試行の{confidence}で達成',
  gsTargetArrEndYen: '期末ARR {value}以上',
  gsTargetBookingsYen: '期間中の受注額 {value}以上',
  gsTargetWon: '期間中の受注件数 {value}件以上',
  gsServiceIsWaitP90Hours: 'インサイドセールスがMQLの90%に{limit}時間以内に着手',
  gsServiceFsBacklogWeeks: 'フィールドセールスの滞留が{limit}週以内',
  gsServiceCsCoverageMax: 'カスタマーサクセスの負荷率が{limit}以下',
  gsAlreadyMet: '目標はすでに達成見込みです。追加の採用は不要です。',
  gsMet: '{hires}名の追加採用で達成します。年間コスト{cost}(期間内{costInHorizon})。',
  gsBounds: '上限(各部門{bound}名まで)の範囲では目標に届きません。見つかった最善の計画を表示します。',
  gsNoGain: 'これ以上の採用では目標に近づきません。見つかった最善の計画を表示します。',
  gsPath: '探索の経過',
  gsStep: '手順',
  gsHire: '採用',
  gsCostPerYear: '年間コスト',
  gsValue: '100万円あたりの差の縮小',
  gsPAfter: '採用後の達成確率',
  gsInterval: '区間',
  gsReps: '試行数',
  gsPlan: '採用計画',
  gsPeople: '人数',
  gsFromDay: '開始日',
  gsRampDays: '立ち上がり(日)',
  gsVerified: '新しい乱数で検証({reps}回の試行):達成確率{p}(95%区間 {low}〜{high})。',
  gsVerifiedService: '新しい乱数で検証({reps}回の試行):{readings}。',
  gsVerifiedBelow: '検証では達成確率が{confidence}を下回りました。境界上の計画として扱ってください。',
  gsProgress: '試算{step}({phase}、{hires}名の計画):{done}/{total}',
  gsPhaseSearch: '探索中',
  gsPhaseTiming: '時期を調整中',
  gsPhaseVerify: '検証中',
  gsCalendar: '採用カレンダー',
  gsCalendarHelp: '表示の日までに求人を出せば、{confidence}の確率で計画の開始日までに入社します(採用にかかる日数:{ttf})。0日目は期間の始まり、マイナスはそれより前です。',
  gsOpenBy: '求人を出す期限(日)',
  gsFillDays: '採用にかかる日数({confidence})',
  gsStartDay: '入社(日)',
  gsProductiveDay: '完全に戦力化(日)',
  gsTarget: 'ARR目標',
  gsConfidence: '達成確率',
  gsMaxPerDept: '各部門の上限',
  gsRun: '計画を探す',
  gsRunning: '探索中… これまで{steps}手順',
  gsPartial: '現時点の最善(探索中)',
  gsStopped: '中止しました。途中までの計画を表示します。',
  gsTargetMissing: 'ARR目標を入力してください。',
  gsExportCalendar: 'カレンダーを書き出す(CSV)',
  gsChartTitle: '各採用の求人・入社・立ち上がり',
  gsLegendFill: '採用期間',
  gsLegendRamp: '立ち上がり',
};

/** A goal-seek text key. */
export type GoalSeekKey = keyof GoalSeekMessages;

const MESSAGES: Record<Lang, GoalSeekMessages> = { en, ja };

/** The goal-seek text `key` in `lang`, with {name} placeholders filled from `vars`. */
export function goalSeekText(lang: Lang, key: GoalSeekKey, vars: Record<string, string | number> = {}): string {
  return MESSAGES[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}
