/**
 * Opening a link asks first only when it would replace work that exists nowhere
 * else: not a library scenario, not a saved item, not what the link brings.
 */
import { describe, expect, it } from 'vitest';
import { canonicalJson, linkWouldLoseEdits, type NamedDraft } from '../../src/ui/state/linkOverEdits.ts';
import type { SavedItem } from '../../src/ui/state/savedLibrary.ts';

const library = { version: 1, name: 'Baseline', insideSales: { headcount: 8 } };
const edited = { version: 1, name: 'Baseline', insideSales: { headcount: 7 } };
const linked = { version: 1, name: 'From a link', fieldSales: { headcount: 9 } };
const variant = { version: 1, insideSales: { headcount: 16 } };
const saved = (kind: SavedItem['kind'], drafts: SavedItem['drafts'], variantNames?: string[]): SavedItem => ({ id: 'x', name: 'mine', kind, savedAt: '2026-01-01T00:00:00.000Z', drafts, variantNames });
const ws = (...items: NamedDraft[]) => items;
const scenarioLink = [{ name: '', draft: linked }];
const comparisonLink = [{ name: '', draft: linked }, { name: 'IS ×2', draft: variant }];

describe('a link over the workspace', () => {
  it('loses nothing over a library scenario, or over the link\'s own scenario, whatever the key order', () => {
    expect(linkWouldLoseEdits(ws({ name: '', draft: library }), scenarioLink, [library], [])).toBe(false);
    const reordered = { insideSales: { headcount: 8 }, name: 'Baseline', version: 1 };
    expect(linkWouldLoseEdits(ws({ name: '', draft: reordered }), scenarioLink, [library], [])).toBe(false);
    expect(linkWouldLoseEdits(ws({ name: '', draft: { ...linked } }), scenarioLink, [library], [])).toBe(false);
  });

  it('would lose an edited baseline, unless it is saved', () => {
    expect(linkWouldLoseEdits(ws({ name: '', draft: edited }), scenarioLink, [library], [])).toBe(true);
    expect(linkWouldLoseEdits(ws({ name: '', draft: edited }), scenarioLink, [library], [saved('scenario', [edited])])).toBe(false);
  });

  it('a scenario link keeps the variants, so only the baseline counts; a comparison link replaces the variants too', () => {
    const workspace = ws({ name: '', draft: library }, { name: 'My variant', draft: edited });
    expect(linkWouldLoseEdits(workspace, scenarioLink, [library], [])).toBe(false);
    expect(linkWouldLoseEdits(workspace, comparisonLink, [library], [])).toBe(true);
    expect(linkWouldLoseEdits(workspace, comparisonLink, [library], [saved('comparison', [library, edited], ['My variant'])])).toBe(false);
    // A variant's name is the user's work too.
    expect(linkWouldLoseEdits(workspace, comparisonLink, [library], [saved('comparison', [library, edited], ['Other name'])])).toBe(true);
    // The very variant the link brings is not lost.
    expect(linkWouldLoseEdits(ws({ name: '', draft: library }, { name: 'IS ×2', draft: variant }), comparisonLink, [library], [])).toBe(false);
  });

  it('canonical JSON sorts keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}');
  });
});
