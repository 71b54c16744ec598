/**
 * Share links: a scenario carried in the URL fragment, so it never reaches a
 * server. The fragment value is `s1.` followed by base64url (no padding) of
 *
 *   bytes 0-3  the JSON text's length in UTF-8 bytes (unsigned, big-endian)
 *   bytes 4-7  CRC-32 of the JSON text followed by the compressed bytes
 *   bytes 8-   the JSON text compressed with deflate-raw
 *
 * `s1` is the link format's version, separate from the scenario's own `version`.
 * The length and the CRC catch a link cut off or changed in copying: the CRC runs
 * over the compressed bytes too because deflate ignores the spare bits of its last
 * byte, where a change would leave the text intact but the link different.
 */
import { crc32 } from './crc32.ts';
import { fromBase64Url, toBase64Url } from './base64url.ts';
import { MAX_FILE_BYTES, validateScenario } from '../scenario/validate.ts';
import { SCENARIO_VERSION, type Scenario } from '../scenario/types.ts';

/** The link format this app writes and reads. */
export const LINK_VERSION = 1;
/** The fragment parameter holding the scenario: `#s=...`. */
export const LINK_PARAM = 's';

const HEADER_BYTES = 8;
// Deflate never grows data by more than a few bytes per 64 KB block, so a longer
// body cannot hold a scenario within the file limit; refuse it before decoding.
const MAX_BODY_CHARS = Math.ceil(((MAX_FILE_BYTES + 1024 + HEADER_BYTES) * 4) / 3);

/** An opened link: the scenario as written (the draft) and validated, or why not. */
export type DecodeResult =
  | { ok: true; draft: unknown; scenario: Scenario }
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

/**
 * The fragment value (without `#s=`) carrying `draft`, any plain JSON value.
 * Throws a TypeError when `draft` is not JSON, a RangeError when its JSON is over
 * 1 MB (a link nobody could open).
 */
export async function encodeScenario(draft: unknown): Promise<string> {
  const text = JSON.stringify(draft) as string | undefined;
  if (text === undefined) throw new TypeError('a shared scenario must be a JSON value');
  const json = new TextEncoder().encode(text);
  if (json.length > MAX_FILE_BYTES) throw new RangeError(`a shared scenario must be at most 1 MB, got ${json.length} bytes`);
  const compressed = await deflate(json);
  const out = new Uint8Array(HEADER_BYTES + compressed.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, json.length);
  view.setUint32(4, crc32(compressed, crc32(json)));
  out.set(compressed, HEADER_BYTES);
  return `s${LINK_VERSION}.${toBase64Url(out)}`;
}

/** The page address `base` (any fragment dropped) with `fragment` as its share parameter. */
export function shareUrl(base: string, fragment: string): string {
  const at = base.indexOf('#');
  return `${at < 0 ? base : base.slice(0, at)}#${LINK_PARAM}=${encodeURIComponent(fragment)}`;
}

/** The share parameter of `hash` (location.hash, with or without '#'), or null when there is none. */
export function fragmentFrom(hash: string): string | null {
  return new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash).get(LINK_PARAM);
}

async function decode(fragment: string): Promise<DecodeResult> {
  const prefix = /^s(\d+)\./.exec(fragment);
  if (!prefix) return damaged(`it does not start with "s${LINK_VERSION}."`);
  const linkVersion = prefix[1];
  if (/^[1-9]\d*$/.test(linkVersion) && Number(linkVersion) > LINK_VERSION) {
    return newer(
      `This link was made with a newer version of Funnel (link format s${linkVersion}); ` +
        `this version of Funnel reads link format s${LINK_VERSION}. Open the link in the newer Funnel.`,
    );
  }
  if (linkVersion !== String(LINK_VERSION)) return damaged(`link format s${linkVersion} does not exist`);
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
  let draft: unknown;
  try {
    draft = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
  } catch {
    return damaged('its text is not valid JSON');
  }
  const version = typeof draft === 'object' && draft !== null ? (draft as { version?: unknown }).version : undefined;
  if (typeof version === 'number' && Number.isInteger(version) && version > SCENARIO_VERSION) {
    return newer(
      `The scenario in this link was made with a newer version of Funnel (scenario format version ${version}); ` +
        `this version of Funnel reads scenario format version ${SCENARIO_VERSION}.`,
    );
  }
  const validation = validateScenario(draft);
  if (!validation.ok) return { ok: false, reason: 'invalid', problems: validation.problems };
  return { ok: true, draft, scenario: validation.scenario };
}

/**
 * Opens a fragment value made by encodeScenario: the scenario, or why it cannot be
 * opened (damaged, from a newer Funnel, or invalid), each problem a sentence or a
 * validation line `path: rule, got value`. Never throws.
 */
export async function decodeScenario(fragment: string): Promise<DecodeResult> {
  try {
    return await decode(fragment);
  } catch {
    // Nothing above should throw; a link is still never allowed to break the page.
    return damaged('it could not be read');
  }
}
