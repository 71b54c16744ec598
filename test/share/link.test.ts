/**
 * Share links: every library scenario survives the trip, and a cut, altered,
 * newer or invalid link is refused with its reason, never opened and never thrown.
 */
import { describe, expect, it } from 'vitest';
import { decodeLink, encodeComparison, encodeScenario, fragmentFrom, linkEngineVersion, shareUrl, type DecodeResult } from '../../src/share/link.ts';
import { ENGINE_VERSION } from '../../src/engine/version.ts';
import { SCENARIO_VERSION } from '../../src/scenario/types.ts';
import { crc32 } from '../../src/share/crc32.ts';
import { toBase64Url } from '../../src/share/base64url.ts';
import { validateScenario } from '../../src/scenario/validate.ts';
import { libraryScenarios } from '../support/scenarios.ts';

const library = libraryScenarios();
const baseline = library.find((x) => x.file === 'baseline.json')!;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Decodes; a throw (which decodeLink must never do) rejects and fails the test. */
async function open(fragment: string): Promise<DecodeResult> {
  return decodeLink(fragment);
}

/** A link body in the layout of link.ts with the given header, for hand-made bad links. */
async function handMade(json: Uint8Array<ArrayBuffer>, declaredLength: number): Promise<string> {
  const stream = new Blob([json]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const compressed = new Uint8Array(await new Response(stream).arrayBuffer());
  const out = new Uint8Array(8 + compressed.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, declaredLength);
  view.setUint32(4, crc32(compressed, crc32(json)));
  out.set(compressed, 8);
  return `s1.${toBase64Url(out)}`;
}

/** What a link carries of a draft: all but its workshop lesson (see withoutLesson in src/share/link.ts). */
const linked = (d: Record<string, unknown>) => Object.fromEntries(Object.entries(d).filter(([k]) => k !== 'lesson'));
const linkedScenario = <T extends { lesson: unknown }>(s: T): T => ({ ...s, lesson: null });

describe('round trip', () => {
  for (const { file, draft, scenario } of library) {
    it(`${file}: the same draft and the same scenario, but the lesson`, async () => {
      const fragment = await encodeScenario(draft);
      expect(fragment).toMatch(/^s1\.[A-Za-z0-9_-]+$/);
      const r = await open(fragment);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.draft).toEqual(linked(draft));
      expect(r.scenario).toEqual(linkedScenario(scenario));
      const again = validateScenario(r.draft);
      expect(again.ok && again.scenario).toEqual(linkedScenario(scenario));
    });
  }

  it('fragments stay short: shorter than the JSON text itself, and under 1,500 characters', async () => {
    // Today 1,015 to 1,495 characters; the long descriptions are most of it.
    for (const { file, draft } of library) {
      const fragment = await encodeScenario(draft);
      expect(fragment.length, file).toBeLessThan(JSON.stringify(draft).length);
      expect(fragment.length, file).toBeLessThan(1500);
    }
  });

  it('keeps Japanese text, an empty draft object and the smallest scenario', async () => {
    for (const draft of [{ version: 1, name: 'インサイドセールス倍増 "IS×2"' }, { version: 1 }]) {
      const r = await open(await encodeScenario(draft));
      expect(r.ok && r.draft).toEqual(draft);
    }
  });

  it('a URL built by shareUrl gives the fragment back through fragmentFrom', async () => {
    const fragment = await encodeScenario(baseline.draft);
    const url = shareUrl('https://example.com/funnel/?lang=ja#old', fragment);
    expect(url).toBe(`https://example.com/funnel/?lang=ja#s=${fragment}&e=${ENGINE_VERSION}`);
    const hash = new URL(url).hash;
    // The link says which engine made the sender's numbers; a link without it is from engine 1.
    expect(linkEngineVersion(hash)).toBe(ENGINE_VERSION);
    expect(linkEngineVersion(`#s=${fragment}`)).toBe(1);
    expect(linkEngineVersion(`#s=${fragment}&e=x`)).toBe(1);
    expect(fragmentFrom(hash)).toBe(fragment);
    expect(fragmentFrom(hash.slice(1))).toBe(fragment);
    expect(fragmentFrom(`#lang=ja&s=${fragment}`)).toBe(fragment);
    expect(fragmentFrom('')).toBeNull();
    expect(fragmentFrom('#')).toBeNull();
    expect(fragmentFrom('#section-2')).toBeNull();
    // A link cut right after "s=" still counts as a link, so it is reported as damaged.
    expect(fragmentFrom('#s=')).toBe('');
    expect((await open('')).ok).toBe(false);
  });

  it('refuses to encode what is not JSON', async () => {
    await expect(encodeScenario(undefined)).rejects.toThrow(TypeError);
    await expect(encodeScenario({ version: 1, description: 'x'.repeat(1_000_001) })).rejects.toThrow(RangeError);
  });
});

describe('a cut link is refused', () => {
  it('at every cut point of a short link', async () => {
    const fragment = await encodeScenario({ version: 1, name: 'short', insideSales: { headcount: 12 } });
    for (let cut = 0; cut < fragment.length; cut++) {
      const r = await open(fragment.slice(0, cut));
      expect(r.ok, `cut at ${cut}`).toBe(false);
      if (!r.ok) expect(r.reason).toBe('damaged');
    }
  });

  it('at many cut points of the baseline, with a message saying so', async () => {
    const fragment = await encodeScenario(baseline.draft);
    for (let cut = 0; cut < fragment.length; cut += cut < 20 || cut > fragment.length - 20 ? 1 : 7) {
      const r = await open(fragment.slice(0, cut));
      expect(r.ok, `cut at ${cut}`).toBe(false);
      if (r.ok) continue;
      expect(r.reason).toBe('damaged');
      expect(r.problems.join(' ')).toMatch(/damaged or incomplete.*cut off/);
    }
  });
});

describe('an altered link is refused', () => {
  it('with any single character changed, anywhere', async () => {
    const fragment = await encodeScenario(baseline.draft);
    let refused = 0;
    for (let i = 0; i < fragment.length; i++) {
      const c = fragment[i];
      const k = ALPHABET.indexOf(c);
      // The neighbour in the alphabet flips the fewest bits; '~' is not base64url at all.
      for (const swap of [ALPHABET[(k + 1) % 64], ALPHABET[(k + 63) % 64], '~']) {
        if (swap === c) continue;
        const r = await open(fragment.slice(0, i) + swap + fragment.slice(i + 1));
        expect(r.ok, `position ${i}: ${c} -> ${swap}`).toBe(false);
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(2 * fragment.length);
  });

  it('with a character added or removed inside', async () => {
    const fragment = await encodeScenario(baseline.draft);
    for (let i = 3; i < fragment.length; i += 11) {
      expect((await open(fragment.slice(0, i) + 'A' + fragment.slice(i))).ok).toBe(false);
      expect((await open(fragment.slice(0, i) + fragment.slice(i + 1))).ok).toBe(false);
    }
    expect((await open(fragment + 'A')).ok).toBe(false);
    expect((await open(fragment + 'AA')).ok).toBe(false);
  });
});

describe('why a link is refused', () => {
  it('newer: a scenario of format version 99 names both versions', async () => {
    const r = await open(await encodeScenario({ version: 99, name: 'from the future' }));
    expect(r).toMatchObject({ ok: false, reason: 'newer' });
    if (r.ok) return;
    expect(r.problems[0]).toMatch(/newer version of Funnel/);
    expect(r.problems[0]).toContain('version 99');
    expect(r.problems[0]).toContain(`version ${SCENARIO_VERSION}.`);
  });

  it('newer: a link format after s2 names both formats', async () => {
    const body = (await encodeScenario(baseline.draft)).slice(3);
    for (const prefix of ['s3.', 's10.']) {
      const r = await open(prefix + body);
      expect(r).toMatchObject({ ok: false, reason: 'newer' });
      if (!r.ok) expect(r.problems[0]).toMatch(new RegExp(`newer version of Funnel \\(link format ${prefix.slice(0, -1)}\\).*link formats up to s2`));
    }
  });

  it('invalid: the validation problems, each with its field path', async () => {
    const r = await open(await encodeScenario({ version: 1, insideSales: { headcount: -2 }, fieldSales: { winRat: 0.2 } }));
    expect(r).toMatchObject({ ok: false, reason: 'invalid' });
    if (r.ok) return;
    expect(r.problems).toContain('insideSales.headcount: must be a number >= 0 in steps of 0.05, got -2');
    expect(r.problems.some((p) => p.startsWith('fieldSales.winRat:'))).toBe(true);
    for (const draft of [null, [1], 'text', { name: 'no version' }, { version: '2' }]) {
      expect(await open(await encodeScenario(draft))).toMatchObject({ ok: false, reason: 'invalid' });
    }
  });

  it('damaged: junk, a wrong prefix, the standard base64 alphabet, padding', async () => {
    const body = (await encodeScenario(baseline.draft)).slice(3);
    const junk = ['hello world', 's1.', 's1.!!!!', 's1.AAAAAAAAAAAAAAAAAAAA', 's0.' + body, 's01.' + body, 'S1.' + body, 's1' + body, 's1.' + body + '==', 's1.' + body.replace(/-/g, '+').replace(/_/g, '/') + '+/', 's1.' + body.slice(0, 40) + ' ' + body.slice(40), '\u0000', 's1.' + 'ü'.repeat(20)];
    for (const fragment of junk) {
      const r = await open(fragment);
      expect(r, JSON.stringify(fragment.slice(0, 30))).toMatchObject({ ok: false, reason: 'damaged' });
    }
  });

  it('damaged: a length that does not match, or a non-JSON text with a good checksum', async () => {
    const json = new TextEncoder().encode('{"version":1}');
    expect(await open(await handMade(json, json.length + 1))).toMatchObject({ ok: false, reason: 'damaged' });
    expect(await open(await handMade(json, json.length - 1))).toMatchObject({ ok: false, reason: 'damaged' });
    expect(await open(await handMade(json, json.length))).toMatchObject({ ok: true });
    const notJson = new TextEncoder().encode('{"version":1');
    expect(await open(await handMade(notJson, notJson.length))).toMatchObject({ ok: false, reason: 'damaged' });
    const notUtf8 = new Uint8Array([0x22, 0xff, 0x22]);
    expect(await open(await handMade(notUtf8, notUtf8.length))).toMatchObject({ ok: false, reason: 'damaged' });
  });

  it('damaged: a decompression bomb stops at 1 MB of output', async () => {
    // 50 MB of spaces deflate to about 50 KB; the decoder must stop at the declared 1 MB.
    const bomb = new Uint8Array(50_000_000).fill(0x20);
    const started = performance.now();
    const r = await open(await handMade(bomb, 1_000_000));
    expect(r).toMatchObject({ ok: false, reason: 'damaged' });
    const tooLarge = await open(await handMade(bomb, 50_000_000));
    expect(tooLarge).toMatchObject({ ok: false, reason: 'damaged' });
    if (!tooLarge.ok) expect(tooLarge.problems[0]).toMatch(/larger than 1 MB/);
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it('damaged: a body too long to hold a scenario of at most 1 MB is refused before decoding', async () => {
    const r = await open('s1.' + 'A'.repeat(2_000_000));
    expect(r).toMatchObject({ ok: false, reason: 'damaged' });
    if (!r.ok) expect(r.problems[0]).toMatch(/larger than 1 MB/);
  });
});

describe('comparison links', () => {
  const mkt = library.find((x) => x.file === 'marketing-too-strong.json')!;
  const variants = [
    { name: 'IS ×2', draft: { ...mkt.draft, insideSales: { ...(mkt.draft.insideSales as object), headcount: 12 } } },
    { name: '各部門 +1名', draft: { ...mkt.draft, fieldSales: { headcount: 13 } } },
    { name: 'CS +50%', draft: { ...mkt.draft, customerSuccess: { headcount: 15 } } },
  ];

  it('a baseline and three variants come back with their names, drafts and scenarios, as link format s2', async () => {
    const fragment = await encodeComparison(mkt.draft, variants);
    expect(fragment).toMatch(/^s2\.[A-Za-z0-9_-]+$/);
    expect(fragment.length).toBeLessThan(1500);
    const r = await open(fragment);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.draft).toEqual(linked(mkt.draft));
    expect(r.scenario).toEqual(linkedScenario(mkt.scenario));
    expect(r.variants.map((v) => v.name)).toEqual(['IS ×2', '各部門 +1名', 'CS +50%']);
    expect(r.variants.map((v) => v.draft)).toEqual(variants.map((v) => linked(v.draft)));
    expect(r.variants[0].scenario.insideSales.headcount).toBe(12);
  });

  it('a scenario link opens with no variants', async () => {
    const r = await open(await encodeScenario(mkt.draft));
    expect(r.ok && r.variants).toEqual([]);
  });

  it('invalid: each problem names the scenario it belongs to', async () => {
    const bad = [{ name: 'IS ×2', draft: { version: 1, insideSales: { headcount: -2 } } }];
    const r = await open(await encodeComparison({ version: 1, fieldSales: { winRate: 2 } }, bad));
    expect(r).toMatchObject({ ok: false, reason: 'invalid' });
    if (r.ok) return;
    expect(r.problems.some((p) => p.startsWith('Baseline: fieldSales.winRate:'))).toBe(true);
    expect(r.problems).toContain('Variant 1 (IS ×2): insideSales.headcount: must be a number >= 0 in steps of 0.05, got -2');
  });

  it('newer: a variant from a newer scenario format names it and both versions', async () => {
    const r = await open(await encodeComparison(mkt.draft, [{ name: 'future', draft: { version: 7 } }]));
    expect(r).toMatchObject({ ok: false, reason: 'newer' });
    if (!r.ok) expect(r.problems[0]).toMatch(new RegExp(`"Variant 1 \\(future\\)".*version 7.*version ${SCENARIO_VERSION}\\.`));
  });

  it('damaged: a comparison not in the form Funnel writes, or with too many variants', async () => {
    const seal = async (value: unknown) => {
      const json = new TextEncoder().encode(JSON.stringify(value));
      return 's2.' + (await handMade(json, json.length)).slice(3);
    };
    for (const value of [mkt.draft, { baseline: mkt.draft }, { baseline: mkt.draft, variants: [{ draft: mkt.draft }] }, { baseline: mkt.draft, variants: [{ name: ' ', draft: mkt.draft }] }, { baseline: mkt.draft, variants: [{ name: 'x'.repeat(41), draft: mkt.draft }] }, { baseline: mkt.draft, variants: [...variants, variants[0]] }, [mkt.draft]]) {
      expect(await open(await seal(value)), JSON.stringify(value).slice(0, 80)).toMatchObject({ ok: false, reason: 'damaged' });
    }
    await expect(encodeComparison(mkt.draft, [...variants, variants[0]])).rejects.toThrow(RangeError);
    await expect(encodeComparison(mkt.draft, [])).rejects.toThrow(RangeError);
    expect(await open(await seal({ baseline: mkt.draft, variants: [] }))).toMatchObject({ ok: false, reason: 'damaged' });
  });

  it('names the link could not carry are written as it can: trimmed, cut to 40 characters, or "Variant i" when blank', async () => {
    const long = '営業'.repeat(30);
    const r = await open(await encodeComparison(mkt.draft, [{ name: '  ', draft: mkt.draft }, { name: ` ${long} `, draft: mkt.draft }, { name: '😀'.repeat(41), draft: mkt.draft }]));
    expect(r.ok && r.variants.map((v) => v.name)).toEqual(['Variant 1', long.slice(0, 40), '😀'.repeat(40)]);
  });

  it('damaged: at many cut points', async () => {
    const fragment = await encodeComparison(mkt.draft, variants);
    for (let i = 3; i < fragment.length; i += 37) expect((await open(fragment.slice(0, i))).ok, `cut at ${i}`).toBe(false);
  });
});
