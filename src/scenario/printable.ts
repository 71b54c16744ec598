/**
 * Text from a scenario made safe for a terminal: control characters (C0, DEL,
 * C1, which include ESC and CSI) and bidirectional overrides would let a name
 * move the cursor, recolour or hide what follows, or reorder a line. Each is
 * written as its \uXXXX escape instead, so it stays visible and harmless.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every control or bidi-override character written as \uXXXX. */
export function printable(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The characters JSON.stringify leaves raw that a terminal acts on: DEL, C1 and bidi controls. */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** JSON text with DEL, C1 and bidi controls (only ever inside its strings) written as \uXXXX: the same JSON value. */
export function printableJson(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
