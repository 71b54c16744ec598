/**
 * A scenario's problems said to people, in their language, next to the field
 * they typed into and naming it by its label: "商談化率は0〜100%で入力してください"
 * rather than `insideSales.sqlRate: must be a probability between 0 and 1, got 1.5`.
 * Files and the CLI keep the English line with its path (Issue.text).
 */
import type { Issue } from '../scenario/rules.ts';
import { formatCount, type Lang } from './format.ts';
import { formatNumberInput, type NumberUnit } from './numberInput.ts';

/** The field a problem is shown at: its label and what it holds. */
export interface IssueField {
  label: string;
  unit: NumberUnit;
}

/** A limit as the field shows its values: a share as a percentage, an amount as it is read. */
function shown(x: number, unit: NumberUnit, lang: Lang): string {
  if (unit === 'percent') return `${+(x * 100).toFixed(4)}%`;
  // Zero needs no unit: "0以上".
  if (unit === 'yen' && x !== 0) return `${formatNumberInput(x, 'yen', lang)}${lang === 'ja' ? '円' : ' yen'}`;
  return Number.isInteger(x) ? formatCount(x, lang) : String(+x.toFixed(4));
}

/** What a number rule asks for, as a phrase: "0以上の整数" / "a whole number of 0 or more". */
function wanted(issue: Issue, unit: NumberUnit, lang: Lang): string {
  if (issue.rule === 'probability') return lang === 'ja' ? '0〜100%' : 'a percentage from 0 to 100';
  const { step } = issue.params;
  // A step (headcounts in FTE): "0以上の0.05刻みの数" / "a number of 0 or more in steps of 0.05".
  if (step && !issue.params.whole) return lang === 'ja' ? rangeOf(issue, unit, lang, `${step}刻みの数`) : `${rangeOf(issue, unit, lang, 'a number')} in steps of ${step}`;
  const ja = lang === 'ja';
  return rangeOf(issue, unit, lang, issue.params.whole ? (ja ? '整数' : 'a whole number') : ja ? '数' : 'a number');
}

/** A number rule's range around `kind`: "0以上の整数" / "a whole number of 0 or more". */
function rangeOf(issue: Issue, unit: NumberUnit, lang: Lang, kind: string): string {
  const { min, max, above } = issue.params;
  const ja = lang === 'ja';
  if (issue.rule === 'atMost') return ja ? `${shown(max, unit, lang)}以下` : `at most ${shown(max, unit, lang)}`;
  if (min !== undefined && max !== undefined) return ja ? `${shown(min, unit, lang)}〜${shown(max, unit, lang)}の${kind}` : `${kind} from ${shown(min, unit, lang)} to ${shown(max, unit, lang)}`;
  if (min !== undefined && above) return ja ? `${shown(min, unit, lang)}より大きい${kind}` : `${kind} above ${shown(min, unit, lang)}`;
  if (min !== undefined) return ja ? `${shown(min, unit, lang)}以上の${kind}` : `${kind} of ${shown(min, unit, lang)} or more`;
  return kind;
}

/**
 * The problem in `lang`. With `field`, the sentence names the field by its label
 * and speaks in the field's units; a rule the app has no words for keeps its
 * English sentence after the label.
 */
export function issueMessage(issue: Issue, lang: Lang, field?: IssueField): string {
  const ja = lang === 'ja';
  const label = field?.label ?? issue.path;
  const unit = field?.unit ?? 'plain';
  const unread = issue.typed ? (ja ? `「${issue.typed}」は数として読めません。` : `"${issue.typed}" is not a number. `) : '';
  switch (issue.rule) {
    case 'number':
    case 'probability':
    case 'atMost':
      return ja ? `${unread}${label}は${wanted(issue, unit, lang)}で入力してください。` : `${unread}${label}: enter ${wanted(issue, unit, lang)}.`;
    case 'sumToOne': {
      const sum = issue.params.sum;
      const now = sum === undefined ? '' : ja ? `(今の合計は${+(sum * 100).toFixed(2)}%)` : ` (now ${+(sum * 100).toFixed(2)}%)`;
      return ja ? `${label}の割合は合計100%にしてください${now}。` : `${label}: the shares must add up to 100%${now}.`;
    }
    case 'maxLeads':
      return ja
        ? `1回の試行で作られるリードは${formatCount(issue.params.max, lang)}件までです(今の見込みは${formatCount(issue.params.expected, lang)}件)。人数、1人あたりのリード数、施策予算のどれかを下げるか、期間を短くしてください。`
        : `One replication can create at most ${formatCount(issue.params.max, lang)} leads (now an expected ${formatCount(issue.params.expected, lang)}). Lower the headcount, the leads per person or the program budget, or shorten the horizon.`;
    case 'required':
      return ja ? `${label}を入力してください。` : `${label}: enter a value.`;
    default:
      // Rules only a file can break (a distribution's shape, an unknown key): the English sentence, after the label.
      return `${label}: ${issue.text.slice(issue.path.length + 2)}`;
  }
}
