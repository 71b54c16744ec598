/**
 * Opens a <details> when it first appears if `open` is true, and never touches it
 * again: a bound or reactive `open` would fold a section the user opened as soon
 * as any edit re-ran the expression.
 */
export function openOnce(node: HTMLDetailsElement, open: boolean): void {
  if (open) node.open = true;
}
