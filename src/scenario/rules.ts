/**
 * The rules of a scenario as data. Each rule the schema checks has an English
 * sentence (what files and the CLI show, after the path) and a structure: which
 * rule and its parameters, from which the app says the same thing in the user's
 * language next to the field, naming the field by its label (src/i18n/issues.ts).
 */

/** Which rule a value breaks. */
export type RuleId =
  /** A number in a range: params min, max, whole (1 = integers only), above (1 = min itself excluded). */
  | 'number'
  /** A share between 0 and 1 (shown to people as 0-100%). */
  | 'probability'
  /** At most the field's limit: params max. */
  | 'atMost'
  /** Shares that must add up to 1: params sum. */
  | 'sumToOne'
  | 'unknownKey'
  | 'required'
  /** Too many leads per replication: params max, expected. */
  | 'maxLeads'
  /** Any other rule (a distribution's shape, a list, a choice): said only in English. */
  | 'other';

/** A rule with its parameters. */
export interface Rule {
  rule: RuleId;
  params: Record<string, number>;
}

/** One problem of a scenario: where, which rule, what was received, and the English line. */
export interface Issue extends Rule {
  /** Dotted path of the value ("targets.arrYen", "hiring[0].day"), or "(file)". */
  path: string;
  /** The value received, shown briefly (see showValue); empty when the rule needs none. */
  got: string;
  /** The text received where the rule wants a number (what the user typed), cut to 60 characters. */
  typed?: string;
  /** The English line files and the CLI show: `path: rule, got value`. */
  text: string;
}

const RULES = new Map<string, Rule>();

/** Declares the English sentence of a rule and returns it, for the schema's messages. */
export function rule(sentence: string, id: RuleId, params: Record<string, number> = {}): string {
  RULES.set(sentence, { rule: id, params });
  return sentence;
}

/** The rule behind a schema message (rules whose sentence carries the value are told by their start). */
export function ruleOf(sentence: string): Rule {
  const known = RULES.get(sentence);
  if (known) return known;
  if (sentence.startsWith('shares must sum to 1')) {
    const sum = /=? ?(-?[\d.e+-]+)\)$/.exec(sentence);
    return { rule: 'sumToOne', params: sum ? { sum: Number(sum[1]) } : {} };
  }
  return { rule: 'other', params: {} };
}
