/**
 * Text that must read whole at any screen size: the workshop is drawn for a
 * projector's 1920 px, but a trainer's laptop projects 1280x720, where a Japanese
 * department name (インサイドセールス) or a stage name beside its count no longer
 * fits its column. The font shrinks from its CSS size, a pixel at a time, down to
 * `MIN_PX`, until the text fits its box; it is never cut.
 */
export const MIN_PX = 14;

/** Svelte action: `use:fitText={deps}` fits the node's text again whenever `deps` (its text, its box's width) change. */
export function fitText(node: HTMLElement, deps?: unknown) {
  const fit = () => {
    node.style.fontSize = '';
    let size = parseFloat(getComputedStyle(node).fontSize);
    while (size > MIN_PX && (node.scrollWidth > node.clientWidth + 0.5 || node.scrollHeight > node.clientHeight + 0.5)) {
      size -= 1;
      node.style.fontSize = `${size}px`;
    }
  };
  fit();
  void deps;
  return { update: fit };
}
