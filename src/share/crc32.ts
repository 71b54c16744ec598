/**
 * CRC-32 (IEEE 802.3, the one zlib, PNG and ZIP use): a checksum that detects every
 * error confined to 32 consecutive bits, so any single changed character of a
 * share link, which alters at most 6 bits, is always caught.
 */

const TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/**
 * The CRC-32 of `bytes`; pass the CRC of earlier bytes as `previous` to continue it
 * over a second part (crc32(b, crc32(a)) is the CRC of a followed by b).
 */
export function crc32(bytes: Uint8Array, previous = 0): number {
  let c = ~previous >>> 0;
  for (let i = 0; i < bytes.length; i++) c = TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}
