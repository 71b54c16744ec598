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
