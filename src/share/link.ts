/**
 * Share links: a scenario carried in the URL fragment, so it never reaches a
 * server. The fragment value is `s1.` followed by base64url (no padding) of
 *
 *   bytes 0-3  the JSON text's length in UTF-8 bytes (unsigned, big-endian)
 *   bytes 4-7  CRC-32 of the JSON text followed by the compressed bytes
 *   bytes 8-   the JSON text compressed with deflate-raw
 *
 * The prefix is the link format's version, separate from the scenario's own
 * `version`. In `s1` the JSON text is one scenario (as written, a draft); in `s2`
 * it is a comparison: `{"baseline": draft, "variants": [{"name": text, "draft":
 * draft}, ...]}` with 1 to MAX_SHARED_VARIANTS variants. A single scenario is
 * still written as `s1`, so its links open in every Funnel that reads links.
 * The length and the CRC catch a link cut off or changed in copying: the CRC runs
 * over the compressed bytes too because deflate ignores the spare bits of its last
 * byte, where a change would leave the text intact but the link different.
 */
import { crc32 } from './crc32.ts';
import { fromBase64Url, toBase64Url } from './base64url.ts';
import { MAX_FILE_BYTES, validateScenario } from '../scenario/validate.ts';
import { SCENARIO_VERSION, type Scenario } from '../scenario/types.ts';
import { ENGINE_VERSION } from '../engine/version.ts';

/** The newest link format this app writes and reads (s1 a scenario, s2 a comparison). */
export const LINK_VERSION = 2;
const SCENARIO_LINK = 1;
const COMPARISON_LINK = 2;
/** Variants a comparison link may carry beside its baseline. */
export const MAX_SHARED_VARIANTS = 3;
/** Longest variant name a comparison link may carry. */
export const MAX_VARIANT_NAME = 40;
/** The fragment parameter holding the scenario: `#s=...`. */
export const LINK_PARAM = 's';

const HEADER_BYTES = 8;
// Deflate never grows data by more than a few bytes per 64 KB block, so a longer
// body cannot hold a scenario within the file limit; refuse it before decoding.
const MAX_BODY_CHARS = Math.ceil(((MAX_FILE_BYTES + 1024 + HEADER_BYTES) * 4) / 3);

/** A variant in a comparison link: its name, its draft and the validated scenario. */
export interface SharedVariant {
  name: string;
  draft: unknown;
  scenario: Scenario;
}

/**
 * An opened link: the (baseline) scenario as written (the draft) and validated,
 * with the comparison's variants (none in a scenario link); or why not.
 */
export type DecodeResult =
  | { ok: true; draft: unknown; scenario: Scenario; variants: SharedVariant[] }
  | { ok: false; reason: 'damaged' | 'newer' | 'invalid'; problems: string[] };

type Failure = Extract<DecodeResult, { ok: false }>;

const DAMAGED = 'The link is damaged or incomplete: it was probably cut off or changed when it was copied. Copy the whole link again';
const TOO_LARGE =
  `The scenario in the link is larger than 1 MB (${MAX_FILE_BYTES.toLocaleString('en-US')} bytes), the largest Funnel reads: ` +
  'the link is damaged or was not made by Funnel.';

const damaged = (detail: string): Failure => ({ ok: false, reason: 'damaged', problems: [`${DAMAGED} (${detail}).`] });
const tooLarge = (): Failure => ({ ok: false, reason: 'damaged', problems: [TOO_LARGE] });
const newer = (problem: string): Failure => ({ ok: false, reason: 'newer', problems: [problem] });

async function deflate(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * Inflates `bytes`, reading at most `limit` bytes of output: more means the link
 * does not match its length, and stopping there defuses a decompression bomb.
 * Throws when the data is not valid deflate.
 */
async function inflate(bytes: Uint8Array<ArrayBuffer>, limit: number): Promise<Uint8Array | 'tooLong'> {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const out = new Uint8Array(limit);
  let n = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return out.subarray(0, n);
    if (n + value.length > limit) {
      await reader.cancel().catch(() => undefined);
      return 'tooLong';
    }
    out.set(value, n);
    n += value.length;
  }
}

/** The fragment value of link format `version` carrying `value` as JSON. */
async function seal(version: number, value: unknown, what: string): Promise<string> {
  const text = JSON.stringify(value) as string | undefined;
  if (text === undefined) throw new TypeError(`a shared ${what} must be a JSON value`);
  const json = new TextEncoder().encode(text);
  if (json.length > MAX_FILE_BYTES) throw new RangeError(`a shared ${what} must be at most 1 MB, got ${json.length} bytes`);
  const compressed = await deflate(json);
  const out = new Uint8Array(HEADER_BYTES + compressed.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, json.length);
  view.setUint32(4, crc32(compressed, crc32(json)));
  out.set(compressed, HEADER_BYTES);
  return `s${version}.${toBase64Url(out)}`;
}

/**
 * The fragment value (without `#s=`) carrying `draft`, any plain JSON value.
 * Throws a TypeError when `draft` is not JSON, a RangeError when its JSON is over
 * 1 MB (a link nobody could open).
 */
export async function encodeScenario(draft: unknown): Promise<string> {
  return seal(SCENARIO_LINK, withoutLesson(draft), 'scenario');
}

/**
 * A draft without its workshop lesson: a link carries what makes the numbers, and a
 * lesson (questions and debrief prompts in two languages) would double its length.
 * A lesson travels with the scenario's file; a library scenario's own shows anyway.
 */
function withoutLesson(draft: unknown): unknown {
  if (typeof draft !== 'object' || draft === null || Array.isArray(draft) || !('lesson' in draft)) return draft;
  const { lesson: _lesson, ...rest } = draft as Record<string, unknown>;
  return rest;
}

/** Characters of a name (code points, so a Japanese or emoji name is cut between characters). */
const chars = (name: string) => [...name];

/**
 * The fragment value carrying a comparison: the baseline's draft and each variant's
 * name and draft (one to MAX_SHARED_VARIANTS variants). Names are written as the
 * link requires: trimmed, cut to MAX_VARIANT_NAME characters, "Variant i" when
 * blank. Throws as encodeScenario does, and a RangeError for no or too many variants.
 */
export async function encodeComparison(baseline: unknown, variants: readonly { name: string; draft: unknown }[]): Promise<string> {
  if (variants.length < 1 || variants.length > MAX_SHARED_VARIANTS) {
    throw new RangeError(`a shared comparison holds 1 to ${MAX_SHARED_VARIANTS} variants, got ${variants.length}`);
  }
  const named = variants.map((v, i) => ({ name: chars(String(v.name ?? '').trim()).slice(0, MAX_VARIANT_NAME).join('').trim() || `Variant ${i + 1}`, draft: withoutLesson(v.draft) }));
  return seal(COMPARISON_LINK, { baseline: withoutLesson(baseline), variants: named }, 'comparison');
}

/** The fragment parameter holding the engine version that made the sender's numbers: `&e=2`. */
export const ENGINE_PARAM = 'e';

/**
 * The page address `base` (any fragment dropped) with `fragment` as its share
 * parameter and this app's engine version beside it.
 */
export function shareUrl(base: string, fragment: string): string {
  const at = base.indexOf('#');
  return `${at < 0 ? base : base.slice(0, at)}#${LINK_PARAM}=${encodeURIComponent(fragment)}&${ENGINE_PARAM}=${ENGINE_VERSION}`;
}

/**
 * The engine version a link's numbers were made with: its `e` parameter, or 1 for a
 * link from before links carried it (engine version 1 made every such link).
 */
export function linkEngineVersion(hash: string): number {
  const e = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash).get(ENGINE_PARAM);
  return e !== null && /^[1-9]\d{0,5}$/.test(e) ? Number(e) : 1;
}

/** The share parameter of `hash` (location.hash, with or without '#'), or null when there is none. */
export function fragmentFrom(hash: string): string | null {
  return new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash).get(LINK_PARAM);
}

/** The link format and JSON value of a fragment, or why it cannot be read. */
async function unseal(fragment: string): Promise<{ version: number; value: unknown } | Failure> {
  const prefix = /^s(\d+)\./.exec(fragment);
  if (!prefix) return damaged(`it does not start with "s${SCENARIO_LINK}." or "s${COMPARISON_LINK}."`);
  const linkVersion = prefix[1];
  if (/^[1-9]\d*$/.test(linkVersion) && Number(linkVersion) > LINK_VERSION) {
    return newer(
      `This link was made with a newer version of Funnel (link format s${linkVersion}); ` +
        `this version of Funnel reads link formats up to s${LINK_VERSION}. Open the link in the newer Funnel.`,
    );
  }
  if (!/^[1-9]\d*$/.test(linkVersion)) return damaged(`link format s${linkVersion} does not exist`);
  const body = fragment.slice(prefix[0].length);
  if (body.length > MAX_BODY_CHARS) return tooLarge();
  const bytes = fromBase64Url(body);
  if (!bytes) return damaged('it contains characters or an ending a Funnel link never has');
  if (bytes.length <= HEADER_BYTES) return damaged('it is too short');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = view.getUint32(0);
  const crc = view.getUint32(4);
  if (length > MAX_FILE_BYTES) return tooLarge();
  const compressed = bytes.subarray(HEADER_BYTES);
  let json: Uint8Array | 'tooLong';
  try {
    json = await inflate(compressed, length);
  } catch {
    return damaged('its data cannot be decompressed');
  }
  if (json === 'tooLong' || json.length !== length) return damaged('its length does not match');
  if (crc32(compressed, crc32(json)) !== crc) return damaged('its checksum does not match');
  try {
    return { version: Number(linkVersion), value: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json)) };
  } catch {
    return damaged('its text is not valid JSON');
  }
}

/** A shared draft validated, or why not; `label` names it in a comparison's problems. */
function openDraft(draft: unknown, label: string): { ok: true; scenario: Scenario } | Failure {
  const version = typeof draft === 'object' && draft !== null ? (draft as { version?: unknown }).version : undefined;
  if (typeof version === 'number' && Number.isInteger(version) && version > SCENARIO_VERSION) {
    return newer(
      `The scenario${label ? ` "${label}"` : ''} in this link was made with a newer version of Funnel (scenario format version ${version}); ` +
        `this version of Funnel reads scenario format version ${SCENARIO_VERSION}.`,
    );
  }
  const validation = validateScenario(draft);
  if (!validation.ok) return { ok: false, reason: 'invalid', problems: validation.problems.map((p) => (label ? `${label}: ${p}` : p)) };
  return { ok: true, scenario: validation.scenario };
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** A comparison link's value opened: every scenario valid, or every problem found. */
function openComparison(value: unknown): DecodeResult {
  // The checksum matched, so a wrong shape was written that way: not by Funnel.
  const shape = 'its comparison is not in the form Funnel writes';
  if (!isRecord(value) || !Array.isArray(value.variants) || !('baseline' in value)) return damaged(shape);
  const variants = value.variants as unknown[];
  if (variants.length < 1 || variants.length > MAX_SHARED_VARIANTS) return damaged(`it holds ${variants.length} variants, a comparison has 1 to ${MAX_SHARED_VARIANTS}`);
  if (!variants.every((v) => isRecord(v) && typeof v.name === 'string' && v.name.trim() !== '' && chars(v.name).length <= MAX_VARIANT_NAME && 'draft' in v)) return damaged(shape);
  const named = variants as { name: string; draft: unknown }[];
  const opened = [openDraft(value.baseline, 'Baseline'), ...named.map((v, i) => openDraft(v.draft, `Variant ${i + 1} (${v.name})`))];
  const newerOne = opened.find((o): o is Failure => !o.ok && o.reason === 'newer');
  if (newerOne) return newerOne;
  const problems = opened.flatMap((o) => (o.ok ? [] : o.problems));
  if (problems.length) return { ok: false, reason: 'invalid', problems };
  const scenarios = opened.map((o) => (o as { scenario: Scenario }).scenario);
  return { ok: true, draft: value.baseline, scenario: scenarios[0], variants: named.map((v, i) => ({ name: v.name, draft: v.draft, scenario: scenarios[i + 1] })) };
}

async function decode(fragment: string): Promise<DecodeResult> {
  const sealed = await unseal(fragment);
  if ('ok' in sealed) return sealed;
  if (sealed.version === COMPARISON_LINK) return openComparison(sealed.value);
  const opened = openDraft(sealed.value, '');
  return opened.ok ? { ok: true, draft: sealed.value, scenario: opened.scenario, variants: [] } : opened;
}

/**
 * Opens a fragment value made by encodeScenario or encodeComparison: the scenario
 * (with the comparison's variants), or why it cannot be opened (damaged, from a
 * newer Funnel, or invalid), each problem a sentence or a validation line
 * `path: rule, got value` (in a comparison, after the scenario's name). Never throws.
 */
export async function decodeLink(fragment: string): Promise<DecodeResult> {
  try {
    return await decode(fragment);
  } catch {
    // Nothing above should throw; a link is still never allowed to break the page.
    return damaged('it could not be read');
  }
}
