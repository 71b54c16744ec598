/**
 * Opening the app: the simulation workers boot while the page is being built, so
 * the page-load run's first chunk does not wait for them after the first layout.
 */
import { test, expect } from '@playwright/test';

test('the workers are started before the page is built, and the page-load run draws its picture', async ({ page }) => {
  // Each worker started notes whether the page's sticky bar existed at that moment.
  await page.addInitScript(() => {
    const w = window as unknown as { workersWithPage: boolean[] };
    w.workersWithPage = [];
    const Base = window.Worker;
    window.Worker = class extends Base {
      constructor(...args: ConstructorParameters<typeof Worker>) {
        w.workersWithPage.push(document.querySelector('[data-testid="sticky-bar"]') !== null);
        super(...args);
      }
    };
  });
  await page.goto('/');
  await expect(page.locator('g.dept[data-dept="insideSales"][data-utilisation]')).toHaveCount(1, { timeout: 60_000 });
  const started = await page.evaluate(() => (window as unknown as { workersWithPage: boolean[] }).workersWithPage);
  expect(started.length).toBeGreaterThan(0);
  expect(started).toEqual(started.map(() => false));
});
