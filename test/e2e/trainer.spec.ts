/**
 * A trainer at a projector (1024x768 and 1280x720) and a manager on a laptop, in
 * Japanese first: the workshop and the IS ×2 comparison measured as they are
 * seen, each check one that failed before its fix. Boxes inside the screen, no
 * text over another, nothing cut, nothing under 16 px on a projector, one-line
 * help. Screenshots go to artifacts/screenshots/trainer-*.png, to be looked at.
 */
import { expect, test, type Page } from '@playwright/test';
import { fresh, loadScenario, namesCutInMenu, setField, waitDone } from './helpers.ts';

const PROJECTORS = [[1024, 768], [1280, 720]] as const;

/**
 * Every visible text of the workshop as "text: why" when it is under `minPx`,
 * overlaps another text, leaves the screen, or is cut by the box that holds it
 * (a region's name, a bin's name and count, a column head, a summary item).
 */
async function workshopProblems(page: Page, minPx: number): Promise<string[]> {
  return page.evaluate((min) => {
    const out: string[] = [];
    /**
     * Whether text nodes' boxes (one list per node) lie on more than one line: a node
     * whose boxes start at two heights wrapped, and nodes on one line have their
     * middles within half the lowest box's height (a name beside its larger count).
     */
    const severalLines = (nodes: DOMRect[][]) => {
      const all = nodes.flat().filter((r) => r.width > 0);
      if (nodes.some((rs) => new Set(rs.filter((r) => r.width > 0).map((r) => Math.round(r.top))).size > 1)) return true;
      const mids = all.map((r) => (r.top + r.bottom) / 2);
      return Math.max(...mids) - Math.min(...mids) > Math.min(...all.map((r) => r.height)) / 2;
    };
    const screen = document.documentElement.getBoundingClientRect();
    const inside = (r: DOMRect, c: DOMRect) => r.left >= c.left - 0.5 && r.right <= c.right + 0.5 && r.top >= c.top - 0.5 && r.bottom <= c.bottom + 0.5;
    const root = document.querySelector('[data-testid="workshop"]')!;
    // Each text node's laid-out box (beyond its element when cut).
    const texts: { name: string; box: DOMRect; el: Element }[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const name = (n.textContent ?? '').trim();
      const el = n.parentElement!;
      if (!name || el.closest('option, select, .unseen') || el.getClientRects().length === 0) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const box = range.getBoundingClientRect();
      if (box.width === 0) continue;
      texts.push({ name, box, el });
      // In an SVG, the size drawn: the font size times the picture's scale.
      const svg = el.closest('svg');
      const px = parseFloat(getComputedStyle(el).fontSize) * (svg ? svg.getBoundingClientRect().width / svg.viewBox.baseVal.width : 1);
      if (px < min - 0.01) out.push(`${name}: ${px.toFixed(1)}px`);
      if (!inside(box, screen)) out.push(`${name}: off screen`);
      // Clipped by its own box or the box of the region it names.
      for (let a: Element | null = el; a && a !== root; a = a.parentElement) {
        const style = getComputedStyle(a);
        const clips = style.overflow !== 'visible' || a.matches('.label, .bin, .head');
        if (clips && !a.matches('main, .workshop, section.ask, section.reveal, section.debrief') && !inside(box, a.getBoundingClientRect())) { out.push(`${name}: cut`); break; }
      }
    }
    texts.forEach((a, i) => texts.slice(i + 1).forEach((b) => {
      const w = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
      const h = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
      if (w > 1 && h > 1 && !a.el.contains(b.el) && !b.el.contains(a.el)) out.push(`${a.name} / ${b.name}: overlap`);
    }));
    // Each summary item (a count and its name) is on one line.
    for (const p of root.querySelectorAll('.summary p, .summary h2')) {
      const nodes: DOMRect[][] = [];
      const inP = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let n = inP.nextNode(); n; n = inP.nextNode()) { const r = document.createRange(); r.selectNodeContents(n); nodes.push([...r.getClientRects()]); }
      if (severalLines(nodes)) out.push(`${(p.textContent ?? '').trim()}: more than one line`);
    }
    // The header's controls on screen.
    for (const c of root.querySelectorAll('header button, header select')) if (!inside(c.getBoundingClientRect(), screen)) out.push(`${(c.textContent ?? '').trim().slice(0, 12)}: control off screen`);
    return out;
  }, minPx);
}

/** The closed scenario menu's options whose name would be cut (as screen.spec measures the app's menu). */
async function cutMenuNames(page: Page): Promise<string[]> {
  return page.locator('[data-testid="workshop"] header select').evaluate((s: HTMLSelectElement) => {
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.font = getComputedStyle(s).font;
    const style = getComputedStyle(s);
    const room = s.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
    return [...s.options].map((o) => o.text).filter((text) => ctx.measureText(text).width > room);
  });
}

/**
 * The bins' names as written by hand in phrases (文節), `|` where a line may break:
 * a name drawn over two lines must break only there (「見込みな/し」 and
 * 「未接触のま/ま離脱」 were drawn at 1024x768).
 */
const BIN_PHRASES = ['見込みなし', '未接触で|離脱', 'IS待ちで|冷めた', 'ISで|不適格', 'FS待ちで|停滞', 'FS待ちで|熱量低下', '失注', '導入前に|解約', '通常の|解約', '過負荷で|解約'];

/** Each bin's name as drawn, its lines joined by "/" (each character's box read in the browser). */
async function binNameLines(page: Page): Promise<string[]> {
  return page.locator('[data-testid="workshop"] .bin > span').evaluateAll((spans) => spans.map((span) => {
    let text = '', top: number | null = null;
    const walker = document.createTreeWalker(span, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const chars = n.textContent ?? '';
      for (let i = 0; i < chars.length; i++) {
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + 1);
        const at = Math.round(r.getClientRects()[0].top);
        if (top !== null && at > top + 2) text += '/';
        top = at;
        text += chars[i];
      }
    }
    return text;
  }));
}

/** The bins' names that break a line inside a phrase, as drawn ("未接触のま/ま離脱"), or are not among the bins' names at all. */
async function binNamesBrokenMidPhrase(page: Page): Promise<string[]> {
  const drawn = await binNameLines(page);
  return drawn.filter((lines) => {
    const known = BIN_PHRASES.find((p) => p.replace(/\|/g, '') === lines.replace(/\//g, ''));
    if (!known) return true;
    const allowed = new Set(known.split('|').map((_, i, all) => all.slice(0, i + 1).join('').length));
    let at = 0;
    return lines.split('/').slice(0, -1).some((line) => !allowed.has((at += line.length)));
  });
}

/**
 * Japanese words broken across two lines in the visible text under `selector`, as
 * "before/after": a line ending inside a run of katakana (ナ/ーチャリング), between a
 * kanji and its okurigana (見込/み), or before a small kana, the long-vowel mark or
 * closing punctuation, or a line of a single kana. Each character's line is read
 * from its box in the browser.
 */
async function wordsBrokenAcrossLines(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const KATAKANA = /[\u30a0-\u30ff]/, KANJI = /[\u3400-\u9fff]/, HIRAGANA = /[\u3041-\u309f]/, KANA = /[\u3041-\u30ff]/;
    const NO_START = /[\u3041\u3043\u3045\u3047\u3049\u3063\u3083\u3085\u3087\u30a1\u30a3\u30a5\u30a7\u30a9\u30c3\u30e3\u30e5\u30e7\u30fc\u3001\u3002\uff09\u300d]/;
    const out: string[] = [];
    for (const root of document.querySelectorAll(sel)) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.textContent ?? '';
        if (!/[\u3041-\u30ff\u3400-\u9fff]/.test(text) || n.parentElement!.closest('svg, option, select, .unseen')) continue;
        const lines: string[] = [];
        let top: number | null = null;
        for (let i = 0; i < text.length; i++) {
          const r = document.createRange();
          r.setStart(n, i);
          r.setEnd(n, i + 1);
          const box = r.getClientRects()[0];
          if (!box || box.width === 0) continue;
          const at = Math.round(box.top);
          if (top === null || at > top + 2) lines.push('');
          top = at;
          lines[lines.length - 1] += text[i];
        }
        const shown = lines.map((l) => l.trim()).filter((l) => l !== '');
        shown.slice(1).forEach((line, i) => {
          const a = shown[i].slice(-1), b = line[0];
          if ((KATAKANA.test(a) && KATAKANA.test(b)) || (KANJI.test(a) && HIRAGANA.test(b)) || NO_START.test(b) || (line.length === 1 && KANA.test(line))) out.push(`${shown[i].slice(-8)}/${line.slice(0, 8)}`);
        });
      }
    }
    return out;
  }, selector);
}

for (const [width, height] of PROJECTORS) {
  test(`the workshop's replay at ${width}x${height} in Japanese: every text whole, 16 px or more, none over another, the bins' names broken only between phrases, each count with its unit; the clock no taller than the title and its controls; the menu's names whole`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.goto('/#/workshop/marketing-too-strong');
    await expect(page.getByTestId('replay-0')).toBeVisible();
    await page.keyboard.press('e');
    await expect(page.getByTestId('replay-0')).toHaveAttribute('data-at-end', 'true');
    await page.waitForTimeout(1000); // the last leads land in their bins (for the screenshot; nothing measured depends on it)
    await page.screenshot({ path: `artifacts/screenshots/trainer-replay-ja-${width}.png` });
    expect(await workshopProblems(page, 16)).toEqual([]);
    expect(await binNamesBrokenMidPhrase(page), 'bin names broken inside a phrase').toEqual([]);
    expect(await wordsBrokenAcrossLines(page, '[data-testid="workshop"]')).toEqual([]);
    // Every count of the summary with its unit, as the wins had (失ったリード 10,564 read as a bare number).
    for (const id of ['ws-won', 'ws-lost-total', 'ws-churned']) await expect(page.getByTestId(id)).toHaveText(/^[\d,]+件$/);
    const clock = (await page.locator('.workshop header .clock').boundingBox())!;
    const title = (await page.locator('.workshop header .title').boundingBox())!;
    expect(clock.height, 'the clock beside the title and its controls').toBeLessThanOrEqual(title.height + 0.5);
    expect(await cutMenuNames(page)).toEqual([]);
  });

  test(`the workshop's before and after at ${width}x${height} in Japanese: every text whole, none over another, 16 px or more, the bins' names broken only between phrases`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.goto('/#/workshop/marketing-too-strong?mode=compare');
    await expect(page.getByTestId('replay-1')).toBeVisible();
    await page.keyboard.press('e');
    await expect(page.getByTestId('replay-1')).toHaveAttribute('data-at-end', 'true');
    await page.waitForTimeout(1000);
    await page.screenshot({ path: `artifacts/screenshots/trainer-pair-ja-${width}.png` });
    expect(await workshopProblems(page, 16)).toEqual([]);
    expect(await binNamesBrokenMidPhrase(page), 'bin names broken inside a phrase').toEqual([]);
    expect(await wordsBrokenAcrossLines(page, '[data-testid="workshop"]')).toEqual([]);
  });

  test(`a lesson at ${width}x${height} in Japanese: the four choices on screen above the keys line, each on one line; the reveal and the debrief on screen; no word broken across lines`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.goto('/#/workshop/marketing-too-strong?mode=lesson&reps=4');
    await expect(page.getByTestId('ws-ask')).toBeVisible();
    await page.keyboard.press('2');
    await page.screenshot({ path: `artifacts/screenshots/trainer-ask-ja-${width}.png` });
    expect(await wordsBrokenAcrossLines(page, '[data-testid="workshop"]')).toEqual([]);
    const footer = (await page.locator('.workshop footer').boundingBox())!;
    for (let i = 1; i <= 4; i++) {
      const choice = page.getByTestId(`ws-choice-${i}`);
      const box = (await choice.boundingBox())!;
      expect(box.y + box.height, `choice ${i} above the keys line`).toBeLessThanOrEqual(footer.y);
      // The lines of the choice's own text (its key number is a box of its own).
      const lines = await choice.evaluate((b) => new Set([...b.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '').flatMap((n) => { const r = document.createRange(); r.selectNodeContents(n); return [...r.getClientRects()].map((c) => Math.round(c.top)); })).size);
      expect(lines, `choice ${i}: one line`).toBe(1);
    }
    expect(await workshopProblems(page, 16)).toEqual([]);

    // The reveal: the distribution and its caption on screen, the mean on one line.
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('ws-distribution')).toHaveAttribute('data-count', '4');
    await page.screenshot({ path: `artifacts/screenshots/trainer-reveal-ja-${width}.png` });
    expect(await wordsBrokenAcrossLines(page, '[data-testid="workshop"]')).toEqual([]);
    expect(await workshopProblems(page, 16)).toEqual([]);
    const mean = page.locator('[data-testid="ws-distribution"] .mean');
    expect(await mean.evaluate((e) => { const r = document.createRange(); r.selectNodeContents(e); return new Set([...r.getClientRects()].map((c) => Math.round(c.top))).size; }), 'the mean on one line').toBe(1);
    expect((await page.getByTestId('ws-distribution').boundingBox())!.y + (await page.getByTestId('ws-distribution').boundingBox())!.height, 'the distribution above the keys line').toBeLessThanOrEqual(footer.y);

    // Round 2, then the debrief: its four prompts above the keys line.
    for (const key of ['Enter', 'Enter', '3', 'Enter', 'Enter', 'Enter']) await page.keyboard.press(key);
    const debrief = page.getByTestId('ws-debrief');
    await expect(debrief).toContainText('D 行動');
    await page.screenshot({ path: `artifacts/screenshots/trainer-debrief-ja-${width}.png` });
    expect(await wordsBrokenAcrossLines(page, '[data-testid="workshop"]')).toEqual([]);
    const last = (await debrief.locator('dd').last().boundingBox())!;
    expect(last.y + last.height, 'the last prompt above the keys line').toBeLessThanOrEqual(footer.y);
    expect(await workshopProblems(page, 16)).toEqual([]);
  });
}

for (const [width, height] of PROJECTORS) {
  test(`the main screen after a run and the IS ×2 comparison at ${width}x${height} in Japanese: no word broken across two lines`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    const errors = await fresh(page, 'ja');
    await loadScenario(page, 'marketing-too-strong.json', '30');
    await page.evaluate(() => { (document.activeElement as HTMLElement | null)?.blur(); window.scrollTo(0, 0); });
    await page.screenshot({ path: `artifacts/screenshots/trainer-main-ja-${width}.png` });
    await page.getByTestId('add-variant').selectOption('insideSalesDouble');
    await expect(page.locator('[role="tab"] .spinner')).toHaveCount(0);
    await expect(page.getByTestId('summary-1')).toBeVisible();
    await page.evaluate(() => { (document.activeElement as HTMLElement | null)?.blur(); });
    await page.getByTestId('comparison').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `artifacts/screenshots/trainer-comparison-ja-${width}.png` });
    expect(await wordsBrokenAcrossLines(page, 'body')).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test('the IS-complete scenario is titled 「IS完結型:…」 in the workshop, and the menu names every scenario short and whole at 1024x768', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto('/#/workshop/is-complete');
  await expect(page.locator('h1')).toHaveText(/^IS完結型:/);
  const names = await page.locator('[data-testid="workshop"] header select option').allTextContents();
  // Short names (the part before the colon): the title above says the rest.
  expect(names.filter((n) => /[::]/.test(n))).toEqual([]);
  expect(names).toContain(`${names.findIndex((n) => n.endsWith('IS完結型')) + 1}. IS完結型`);
  expect(await cutMenuNames(page)).toEqual([]);
  await page.keyboard.press('l');
  await expect(page.locator('h1')).toHaveText(/^IS-complete:/);
  expect(await cutMenuNames(page)).toEqual([]);
});

for (const lang of ['ja', 'en'] as const) {
  test(`the variants' help stays whole on one line at 1024x768 beside a 200-replication status, and the sticky bar is no taller than at 1920 (${lang})`, async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    const errors = await fresh(page, lang);
    await setField(page, 'field-replications', '20');
    await waitDone(page);
    const help = page.locator('.variants .help');
    await expect(help).toBeVisible();
    const wide = (await page.getByTestId('sticky-bar').boundingBox())!.height;
    await page.setViewportSize({ width: 1024, height: 768 });
    // The status as a 200-replication run leaves it (20 keep the test short; the text's length is what takes room).
    const status = page.getByTestId('progress-text');
    await expect(status).toHaveText(lang === 'ja' ? /完了:\s*20回中20回/ : /Done:\s*20 of 20 replications/);
    await status.evaluate((e, text) => { e.textContent = text; }, lang === 'ja' ? '完了: 200回中200回' : 'Done: 200 of 200 replications');
    await page.evaluate(() => { (document.activeElement as HTMLElement | null)?.blur(); window.scrollTo(0, 0); });
    await page.screenshot({ path: `artifacts/screenshots/trainer-help-${lang}-1024.png` });
    const lineHeight = await help.evaluate((e) => parseFloat(getComputedStyle(e).lineHeight));
    expect((await help.boundingBox())!.height, 'one line').toBeLessThan(1.5 * lineHeight);
    // Whole: the text's own width in its font against its box, in fractional pixels (scrollWidth, rounded, missed a cut of less than a pixel, which still shows "…").
    const [needs, has] = await help.evaluate((e) => {
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = getComputedStyle(e).font;
      return [ctx.measureText(e.textContent!).width, e.getBoundingClientRect().width];
    });
    expect(needs, `the help's text needs ${needs} px, its box has ${has} px`).toBeLessThanOrEqual(has);
    const narrow = (await page.getByTestId('sticky-bar').boundingBox())!.height;
    expect(narrow, `the sticky bar at 1024 (${narrow} px) against 1920 (${wide} px)`).toBeLessThanOrEqual(wide + 0.5);
    expect(errors).toEqual([]);
  });
}

/** A displayed amount as a number: "−3,009万円" → −30090000, "18.3億円" → 1830000000, "−44" → −44. */
function amount(text: string): number {
  const m = /([+−-]?)([\d,.]+)\s*(億|万)?/.exec(text.replace('±', ''))!;
  const v = Number(m[2].replace(/,/g, '')) * (m[3] === '億' ? 1e8 : m[3] === '万' ? 1e4 : 1);
  return m[1] === '−' || m[1] === '-' ? -v : v;
}

test("a manager's IS ×2 in Japanese at 1280x720: a click to the verdict, which names the new bottleneck; every rate beside a number is that number's ratio to the baseline", async ({ page }) => {
  const errors = await fresh(page, 'ja');
  await loadScenario(page, 'marketing-too-strong.json', '30');
  await expect(page.getByTestId('verdict-line')).toHaveText(/^インサイドセールスがボトルネックです/);
  await page.getByTestId('add-variant').selectOption('insideSalesDouble');
  await expect(page.getByTestId('tab-1')).toContainText('IS 2倍');
  await expect(page.locator('[role="tab"] .spinner')).toHaveCount(0);
  const summary = page.getByTestId('summary-1');
  await expect(summary).toBeVisible();
  // Doubling IS moves the bottleneck to Field Sales: the sentence, the column head and the verdict at the top say so.
  await expect(page.getByTestId('shift-1')).toHaveText(/^フィールドセールスがボトルネックになります\(変更前はインサイドセールス\)/);
  await expect(page.getByTestId('variant-bottleneck-1')).toHaveText('ボトルネック: フィールドセールス');
  await expect(page.getByTestId('verdict-line')).toHaveText(/^フィールドセールスがボトルネックです/);
  // Counts carry their unit, as elsewhere in the app: the difference, its range and both levels (−44件, ベースライン 360件 → 316件).
  for (const measure of ['won', 'lostWhileWaiting', 'backlogEnd']) {
    const cell = page.getByTestId(`delta-1-${measure}`);
    await expect(cell.locator('strong')).toHaveText(/^[+−±][\d,.]+件 \(/);
    await expect(cell).toContainText(/: [+−±][\d,.]+件 … [+−±][\d,.]+件/);
    await expect(cell).toContainText(/ベースライン [\d,.]+件 → [\d,.]+件/);
  }
  // A loss on the merits is neither better nor worse (MODEL.md, Measures): IS that works twice the leads
  // disqualifies more of them, which reads 増加, never 悪化; a loss while waiting that falls is 改善.
  const disqualified = page.getByTestId('delta-1-lost.isDisqualified');
  await expect(disqualified).toHaveAttribute('data-reading', 'more');
  await expect(disqualified.locator('.badge')).toHaveText('増加');
  await expect(disqualified).toContainText('試行の対ごと:増加');
  await expect(disqualified).not.toContainText(/改善|悪化/);
  await expect(page.getByTestId('delta-1-lostWhileWaiting')).toHaveAttribute('data-reading', 'better');
  await expect(page.getByTestId('delta-1-lostWhileWaiting').locator('.badge')).toHaveText('改善');
  // Yen levels side by side in one unit and with the same decimals (18.3億円 → 18.0億円, not → 18億円).
  for (const measure of ['arrEndYen', 'costYen', 'cacYen']) {
    const [, before, after] = /ベースライン (\S+) → (\S+)/.exec((await page.getByTestId(`delta-1-${measure}`).textContent())!)!;
    const shape = (x: string) => [x.replace(/[\d,]/g, ''), x.split('.')[1]?.length ?? 0];
    expect(shape(after), `${measure}: ${before} → ${after}`).toEqual(shape(before));
  }
  // The sentence: ARR's change and its share of the baseline, e.g. (−3,009万円、ベースラインの−1.6%), whichever
  // way its interval reads (at 30 replications engine 7's draws leave the sign open: 増えるか減るかはっきりしません).
  const said = /ARRは(?:増えます|減ります|ほぼ同じです|増えるか減るかはっきりしません)\(([^、]+)、ベースラインの([+−]?[\d.]+)%\)/.exec((await summary.textContent())!)!;
  expect(said, 'the sentence gives the change and its share').not.toBeNull();
  const arrCell = page.getByTestId('delta-1-arrEndYen');
  const base = amount(/ベースライン (\S+) →/.exec((await arrCell.textContent())!)![1]);
  expect(Math.abs(amount(said[2]) - (100 * amount(said[1])) / base), `${said[0]} against a baseline of ${base}`).toBeLessThan(0.05 + Math.abs(amount(said[2])) * 0.01);
  // Each row of the table: the rate in brackets is the difference over the baseline's level.
  for (const cell of await page.locator('[data-testid^="delta-1-"]').all()) {
    const text = (await cell.textContent())!;
    const pct = /\(([+−±]?[\d.]+)%\)/.exec(text);
    const level = /ベースライン (\S+) →/.exec(text);
    if (!pct || !level || amount(level[1]) === 0) continue;
    const diff = Number(await cell.getAttribute('data-mean'));
    const shown = amount(pct[1]);
    const decimals = (pct[1].split('.')[1] ?? '').length;
    // As shown: within the rounding of the rate, and of the level (0.3 is 0.25 to 0.35; 18.3億 three figures).
    const digits = (level[1].replace(/[^\d.]/g, '').split('.')[1] ?? '').length;
    const unit = 10 ** -digits * (level[1].includes('億') ? 1e8 : level[1].includes('万') ? 1e4 : 1);
    const levelError = (0.5 * unit) / Math.abs(amount(level[1]));
    expect(Math.abs(shown - (100 * diff) / amount(level[1])), `${await cell.getAttribute('data-testid')}: ${text}`).toBeLessThanOrEqual(0.5 * 10 ** -decimals + Math.abs(shown) * levelError * 1.01 + 1e-9);
  }
  await page.evaluate(() => { (document.activeElement as HTMLElement | null)?.blur(); });
  await page.getByTestId('comparison').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'artifacts/screenshots/trainer-is2-ja-1280.png' });
  // The variant's picture (Field Sales now the bottleneck) is below the whole table: one click brings it, title and boxes, into view.
  const flow = page.locator('figure.flow');
  expect((await flow.boundingBox())!.y, 'below the fold before').toBeGreaterThan(720);
  await page.getByTestId('to-flow').click();
  const bar = (await page.getByTestId('sticky-bar').boundingBox())!;
  await expect(flow.locator('figcaption')).toBeInViewport();
  expect((await flow.boundingBox())!.y, "the picture's top, not under the sticky bar").toBeGreaterThanOrEqual(bar.y + bar.height);
  await expect(flow.locator('g.dept[data-dept="fieldSales"]')).toBeInViewport({ ratio: 1 });
  expect(errors).toEqual([]);
});

test('the app\'s scenario menu and header in English at 1024x768: every library name whole, every tool on screen', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  const errors = await fresh(page, 'en');
  const select = page.locator('header .tools select');
  const cut = await namesCutInMenu(select);
  expect(cut).toEqual([]);
  for (const control of await page.locator('header button, header select, header a').all()) {
    const b = (await control.boundingBox())!;
    expect(b.x + b.width, (await control.textContent()) ?? '').toBeLessThanOrEqual(1024);
  }
  await page.screenshot({ path: 'artifacts/screenshots/trainer-app-en-1024.png' });
  expect(errors).toEqual([]);
});

test('a trainer who goes from the app to the workshop and back finds the app as it was: the same page, its results, no new run, its language', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  const errors = await fresh(page, 'ja');
  await loadScenario(page, 'marketing-too-strong.json', '20');
  const verdict = await page.getByTestId('verdict-line').textContent();
  // A mark on the app's page: a remounted app would be a new page without it.
  await page.evaluate(() => document.querySelector('main')!.setAttribute('data-before-workshop', ''));
  await page.getByRole('link', { name: 'ワークショップ' }).click();
  await expect(page.getByTestId('workshop')).toBeVisible();
  await expect(page.locator('main[data-before-workshop]')).toBeHidden();
  // The workshop switched to English, then back: the page speaks the app's language again.
  await page.getByTestId('workshop').getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.evaluate(() => { location.hash = ''; });
  await expect(page.getByTestId('workshop')).toHaveCount(0);
  await expect(page.locator('main[data-before-workshop]')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.locator('.status')).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId('verdict-line')).toHaveText(verdict!);
  // Scrolled down, to the workshop by its address and back by the browser's Back: where the app was.
  await page.evaluate(() => { window.scrollTo(0, 400); location.hash = '#/workshop'; });
  await expect(page.getByTestId('workshop')).toBeVisible();
  await page.goBack();
  await expect(page.locator('main[data-before-workshop]')).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(400);
  expect(errors).toEqual([]);
});

test("a trainer who has built a scenario opens it from the app's ワークショップ link, first in the workshop's menu; the prepared lessons stay", async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  const errors = await fresh(page, 'ja');
  const link = page.getByRole('link', { name: 'ワークショップ' });
  // The app's starting point: the prepared lesson, and the tooltip names it.
  await expect(link).toHaveAttribute('href', '#/workshop/marketing-too-strong');
  await expect(link).toHaveAttribute('title', '用意されたレッスン「マーケティング過多:ISが手薄でMQLが冷める」でワークショップを開きます');
  // A scenario of the trainer's own without a lesson: the prepared lesson, and the tooltip says why.
  const ownFile = { version: 2, name: '自社シナリオ', insideSales: { headcount: 6 } };
  await page.getByTestId('import-input').setInputFiles({ name: 'own.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(ownFile)) });
  const keep = page.getByRole('button', { name: '読み込む' });
  if (await keep.isVisible().catch(() => false)) await keep.click();
  await expect(link).toHaveAttribute('data-pick', 'noLesson');
  await expect(link).toHaveAttribute('href', '#/workshop/marketing-too-strong');
  await expect(link).toHaveAttribute('title', /^編集中のシナリオにはレッスン\(会場への問いと選択肢。ファイルの lesson 欄\)がないため、用意されたレッスン「マーケティング過多:ISが手薄でMQLが冷める」/);
  // A library file loaded as shipped (over the imported one, which the app asks about first): its own lesson.
  await page.getByLabel('シナリオを読み込む').selectOption('is-too-strong.json');
  await page.getByTestId('load-over-edits').getByRole('button').first().click();
  await expect(link).toHaveAttribute('href', '#/workshop/is-too-strong');
  await expect(link).toHaveAttribute('title', '読み込んだライブラリのシナリオ「IS過多:FSが手薄で商談が滞留する」でワークショップを開きます');
  // Edited, it is the trainer's own scenario: the link opens it, and the workshop's menu lists it first.
  await setField(page, 'field-insideSales-headcount', '9');
  await expect(link).toHaveAttribute('href', '#/workshop/current');
  await expect(link).toHaveAttribute('title', 'アプリで編集中のシナリオ「IS過多:FSが手薄で商談が滞留する」でワークショップを開きます');
  await link.click();
  const workshop = page.getByTestId('workshop');
  await expect(workshop.locator('h1')).toHaveText('IS過多:FSが手薄で商談が滞留する');
  const menu = workshop.locator('header select');
  await expect(menu).toHaveValue('current.json');
  await expect(menu.locator('option').first()).toHaveText('1. アプリで編集中');
  await page.screenshot({ path: 'artifacts/screenshots/trainer-workshop-current-ja-1024.png' });
  // The prepared lessons are all still there, after it.
  await expect(menu.locator('option')).toHaveCount(7);
  await menu.selectOption('marketing-too-strong.json');
  await expect(workshop.locator('h1')).toHaveText('マーケティング過多:ISが手薄でMQLが冷める');
  expect(await cutMenuNames(page)).toEqual([]);
  expect(errors).toEqual([]);
});
