/**
 * Numbers as Japanese business people type and read them: 15億, 1,500,000,000
 * and full-width ３０ are accepted; a wrong value gets a message in the UI's
 * language naming the field; a comparison of a trivial change reads "about the same".
 */
import { test, expect, type Page } from '@playwright/test';
import { fresh, setField, shot, waitDone } from './helpers.ts';

async function allDone(page: Page) {
  await expect(page.locator('[role="tab"] .spinner')).toHaveCount(0);
}

test('15億, 1,500,000,000 and ３０ are accepted and shown as they are read', async ({ page }) => {
  const errors = await fresh(page, 'ja');
  await setField(page, 'field-replications', '20');
  await waitDone(page);
  const target = page.locator('#field-targets-arrYen');
  await setField(page, 'field-targets-arrYen', '15億');
  await expect(target).toHaveValue('15億');
  await expect(page.getByTestId('invalid-note')).toHaveCount(0);
  await setField(page, 'field-targets-arrYen', '1,500,000,000');
  await expect(target).toHaveValue('15億');
  await setField(page, 'field-targets-arrYen', '11億5000万円');
  await expect(target).toHaveValue('11億5,000万');
  await setField(page, 'field-insideSales-sqlRate', '３０');
  await expect(page.locator('#field-insideSales-sqlRate')).toHaveValue('30');
  await setField(page, 'field-marketing-costPerLeadYen', '１５，０００円');
  await expect(page.locator('#field-marketing-costPerLeadYen')).toHaveValue('15,000');
  await expect(page.locator('.field.invalid')).toHaveCount(0);
  await waitDone(page);
  // The KPI table keeps the significant digits of CPL: 1.5万円, not 2万円.
  await expect(page.locator('table').filter({ hasText: 'CPL' }).first()).toContainText('1.5万円');
  await shot(page, 'numbers-editor-ja');
  await page.locator('#field-marketing-costPerLeadYen').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'artifacts/screenshots/numbers-editor-yen-ja.png' });
  await page.locator('#field-targets-arrYen').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'artifacts/screenshots/numbers-editor-run-ja.png' });
  expect(errors).toEqual([]);
});

test('a wrong value in Japanese: a Japanese message naming the field, and the text kept', async ({ page }) => {
  await fresh(page, 'ja');
  await setField(page, 'field-replications', '20');
  await waitDone(page);
  await setField(page, 'field-insideSales-sqlRate', '150');
  await expect(page.locator('.field.invalid').getByRole('alert')).toHaveText('商談化率は0〜100%で入力してください。');
  await setField(page, 'field-targets-arrYen', '15億くらい');
  const alert = page.locator('.field.invalid').filter({ has: page.locator('#field-targets-arrYen') }).getByRole('alert');
  await expect(alert).toHaveText('「15億くらい」は数として読めません。ARR目標は0以上の数で入力してください。');
  await expect(alert).not.toContainText('targets');
  await expect(page.locator('#field-targets-arrYen')).toHaveValue('15億くらい');
  await expect(page.getByTestId('invalid-note')).toBeVisible();
  await page.locator('#field-insideSales-sqlRate').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'artifacts/screenshots/numbers-invalid-field-ja.png' });
  await shot(page, 'numbers-invalid-ja');
});

test('a trivial change reads "about the same", with its cost beside it', async ({ page }) => {
  const errors = await fresh(page, 'ja');
  await setField(page, 'field-replications', '40');
  await waitDone(page);
  // A variant that only raises the ARR target: the simulation is unchanged, every pair ties.
  await page.getByTestId('add-variant').selectOption('copy');
  await setField(page, 'field-targets-arrYen', '20億');
  await allDone(page);
  const arr = page.getByTestId('delta-1-arrEndYen');
  await expect(arr).toHaveAttribute('data-reading', 'same');
  await expect(arr).toContainText('ほぼ同じ');
  await expect(arr).toContainText('同じ100%');
  await expect(page.getByTestId('delta-1-won')).toHaveAttribute('data-reading', 'same');
  await expect(page.getByTestId('summary-1')).toContainText('ARRはほぼ同じです');
  await expect(page.getByTestId('comparison')).toContainText('95%の確率でこの範囲');
  // The method is in a fold, not in the main text.
  await expect(page.locator('.comparison > .help')).not.toContainText('制御変量');
  await expect(page.locator('details.method')).toContainText('共通乱数');
  expect(errors).toEqual([]);
});

test('IS ×2 on the baseline: its cost beside a small ARR change; the comparison screenshot', async ({ page }) => {
  await fresh(page, 'ja');
  await setField(page, 'field-replications', '40');
  await waitDone(page);
  await page.getByTestId('add-variant').selectOption('insideSalesDouble');
  await allDone(page);
  await expect(page.getByTestId('delta-1-costYen')).toHaveAttribute('data-reading', 'worse');
  await expect(page.getByTestId('summary-1')).toContainText('追加コスト');
  await page.getByTestId('tab-0').click();
  await page.getByTestId('comparison').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'artifacts/screenshots/numbers-comparison-ja.png' });
  console.log('IS x2 ARR reading:', await page.getByTestId('delta-1-arrEndYen').getAttribute('data-reading'), await page.getByTestId('summary-1').textContent());
});
