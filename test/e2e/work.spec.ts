/**
 * Never lose the user's work (issue 14), in Chromium: a library scenario loaded
 * over edits keeps them (restorable now and after a reload), importing the same
 * file twice works without an error, and the figures of a stopped run are marked
 * partial wherever they are shown. Screenshots in Japanese at 1280x720.
 */
import { test, expect } from '@playwright/test';
import { fresh, setField, shot } from './helpers.ts';

test('a library scenario loaded over edits asks first, then keeps them: Restore brings them back, also after a reload', async ({ page }) => {
  const errors = await fresh(page, 'ja');
  await setField(page, 'field-insideSales-headcount', '7');
  await setField(page, 'field-fieldSales-headcount', '11');
  // A load over unsaved edits asks first; keeping them changes nothing.
  const ask = page.getByTestId('load-over-edits');
  await page.getByLabel('シナリオを読み込む').selectOption('marketing-too-strong.json');
  await expect(ask).toContainText('作業中のシナリオが置き換わります');
  await shot(page, 'work-load-asks-ja');
  await ask.getByRole('button', { name: '作業中の内容を残す' }).click();
  await expect(ask).toHaveCount(0);
  await expect(page.locator('#field-insideSales-headcount')).toHaveValue('7');
  // Asked again and confirmed, the scenario loads.
  await page.getByLabel('シナリオを読み込む').selectOption('marketing-too-strong.json');
  await ask.getByRole('button', { name: '読み込む' }).click();
  await expect(page.locator('#field-insideSales-headcount')).toHaveValue('4');
  // The load says what it kept and offers the edits back.
  const notice = page.getByTestId('last-edits-notice');
  await expect(notice).toContainText('ライブラリのシナリオで置き換えた編集を保管しています');
  // The scenario's lesson is shown where it is picked, in Japanese.
  await expect(page.getByTestId('scenario-lesson')).toContainText('MQLの約4割が一度も架電されないまま離脱');
  await shot(page, 'work-last-edits-ja');
  // A reload keeps the library scenario on screen, and the edits are still offered.
  await page.reload();
  await expect(page.locator('#field-insideSales-headcount')).toHaveValue('4');
  await expect(notice).toHaveCount(0);
  const kept = page.getByTestId('last-edits');
  await expect(kept).toContainText('ライブラリのシナリオ');
  await kept.getByRole('button', { name: '編集を元に戻す' }).click();
  await expect(page.locator('#field-insideSales-headcount')).toHaveValue('7');
  await expect(page.locator('#field-fieldSales-headcount')).toHaveValue('11');
  // Restored, there is nothing left to offer back.
  await expect(kept).toHaveCount(0);
  // Loading an unedited library scenario over another keeps nothing new: the kept edits stay those of before.
  await page.getByLabel('シナリオを読み込む').selectOption('startup.json');
  await ask.getByRole('button', { name: '読み込む' }).click();
  // An unedited library scenario replaced by another: nothing to lose, no question.
  await page.getByLabel('シナリオを読み込む').selectOption('baseline.json');
  await expect(ask).toHaveCount(0);
  await page.getByRole('button', { name: '閉じる' }).click();
  await page.getByTestId('last-edits').getByRole('button', { name: '編集を元に戻す' }).click();
  await expect(page.locator('#field-insideSales-headcount')).toHaveValue('7');
  expect(errors).toEqual([]);
});

test('importing the same file twice: fixed after a refusal, it loads; no console error; a file without warm-up is warned about', async ({ page }) => {
  const errors = await fresh(page, 'ja');
  const input = page.getByTestId('import-input');
  const file = (body: object) => ({ name: 'mini.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(body)) });
  await input.setInputFiles(file({ version: 1, insideSales: { headcount: -1 } }));
  await expect(page.getByTestId('import-errors')).toBeVisible();
  // Cleared at once: choosing the same file again fires a change in a real file dialog.
  await expect(input).toHaveValue('');
  await input.setInputFiles(file({ version: 1, name: 'Mini', insideSales: { headcount: 6 } }));
  await expect(page.locator('#field-insideSales-headcount')).toHaveValue('6');
  await expect(page.getByTestId('import-errors')).toHaveCount(0);
  await expect(input).toHaveValue('');
  // The file sets no warm-up: 0 days, unlike the library's 730, and the editor says so.
  await expect(page.locator('#field-warmupDays')).toHaveValue('0');
  await expect(page.getByTestId('warmup-zero')).toContainText('ウォームアップなし');
  await page.getByTestId('warmup-zero').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'artifacts/screenshots/work-warmup-zero-ja.png' });
  // The same file once more, over an edit: asked first, then loaded again, and the edit kept.
  await setField(page, 'field-insideSales-headcount', '8');
  await input.setInputFiles(file({ version: 1, name: 'Mini', insideSales: { headcount: 6 } }));
  await page.getByTestId('load-over-edits').getByRole('button', { name: '読み込む' }).click();
  await expect(page.locator('#field-insideSales-headcount')).toHaveValue('6');
  await expect(page.getByTestId('last-edits-notice')).toContainText('取り込んだファイル');
  expect(errors).toEqual([]);
});

test('after Stop, the figures are marked partial at the verdict, the flow picture, the charts and the KPI table', async ({ page }) => {
  await fresh(page, 'ja');
  // The baseline's 200 replications run at once; stop as soon as the first figures are drawn.
  await expect(page.getByTestId('flow')).toBeVisible();
  await page.getByRole('button', { name: '停止' }).click();
  await expect(page.locator('.status')).toHaveAttribute('data-status', 'stopped');
  const marks = page.getByTestId('partial-mark');
  await expect(marks).toHaveCount(4);
  const text = (await page.getByTestId('progress-text').textContent()) ?? '';
  const [, total, done] = /(\d+)回中(\d+)回/.exec(text) ?? [];
  expect(Number(done)).toBeLessThan(Number(total));
  for (const mark of await marks.all()) await expect(mark).toContainText(`途中の結果:${total}回中${done}回のみ`);
  await shot(page, 'work-partial-ja');
  // Run to the end: the markers go.
  await setField(page, 'field-replications', '20');
  await expect(page.locator('.status')).toHaveAttribute('data-status', 'done');
  await expect(marks).toHaveCount(0);
});
