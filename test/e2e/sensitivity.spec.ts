/**
 * Sensitivity in Chromium, in Japanese: run on demand, bars appear as each input's
 * pair finishes, then the finished tornado sorted by swing with a sentence naming
 * the input on top; screenshot at 1280x720.
 */
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fresh, loadScenario } from './helpers.ts';
import { goalSeekText } from '../../src/i18n/goalSeekMessages.ts';
import type { SensitivityInput } from '../../src/experiments/sensitivity.ts';

test('感度分析: 棒が項目ごとに現れ、振れ幅の大きい順に並び、最上位の入力を一文で名指しする', async ({ page }) => {
  test.setTimeout(600_000);
  const errors = await fresh(page, 'ja');
  await loadScenario(page, 'baseline.json', '12');
  const panel = page.getByTestId('sensitivity');
  await panel.scrollIntoViewIfNeeded();
  await expect(panel.getByRole('heading', { name: '感度分析: 期末ARRを動かすのは何か' })).toBeVisible();
  await panel.getByRole('button', { name: '感度を調べる' }).click();
  await expect(page.getByTestId('sensitivity-progress')).toContainText('試算中');

  // Partial answers: the first bar is drawn while the other inputs still run, and the sentence says so.
  const bars = page.getByTestId('tornado-bar');
  await expect(bars.first()).toBeVisible({ timeout: 300_000 });
  const reading = page.getByTestId('sensitivity-reading');
  await expect(reading).toContainText(/^これまでの\d\/10項目では、/);
  // Stop keeps the bars finished so far; running again keeps them and runs only the rest.
  await panel.getByRole('button', { name: '停止' }).click();
  await expect(panel).toContainText('中止しました。終わった項目を表示します。');
  const kept = await bars.count();
  expect(kept).toBeGreaterThan(0);
  expect(kept).toBeLessThan(10);
  const keptInputs = await bars.evaluateAll((els) => els.map((e) => e.getAttribute('data-input')));
  await panel.getByRole('button', { name: '感度を調べる' }).click();
  await expect(page.getByTestId('sensitivity-progress')).toContainText(`10項目中${kept}項目が完了`);
  expect(await bars.count()).toBeGreaterThanOrEqual(kept);

  // The finished tornado: ten bars, largest swing on top, resting on 12 paired replications.
  await expect(page.getByTestId('sensitivity-progress')).toHaveCount(0, { timeout: 540_000 });
  await expect(bars).toHaveCount(10);
  expect(await bars.evaluateAll((els) => els.map((e) => e.getAttribute('data-input')))).toEqual(expect.arrayContaining(keptInputs));
  const swings = await bars.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-swing'))));
  expect(swings.every(Number.isFinite)).toBe(true);
  expect(swings).toEqual([...swings].sort((a, b) => b - a));
  expect(swings[0]).toBeGreaterThan(0);
  const top = (await bars.first().getAttribute('data-input')) as SensitivityInput;
  await expect(reading).toHaveAttribute('data-top', top);
  await expect(reading).not.toContainText('これまで');
  await expect(reading).toContainText(goalSeekText('ja', `sens.${top}`));
  await expect(panel).toContainText('各試算12回の対の試行に基づきます');
  // Head counts are labelled by their people, the other inputs by their share.
  await expect(panel.locator('[data-input="insideSales.headcount"] text.label')).toHaveText(/^IS人数 \d+→\d+ \/ \d+$/);
  await expect(panel.locator('[data-input="insideSales.sqlRate"] text.label')).toHaveText('商談化率 ±10%');

  // The chart exports like the others, titled.
  const [svgFile] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: /SVG/ }).click()]);
  expect(readFileSync((await svgFile.path())!, 'utf8')).toContain('期末ARRの感度(トルネード図)');

  await page.getByTestId('sensitivity-reading').scrollIntoViewIfNeeded();
  await panel.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: 'artifacts/screenshots/sensitivity-ja.png' });
  expect(errors).toEqual([]);
});
