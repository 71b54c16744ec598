/**
 * Issue 15's last parts in the browser: a department of half a person entered in
 * the editor and drawn as such in the flow picture; a start date for the plan, a
 * hire entered by its date, seen in the plan and on the headcount chart's axis.
 */
import { expect, test } from '@playwright/test';
import { fresh, setField, shot, waitDone } from './helpers.ts';

test('half a person in Inside Sales is drawn as 0.5 (兼任); a hire by date shows in the plan and the chart', async ({ page }) => {
  const errors = await fresh(page, 'ja');
  await setField(page, 'field-replications', '8');
  await waitDone(page);

  // Half a person: the editor takes 0.5, and the flow picture says so.
  await setField(page, 'field-insideSales-headcount', '0.5');
  await expect(page.locator('#field-insideSales-headcount')).toHaveValue('0.5');
  const heads = page.getByTestId('heads-insideSales');
  await expect(heads).toContainText('0.5');
  await expect(heads).toContainText('(兼任)');
  await expect(page.locator('g.dept[data-dept="insideSales"]')).toHaveAttribute('data-headcount', '0.5');
  await expect(page.getByTestId('fte-fill-insideSales')).toBeVisible();
  // Whole departments are drawn as before.
  await expect(page.getByTestId('heads-fieldSales')).not.toContainText('兼任');
  await waitDone(page);
  await shot(page, 'fte-flow-ja');

  // The date of day 0, then a half-time hire entered by its date.
  await page.locator('#field-startDate').fill('2027-04-01');
  await page.locator('#field-startDate').dispatchEvent('change');
  await expect(page.locator('#field-marketing-startMonth')).toHaveValue('4');
  const plan = page.getByTestId('plan-insideSales');
  await plan.locator('summary').first().click();
  await plan.getByRole('button', { name: '+ 採用を追加' }).click();
  const row = plan.getByTestId('hire-row');
  await expect(row).toHaveCount(1);
  const date = row.getByTestId('hire-date');
  await date.fill('2027-07-01');
  await date.dispatchEvent('change');
  await expect(date).toHaveAttribute('data-day', '91');
  await row.locator('input.change').fill('+0.5');
  await row.locator('input.change').press('Enter');
  await expect(page.getByTestId('plan-summary-insideSales')).toContainText('0.5人 → 2028年3月31日に1人');

  // The run of this plan: the chart ends at one paid person, and its axis names months with their year.
  const chart = plan.getByTestId('headcount-chart');
  await expect.poll(async () => Number(await chart.getAttribute('data-paid-end')), { timeout: 120_000 }).toBeCloseTo(1, 6);
  await waitDone(page);
  const ticks = chart.getByTestId('heads-month-tick');
  await expect(ticks.first()).toHaveText('2027年4月');
  await expect(ticks.nth(1)).toHaveText('2027年7月');
  await expect(ticks.last()).toHaveText('2028年1月');
  // After a reload the plan keeps its date (the working scenario is saved).
  await shot(page, 'fte-plan-dates-ja');
  await page.setViewportSize({ width: 1280, height: 4000 });
  await page.locator('section.card.insideSales').screenshot({ path: 'artifacts/screenshots/fte-plan-card-ja.png' });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.reload();
  await expect(page.getByTestId('plan-insideSales').getByTestId('hire-date')).toHaveValue('2027/07/01');
  expect(errors).toEqual([]);
});
