/**
 * A scenario file's bytes to text, the same in the CLI and the browser: UTF-8
 * with or without a byte-order mark, or UTF-16 with one; anything else is refused
 * with the reason.
 */
import { MAX_FILE_BYTES } from './validate.ts';

/** Decoded text, or the problem with the bytes. */
export type Decoded = { ok: true; text: string } | { ok: false; problems: string[] };

/**
 * Decodes a file. `size` is the file's full size when only its start was read
 * (a reader reads at most MAX_FILE_BYTES + 1 bytes); Infinity when unknown
 * (a device or a pipe that never ends).
 */
export function decodeScenarioBytes(bytes: Uint8Array, size: number = bytes.length): Decoded {
  if (size > MAX_FILE_BYTES || bytes.length > MAX_FILE_BYTES) {
    const got = Number.isFinite(size) && size >= bytes.length ? `${size.toLocaleString('en-US')} bytes` : `more than ${MAX_FILE_BYTES.toLocaleString('en-US')} bytes`;
    return { ok: false, problems: [`(file): must be at most 1 MB (1,000,000 bytes), got ${got}`] };
  }
  const [b0, b1] = bytes;
  let encoding = 'utf-8';
  if (b0 === 0xff && b1 === 0xfe) encoding = 'utf-16le';
  else if (b0 === 0xfe && b1 === 0xff) encoding = 'utf-16be';
  let text: string;
  try {
    // fatal: a byte that is not UTF-8 (a Shift_JIS file, say) is refused rather than turned into U+FFFD.
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const utf16 = encoding !== 'utf-8' ? ` (${encoding.toUpperCase()}, from its byte-order mark)` : '';
    return { ok: false, problems: [`(file): must be text in UTF-8, or UTF-16 with a byte-order mark; got bytes that are not valid${utf16 || ' UTF-8 (save the file as UTF-8)'}`] };
  }
  if (text.includes('\u0000')) {
    return { ok: false, problems: ['(file): must be text in UTF-8, or UTF-16 with a byte-order mark; got NUL characters (UTF-16 without a byte-order mark? save the file as UTF-8)'] };
  }
  return { ok: true, text };
}
