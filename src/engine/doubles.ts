/**
 * Lists of fractional numbers (ARR, areas per week) kept as V8 double arrays from
 * the start. A list made as `[]` or `new Array(n).fill(0)` holds small integers
 * until its first fraction arrives; then its elements change kind, and optimised
 * code that expected the first kind is thrown away and compiled again, which the
 * first replications of a fresh process pay (seen with --trace-deopt: "lost
 * precision or NaN" at the weekly and monthly pushes). The values are the same.
 */

/** An array of `length` zeros (default: empty) whose elements are doubles. */
export function doubleList(length = 0): number[] {
  const list = [0.5];
  list.length = 0;
  for (let i = 0; i < length; i++) list.push(0);
  return list;
}

/**
 * Makes the number fields `names` of `target` hold doubles from now on, keeping
 * their values. A field first set to a small integer (`0`) is stored as one; the
 * first fraction it gets (an area, a sum of yen, a time) changes the object's
 * shape, and V8 throws away the optimised code that expected the old one ("wrong
 * map" in --trace-deopt), in the middle of a fresh process's first replication.
 * Setting a fraction here, at construction, makes that change before any code is
 * optimised, and later objects of the class get the double fields from the start.
 * The value is put back as it was (0 stays +0, never -0).
 */
export function holdDoubles(target: object, names: readonly string[]): void {
  const fields = target as Record<string, unknown>;
  for (const name of names) {
    const value = fields[name];
    if (typeof value !== 'number') throw new Error(`holdDoubles: ${name} is not a number field`);
    fields[name] = 0.5;
    fields[name] = value;
  }
}
