/**
 * What-ifs in Chromium: a one-click variant, its paired delta against the
 * baseline, removing it, and the next best hire with the bottleneck's migration.
 */
import { test, expect, type Page } from '@playwright/test';
import { fresh, loadScenario, shot } from './helpers.ts';

/** Waits until every tab has finished its run. */
async function allDone(page: Page) {
  await expect(page.locator('[role="tab"] .spinner')).toHaveCount(0);
}

test('IS ×2 as a one-click variant: its own tab, the paired ARR delta with its interval, the overlay; removing it ends the comparison', async ({ page }) => {
  const errors = await fresh(page);
  await loadScenario(page, 'marketing-too-strong.json', '30');
  await page.getByTestId('add-variant').selectOption('insideSalesDouble');
  await expect(page.getByTestId('tab-1')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('tab-1')).toContainText('IS ×2');
  // The variant is an ordinary scenario: the editor shows its doubled headcount.
  await expect(page.locator('#field-insideSales-headcount')).toHaveValue('8');
  await allDone(page);
  const cell = page.getByTestId('delta-1-arrEndYen');
  await expect(cell).toBeVisible();
  const mean = Number(await cell.getAttribute('data-mean'));
  expect(Number.isFinite(mean) && mean !== 0).toBe(true);
  await expect(cell).toContainText('95% range');
  await expect(cell).toContainText('Better in');
  await expect(page.getByTestId('comparison')).toContainText('30 paired replications');
  // Too few pairs for control variates: the help line says what more replications would give.
  await expect(page.getByTestId('comparison')).toContainText('With 36 or more replications the estimate would also take out');
  await expect(page.locator('[data-testid="chart-delta"] circle')).toHaveCount(1);
  await expect(page.locator('#chart-overlay-title')).toBeVisible();
  // The baseline tab: the editor is back on four IS reps.
  await page.getByTestId('tab-0').click();
  await expect(page.locator('#field-insideSales-headcount')).toHaveValue('4');
  await page.getByTestId('comparison').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'artifacts/screenshots/comparison.png' });
  await shot(page, 'comparison-top');
  await page.getByRole('button', { name: 'Remove variant IS ×2' }).click();
  await expect(page.getByTestId('comparison')).toHaveCount(0);
  expect(errors).toEqual([]);
});

const HIRES = [
  ['marketing-too-strong.json', 'insideSales', 'Inside Sales'],
  ['is-too-strong.json', 'fieldSales', 'Field Sales'],
  ['fs-too-strong.json', 'customerSuccess', 'Customer Success'],
] as const;

for (const [file, department, name] of HIRES) {
  test(`next best hire names ${name} for ${file}, and where the bottleneck goes after`, async ({ page }) => {
    const errors = await fresh(page);
    await loadScenario(page, file, '30');
    await page.getByRole('button', { name: 'Find the next best hire' }).click();
    await expect(page.getByTestId('hire-1')).toHaveAttribute('data-department', department, { timeout: 120_000 });
    await expect(page.getByTestId('next-hire')).toContainText(`Bottleneck now: ${name}`);
    await expect(page.getByTestId('next-hire')).toContainText(`After the best hire (+1 ${name})`);
    // The ranking's pairs: every replication of the baseline's run.
    await expect(page.getByTestId('next-hire-rests')).toHaveText('Rests on 30 replications.');
    // Once known, the paired hire values decide the verdict at the top, and it says so.
    await expect(page.getByTestId('verdict')).toContainText(`${name} is the bottleneck`);
    await expect(page.getByTestId('verdict')).toContainText(`Decided by the next best hire: one more person in ${name} adds +`);
    await page.getByTestId('next-hire').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `artifacts/screenshots/next-hire-${department}.png` });
    expect(errors).toEqual([]);
  });
}
