/**
 * The workshop view (#/workshop) at a projector's 1920x1080, in Japanese: the
 * replay plays, pauses and steps, and at the end its counts equal the engine's
 * own result for that replication (computed here in the page, without the trace);
 * a lesson round marks the room's prediction on the distribution; before and
 * after start from the same leads. Screenshots of the replay mid-way, the reveal
 * and the debrief go to artifacts/screenshots.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { previewPort } from '../../playwright.config.ts';

test.use({ viewport: { width: 1920, height: 1080 } });

const value = async (page: Page, testid: string, scope = '[data-testid="replay-0"]') => Number(await page.locator(`${scope} [data-testid="${testid}"]`).getAttribute('data-value'));
const day = async (page: Page) => Number(await page.getByTestId('workshop').getAttribute('data-day'));

/** Every visible text in the workshop is at least 24 px. */
async function smallestText(page: Page): Promise<{ size: number; text: string }> {
  return page.evaluate(() => {
    let smallest = { size: Infinity, text: '' };
    const walker = document.createTreeWalker(document.querySelector('[data-testid="workshop"]')!, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim() ?? '';
      const el = n.parentElement!;
      if (!text || el.closest('option') || el.getClientRects().length === 0) continue;
      const size = parseFloat(getComputedStyle(el).fontSize) * (el.closest('svg') ? el.closest('svg')!.getBoundingClientRect().width / el.closest('svg')!.viewBox.baseVal.width : 1);
      if (size < smallest.size) smallest = { size, text };
    }
    return smallest;
  });
}

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

test('the replay plays, pauses, steps, and ends at the replication result', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/#/workshop/marketing-too-strong');
  const replay = page.getByTestId('replay-0');
  await expect(replay).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.locator('h1')).toHaveText(/マーケティング過多/);
  await expect(replay.getByText('インサイドセールス')).toBeVisible();

  // Play at a month a second, then pause: the clock moved and stays.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('workshop')).toHaveAttribute('data-playing', 'true');
  await expect.poll(() => day(page)).toBeGreaterThan(60);
  await page.keyboard.press('Space');
  await expect(page.getByTestId('workshop')).toHaveAttribute('data-playing', 'false');
  const paused = await day(page);
  await page.waitForTimeout(500);
  expect(await day(page)).toBe(paused);
  expect(await value(page, 'ws-won')).toBeGreaterThan(0);
  await expect(page.getByTestId('ws-clock')).toHaveText(/か月目・第\d+週/);
  await page.screenshot({ path: 'artifacts/screenshots/workshop-replay-mid.png' });
  const smallest = await smallestText(page);
  expect(smallest.size, `"${smallest.text}"`).toBeGreaterThanOrEqual(24);

  // A step is a week: to the next whole week, and back.
  await page.keyboard.press('ArrowRight');
  expect(await day(page)).toBe(Math.floor(paused / 7) * 7 + 7);
  await page.keyboard.press('ArrowLeft');
  expect(await day(page)).toBe(Math.floor(paused / 7) * 7);

  // The end: every count on screen is the replication's own result, computed here
  // by the engine without recording a trace.
  await page.keyboard.press('e');
  await expect(replay).toHaveAttribute('data-at-end', 'true');
  await expect(page.getByTestId('ws-clock')).toHaveText('1年後');
  const expected = await page.evaluate(async () => {
    // The dev server's own modules, imported by the page (a path held in a variable: the test's compiler does not resolve it).
    const root = '/';
    const { validateScenario } = (await import(root + 'src/scenario/validate.ts')) as typeof import('../../src/scenario/validate.ts');
    const { simulateRange } = (await import(root + 'src/runner/inline.ts')) as typeof import('../../src/runner/inline.ts');
    const draft = ((await import(root + 'scenarios/marketing-too-strong.json')) as { default: unknown }).default;
    const v = validateScenario(draft);
    if (!v.ok) throw new Error('invalid');
    const r = simulateRange(v.scenario, 0, 1)[0];
    return { won: r.funnel.won, lost: r.funnel.lost, churned: r.revenue.churnedAccounts, live: r.population.live, arr: r.revenue.arrEndYen };
  });
  expect(await value(page, 'ws-won')).toBe(expected.won);
  expect(await value(page, 'ws-churned')).toBe(expected.churned);
  expect(await value(page, 'ws-arr')).toBeCloseTo(expected.arr, 3);
  for (const [cause, n] of Object.entries(expected.lost)) expect(await value(page, `ws-lost-${cause}`), cause).toBe(n);
  for (const place of ['isQueue', 'isService', 'fsQueue', 'fsService', 'csQueue', 'csService'] as const) expect(await value(page, `ws-place-${place}`), place).toBe(expected.live[place]);
  expect(expected.lost.isAbandoned).toBeGreaterThan(0);
  expect(errors).toEqual([]);
});

test('a lesson round marks the prediction on the distribution, then replays, then debriefs', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/#/workshop/marketing-too-strong?mode=lesson&reps=6');
  await expect(page.getByTestId('ws-ask')).toBeVisible();
  await expect(page.getByTestId('ws-ask')).toContainText('マーケティングがリードを');
  // Enter without a prediction stays; 2 chooses "300 to 375".
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('workshop')).toHaveAttribute('data-stage', 'ask1');
  await page.keyboard.press('2');
  await expect(page.getByTestId('ws-choice-2')).toHaveClass(/chosen/);
  await page.keyboard.press('Enter');
  const figure = page.getByTestId('ws-distribution');
  await expect(figure).toBeVisible();
  await expect(figure).toHaveAttribute('data-count', '6');
  const mark = page.getByTestId('ws-prediction-mark');
  await expect(mark).toHaveAttribute('data-lo', '300');
  await expect(mark).toHaveAttribute('data-hi', '375');
  // The mark lies on the chart, where 300 to 375 is on its axis: between the bars' extremes or beside them.
  const [box, svg] = [await mark.boundingBox(), await figure.locator('svg').boundingBox()];
  expect(box!.x).toBeGreaterThanOrEqual(svg!.x);
  expect(box!.x + box!.width).toBeLessThanOrEqual(svg!.x + svg!.width + 1);
  expect(await figure.locator('rect[data-n]').evaluateAll((rs) => rs.reduce((n, r) => n + Number(r.getAttribute('data-n')), 0))).toBe(6);
  await page.screenshot({ path: 'artifacts/screenshots/workshop-reveal.png' });
  let smallest = await smallestText(page);
  expect(smallest.size, `"${smallest.text}"`).toBeGreaterThanOrEqual(24);

  // The replay of one of those years, then round 2 with the fix, then the debrief.
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('replay-0')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('ws-ask')).toContainText('ISを1人増やすと');
  await page.keyboard.press('3');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('ws-prediction-mark')).toHaveAttribute('data-lo', '375');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('replay-1')).toBeVisible();
  await page.keyboard.press('Enter');
  const debrief = page.getByTestId('ws-debrief');
  await expect(debrief).toContainText('O 事実');
  await expect(debrief).toContainText('D 行動');
  await page.screenshot({ path: 'artifacts/screenshots/workshop-debrief.png' });
  smallest = await smallestText(page);
  expect(smallest.size, `"${smallest.text}"`).toBeGreaterThanOrEqual(24);
  expect(errors).toEqual([]);
});

test('before and after start from the same leads and part ways', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/#/workshop/marketing-too-strong?mode=compare');
  const [before, after] = ['[data-testid="replay-0"]', '[data-testid="replay-1"]'];
  await expect(page.locator(after)).toBeVisible();
  await expect(page.locator(after)).toContainText('変更後:インサイドセールス +1名');
  // At the decision (day 0) every place holds the same leads on both sides.
  const places = ['marketing', 'nurture', 'isQueue', 'isService', 'fsQueue', 'fsService', 'csQueue', 'csService', 'customer'];
  for (const p of places) expect(await value(page, `ws-place-${p}`, after), p).toBe(await value(page, `ws-place-${p}`, before));
  expect(await value(page, 'ws-place-isQueue', before)).toBeGreaterThan(0);
  // One clock: a week's step moves both; at the end the hire has lost fewer MQLs uncalled.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('e');
  await expect(page.locator(before)).toHaveAttribute('data-at-end', 'true');
  await expect(page.locator(after)).toHaveAttribute('data-at-end', 'true');
  expect(await value(page, 'ws-lost-isAbandoned', after)).toBeLessThan(await value(page, 'ws-lost-isAbandoned', before));
  await page.screenshot({ path: 'artifacts/screenshots/workshop-before-after.png' });
  expect(errors).toEqual([]);
});

test("a trainer's own scenario with its own lesson gets a round (#/workshop/current)", async ({ page }) => {
  const errors = watchErrors(page);
  const startup = JSON.parse(readFileSync('scenarios/startup.json', 'utf8')) as { lesson: { question: { ja: string } } };
  const own = { ...startup, name: 'Our company', lesson: { ...startup.lesson, question: { ...startup.lesson.question, ja: 'わが社のこの1年の受注件数は?' } } };
  // The app keeps its working scenario in the browser: the workshop offers it after the library.
  await page.addInitScript((draft) => localStorage.setItem('funnel.draft.v1', draft), JSON.stringify(own));
  await page.goto('/#/workshop/current?mode=lesson&reps=4');
  await expect(page.getByTestId('ws-ask')).toContainText('わが社のこの1年の受注件数は?');
  await expect(page.locator('h1')).toHaveText('Our company');
  await page.keyboard.press('1');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('ws-distribution')).toHaveAttribute('data-count', '4');
  expect(errors).toEqual([]);
});

test('offline after the first visit, the workshop opens, replays and reveals (production build)', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: `http://127.0.0.1:${previewPort}`, viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto('/');
  await expect.poll(() => page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.active)), { timeout: 30_000 }).toBe(true);
  // A page is served by the service worker from its next load on (the first visit's page is not).
  await page.reload();
  await context.setOffline(true);
  await page.goto('/#/workshop/startup?mode=lesson&reps=4');
  await page.reload();
  await expect(page.getByTestId('ws-ask')).toBeVisible();
  await page.keyboard.press('1');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('ws-distribution')).toHaveAttribute('data-count', '4');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('replay-0')).toBeVisible();
  await page.keyboard.press('e');
  await expect(page.getByTestId('replay-0')).toHaveAttribute('data-at-end', 'true');
  expect(Number(await page.getByTestId('ws-won').getAttribute('data-value'))).toBeGreaterThan(0);
  expect(errors).toEqual([]);
  await context.close();
});
