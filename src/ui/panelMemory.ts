/**
 * Whether the user left a side panel (Saved, About this scenario) open: the panels
 * are folded to one line by default, so a returning user sees the editor first,
 * and one the user opened stays open after a reload. Kept in localStorage; where
 * storage is forbidden the panel simply starts folded.
 */
const KEY = 'funnel.openPanels';

/** The panels the user left open. */
function openPanels(): string[] {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** Whether panel `name` was left open. */
export function panelWasOpen(name: string): boolean {
  return openPanels().includes(name);
}

/** Remembers that panel `name` is now open or folded. */
export function rememberPanel(name: string, open: boolean): void {
  const others = openPanels().filter((p) => p !== name);
  try {
    localStorage.setItem(KEY, JSON.stringify(open ? [...others, name] : others));
  } catch {
    // Storage full or forbidden: the panel's state is not worth an error.
  }
}
