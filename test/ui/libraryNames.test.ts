/**
 * A scenario's short name for the workshop's narrow menu: the title up to its first
 * colon (ASCII or full-width, as a Japanese keyboard types it), trimmed; a title
 * without one, or starting with one, is kept whole. Every library title gets a
 * short name without its explanation.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LIBRARY_NAMES_JA, shortScenarioName } from '../../src/ui/state/libraryNames.ts';

const files = readdirSync('scenarios').filter((f) => f.endsWith('.json'));
const englishTitle = (file: string) => (JSON.parse(readFileSync(`scenarios/${file}`, 'utf8')) as { name: string }).name;

describe('shortScenarioName', () => {
  it('keeps the title up to its colon, without the space before or after', () => {
    expect(shortScenarioName('Marketing too strong: Inside Sales is thin, MQLs go cold')).toBe('Marketing too strong');
    expect(shortScenarioName('IS完結型:低単価SaaSでISが小口案件を受注')).toBe('IS完結型');
    expect(shortScenarioName('  Startup  : one person')).toBe('Startup');
  });

  it('cuts at the first colon only', () => {
    expect(shortScenarioName('Plan A: IS +1: from April')).toBe('Plan A');
  });

  it('cuts at a full-width colon too, as a Japanese keyboard types it', () => {
    expect(shortScenarioName('IS増員案\uff1a4月から2名')).toBe('IS増員案');
    expect(shortScenarioName('案B\uff1aFS +1: 5月')).toBe('案B');
    expect(shortScenarioName('案C: FS +1\uff1a5月')).toBe('案C');
  });

  it('keeps a title without a colon, or starting with one, whole', () => {
    expect(shortScenarioName('My plan')).toBe('My plan');
    expect(shortScenarioName('自分の計画')).toBe('自分の計画');
    expect(shortScenarioName(':no name before the colon')).toBe(':no name before the colon');
    expect(shortScenarioName('')).toBe('');
  });

  it('gives every library scenario, in Japanese and English, a short name without its explanation', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      for (const title of [LIBRARY_NAMES_JA[file], englishTitle(file)]) {
        expect(title, file).toBeTruthy();
        const short = shortScenarioName(title);
        expect(short.length, title).toBeGreaterThan(0);
        expect(short.length, title).toBeLessThan(title.length);
        expect(short, title).not.toMatch(/[:\uff1a]/);
        expect(title.startsWith(short), title).toBe(true);
      }
    }
  });
});
