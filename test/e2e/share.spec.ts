/**
 * Sharing and keeping work in Chromium: a share link reproduces the same numbers
 * in a fresh browser context, a damaged link changes nothing, the CSV and chart
 * downloads, and the saved library across reloads.
 */
import { test, expect, type Browser, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fresh, loadScenario, setField, waitDone } from './helpers.ts';

/** What a reader compares: the verdict, the flow picture's numbers and the KPI table. */
async function numbers(page: Page): Promise<string> {
  const verdict = await page.getByTestId('verdict').textContent();
  const kpi = await page.locator('table.kpi').textContent();
  const flow = await page.locator('g.dept').evaluateAll((gs) => gs.map((g) => `${g.getAttribute('data-dept')}:${g.getAttribute('data-queue')}:${g.getAttribute('data-utilisation')}`).join(' '));
  return `${verdict}\n${kpi}\n${flow}`;
}

async function shareLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const manual = page.getByTestId('share-url');
  const notice = page.getByTestId('link-notice');
  await expect(manual.or(notice)).toBeVisible();
  if (await manual.isVisible()) return manual.inputValue();
  return page.evaluate('navigator.clipboard.readText()') as Promise<string>;
}

async function openInFreshContext(browser: Browser, url: string) {
  const context = await browser.newContext({ baseURL: `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}` });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript("localStorage.setItem('funnel.lang', 'en')");
  await page.goto(url);
  return { context, page, errors };
}

test('a share link opened in a fresh browser context reproduces the same numbers', async ({ page, browser, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await fresh(page);
  await setField(page, 'field-fieldSales-headcount', '9');
  await setField(page, 'field-seed', 'shared-link');
  await setField(page, 'field-replications', '24');
  await waitDone(page);
  const mine = await numbers(page);
  const url = await shareLink(page);
  expect(url).toMatch(/#s=s1\./);
  const other = await openInFreshContext(browser, url);
  await expect(other.page.getByTestId('link-notice')).toContainText('Opened the scenario from the link');
  await expect(other.page.locator('#field-fieldSales-headcount')).toHaveValue('9');
  await waitDone(other.page);
  expect(await numbers(other.page)).toBe(mine);
  // The fragment is consumed: a reload keeps the scenario (autosaved) without re-opening the link.
  expect(other.page.url()).not.toContain('#s=');
  expect(other.errors).toEqual([]);
  await other.context.close();
});

test('a comparison link opens the baseline and its variants in a fresh browser context, with the same differences', async ({ page, browser, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await fresh(page);
  await loadScenario(page, 'marketing-too-strong.json', '24');
  await page.getByTestId('add-variant').selectOption('insideSalesDouble');
  await expect(page.locator('[role="tab"] .spinner')).toHaveCount(0);
  const table = page.getByTestId('comparison').locator('table');
  await expect(page.getByTestId('delta-1-arrEndYen')).toBeVisible();
  const mine = await table.textContent();
  const url = await shareLink(page);
  expect(url).toMatch(/#s=s2\./);
  const other = await openInFreshContext(browser, url);
  await expect(other.page.getByTestId('link-notice')).toContainText('Opened the comparison from the link: the baseline and 1 variant.');
  await expect(other.page.getByTestId('tab-1')).toContainText('IS ×2');
  await expect(other.page.locator('#field-insideSales-headcount')).toHaveValue('4');
  await expect(other.page.locator('[role="tab"] .spinner')).toHaveCount(0);
  await expect(other.page.getByTestId('delta-1-arrEndYen')).toBeVisible();
  expect(await other.page.getByTestId('comparison').locator('table').textContent()).toBe(mine);
  expect(other.errors).toEqual([]);
  await other.context.close();
});

test('a truncated or tampered link shows an error and changes nothing', async ({ page, browser, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await fresh(page);
  await setField(page, 'field-fieldSales-headcount', '9');
  await setField(page, 'field-replications', '10');
  const url = await shareLink(page);
  const at = url.indexOf('#s=') + 3;
  const body = url.slice(at);
  const flip = (c: string) => (c === 'A' ? 'B' : 'A');
  const mid = Math.floor(body.length / 2);
  for (const broken of [url.slice(0, at + mid), url.slice(0, at) + body.slice(0, mid) + flip(body[mid]) + body.slice(mid + 1)]) {
    const other = await openInFreshContext(browser, broken);
    await expect(other.page.getByTestId('link-notice')).toContainText('The link could not be opened; nothing was changed');
    // The fresh context's working scenario is still the default baseline.
    await expect(other.page.locator('#field-fieldSales-headcount')).toHaveValue('13');
    await other.page.screenshot({ path: 'artifacts/screenshots/broken-link.png' });
    await other.context.close();
  }
});

test('CSV export: UTF-8 with a BOM, Japanese labels intact; chart export as SVG and PNG', async ({ page }) => {
  await fresh(page, 'ja');
  await setField(page, 'field-replications', '10');
  await waitDone(page);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSVを書き出す' }).click()]);
  const bytes = readFileSync((await csv.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8');
  expect(text).toContain('インサイドセールス');
  expect(text).toContain('中央値');
  const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /ARRの推移.*SVG/ }).first().click()]);
  const svgText = readFileSync((await svg.path())!, 'utf8');
  expect(svgText).toMatch(/^<\?xml/);
  expect(svgText).toContain('ARRの推移');
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /ARRの推移.*PNG/ }).first().click()]);
  const pngBytes = readFileSync((await png.path())!);
  expect([...pngBytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  expect(pngBytes.length).toBeGreaterThan(5000);
});

test('the saved library: save, reload, open, rename and delete a scenario; save and reopen a comparison', async ({ page }) => {
  page.on('dialog', (d) => void d.accept());
  await fresh(page);
  await setField(page, 'field-fieldSales-headcount', '9');
  await setField(page, 'field-replications', '10');
  // The Saved panel is folded to one line until opened (then it stays open across reloads).
  await page.getByTestId('saved').locator('summary').click();
  await page.getByTestId('save-name').fill('FS nine');
  await page.getByRole('button', { name: 'Save scenario' }).click();
  const item = page.locator('[data-testid="saved-item"][data-name="FS nine"]');
  await expect(item).toHaveCount(1);
  await page.reload();
  await expect(item).toHaveCount(1);
  await setField(page, 'field-fieldSales-headcount', '5');
  await expect(page.locator('#field-fieldSales-headcount')).toHaveValue('5');
  await page.locator('#field-fieldSales-headcount').blur();
  await item.getByRole('button', { name: 'Open' }).click();
  // The edit (5) is saved nowhere: the app asks before replacing it.
  await page.getByTestId('load-over-edits').getByRole('button', { name: 'Open it' }).click();
  await expect(page.getByTestId('saved-message')).toContainText('FS nine');
  await expect(page.locator('#field-fieldSales-headcount')).toHaveValue('9');
  await item.getByRole('button', { name: 'Rename' }).click();
  await item.getByRole('textbox').fill('FS 9 people');
  await item.getByRole('button', { name: 'OK' }).click();
  const renamed = page.locator('[data-testid="saved-item"][data-name="FS 9 people"]');
  await expect(renamed).toHaveCount(1);
  // The same name twice is refused with a message, not overwritten, until the user asks to replace it.
  await setField(page, 'field-fieldSales-headcount', '7');
  await page.getByTestId('save-name').fill('FS 9 people');
  await page.getByRole('button', { name: 'Save scenario' }).click();
  await expect(page.getByTestId('saved-message')).toContainText('“FS 9 people” already exists');
  await expect(page.locator('[data-testid="saved-item"]')).toHaveCount(1);
  await page.getByRole('button', { name: 'Replace the saved "FS 9 people"' }).click();
  await expect(page.getByTestId('saved-message')).toContainText('replaced "FS 9 people"');
  await expect(page.locator('[data-testid="saved-item"]')).toHaveCount(1);
  await setField(page, 'field-fieldSales-headcount', '5');
  await page.locator('#field-fieldSales-headcount').blur();
  await renamed.getByRole('button', { name: 'Open' }).click();
  await page.getByTestId('load-over-edits').getByRole('button', { name: 'Open it' }).click();
  await expect(page.locator('#field-fieldSales-headcount')).toHaveValue('7');
  // A comparison: the baseline and a variant.
  await page.getByTestId('add-variant').selectOption('customerSuccessPlus50');
  await page.getByTestId('save-name').fill('CS plan');
  await page.getByRole('button', { name: 'Save comparison' }).click();
  await page.getByRole('button', { name: 'Remove variant CS +50%' }).click();
  await expect(page.getByTestId('tab-1')).toHaveCount(0);
  await page.reload();
  await page.locator('[data-testid="saved-item"][data-name="CS plan"]').getByRole('button', { name: 'Open' }).click();
  await expect(page.getByTestId('tab-1')).toContainText('CS +50%');
  await page.screenshot({ path: 'artifacts/screenshots/saved-library.png' });
  await renamed.getByRole('button', { name: 'Delete' }).click();
  await expect(renamed).toHaveCount(0);
  await page.reload();
  await expect(renamed).toHaveCount(0);
  await expect(page.locator('[data-testid="saved-item"][data-name="CS plan"]')).toHaveCount(1);
});

test('a damaged saved library is shown, kept, downloadable, and discarded only on request', async ({ page }) => {
  page.on('dialog', (d) => void d.accept());
  await fresh(page);
  await page.evaluate(() => localStorage.setItem('funnel.library.v1', '{"format": "funnel-library", "items": [trunc'));
  await page.reload();
  const saved = page.getByTestId('saved');
  await expect(saved.getByRole('alert').first()).toContainText('The saved library could not be read');
  // Saving over it is refused: the damaged value is still there.
  await page.getByTestId('save-name').fill('Plan A');
  await page.getByRole('button', { name: 'Save scenario' }).click();
  await expect(page.getByTestId('saved-message')).toContainText('Nothing was changed: see the problem above.');
  await expect(saved.getByText('could not be read')).toHaveCount(1);
  expect(await page.evaluate(() => localStorage.getItem('funnel.library.v1'))).toBe('{"format": "funnel-library", "items": [trunc');
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the unreadable data' }).click()]);
  expect(readFileSync((await file.path())!, 'utf8')).toBe('{"format": "funnel-library", "items": [trunc');
  await page.screenshot({ path: 'artifacts/screenshots/saved-library-damaged.png' });
  await page.getByRole('button', { name: 'Discard it' }).click();
  await expect(page.getByTestId('saved-message')).toContainText('the unreadable data was discarded');
  await page.getByTestId('save-name').fill('Plan A');
  await page.getByRole('button', { name: 'Save scenario' }).click();
  await expect(page.locator('[data-testid="saved-item"][data-name="Plan A"]')).toHaveCount(1);
  await expect(saved.getByText('could not be read')).toHaveCount(0);
});
