/**
 * The app in Chromium: it loads cleanly, runs, shows the bottleneck, reacts to
 * edits, keeps results through invalid input, imports, switches language and
 * survives a reload. Screenshots of the main states go to artifacts/screenshots.
 */
import { test, expect } from '@playwright/test';
import { fresh, loadScenario, setField, shot, waitDone } from './helpers.ts';

test('the baseline loads with no console errors, runs, and fills the flow picture and the charts', async ({ page }) => {
  const errors = await fresh(page);
  await setField(page, 'field-replications', '40');
  await waitDone(page);
  await expect(page.getByTestId('verdict')).toContainText('Lead volume from Marketing limits the funnel');
  // The library's two-year warm-up is a steady state: no notice.
  await expect(page.getByTestId('warmup-notice')).toHaveCount(0);
  await expect(page.locator('g.dept')).toHaveCount(4);
  for (const id of ['chart-queue', 'chart-arr']) {
    const points = Number(await page.locator(`#${id}-title ~ svg`).getAttribute('data-points'));
    expect(points).toBeGreaterThan(10);
  }
  // 18 KPIs, then ARR at the horizon, bookings, total cost, ARR per person of each of the 4 departments and the IS:FS ratio (issue 15).
  await expect(page.locator('table.kpi tbody tr')).toHaveCount(26);
  await expect(page.getByTestId('is-fs-ratio')).toContainText('1 : 2.6');
  await expect(page.getByTestId('target-probability')).toContainText('Probability of reaching the target');
  await shot(page, 'baseline-1280x720');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await shot(page, 'baseline-1920x1080');
  expect(errors).toEqual([]);
});

test('a warm-up too short for a steady state is said under the verdict', async ({ page }) => {
  await fresh(page);
  await setField(page, 'field-replications', '40');
  await setField(page, 'field-warmupDays', '365');
  await waitDone(page);
  // One year does not fill the nurture pool: MQLs per week still rise through the reported year.
  await expect(page.getByTestId('warmup-notice')).toContainText('Not a steady state after the 365-day warm-up: MQLs per week rose');
  await shot(page, 'warmup-notice');
});

test('Marketing too strong: raising Inside Sales headcount lowers the IS queue and the went-cold count', async ({ page }) => {
  await fresh(page);
  await loadScenario(page, 'marketing-too-strong.json');
  await expect(page.getByTestId('verdict')).toContainText('Inside Sales is the bottleneck');
  // The verdict quotes what its department's waiting cost, in yen.
  await expect(page.getByTestId('verdict')).toContainText(/¥[\d.,]+[MB]? of ARR lost to waiting/);
  const is = page.locator('g.dept[data-dept="insideSales"]');
  const queueBefore = Number(await is.getAttribute('data-queue'));
  const coldBefore = Number(await page.getByTestId('leak-isCold').getAttribute('data-value'));
  await shot(page, 'marketing-too-strong');
  await setField(page, 'field-insideSales-headcount', '14');
  await expect(page.locator('.status')).toHaveAttribute('data-status', 'running');
  await waitDone(page);
  const queueAfter = Number(await is.getAttribute('data-queue'));
  const coldAfter = Number((await page.getByTestId('leak-isCold').count()) ? await page.getByTestId('leak-isCold').getAttribute('data-value') : 0);
  expect(queueBefore).toBeGreaterThan(50);
  expect(queueAfter).toBeLessThan(queueBefore / 2);
  expect(coldAfter).toBeLessThan(coldBefore / 2);
  await shot(page, 'marketing-too-strong-is-14');
});

test('an invalid value shows its message at the field and keeps the last results', async ({ page }) => {
  await fresh(page);
  await setField(page, 'field-replications', '30');
  await waitDone(page);
  const verdict = await page.getByTestId('verdict').textContent();
  await setField(page, 'field-insideSales-headcount', '-2');
  await expect(page.locator('.field.invalid').getByRole('alert')).toHaveText('Headcount: enter a number of 0 or more in steps of 0.05.');
  await expect(page.getByTestId('invalid-note')).toBeVisible();
  await expect(page.getByTestId('verdict')).toHaveText(verdict!);
  await expect(page.locator('g.dept')).toHaveCount(4);
  await expect(page.locator('#field-insideSales-headcount')).toHaveValue('-2');
  await shot(page, 'invalid-value');
});

test('a bad import file shows its errors and changes nothing', async ({ page }) => {
  await fresh(page);
  await setField(page, 'field-replications', '20');
  await waitDone(page);
  await page.getByTestId('import-input').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ version: 1, fieldSales: { winRate: 1.5 }, insideSalez: {} })) });
  const alert = page.getByTestId('import-errors');
  await expect(alert).toContainText('fieldSales.winRate: must be a probability between 0 and 1, got 1.5');
  await expect(alert).toContainText('insideSalez: is not a known field (check the spelling)');
  await expect(page.locator('#field-replications')).toHaveValue('20');
  await shot(page, 'bad-import');
});

test('switching language changes the labels', async ({ page }) => {
  await fresh(page, 'ja');
  await setField(page, 'field-replications', '20');
  await waitDone(page);
  await expect(page.locator('#card-insideSales')).toHaveText('インサイドセールス');
  await expect(page.locator('label[for="field-insideSales-sqlRate"]')).toHaveText('商談化率');
  await shot(page, 'japanese');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('#card-insideSales')).toHaveText('Inside Sales');
  await expect(page.locator('label[for="field-insideSales-sqlRate"]')).toHaveText('SQL rate (商談化率)');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('a reload restores the edited scenario', async ({ page }) => {
  await fresh(page);
  await setField(page, 'field-fieldSales-headcount', '7');
  await setField(page, 'field-replications', '10');
  await page.reload();
  await expect(page.locator('#field-fieldSales-headcount')).toHaveValue('7');
  await expect(page.locator('#field-replications')).toHaveValue('10');
});

test('the worker pool in Chromium gives byte-identical results with 1 and 2 workers and with other chunk sizes', async ({ page }) => {
  await fresh(page);
  const same = await page.evaluate(async () => {
    // Modules served by the Vite dev server, loaded in the page (not by this test's Node).
    const src = '/src/';
    const { browserPool } = (await import(/* @vite-ignore */ `${src}workers/browserWorkers.ts`)) as typeof import('../../src/workers/browserWorkers.ts');
    const { validateScenario } = (await import(/* @vite-ignore */ `${src}scenario/validate.ts`)) as typeof import('../../src/scenario/validate.ts');
    const v = validateScenario({ version: 1, replications: 6, horizonDays: 90, seed: 'chromium' });
    if (!v.ok) throw new Error(v.problems.join());
    const runs: string[] = [];
    for (const [size, maxChunk] of [[1, 25], [2, 25], [2, 1]]) {
      const pool = browserPool({ size, maxChunk, idleMs: 0 });
      runs.push(JSON.stringify((await pool.run(v.scenario)).result));
      pool.terminate();
    }
    return runs.every((r) => r === runs[0]) && runs[0].length > 1000;
  });
  expect(same).toBe(true);
});

test('during a re-run the flow picture keeps the inputs its bars were computed from (issue 12, item 6)', async ({ page }) => {
  await fresh(page);
  await setField(page, 'field-replications', '20');
  await waitDone(page);
  const heads = page.locator('g.dept[data-dept="insideSales"] text.heads');
  const before = (await heads.textContent())!;
  const old = Number(await page.locator('#field-insideSales-headcount').inputValue());
  await setField(page, 'field-insideSales-headcount', String(old + 5));
  // The edit re-runs after a pause and its first result comes later still: until
  // then the picture shows the last result with the headcount it was run with.
  await page.waitForTimeout(150);
  expect(await heads.textContent()).toBe(before);
  await waitDone(page);
  await expect(heads).toHaveText(before.replace(String(old), String(old + 5)));
});
