/**
 * Precision instead of a count (issue 13): the run stops once ARR at the horizon
 * is within the chosen share at 95%, the status line shows the way there, the KPI
 * table gives each mean's ± and the result says what it rests on; while variants
 * are open every scenario runs its whole count, so the pairs stay whole.
 */
import { test, expect, type Page } from '@playwright/test';
import { fresh, setField, waitDone } from './helpers.ts';

/** The share in "±1.4%" as a number (1.4). */
const shareIn = (text: string) => Number(/±([\d.]+)%/.exec(text)?.[1] ?? NaN);

async function allDone(page: Page) {
  await expect(page.locator('[role="tab"] .spinner')).toHaveCount(0);
}

test('ARR within ±1% at 95%: the run stops before its count, says how far it got and what the figures rest on (Japanese)', async ({ page }) => {
  const errors = await fresh(page, 'ja');
  await waitDone(page);
  const rule = page.getByTestId('stop-rule');
  await expect(rule.locator('option')).toHaveText(['200回すべて実行', '期末ARR±0.5%で停止(最大200回)', '期末ARR±1%で停止(最大200回)', '期末ARR±2%で停止(最大200回)', '期末ARR±5%で停止(最大200回)']);
  await rule.selectOption('0.01');
  // While it runs: the count asked for is the most, and the precision so far is shown against the target.
  await expect(page.getByTestId('progress-text')).toContainText('最大200回中');
  await expect(page.getByTestId('precision-progress')).toContainText(/精度 ±[\d.]+% → 目標 ±1%/);
  await page.screenshot({ path: 'artifacts/screenshots/precision-running-ja.png' });
  await waitDone(page);
  const restsOn = page.getByTestId('rests-on');
  await expect(restsOn).toContainText('目標 ±1%');
  const text = (await restsOn.textContent()) ?? '';
  const m = /^(\d+)回の試行に基づく結果です。期末ARRが95%で±([\d.]+)%以内[(（]目標 ±1%[)）]に達した時点で停止しました。$/.exec(text);
  expect(m, text).not.toBeNull();
  const n = Number(m![1]);
  expect(n).toBeGreaterThanOrEqual(10);
  expect(n).toBeLessThan(200);
  expect(Number(m![2])).toBeLessThanOrEqual(1);
  await expect(page.getByTestId('progress-text')).toContainText(`${n}回中${n}回`);
  // The KPI table: ARR at the horizon's ± is the precision reached; a fixed input (CPL) has none.
  const arrRow = page.locator('table.kpi tr').filter({ hasText: '期末ARR' }).first();
  expect(shareIn((await arrRow.getByTestId('kpi-precision').textContent()) ?? '')).toBeCloseTo(Number(m![2]), 5);
  await expect(page.locator('table.kpi tr').filter({ hasText: 'CPL' }).getByTestId('kpi-precision')).toHaveText('–');
  await expect(page.locator('table.kpi thead')).toContainText('誤差(95%、平均比)');
  // Screenshots: the setting in the run card, and the KPI table with its ± column.
  await page.locator('#run-stop-rule').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'artifacts/screenshots/precision-setting-ja.png' });
  await page.locator('section.kpis').evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: 'artifacts/screenshots/precision-kpi-ja.png' });
  // The choice is a run option kept in the browser: after a reload the same run stops at the same count.
  await page.reload();
  await waitDone(page);
  await expect(page.getByTestId('stop-rule')).toHaveValue('0.01');
  await expect(page.getByTestId('rests-on')).toContainText(`${n}回の試行に基づく`);
  expect(errors).toEqual([]);
});

test('a variant makes the baseline run all its replications, so every pair is there; back to the count, no rests-on precision', async ({ page }) => {
  const errors = await fresh(page);
  await setField(page, 'field-replications', '40');
  await waitDone(page);
  await page.getByTestId('stop-rule').selectOption('0.02');
  await waitDone(page);
  await expect(page.getByTestId('rests-on')).toContainText('the run stopped once ARR at the horizon was within');
  const stoppedAt = Number(/Rests on (\d+)/.exec((await page.getByTestId('rests-on').textContent()) ?? '')?.[1]);
  expect(stoppedAt).toBeLessThan(40);
  await page.getByTestId('add-variant').selectOption('insideSalesDouble');
  await expect(page.getByTestId('stop-rule-comparing')).toBeVisible();
  await allDone(page);
  await expect(page.getByTestId('comparison')).toContainText('40 paired replications');
  await page.getByTestId('tab-0').click();
  await expect(page.getByTestId('rests-on')).toHaveText('Rests on 40 replications.');
  await page.getByTestId('stop-rule').selectOption('');
  await allDone(page);
  await expect(page.getByTestId('rests-on')).toHaveText('Rests on 40 replications.');
  expect(errors).toEqual([]);
});
