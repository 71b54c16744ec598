/**
 * Turns untrusted input (a file's text or a parsed object) into a complete Scenario,
 * or into the full list of problems, each as `path: rule, got value` (for files and
 * the CLI) and as an Issue (path, rule, parameters) the app says in its language.
 */
import * as v from 'valibot';
import { scenarioSchema, REQUIRED_KEY, UNKNOWN_KEY } from './schema.ts';
import type { Scenario, Segment } from './types.ts';
import { expectedLeadCount } from '../engine/arrivals.ts';
import { printable } from './printable.ts';
import { duplicateKeys } from './jsonKeys.ts';
import { ruleOf, type Issue, type Rule } from './rules.ts';
import { migrateDraft } from './migrate.ts';

export type { Issue } from './rules.ts';

/** Largest scenario file accepted, in bytes. */
export const MAX_FILE_BYTES = 1_000_000;
/** Largest expected number of leads in one replication. */
export const MAX_LEADS_PER_REPLICATION = 5_000_000;

/**
 * A valid scenario; `migratedFrom` is the older format version it was written in
 * (null: the current one), so that the app and the CLI can say it was migrated.
 */
export type Valid = { ok: true; scenario: Scenario; migratedFrom: number | null };
/** The outcome of validation: a scenario, or every problem found, one English line each. */
export type Validation = Valid | { ok: false; problems: string[] };
/** The outcome of validation with its problems structured (for the app, which says them in its language). */
export type Checked = Valid | { ok: false; issues: Issue[] };

/** Longest value shown in a problem, in characters. */
const SHOWN_CHARS = 60;
/** Nesting shown before "[...]": a value nested 100,000 deep is shown without walking it. */
const SHOWN_DEPTH = 8;

/**
 * Shows a received value briefly: numbers as written, text quoted, objects abridged
 * (as JSON, cut after 60 characters). It stops as soon as it has enough, so a huge
 * or deeply nested value costs no more than a small one.
 */
export function showValue(x: unknown): string {
  if (typeof x === 'number') return Number.isNaN(x) ? 'NaN' : String(x);
  if (x === undefined) return 'nothing';
  if (typeof x === 'bigint') return `${x}`;
  let out = '';
  const write = (y: unknown, depth: number): void => {
    if (out.length > SHOWN_CHARS) return;
    if (typeof y === 'string') out += JSON.stringify(y.slice(0, SHOWN_CHARS + 1));
    else if (typeof y === 'number') out += Number.isFinite(y) ? String(y) : 'null';
    else if (typeof y === 'boolean' || y === null) out += String(y);
    else if (Array.isArray(y)) {
      if (depth >= SHOWN_DEPTH) return void (out += '[...]');
      out += '[';
      for (let i = 0; i < y.length && out.length <= SHOWN_CHARS; i++) {
        if (i > 0) out += ',';
        write(y[i] === undefined ? null : y[i], depth + 1);
      }
      out += ']';
    } else if (typeof y === 'object') {
      if (depth >= SHOWN_DEPTH) return void (out += '{...}');
      out += '{';
      let first = true;
      for (const key in y) {
        if (out.length > SHOWN_CHARS) break;
        const item = (y as Record<string, unknown>)[key];
        if (!Object.hasOwn(y, key) || item === undefined || typeof item === 'function') continue;
        out += `${first ? '' : ','}${JSON.stringify(key)}:`;
        first = false;
        write(item, depth + 1);
      }
      out += '}';
    } else out += 'null';
  };
  write(x, 0);
  return out.length > SHOWN_CHARS ? `${out.slice(0, SHOWN_CHARS - 3)}...` : out;
}

function pathOf(issue: v.BaseIssue<unknown>): string {
  const items = issue.path ?? [];
  let out = '';
  for (const item of items) {
    const key = item.key as string | number;
    // A key is the user's text (an unknown field): its control characters are shown escaped.
    out += typeof key === 'number' ? `[${key}]` : out === '' ? printable(key) : `.${printable(key)}`;
  }
  return out || '(file)';
}

/** Issues from valibot's, one per problem, in the order of the file. */
function describeIssues(issues: v.BaseIssue<unknown>[]): Issue[] {
  return issues.map((issue) => {
    // Unknown and missing keys need no value; rules that quote their values ("(got ...)") neither.
    const bare = issue.message === UNKNOWN_KEY || issue.message === REQUIRED_KEY || issue.message.includes('got ');
    const path = pathOf(issue);
    const got = bare ? '' : showValue(issue.input);
    const r: Rule = ruleOf(issue.message);
    return { ...r, path, got, ...(typeof issue.input === 'string' ? { typed: issue.input.slice(0, SHOWN_CHARS) } : {}), text: bare ? `${path}: ${issue.message}` : `${path}: ${issue.message}, got ${got}` };
  });
}

/** Fills each segment's missing rates from the departments' own. */
function resolveSegments(s: Scenario): Segment[] {
  return s.segments.map((seg) => ({
    name: seg.name,
    share: seg.share,
    sqlRate: seg.sqlRate ?? s.insideSales.sqlRate,
    winRate: seg.winRate ?? s.fieldSales.winRate,
    cycleDays: seg.cycleDays ?? s.fieldSales.cycleDays,
    acvYen: seg.acvYen ?? s.fieldSales.acvYen,
    skipFieldSales: seg.skipFieldSales ?? false,
    isWorkDays: seg.isWorkDays ?? s.insideSales.workDays,
  }));
}

/** Validates a parsed object and returns a complete scenario with defaults filled in, or its problems as lines. */
export function validateScenario(input: unknown): Validation {
  const checked = checkScenario(input);
  return checked.ok ? checked : { ok: false, problems: checked.issues.map((i) => i.text) };
}

/** Validates a parsed object: a complete scenario with defaults filled in, or its problems as issues. */
export function checkScenario(input: unknown): Checked {
  const { value, migratedFrom } = migrateDraft(input);
  const parsed = v.safeParse(scenarioSchema, value, { abortPipeEarly: true });
  if (!parsed.success) return { ok: false, issues: describeIssues(parsed.issues) };
  const raw = parsed.output;
  if (raw.startDate !== null) {
    // day 0's calendar month is the start date's: taken from it when the file names none, else they must agree.
    const month = Number(raw.startDate.slice(5, 7));
    const given = (value as { marketing?: { startMonth?: unknown } }).marketing?.startMonth;
    if (given === undefined) raw.marketing.startMonth = month;
    else if (raw.marketing.startMonth !== month) {
      const text = `marketing.startMonth: must be the month of startDate (${month}), got ${raw.marketing.startMonth}`;
      return { ok: false, issues: [{ path: 'marketing.startMonth', rule: 'number', params: { min: month, max: month, whole: 1 }, got: String(raw.marketing.startMonth), text }] };
    }
  }
  const scenario: Scenario = {
    ...(raw as unknown as Scenario),
    seed: String(raw.seed),
    // A hire's ramp is its department's unless it says otherwise.
    hiring: raw.hiring.map((h) => ({ ...h, rampDays: h.rampDays ?? raw[h.department].rampDays, rampShape: h.rampShape ?? raw[h.department].rampShape })),
  };
  scenario.segments = resolveSegments(scenario);
  const leads = expectedLeadCount(scenario);
  if (leads > MAX_LEADS_PER_REPLICATION) {
    const text =
      `marketing: must create at most ${MAX_LEADS_PER_REPLICATION.toLocaleString('en-US')} leads per replication, ` +
      `got an expected ${Math.round(leads).toLocaleString('en-US')} (lower headcount, leadsPerHeadPerWeek or programBudgetYenPerMonth, or shorten horizonDays)`;
    return { ok: false, issues: [{ path: 'marketing', rule: 'maxLeads', params: { max: MAX_LEADS_PER_REPLICATION, expected: Math.round(leads) }, got: '', text }] };
  }
  return { ok: true, scenario, migratedFrom };
}

/** A file's text without its byte-order mark, if it has one (the browser's file.text() drops it already). */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Parses and validates a scenario file's text (JSON, at most 1 MB, each key once per object). */
export function parseScenarioText(fileText: string): Validation {
  const text = withoutBom(fileText);
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_FILE_BYTES) {
    return { ok: false, problems: [`(file): must be at most 1 MB (1,000,000 bytes), got ${bytes.toLocaleString('en-US')} bytes`] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [`(file): must be valid JSON, got ${(e as Error).message}`] };
  }
  const twice = duplicateKeys(text);
  if (twice.length) return { ok: false, problems: twice };
  return validateScenario(json);
}
