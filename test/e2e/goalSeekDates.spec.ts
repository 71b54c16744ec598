/**
 * Goal-seek with the date of day 0, in Japanese at 1280x720: the plan and the hiring
 * calendar give dates with the day of the plan beside them, and the Gantt-like chart's
 * axis is months (年月), day 0 named under it. A screenshot of the panel, looked at.
 */
import { test, expect } from '@playwright/test';
import { fresh, loadScenario, waitDone } from './helpers.ts';

test('目標逆算(日付あり): 採用カレンダーは日付と日目、チャートの軸は年月で表示される', async ({ page }) => {
  test.setTimeout(900_000);
  const errors = await fresh(page, 'ja');
  await loadScenario(page, 'startup.json', '40');
  await page.locator('#field-startDate').fill('2027-04-01');
  await page.locator('#field-startDate').dispatchEvent('change');
  await waitDone(page);
  const panel = page.getByTestId('goal-seek');
  await panel.scrollIntoViewIfNeeded();
  await page.locator('#goal-seek-target').fill('1.3億');
  await page.locator('#goal-seek-bound').fill('2');
  await panel.getByRole('button', { name: '計画を探す' }).click();
  const outcome = page.getByTestId('goal-seek-outcome');
  await expect(outcome).toBeVisible({ timeout: 840_000 });
  const calendar = page.getByTestId('goal-seek-calendar');
  await expect(calendar).toContainText('求人を出す期限(日付・日目)');
  await expect(calendar.getByTestId('calendar-open-by').first()).toHaveText(/^\d{4}年\d{1,2}月\d{1,2}日 \(-?\d+\)$/);
  // The plan's start is a month (「2027年7月から」), its date beside it.
  await expect(page.getByTestId('goal-seek-plan').locator('tbody tr').first().locator('td').nth(1)).toHaveText(/^\d{4}年\d{1,2}月から \(\d{4}年\d{1,2}月\d{1,2}日\)$/);
  const ticks = page.getByTestId('goal-seek-gantt').getByTestId('gantt-tick');
  expect(await ticks.count()).toBeGreaterThanOrEqual(3);
  // Quarters of the period: the first tick is the month of day 0 (April), then every third month.
  await expect(ticks.filter({ hasText: /^2027年4月$/ })).toHaveCount(1);
  for (const t of await ticks.allTextContents()) expect(t).toMatch(/^\d{4}年\d{1,2}月$/);
  await expect(page.getByTestId('goal-seek-gantt')).toContainText('月(0日目:2027年4月1日)');
  await page.getByTestId('goal-seek-gantt').scrollIntoViewIfNeeded();
  await panel.screenshot({ path: 'artifacts/screenshots/goalseek-dates-ja-panel.png' });
  await page.screenshot({ path: 'artifacts/screenshots/goalseek-dates-ja.png' });
  expect(errors).toEqual([]);
});
