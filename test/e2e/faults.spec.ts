/**
 * Faults the user must hear about, in Chromium: storage that is full for the
 * working scenario, a simulation worker that dies without an error event, and a
 * share link pasted into a tab that already shows Funnel.
 */
import { test, expect } from '@playwright/test';
import { fresh, setField, waitDone } from './helpers.ts';

test('storage full for the working scenario: the edit is reported as not saved until a later save succeeds', async ({ page }) => {
  await fresh(page);
  await waitDone(page);
  // Storage is full for the baseline's key only: the variants' key still takes writes.
  await page.evaluate(() => {
    const w = window as unknown as { restoreSetItem: () => void };
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key === 'funnel.draft.v1') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.call(this, key, value);
    };
    w.restoreSetItem = () => (Storage.prototype.setItem = original);
  });
  await setField(page, 'field-insideSales-headcount', '7');
  // An alert that names the browser's error (found the same way in the old page, which cleared it at once).
  const alert = page.getByRole('alert').filter({ hasText: 'QuotaExceededError' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('the scenario (baseline) could not be saved');
  await expect(alert).toContainText('a reload would bring back the version saved before');
  // Another write that succeeds (the language) does not hide it.
  await page.getByRole('button', { name: '日本語' }).click();
  await expect(alert).toContainText('保存できませんでした(シナリオ(ベースライン))');
  await page.getByRole('button', { name: 'English' }).click();
  await setField(page, 'field-insideSales-headcount', '8');
  await expect(alert).toBeVisible();
  // Space again: the next edit is saved, the notice goes, and a reload keeps the edit.
  await page.evaluate(() => (window as unknown as { restoreSetItem: () => void }).restoreSetItem());
  await setField(page, 'field-insideSales-headcount', '9');
  await expect(alert).toHaveCount(0);
  await page.reload();
  await expect(page.locator('#field-insideSales-headcount')).toHaveValue('9');
});
