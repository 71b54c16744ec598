/**
 * Issue 15 in the browser: a hiring plan built in the editor, its effect on the
 * queue, a plan imported from a file shown in the editor, every field reachable.
 */
import { expect, test } from '@playwright/test';
import { fresh, loadScenario, setField, shot, waitDone } from './helpers.ts';
import { parseNumberInput } from '../../src/i18n/numberInput.ts';

/** A number as the page shows it (1,000; 690万円). */
const read = (text: string, unit: 'plain' | 'yen' = 'plain') => {
  const n = parseNumberInput(text, unit);
  if (!n.ok) throw new Error(`not a number: ${text}`);
  return n.value;
};

const queueOf = async (page: import('@playwright/test').Page, dept: string) =>
  Number(await page.locator(`g.dept[data-dept="${dept}"]`).getAttribute('data-queue'));

test('a hiring plan built in the editor relieves the queue it targets', async ({ page }) => {
  const errors = await fresh(page, 'ja');
  await loadScenario(page, 'marketing-too-strong.json', '20');
  const before = await queueOf(page, 'insideSales');
  expect(before).toBeGreaterThan(50);

  const plan = page.getByTestId('plan-insideSales');
  await plan.locator('summary').first().click();
  await expect(page.getByTestId('plan-summary-insideSales')).toContainText('増減の予定なし');
  // Two hires: +3 from month 2 with no ramp, +2 from month 4 with IS's usual ramp.
  await plan.getByRole('button', { name: '+ 採用を追加' }).click();
  await plan.getByRole('button', { name: '+ 採用を追加' }).click();
  const rows = plan.getByTestId('hire-row');
  await expect(rows).toHaveCount(2);
  await rows.nth(0).locator('select[id$="-month"]').selectOption('2');
  await rows.nth(0).locator('input.change').fill('+3');
  await rows.nth(0).locator('input.change').press('Enter');
  await rows.nth(0).locator('select[id$="-ramp"]').selectOption('none');
  await rows.nth(1).locator('input.change').fill('2');
  await rows.nth(1).locator('input.change').press('Enter');
  const base = Number(await page.locator('#field-insideSales-headcount').inputValue());
  await expect(page.getByTestId('plan-summary-insideSales')).toContainText(`${base}人 → 365日目に${base + 5}人`);
  // An edit re-runs after a short pause, so 'done' may still be an earlier run's: wait until the figures are
  // those of the whole plan (the headcount chart beside it ends at the plan's paid heads), then for the run's end.
  const chart = plan.getByTestId('headcount-chart');
  await expect.poll(async () => Number(await chart.getAttribute('data-paid-end')), { timeout: 120_000 }).toBeCloseTo(base + 5, 6);
  await waitDone(page);
  expect(await queueOf(page, 'insideSales')).toBeLessThan(before / 2);
  // Productive heads ramp up to the paid ones.
  expect(Number(await chart.getAttribute('data-productive-end'))).toBeGreaterThan(base + 3);
  await shot(page, 'plan-editor-ja');
  // The editor scrolls inside its own column: a tall window shows the whole card.
  await page.setViewportSize({ width: 1280, height: 4000 });
  await page.locator('section.card.insideSales').screenshot({ path: 'artifacts/screenshots/plan-card-ja.png' });
  await page.setViewportSize({ width: 1280, height: 720 });
  expect(errors).toEqual([]);
});

test('a plan imported from a file appears in the editor, and every setting can be reached', async ({ page }) => {
  const errors = await fresh(page, 'ja');
  const file = { version: 1, name: 'Plan', insideSales: { headcount: 4 }, hiring: [
    { department: 'insideSales', day: 90, change: 4, rampDays: 95 },
    { department: 'fieldSales', day: 182, change: 3 },
  ] };
  await page.getByTestId('import-input').setInputFiles({ name: 'plan.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  const keep = page.getByRole('button', { name: '読み込む' });
  if (await keep.isVisible().catch(() => false)) await keep.click();
  await expect(page.getByTestId('plan-summary-insideSales')).toContainText('4人 → 365日目に8人');
  // A version 1 file is converted on opening, and the editor says so.
  await expect(page.getByTestId('migrated')).toContainText('バージョン1');
  await expect(page.getByTestId('plan-insideSales').getByTestId('hire-row')).toHaveCount(1);
  // Day 90 is no month's first day: it is shown as a day, not rounded to a month.
  await expect(page.getByTestId('plan-insideSales').locator('select[id$="-month"]')).toHaveValue('day');
  await expect(page.getByTestId('plan-fieldSales').getByTestId('hire-row')).toHaveCount(1);

  // Folded settings open and edit like the others: CS gross margin.
  await page.getByTestId('advanced-customerSuccess').locator('summary').click();
  await page.locator('#field-customerSuccess-grossMargin').fill('70');
  await page.locator('#field-customerSuccess-grossMargin').press('Enter');
  await expect(page.locator('#field-customerSuccess-grossMargin')).toHaveValue('70');

  // A segment that carries its own win rate overrides Field Sales' own, and the editor says so.
  await page.getByTestId('segments-card').locator('summary').click();
  await page.getByRole('button', { name: '+ セグメントを追加' }).click();
  await expect(page.getByTestId('overridden-field-fieldSales-winRate')).toHaveCount(0);
  await page.locator('#segments-0-winRate').fill('30');
  await page.locator('#segments-0-winRate').press('Enter');
  await expect(page.getByTestId('overridden-field-fieldSales-winRate')).toBeVisible();

  // Leads per month: the total of its parts, and typing a total sets the programme budget.
  const total = page.locator('#field-marketing-leadsPerMonth');
  const cpl = read(await page.locator('#field-marketing-costPerLeadYen').inputValue(), 'yen');
  const owned = read(await total.inputValue()) - read(await page.locator('#field-marketing-programBudgetYenPerMonth').inputValue(), 'yen') / cpl;
  await total.fill('1,000');
  await total.press('Enter');
  await expect(total).toHaveValue('1,000');
  const budget = read(await page.locator('#field-marketing-programBudgetYenPerMonth').inputValue(), 'yen');
  // Owned channels unchanged; the budget buys the rest (to the yen the field shows).
  expect(Math.abs(owned + budget / cpl - 1000)).toBeLessThan(1);
  await shot(page, 'plan-import-ja');
  expect(errors).toEqual([]);
});

test('the cost of waiting in yen: larger on Marketing too strong than on the baseline, and its steps sum to the difference it claims', async ({ page }) => {
  const errors = await fresh(page, 'ja');
  const waterfall = async () => {
    const wc = page.getByTestId('waiting-cost');
    const top = Number(await wc.getAttribute('data-top'));
    const end = Number(await wc.getAttribute('data-end'));
    const total = Number(await wc.getAttribute('data-total'));
    const steps = await wc.locator('g[data-value]').evaluateAll((gs) => gs.map((g) => Number(g.getAttribute('data-value'))));
    return { top, end, total, steps };
  };
  await loadScenario(page, 'baseline.json', '10');
  const base = await waterfall();
  // Loading over an edit (the replication count) asks first: open it.
  await page.getByLabel('シナリオを読み込む').selectOption('marketing-too-strong.json');
  await page.getByRole('button', { name: '読み込む' }).click();
  await setField(page, 'field-replications', '10');
  // The load's own run may still be replaced by the 10-replication one: wait for the new scenario's figures.
  await expect.poll(async () => Number(await page.getByTestId('waiting-cost').getAttribute('data-top'))).not.toBe(base.top);
  await waitDone(page);
  const strong = await waterfall();
  await page.getByTestId('waiting-cost').scrollIntoViewIfNeeded();
  await page.getByTestId('waiting-cost').screenshot({ path: 'artifacts/screenshots/waiting-cost-ja.png' });
  expect(strong.total).toBeGreaterThan(base.total);
  expect(strong.steps).toHaveLength(5);
  // The steps are the total, and the total is the drop from the top to the ARR reached.
  expect(Math.abs(strong.steps.reduce((a, b) => a + b, 0) - strong.total)).toBeLessThan(1e-6 * strong.top);
  expect(Math.abs(strong.top - strong.total - strong.end)).toBeLessThan(1e-6 * strong.top);
  // The verdict quotes the yen its department lost to waiting.
  await expect(page.locator('.verdict')).toContainText('億円');
  expect(errors).toEqual([]);
});
