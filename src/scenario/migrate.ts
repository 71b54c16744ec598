/**
 * Migration of older scenario files to the current format, before validation. A
 * file, a saved workspace or a share link written in format version 1 or 2 opens
 * as version 3 with the same numbers, and the reader is told it was migrated.
 *
 * Version 2 -> 3: version 3 allows fractional headcounts and hires (FTE) and an
 * optional `startDate`; every version 2 file is a version 3 file with the same
 * meaning, so only the version changes. Version 1 goes through both steps.
 *
 * Version 1 -> 2: version 2 added each department's staffing by chance (attrition,
 * backfill, time to fill, ramp) and requisition-dated hires, all with defaults that
 * change nothing (no attrition, hires dated by their start). Only one default moved:
 * a hire without `rampDays` now ramps over its department's `rampDays` (IS 100 days,
 * FS 145), where version 1 used fixed ramps (IS 95, FS 150); a version 1 hire gets
 * its old ramp written out, so its results stay as they were.
 */
import { DEFAULT_RAMP_DAYS } from './defaults.ts';
import { SCENARIO_VERSION } from './types.ts';

/** A draft in the current format, and the format version it was migrated from (null: it was current, or not a scenario at all). */
export interface Migrated {
  value: unknown;
  migratedFrom: number | null;
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** A version 1 hire with its version 1 ramp written out (anything else is left for validation to judge). */
function hireV1(h: unknown): unknown {
  if (!isRecord(h) || 'rampDays' in h || typeof h.department !== 'string' || !Object.hasOwn(DEFAULT_RAMP_DAYS, h.department)) return h;
  return { ...h, rampDays: DEFAULT_RAMP_DAYS[h.department as keyof typeof DEFAULT_RAMP_DAYS] };
}

/**
 * `input` in the current format: a version 1 scenario migrated (a new object; the
 * input is not changed), anything else as it is. Validation judges the result.
 */
export function migrateDraft(input: unknown): Migrated {
  if (!isRecord(input) || (input.version !== 1 && input.version !== 2)) return { value: input, migratedFrom: null };
  const out: Record<string, unknown> = { ...input, version: SCENARIO_VERSION };
  if (input.version === 1 && Array.isArray(input.hiring)) out.hiring = input.hiring.map(hireV1);
  return { value: out, migratedFrom: input.version };
}
