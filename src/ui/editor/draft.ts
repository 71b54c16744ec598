/**
 * Editing a scenario draft (the user's JSON, partial or not): reading and writing
 * a field by path, and distributions by their mean, keeping their shape.
 */
import type { DistSpec } from '../../scenario/distribution.ts';
import { DEFAULT_SCENARIO } from '../../scenario/defaults.ts';

/** A scenario as the user wrote it: any JSON object. */
export type Draft = Record<string, unknown>;

/** The value at `path` in `obj`, or undefined. */
export function getAt(obj: unknown, path: readonly string[]): unknown {
  let x = obj;
  for (const key of path) {
    if (x === null || typeof x !== 'object') return undefined;
    x = (x as Record<string, unknown>)[key];
  }
  return x;
}

/** A copy of `draft` with `value` at `path` (undefined removes the field). */
export function setAt(draft: Draft, path: readonly string[], value: unknown): Draft {
  const copy = structuredClone(draft);
  let node = copy as Record<string, unknown>;
  for (const key of path.slice(0, -1)) {
    if (node[key] === null || typeof node[key] !== 'object') node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  const last = path[path.length - 1];
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

/** The value at `path`, from the draft or else the default scenario. */
export function valueOf(draft: Draft, path: readonly string[]): unknown {
  const v = getAt(draft, path);
  return v === undefined ? getAt(DEFAULT_SCENARIO, path) : v;
}

/** The mean of a distribution specification (NaN when it has none). */
export function distMean(spec: unknown): number {
  if (typeof spec === 'number') return spec;
  const d = spec as DistSpec & Record<string, unknown>;
  if (!d || typeof d !== 'object') return NaN;
  switch (d.kind) {
    case 'fixed': return d.value as number;
    case 'uniform': return ((d.min as number) + (d.max as number)) / 2;
    case 'triangular': return ((d.min as number) + (d.mode as number) + (d.max as number)) / 3;
    case 'empirical': return (d.values as number[]).reduce((a, b) => a + b, 0) / (d.values as number[]).length;
    default: return d.mean as number;
  }
}

/**
 * The patience after its mean is edited: the same distribution rescaled (a lognormal
 * stays lognormal), or an exponential when items waited forever before.
 */
export function withPatienceMean(spec: unknown, mean: number): DistSpec {
  return spec === null || spec === undefined ? { kind: 'exponential', mean } : withMean(spec, mean);
}

/** The distribution with its mean set to `mean`, scaled so its shape (spread relative to the mean) stays. */
export function withMean(spec: unknown, mean: number): DistSpec {
  const old = distMean(spec);
  if (typeof spec === 'number' || !spec || typeof spec !== 'object' || !(old > 0)) return mean;
  const f = mean / old;
  const d = spec as Record<string, unknown>;
  const scaled: Record<string, unknown> = { ...d };
  for (const key of ['value', 'min', 'max', 'mode', 'mean', 'p90']) if (typeof d[key] === 'number') scaled[key] = (d[key] as number) * f;
  if (Array.isArray(d.values)) scaled.values = (d.values as number[]).map((x) => x * f);
  return scaled as DistSpec;
}
