/**
 * Keys given twice in one JSON object: JSON.parse keeps the last silently, so a
 * file could mean one thing to a reader and another to Funnel. Refused instead.
 */
import { printable } from './printable.ts';

interface Frame {
  /** The path of this object or list, as problems show it. */
  path: string;
  keys: Set<string> | null;
  /** An object's last key, or a list's index. */
  at: string | number;
  expectKey: boolean;
}

/** The shown path of an item `key` inside `path`. */
function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? printable(key) : `${path}.${printable(key)}`;
}

/**
 * Keys given more than once in the same object, as problems naming each key's
 * path (at most `max`). `text` must be valid JSON. One pass, no recursion, so a
 * value nested 100,000 deep is fine.
 */
export function duplicateKeys(text: string, max = 10): string[] {
  const problems: string[] = [];
  const stack: Frame[] = [];
  const enter = (keys: Set<string> | null) => {
    const parent = stack.at(-1);
    stack.push({ path: parent ? childPath(parent.path, parent.at) : '', keys, at: keys ? '' : 0, expectKey: keys !== null });
  };
  for (let i = 0; i < text.length && problems.length < max; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const top = stack.at(-1);
      if (top?.keys && top.expectKey) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (top.keys.has(key)) problems.push(`${childPath(top.path, key)}: is given more than once (each field must appear once)`);
        top.keys.add(key);
        top.at = key;
        top.expectKey = false;
      }
      i = j;
    } else if (c === '{') enter(new Set());
    else if (c === '[') enter(null);
    else if (c === '}' || c === ']') stack.pop();
    else if (c === ',') {
      const top = stack.at(-1)!;
      if (top.keys) top.expectKey = true;
      else top.at = (top.at as number) + 1;
    }
  }
  return problems;
}
